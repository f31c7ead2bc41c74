import { useCallback, useEffect, useRef } from 'react';

/** The draft an author left in this browser: the YAML, and the version it was based on. */
export interface Draft {
  yaml: string;
  version: number;
}

export const draftKey = (id: string) => `sop.draft.${id}`;

export function readDraft(id: string): Draft | null {
  try {
    const raw = localStorage.getItem(draftKey(id));
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    return draft && typeof draft.yaml === 'string' ? draft : null;
  } catch {
    return null;
  }
}

/** How long typing must pause before the draft is written (a 300-step SOP is a 100 kB text). */
export const DRAFT_WRITE_DELAY_MS = 400;

function writeDraft(id: string, yaml: string, base: Draft) {
  try {
    if (yaml === base.yaml) localStorage.removeItem(draftKey(id));
    else localStorage.setItem(draftKey(id), JSON.stringify({ yaml, version: base.version } satisfies Draft));
  } catch {
    /* storage full or unavailable: the draft lasts for this page */
  }
}

/**
 * Keeps the draft in this browser: written once typing pauses ({@link DRAFT_WRITE_DELAY_MS}), not
 * on every keystroke, where serializing and storing the whole text cost each keystroke 1–2 ms at 300
 * steps; written at once when the page is hidden or left, and when the editor closes. Forgotten at
 * once when the text is the published one again.
 */
export function useDraftStorage(id: string, yaml: string, base: Draft) {
  const pending = useRef<(() => void) | null>(null);
  const flush = useCallback(() => {
    const write = pending.current;
    pending.current = null;
    write?.();
  }, []);
  useEffect(() => {
    if (yaml === base.yaml) {
      pending.current = null;
      writeDraft(id, yaml, base);
      return;
    }
    pending.current = () => writeDraft(id, yaml, base);
    // a newer text clears this timer; leaving the page may have written it already (flush is then a no-op)
    const timer = setTimeout(flush, DRAFT_WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [yaml, base, id, flush]);
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush(); // the editor closes (another page of the app): what was typed is kept
    };
  }, [flush]);
}
