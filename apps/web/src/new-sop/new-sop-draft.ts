/**
 * A new SOP before its first publication lives in this browser's localStorage, keyed by its id
 * (docs/adr/0012-new-regency-from-the-browser.md): `sop.new.<id>` holds the starting YAML the
 * editor opens on; the editor keeps the author's changes under its usual `sop.draft.<id>`.
 */
export interface NewSopDraft {
  yaml: string;
  regency: string;
  /** "kosong", or the SOP it was copied from as "<id>@<version>". */
  start: string;
  createdAt: string;
}

const key = (id: string) => `sop.new.${id}`;

export function readNewSopDraft(id: string): NewSopDraft | null {
  try {
    const raw = localStorage.getItem(key(id));
    const draft = raw ? (JSON.parse(raw) as NewSopDraft) : null;
    return draft && typeof draft.yaml === 'string' ? draft : null;
  } catch {
    return null;
  }
}

/** Keeps the starting point; throws when the browser refuses to store it (the page says so). */
export function writeNewSopDraft(id: string, draft: NewSopDraft): void {
  localStorage.setItem(key(id), JSON.stringify(draft));
  // an editor draft left from an earlier attempt at the same id would hide the new start
  localStorage.removeItem(`sop.draft.${id}`);
}

/** Once the SOP is published, the server holds it: the browser's copy goes. */
export function forgetNewSopDraft(id: string): void {
  try {
    localStorage.removeItem(key(id));
  } catch {
    /* nothing stored */
  }
}
