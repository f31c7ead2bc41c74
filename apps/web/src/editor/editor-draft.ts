import { useEffect } from 'react';

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

/** Keeps the draft in this browser with every change: forgotten when the text is the published one again. */
export function useDraftStorage(id: string, yaml: string, base: Draft) {
  useEffect(() => {
    try {
      if (yaml === base.yaml) localStorage.removeItem(draftKey(id));
      else localStorage.setItem(draftKey(id), JSON.stringify({ yaml, version: base.version } satisfies Draft));
    } catch {
      /* storage full or unavailable: the draft lasts for this page */
    }
  }, [yaml, base, id]);
}
