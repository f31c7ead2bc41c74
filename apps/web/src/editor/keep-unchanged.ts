import { sameData } from '@sop/model/graph';

/**
 * The next list of diagram nodes or edges, keeping each current object whose fields the next one
 * sets are unchanged (what React Flow added to it, such as its measured size, is kept too). React
 * Flow then leaves the kept ones alone: it re-measures and re-renders only what changed. The
 * current list itself is returned when nothing changed.
 *
 * A changed node of the same size (its text changed, say) keeps the size React Flow measured: a
 * node given without one is measured again, and until then React Flow forgets where its handles are
 * and takes the arrows to and from it out of the page, to put them back a frame later. Should its
 * box differ after all, React Flow's resize observer measures it again.
 *
 * @example
 * useEffect(() => setNodes((current) => keepUnchanged(current, computed)), [computed]);
 */
export function keepUnchanged<T extends { id: string }>(current: readonly T[], next: readonly T[]): T[] {
  const byId = new Map(current.map((x) => [x.id, x]));
  let changed = current.length !== next.length;
  const kept = next.map((x, i) => {
    const had = byId.get(x.id);
    if (had && (Object.keys(x) as (keyof T)[]).every((k) => sameData(had[k], x[k]))) {
      if (current[i] !== had) changed = true;
      return had;
    }
    changed = true;
    return had ? withMeasuredSize(had, x) : x;
  });
  return changed ? kept : (current as T[]);
}

interface Sized {
  width?: unknown;
  height?: unknown;
  measured?: unknown;
}

/** `next` with the size React Flow measured of `had`, when both are given the same size and `next` has none measured. */
function withMeasuredSize<T>(had: T, next: T): T {
  const a = had as Sized;
  const b = next as Sized;
  if (a.measured === undefined || b.measured !== undefined || a.width === undefined || a.width !== b.width || a.height !== b.height) return next;
  return { ...next, measured: a.measured };
}
