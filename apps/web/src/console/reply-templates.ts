import type { SopDocument } from '@sop/model';
import { requestJson } from '../api';

/** An office's own reply template (GET /api/reply-templates/{regency}). */
export interface OfficeTemplate {
  id: string;
  regency: string;
  title: string;
  body: string;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One entry of the reply picker: the SOP's own (its words) or the office's. */
export interface TemplateChoice {
  key: string;
  source: 'sop' | 'office';
  title: string;
  text: string;
}

/**
 * The placeholders a template may hold, with their English aliases. None of them is the
 * complainant's identity: a reply is read on the public ticket page, where the identity never shows.
 */
export const PLACEHOLDERS = {
  tiket: ['ticket'],
  kantor: ['office'],
  kabupaten: ['regency'],
  kontak: ['contact'],
} as const;
export type PlaceholderName = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Record<PlaceholderName, string>;

/**
 * The text of a template with its placeholders filled: `{tiket}` (or `{ticket}`) and the others of
 * PLACEHOLDERS, in any case and with spaces inside the braces. Any other `{word}` is left as written,
 * for the operator to see and edit.
 *
 * @example
 * fillTemplate('Pengaduan {tiket} selesai.', { tiket: 'MET-7K4Q9P', kantor: '', kabupaten: '', kontak: '' })
 * // 'Pengaduan MET-7K4Q9P selesai.'
 */
export function fillTemplate(text: string, values: PlaceholderValues): string {
  const names = new Map<string, PlaceholderName>();
  for (const [name, aliases] of Object.entries(PLACEHOLDERS) as [PlaceholderName, readonly string[]][]) {
    names.set(name, name);
    for (const a of aliases) names.set(a, name);
  }
  return text.replace(/\{\s*([A-Za-z]+)\s*\}/g, (whole, word: string) => {
    const name = names.get(word.toLowerCase());
    return name && values[name] ? values[name] : whole;
  });
}

/**
 * What the placeholders stand for on one case: its ticket, the office and regency as the SOP names
 * them, and the ways to reach the office the SOP lists (its intake channels, in its words).
 */
export function placeholderValues(ticket: string, sop: Pick<SopDocument, 'identity' | 'intake'> | null, regency: string): PlaceholderValues {
  const office = sop?.identity.office ?? '';
  const place = sop?.identity.regency ?? regency;
  return {
    tiket: ticket,
    // "DINAS … SIPIL" names no place, "DINAS … SIPIL KABUPATEN LUMAJANG" does: the regency only where it is missing
    kantor: office.toLowerCase().includes(place.toLowerCase()) ? office : [office, place].filter(Boolean).join(' '),
    kabupaten: place,
    kontak: (sop?.intake?.channels ?? []).map((c) => c.label).join(', '),
  };
}

/** The picker's entries: the SOP's templates first (verbatim but for placeholders), then the office's. */
export function templateChoices(sop: Pick<SopDocument, 'templates'> | null, office: readonly OfficeTemplate[], values: PlaceholderValues): TemplateChoice[] {
  return [
    ...(sop?.templates ?? []).map((t) => ({ key: `sop:${t.id}`, source: 'sop' as const, title: t.name, text: fillTemplate(t.text, values) })),
    ...office.map((t) => ({ key: `office:${t.id}`, source: 'office' as const, title: t.title, text: fillTemplate(t.body, values) })),
  ];
}

export const listOfficeTemplates = (token: string, regency: string, signal?: AbortSignal) =>
  requestJson<{ items: OfficeTemplate[]; canEdit: boolean }>(`/api/reply-templates/${encodeURIComponent(regency)}`, { token, signal });
export const createOfficeTemplate = (token: string, regency: string, body: { title: string; body: string }) =>
  requestJson<OfficeTemplate>(`/api/reply-templates/${encodeURIComponent(regency)}`, { method: 'POST', body, token });
export const updateOfficeTemplate = (token: string, regency: string, id: string, body: { title: string; body: string }) =>
  requestJson<OfficeTemplate>(`/api/reply-templates/${encodeURIComponent(regency)}/${encodeURIComponent(id)}`, { method: 'PUT', body, token });
export const deleteOfficeTemplate = (token: string, regency: string, id: string) =>
  requestJson<null>(`/api/reply-templates/${encodeURIComponent(regency)}/${encodeURIComponent(id)}`, { method: 'DELETE', token });
