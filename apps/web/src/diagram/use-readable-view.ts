import { useEffect, useLayoutEffect, useRef } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import type { SwimlaneLayout } from '@sop/swimlane-layout';
import { readableViewport, type Viewport } from './readable-viewport';

/**
 * Opens the sheet at a readable zoom (readableViewport) when `key` changes and once the pane has a
 * size (when `enabled`); otherwise the view stays where the reader moved it (an edit does not move it).
 */
export function useReadableView(layout: SwimlaneLayout, key: unknown, enabled = true, onView?: (viewport: Viewport) => void): void {
  const flow = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const sized = width > 0 && height > 0;
  // read when the key changes, not followed: a resize or an edit keeps the reader's view
  const current = useRef({ layout, width, height, onView });
  useLayoutEffect(() => {
    current.current = { layout, width, height, onView };
  });
  useEffect(() => {
    if (!sized || !enabled) return;
    const frame = requestAnimationFrame(() => {
      const { layout: sheet, width: w, height: h, onView: then } = current.current;
      const viewport = readableViewport(sheet, { width: w, height: h });
      void flow.setViewport(viewport);
      then?.(viewport);
    });
    return () => cancelAnimationFrame(frame);
  }, [key, sized, flow, enabled]);
}
