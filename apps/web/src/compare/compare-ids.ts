/** One SOP named in `?ids=`: `metro` is the latest version, `metro@2` its version 2. */
export interface CompareId {
  id: string;
  version: number | null;
}

export type ParsedIds =
  | { ok: true; items: CompareId[] }
  | { ok: false; problem: { key: 'compareBadIdItem' | 'compareDuplicate'; item: string } | { key: 'compareTooMany'; n: number } };

const ITEM = /^([a-z][a-z0-9-]*)(?:@([1-9]\d{0,8}))?$/;

/**
 * Reads `?ids=metro,buleleng` or `?ids=metro@1,metro@2` (two to five; fewer is a selection still
 * being made, not an error).
 */
export function parseCompareIds(search: string): ParsedIds {
  const raw = new URLSearchParams(search).get('ids') ?? '';
  const parts = raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const items: CompareId[] = [];
  for (const item of parts) {
    const m = ITEM.exec(item);
    if (!m) return { ok: false, problem: { key: 'compareBadIdItem', item } };
    const parsed = { id: m[1], version: m[2] ? Number(m[2]) : null };
    if (items.some((i) => i.id === parsed.id && i.version === parsed.version)) return { ok: false, problem: { key: 'compareDuplicate', item } };
    items.push(parsed);
  }
  if (items.length > 5) return { ok: false, problem: { key: 'compareTooMany', n: items.length } };
  return { ok: true, items };
}

export function formatCompareId(c: CompareId): string {
  return c.version === null ? c.id : `${c.id}@${c.version}`;
}

/** The `?ids=` query string for a selection ('' for none); commas stay readable. */
export function compareSearch(items: CompareId[]): string {
  return items.length ? `?ids=${items.map(formatCompareId).join(',')}` : '';
}
