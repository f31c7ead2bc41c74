const KEY = 'sop.public.access-codes';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/**
 * The access code of a complaint filed in this browser tab's session, so that the complainant who
 * follows the ticket right away need not type it. Kept for the session only (never in localStorage:
 * a shared computer must not keep it); the complainant is told to write it down.
 */
export function rememberedAccessCode(ticket: string): string {
  try {
    const codes: unknown = JSON.parse(storage()?.getItem(KEY) ?? '{}');
    const code = typeof codes === 'object' && codes !== null ? (codes as Record<string, unknown>)[ticket] : undefined;
    return typeof code === 'string' ? code : '';
  } catch {
    return '';
  }
}

export function rememberAccessCode(ticket: string, code: string): void {
  try {
    const s = storage();
    const codes: unknown = JSON.parse(s?.getItem(KEY) ?? '{}');
    const next = { ...(typeof codes === 'object' && codes !== null ? codes : {}), [ticket]: code };
    s?.setItem(KEY, JSON.stringify(next));
  } catch {
    /* storage refused: the code is on screen to write down */
  }
}
