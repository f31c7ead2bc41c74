/** What the operator passes on to the complainant after registering on their behalf: shown once. */
export interface Handout {
  ticket: string;
  accessCode: string;
}

const KEY = 'sop.console.handout';

/** Keeps the ticket and access code of a case just registered, for the case page to show once. */
export function keepHandout(caseId: string, handout: Handout): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ caseId, ...handout }));
  } catch {
    /* storage refused: the case page shows the ticket; the code is lost, the office records answers */
  }
}

/** The handout of `caseId`, removed as it is read: the access code is shown once. */
export function takeHandout(caseId: string): Handout | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const kept = JSON.parse(raw) as { caseId?: unknown; ticket?: unknown; accessCode?: unknown };
    if (kept.caseId !== caseId || typeof kept.ticket !== 'string' || typeof kept.accessCode !== 'string') return null;
    sessionStorage.removeItem(KEY);
    return { ticket: kept.ticket, accessCode: kept.accessCode };
  } catch {
    return null;
  }
}
