import { formatDuration, nominalWorkingMinutes, parseDuration, type Duration, type DurationUnit } from '@sop/business-time';
import type { LaneRole, ServiceStandard, SopDocument, Step } from './generated/sop-document';
import { isCitizenLane, isOtherRoleLane } from './known-roles';
import { buildSopGraph, flowsOf, type SopGraph } from './sop-graph';
import { isSourceIncomplete, sourceGaps, type SourceGap } from './source-gaps';

/** A sum of time limits, kept per unit because working and calendar time do not convert exactly. */
export interface TimeTotal {
  /** Amount per unit, e.g. { workingDay: 3, minute: 30 }. */
  parts: Partial<Record<DurationUnit, number>>;
  /** Steps on the path whose Waktu is blank or unknown: the total is a lower bound when any. */
  unknownSteps: string[];
  /** For ranking only: minutes with a working day as 7.5 h (see nominalWorkingMinutes). */
  nominalMinutes: number;
  /** e.g. "3 hari kerja + 30 menit (+ 1 langkah tanpa waktu)". */
  text: string;
}

/** A path from the start to an end with the time a case spends waiting in the office on it. */
export interface PathTime {
  steps: string[];
  end: string;
  total: TimeTotal;
}

export interface SopInspection {
  title: string;
  regency: string;
  timeZone: string;
  /** `roleDescription` is the SOP's own words for a lane of role `other`, null for a common role. */
  lanes: { id: string; name: string; role: LaneRole; roleDescription: string | null; steps: number }[];
  /** Steps of the per-complaint flow. */
  steps: number;
  decisions: { id: string; number: string | null; outcomes: string[] }[];
  /** The most escalations (one level up) a single complaint can go through. */
  escalationDepth: number;
  /** Fastest path to an end, counting the Waktu of task and decision steps and of an end that prints one. */
  bestCase: PathTime | null;
  /** Slowest path to an end; null when the flow loops (no upper bound). */
  worstCase: PathTime | null;
  loops: boolean;
  channels: { id: string; kind: string; label: string }[];
  periodic: { id: string; name: string; every: string; steps: number }[];
  unknownDurations: { step: string; waktu: string | null }[];
  /** The service standard the SOP prints (biaya, persyaratan, overall time, product), null when none. */
  service: ServiceStandard | null;
  /** The source's state: complete unless the SOP says it is cut off or damaged. */
  source: { complete: boolean; note: string | null };
  /** Steps, outcomes, jumps, timeout rules and channels marked inferred or incomplete. */
  gaps: SourceGap[];
  /** What the flow does beyond plain hand-overs: the citizen's own steps, coordination, units, routing, waits, documents. */
  constructs: SopConstructs;
}

/** The constructs of issue 10 an SOP uses (ADR 0010, 0014), as reviewers count and compare them. */
export interface SopConstructs {
  /** Steps the complainant works (a task or decision in the citizen's lane): their time is not the office's. */
  citizenSteps: { id: string; number: string | null; waktu: string | null; onTimeout: string | null }[];
  /** Steps that may ask other lanes, and which. */
  coordination: { step: string; lanes: string[] }[];
  /** Lanes that stand for units, the field that picks one, and the units. */
  units: { lane: string; field: string | null; units: string[] }[];
  /** Decisions routed by a form field. */
  routedDecisions: { step: string; field: string }[];
  /** Steps that wait for a date an officer sets. */
  scheduledWaits: { step: string; label: string | null }[];
  /** Outcomes that produce a named document. */
  documents: { step: string; outcome: string; document: string | null }[];
}

const UNIT_ORDER: DurationUnit[] = ['month', 'week', 'day', 'workingDay', 'hour', 'minute'];

/**
 * Whether a step's Waktu is time the complaint spends in the office: every task and decision, and an
 * end step that prints a Waktu (the final row's work, e.g. Metro's "Penyelesaian Pengaduan … 1 hari").
 * A start step's Waktu is the citizen's own, and an end with no Waktu is a bare terminator.
 */
export function countsAsOfficeTime(step: Step, citizenLanes: ReadonlySet<string> = NO_LANES): boolean {
  // a step the complainant works (ADR 0010) is their time, not the office's
  if (citizenLanes.has(step.lane) && step.kind !== 'end') return false;
  return step.kind === 'task' || step.kind === 'decision' || (step.kind === 'end' && step.waktu != null);
}

const NO_LANES: ReadonlySet<string> = new Set();

/** The ids of the SOP's citizen lanes (role pemohon). */
export function citizenLanesOf(sop: Pick<SopDocument, 'lanes'>): ReadonlySet<string> {
  return new Set(sop.lanes.filter(isCitizenLane).map((l) => l.id));
}

function limitOf(step: Step, citizenLanes: ReadonlySet<string> = NO_LANES): Duration | null {
  if (!countsAsOfficeTime(step, citizenLanes) || step.waktu == null) return null;
  const parsed = parseDuration(step.waktu);
  return parsed.known ? parsed.duration : null;
}

/** Sums the time limits of the waiting steps of a path (see countsAsOfficeTime; the citizen's steps are left out). */
export function totalTime(steps: Step[], citizenLanes: ReadonlySet<string> = NO_LANES): TimeTotal {
  const parts: Partial<Record<DurationUnit, number>> = {};
  const unknownSteps: string[] = [];
  let nominalMinutes = 0;
  for (const step of steps.filter((s) => countsAsOfficeTime(s, citizenLanes))) {
    const limit = limitOf(step, citizenLanes);
    if (!limit) {
      unknownSteps.push(step.id);
      continue;
    }
    parts[limit.unit] = (parts[limit.unit] ?? 0) + limit.amount;
    nominalMinutes += nominalWorkingMinutes(limit);
  }
  const shown = UNIT_ORDER.filter((u) => parts[u]).map((unit) =>
    formatDuration({ amount: parts[unit]!, unit, basis: unit === 'day' || unit === 'week' || unit === 'month' ? 'calendar' : 'working', text: '' }),
  );
  // No known time but steps of unknown time: the total is unknown, not zero.
  const base = shown.length ? shown.join(' + ') : unknownSteps.length ? 'tidak diketahui' : '0 menit';
  const text = base + (unknownSteps.length ? ` (+ ${unknownSteps.length} langkah tanpa waktu yang diketahui)` : '');
  return { parts, unknownSteps, nominalMinutes, text };
}

/** Topological order of the flow's steps, or null when it has a cycle. */
function topologicalOrder(graph: SopGraph): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  let cyclic = false;
  const visit = (id: string): void => {
    if (cyclic || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      cyclic = true;
      return;
    }
    state.set(id, 'visiting');
    for (const e of graph.outgoing(id)) if (graph.stepById.has(e.to)) visit(e.to);
    state.set(id, 'done');
    order.push(id);
  };
  for (const step of graph.flow.steps) visit(step.id);
  return cyclic ? null : order; // reverse post-order: successors come first
}

function extremePath(graph: SopGraph, order: string[] | null, better: (a: number, b: number) => boolean, citizenLanes: ReadonlySet<string>): PathTime | null {
  const start = graph.start;
  if (!start) return null;
  const best = new Map<string, { cost: number; next: string | null }>();
  const weight = (id: string): number => {
    const limit = limitOf(graph.stepById.get(id)!.step, citizenLanes);
    return limit ? nominalWorkingMinutes(limit) : 0;
  };
  if (order) {
    for (const id of order) {
      const step = graph.stepById.get(id)!.step;
      if (step.kind === 'end') {
        best.set(id, { cost: weight(id), next: null });
        continue;
      }
      let chosen: { cost: number; next: string | null } | undefined;
      for (const e of graph.outgoing(id)) {
        const after = best.get(e.to);
        if (!after) continue;
        const cost = weight(id) + after.cost;
        if (!chosen || better(cost, chosen.cost)) chosen = { cost, next: e.to };
      }
      if (chosen) best.set(id, chosen);
    }
  } else {
    // A cycle: Bellman-Ford style relaxation for the shortest path (costs are non-negative).
    for (const end of graph.ends) best.set(end.id, { cost: weight(end.id), next: null });
    for (let round = 0; round < graph.flow.steps.length; round++) {
      for (const step of graph.flow.steps) {
        if (step.kind === 'end') continue;
        for (const e of graph.outgoing(step.id)) {
          const after = best.get(e.to);
          if (!after) continue;
          const cost = weight(step.id) + after.cost;
          const current = best.get(step.id);
          if (!current || better(cost, current.cost)) best.set(step.id, { cost, next: e.to });
        }
      }
    }
  }
  if (!best.has(start.id)) return null;
  const path: string[] = [];
  for (let id: string | null = start.id; id !== null; id = best.get(id)!.next) path.push(id);
  return {
    steps: path,
    end: path[path.length - 1],
    total: totalTime(
      path.map((id) => graph.stepById.get(id)!.step),
      citizenLanes,
    ),
  };
}

function escalationDepth(graph: SopGraph): number {
  const memo = new Map<string, number>();
  const depth = (id: string, onPath: Set<string>): number => {
    if (memo.has(id)) return memo.get(id)!;
    onPath.add(id);
    let max = 0;
    for (const e of graph.outgoing(id)) {
      if (!graph.stepById.has(e.to) || onPath.has(e.to)) continue;
      max = Math.max(max, (e.escalates ? 1 : 0) + depth(e.to, onPath));
    }
    onPath.delete(id);
    memo.set(id, max);
    return max;
  };
  return graph.start ? depth(graph.start.id, new Set()) : 0;
}

/**
 * Summarises a validated SOP for reviewers: lanes, steps, decisions, escalation depth, best- and
 * worst-case time (the Waktu of the task and decision steps on the path, and of its end when the
 * final row prints one: the time a complaint spends in the office), channels and periodic procedures.
 *
 * @example
 * inspectSop(metro).worstCase?.total.text // "6 hari (+ 1 langkah tanpa waktu yang diketahui)"
 */
export function inspectSop(sop: SopDocument): SopInspection {
  const [main, ...periodic] = flowsOf(sop).map(buildSopGraph);
  const allSteps = [main, ...periodic].flatMap((g) => g.flow.steps);
  const order = topologicalOrder(main);
  const citizen = citizenLanesOf(sop);
  return {
    title: sop.identity.title,
    regency: sop.identity.regency,
    timeZone: sop.calendar.timeZone,
    lanes: sop.lanes.map((l) => ({
      id: l.id,
      name: l.name,
      role: l.role,
      roleDescription: isOtherRoleLane(l) ? (l.roleDescription ?? null) : null,
      steps: allSteps.filter((s) => s.lane === l.id).length,
    })),
    steps: sop.steps.length,
    decisions: sop.steps.filter((s) => s.kind === 'decision').map((s) => ({ id: s.id, number: s.number, outcomes: (s.outcomes ?? []).map((o) => o.label) })),
    escalationDepth: escalationDepth(main),
    bestCase: extremePath(main, order, (a, b) => a < b, citizen),
    worstCase: order ? extremePath(main, order, (a, b) => a > b, citizen) : null,
    loops: order === null,
    channels: (sop.intake?.channels ?? []).map((c) => ({ id: c.id, kind: c.kind, label: c.label })),
    periodic: periodic.map((g, i) => ({ id: g.flow.id, name: sop.periodic![i].name, every: sop.periodic![i].schedule.every, steps: g.flow.steps.length })),
    unknownDurations: allSteps
      .filter((s) => countsAsOfficeTime(s, citizen))
      .filter((s) => !limitOf(s, citizen))
      .map((s) => ({ step: s.id, waktu: s.waktu ?? null })),
    service: sop.service ?? null,
    source: { complete: !isSourceIncomplete(sop), note: sop.source?.note ?? null },
    gaps: sourceGaps(sop),
    constructs: constructsOf(sop, allSteps, citizen),
  };
}

function constructsOf(sop: SopDocument, steps: Step[], citizen: ReadonlySet<string>): SopConstructs {
  const timeoutText = (s: Step) => {
    const rule = s.onTimeout;
    if (!rule) return null;
    if (rule.action === 'choose') return `choose ${(s.outcomes ?? []).find((o) => o.id === rule.outcome)?.label ?? rule.outcome}`;
    return rule.action;
  };
  return {
    citizenSteps: steps
      .filter((s) => citizen.has(s.lane) && (s.kind === 'task' || s.kind === 'decision'))
      .map((s) => ({ id: s.id, number: s.number, waktu: s.waktu ?? null, onTimeout: timeoutText(s) })),
    coordination: steps.filter((s) => s.coordination?.length).map((s) => ({ step: s.id, lanes: s.coordination!.map((c) => c.lane) })),
    units: sop.lanes
      .filter((l) => l.units?.length)
      .map((l) => ({ lane: l.id, field: l.unitField ?? sop.intake?.categoryField ?? null, units: l.units!.map((u) => u.name) })),
    routedDecisions: steps.filter((s) => s.routeBy).map((s) => ({ step: s.id, field: s.routeBy!.field })),
    scheduledWaits: steps.filter((s) => s.schedule).map((s) => ({ step: s.id, label: s.schedule!.label ?? null })),
    documents: steps.flatMap((s) =>
      (s.outcomes ?? []).filter((o) => o.document !== undefined).map((o) => ({ step: s.id, outcome: o.label, document: o.document ?? null })),
    ),
  };
}
