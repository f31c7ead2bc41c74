import { useEffect } from 'react';

/**
 * Marks each new layout the editor commits (`performance.mark('sop-editor:drawn')`), for
 * `npm run bench:editor` and the browser's performance panel: a keystroke's time to the redrawn diagram.
 */
export function useDrawnMark(layout: unknown) {
  useEffect(() => {
    if (layout) performance.mark('sop-editor:drawn');
  }, [layout]);
}
