import { nominalWorkingMinutes } from '@sop/business-time';
import type { CompiledFlow } from '@sop/compiler';

interface Ahead {
  /** Nominal working minutes from this step to the end (a step without a known limit counts 0). */
  cost: number;
  length: number;
  next: string | null;
}

/**
 * The steps a complaint waiting at `from` has ahead, as the ticket page lists them: the SOP's slowest
 * way from there to an end, the way the office means it to go.
 *
 * - Counted from where the case is, not from the start: a case on a branch off the SOP's slowest
 *   path, or behind its second start, still sees its way ahead.
 * - A way back to a step already on the way (a loop: "dikembalikan untuk diperbaiki") is not ahead,
 *   so a flow with a loop has a way ahead too, which its slowest path from the start (unbounded) has not.
 * - A rejection (the complaint refused, returned, archived) or a referral (handed to another agency)
 *   is not the way ahead while any other way reaches an end: the fastest way out of a flow is often
 *   its "Arsip", and nobody has decided yet that the complaint is not the office's.
 *
 * Slowest by nominal working time (`nominalWorkingMinutes`), then by the number of steps. Each step is
 * weighed once, without recursion (linear in the flow's size, whatever its length), so a way back met
 * from another branch is left out there too: this is a plain-words outlook for a complainant, not a deadline.
 */
export function pathAhead(flow: CompiledFlow, from: string): string[] {
  const table = slowestFrom(flow, from, false) ?? slowestFrom(flow, from, true);
  const path: string[] = [];
  for (let id = table?.get(from)?.next ?? null; id !== null && path.length < Object.keys(flow.steps).length; id = table?.get(id)?.next ?? null) path.push(id);
  return path;
}

/** Each step's slowest way to an end, from `from` (depth first, by an explicit stack); null when no end is reached. */
function slowestFrom(flow: CompiledFlow, from: string, rejections: boolean): Map<string, Ahead | null> | null {
  const memo = new Map<string, Ahead | null>();
  const onWay = new Set<string>();
  const stepOf = (id: string) => (Object.hasOwn(flow.steps, id) ? flow.steps[id] : undefined);
  const targets = (id: string): string[] => (stepOf(id)?.events ?? []).filter((e) => rejections || (!e.rejects && !e.refers)).map((e) => e.target);
  // a frame: the step and how many of its targets were looked at
  const stack: { id: string; at: number }[] = [{ id: from, at: 0 }];
  onWay.add(from);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const meta = stepOf(frame.id);
    const next = meta && meta.kind !== 'end' ? targets(frame.id)[frame.at] : undefined;
    if (next !== undefined) {
      frame.at += 1;
      if (!memo.has(next) && !onWay.has(next)) {
        onWay.add(next);
        stack.push({ id: next, at: 0 });
      }
      continue;
    }
    stack.pop();
    onWay.delete(frame.id);
    memo.set(frame.id, meta ? weigh(meta, targets(frame.id), memo, onWay) : null);
  }
  return memo.get(from) ? memo : null;
}

function weigh(meta: CompiledFlow['steps'][string], targets: string[], memo: Map<string, Ahead | null>, onWay: Set<string>): Ahead | null {
  const own = meta.timeLimit ? nominalWorkingMinutes(meta.timeLimit) : 0;
  if (meta.kind === 'end') return { cost: own, length: 1, next: null };
  let chosen: Ahead | null = null;
  for (const target of targets) {
    // a step still on the way is a way back; one not weighed is unknown
    const after = onWay.has(target) ? null : memo.get(target);
    if (!after) continue;
    const way = { cost: own + after.cost, length: after.length + 1, next: target };
    if (!chosen || way.cost > chosen.cost || (way.cost === chosen.cost && way.length > chosen.length)) chosen = way;
  }
  return chosen;
}
