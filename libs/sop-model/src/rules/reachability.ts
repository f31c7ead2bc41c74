import { error, type SopRule } from './sop-rule';
import type { SopGraph } from '../sop-graph';
import type { UnlocatedIssue } from '../sop-issue';

function reachable(from: string[], neighbours: (id: string) => string[]): Set<string> {
  const seen = new Set(from);
  const queue = [...from];
  while (queue.length) {
    for (const next of neighbours(queue.pop()!)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Steps reachable from the flow's start (from any of its starts, or from the one given). */
export function reachableFromStart(graph: SopGraph, startId?: string): Set<string> {
  const from = startId !== undefined ? [startId] : graph.starts.map((s) => s.id);
  if (!from.length) return new Set();
  return reachable(from, (id) =>
    graph
      .outgoing(id)
      .map((e) => e.to)
      .filter((to) => graph.stepById.has(to)),
  );
}

/** Steps from which some end can be reached. */
export function canReachEnd(graph: SopGraph): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const e of graph.edges) incoming.set(e.to, [...(incoming.get(e.to) ?? []), e.from]);
  return reachable(
    graph.ends.map((s) => s.id),
    (id) => incoming.get(id) ?? [],
  );
}

/**
 * True when the flow's steps are all connected: it has a start and an end, every step but an end
 * has a way on, and every transition names a step of the flow. Otherwise step-shape and
 * references-resolve report what is missing, and reachability would only echo it (a misspelt
 * `next` would make every later step unreachable).
 */
function isConnected(graph: SopGraph): boolean {
  return (
    graph.start !== undefined &&
    graph.ends.length > 0 &&
    graph.edges.every((e) => graph.stepById.has(e.to)) &&
    graph.flow.steps.every((s) => s.kind === 'end' || graph.outgoing(s.id).length > 0)
  );
}

/** Every step is reachable from a start, and an end is reachable from every step. */
export const reachability: SopRule = {
  id: 'reachability',
  check({ graphs }) {
    const issues: UnlocatedIssue[] = [];
    for (const graph of graphs) {
      if (!isConnected(graph)) continue;
      const fromStart = reachableFromStart(graph);
      const toEnd = canReachEnd(graph);
      graph.flow.steps.forEach((step, i) => {
        const at = `${graph.flow.pointer}/${i}/id`;
        if (!fromStart.has(step.id)) {
          issues.push(
            error(
              'unreachable-step',
              at,
              `step "${step.id}" cannot be reached from ${graph.starts.length > 1 ? `any start (${graph.starts.map((s) => `"${s.id}"`).join(', ')})` : `the start "${graph.start!.id}"`}: point a next or an outcome of an earlier step at it, or remove it`,
            ),
          );
        } else if (!toEnd.has(step.id)) {
          issues.push(
            error(
              'dead-end',
              at,
              `no end can be reached from step "${step.id}": a case there would never finish; give it a next or an outcome leading towards an end step`,
            ),
          );
        }
      });
    }
    return issues;
  },
};
