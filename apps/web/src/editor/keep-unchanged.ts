import { sameData } from '@sop/model/graph';

/**
 * The next list of diagram nodes or edges, keeping each current object whose fields the next one
 * sets are unchanged (what React Flow added to it, such as its measured size, is kept too). React
 * Flow then leaves the kept ones alone: it re-measures and re-renders only what changed. The
 * current list itself is returned when nothing changed.
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
    return x;
  });
  return changed ? kept : (current as T[]);
}
