import { parseDuration } from '@sop/business-time';
import { buildSopGraph, flowsOf, isCitizenLane, OTHER_ROLE, type SopDocument, type SopGraph, type Step } from '@sop/model';
import { assign, setup } from 'xstate';
import type { AllowedEvent, SopContext, SopEvent } from './sop-events';
import type { StepMeta } from './step-meta';

/** A transition in the JSON machine config; guards and actions are referenced by name. */
export interface TransitionConfig {
  target?: string;
  guard?: { type: 'isOutcome'; params: { outcome: string } };
  actions?: { type: 'markOverdue'; params: { step: string } };
}

/** One state of the machine config: a step. */
export interface StateConfig {
  type?: 'final';
  meta: StepMeta;
  on?: Partial<Record<SopEvent['type'], TransitionConfig | TransitionConfig[]>>;
}

/** The machine config as plain JSON (what `sop compile` prints), states keyed by step id. */
export interface SopMachineConfig {
  id: string;
  initial: string;
  context: SopContext;
  states: Record<string, StateConfig>;
}

/** Guards and actions the JSON config refers to by name. */
const machineSetup = setup({
  types: {} as { context: SopContext; events: SopEvent },
  guards: {
    isOutcome: ({ event }, params: { outcome: string }) => event.type === 'CHOOSE' && event.outcome === params.outcome,
  },
  actions: {
    markOverdue: assign(({ context }, params: { step: string }) => ({
      overdue: context.overdue.includes(params.step) ? context.overdue : [...context.overdue, params.step],
    })),
  },
});

/** Creates the executable XState machine from a JSON config (compiled now or stored earlier). */
export function createSopMachine(config: SopMachineConfig) {
  // The JSON config is the machine's serialised form; its named guards and actions come from machineSetup.
  return machineSetup.createMachine(config as Parameters<typeof machineSetup.createMachine>[0]);
}

export type SopMachine = ReturnType<typeof createSopMachine>;

/** One compiled flow: the per-complaint flow or a periodic procedure. */
export interface CompiledFlow {
  id: string;
  config: SopMachineConfig;
  machine: SopMachine;
  /** Step meta by step id (the same objects as in the config's `meta`). */
  steps: Record<string, StepMeta>;
}

export interface CompiledSop extends CompiledFlow {
  sopId: string;
  /** Periodic procedures by id. */
  periodic: Record<string, CompiledFlow>;
}

function allowedEvents(graph: SopGraph, step: Step): AllowedEvent[] {
  return graph.outgoing(step.id).map((edge) => {
    const outcome = edge.outcome !== undefined ? step.outcomes?.find((o) => o.id === edge.outcome) : undefined;
    return {
      type: edge.kind === 'next' ? 'COMPLETE' : edge.kind === 'outcome' ? 'CHOOSE' : edge.kind === 'escalation' ? 'ESCALATE' : 'REJECT',
      ...(edge.outcome !== undefined ? { outcome: edge.outcome } : {}),
      label: edge.label ?? null,
      target: edge.to,
      escalates: edge.escalates,
      rejects: edge.rejects,
      ...(edge.refers ? { refers: true as const } : {}),
      ...(outcome?.when ? { when: [...outcome.when] } : {}),
      ...(outcome?.document !== undefined ? { document: outcome.document } : {}),
    };
  });
}

/** The one event of a list, or undefined when there is none or more than one. */
function only(events: AllowedEvent[]): AllowedEvent | undefined {
  return events.length === 1 ? events[0] : undefined;
}

/** Where a step's timeout rule takes the case, from its allowed events. */
function timeoutOf(step: Step, events: AllowedEvent[]): NonNullable<StepMeta['onTimeout']> {
  const action = step.onTimeout?.action ?? 'flag';
  switch (action) {
    case 'escalate':
      // several escalation outcomes need action: choose (the validator says so): none is guessed
      return { action, target: only(events.filter((e) => e.escalates))?.target ?? null };
    case 'complete':
      return { action, target: events.find((e) => e.type === 'COMPLETE')?.target ?? null };
    case 'choose': {
      const outcome = step.onTimeout?.outcome;
      return { action, target: events.find((e) => e.type === 'CHOOSE' && e.outcome === outcome)?.target ?? null, ...(outcome ? { outcome } : {}) };
    }
    default:
      return { action: 'flag', target: null };
  }
}

/** A timeout rule marked inferred in the SOP says so, with its note (ADR 0011): the UI calls it a platform decision. */
function withProvenance(rule: NonNullable<StepMeta['onTimeout']>, step: Step): NonNullable<StepMeta['onTimeout']> {
  const provenance = step.onTimeout?.provenance;
  return provenance?.status === 'inferred' ? { ...rule, inferred: { note: provenance.note ?? null } } : rule;
}

/**
 * The office lanes that answer for a citizen step: the lanes of the office steps that lead to it, or,
 * when only citizen steps do, of the office steps it leads to.
 */
function onBehalfLanesOf(graph: SopGraph, step: Step, citizenLanes: Set<string>): string[] {
  const officeLane = (id: string) => {
    const lane = graph.stepById.get(id)?.step.lane;
    return lane !== undefined && !citizenLanes.has(lane) ? [lane] : [];
  };
  const before = graph.flow.steps.filter((s) => graph.outgoing(s.id).some((e) => e.to === step.id)).flatMap((s) => officeLane(s.id));
  const lanes = before.length ? before : graph.outgoing(step.id).flatMap((e) => officeLane(e.to));
  return [...new Set(lanes)];
}

/** The units of a lane and the field that picks one (its unitField, else intake.categoryField). */
function unitsOf(sop: SopDocument, laneId: string): Pick<StepMeta, 'units'> {
  const lane = sop.lanes.find((l) => l.id === laneId);
  const field = lane?.unitField ?? sop.intake?.categoryField;
  if (!lane?.units || !field) return {};
  return { units: { field, units: lane.units.map((u) => ({ id: u.id, name: u.name, values: [...u.values] })) } };
}

function compileFlow(sop: SopDocument, graph: SopGraph, machineId: string): CompiledFlow {
  const lanes = new Map(sop.lanes.map((l) => [l.id, l]));
  const citizenLanes = new Set(sop.lanes.filter(isCitizenLane).map((l) => l.id));
  const states: Record<string, StateConfig> = {};
  const steps: Record<string, StepMeta> = {};
  for (const step of graph.flow.steps) {
    const parsed = step.waktu == null ? null : parseDuration(step.waktu);
    const timeLimit = parsed?.known ? parsed.duration : null;
    const events = step.kind === 'end' ? [] : allowedEvents(graph, step);
    // a decision may have several outcomes of one kind (LAPOR!'s "bukan wewenang" and "arsipkan" both
    // refuse): then the officer chooses which, and a bare ESCALATE or REJECT, which would not say, is not taken
    const escalation = only(events.filter((e) => e.escalates));
    const rejection = only(events.filter((e) => e.rejects));
    const citizen = citizenLanes.has(step.lane) && (step.kind === 'task' || step.kind === 'decision');
    const meta: StepMeta = {
      stepId: step.id,
      number: step.number,
      kind: step.kind,
      lane: step.lane,
      laneName: lanes.get(step.lane)?.name ?? step.lane,
      role: lanes.get(step.lane)?.role ?? 'unknown',
      roleDescription: lanes.get(step.lane)?.role === OTHER_ROLE ? (lanes.get(step.lane)?.roleDescription ?? null) : null,
      label: step.label ?? null,
      activity: step.activity,
      kelengkapan: step.kelengkapan ?? null,
      waktu: step.waktu ?? null,
      timeLimit,
      output: step.output ?? null,
      keterangan: step.keterangan ?? null,
      onTimeout: step.kind === 'end' || !timeLimit ? null : withProvenance(timeoutOf(step, events), step),
      events,
      template: step.template ?? null,
      ...(citizen ? { citizen: true, onBehalfLanes: onBehalfLanesOf(graph, step, citizenLanes) } : {}),
      ...(step.coordination
        ? { coordination: step.coordination.map((c) => ({ lane: c.lane, laneName: lanes.get(c.lane)?.name ?? c.lane, label: c.label ?? null })) }
        : {}),
      ...(step.routeBy ? { routeBy: { field: step.routeBy.field } } : {}),
      ...(step.schedule ? { schedule: { label: step.schedule.label ?? null } } : {}),
      ...unitsOf(sop, step.lane),
      ...(step.kind === 'start' && step.channels && graph.starts.length > 1 ? { channels: [...step.channels] } : {}),
    };
    steps[step.id] = meta;
    if (step.kind === 'end') {
      states[step.id] = { type: 'final', meta };
      continue;
    }
    const on: StateConfig['on'] = {};
    const next = events.find((e) => e.type === 'COMPLETE');
    if (next) on.COMPLETE = { target: next.target };
    const choices = events.filter((e) => e.type === 'CHOOSE');
    if (choices.length) on.CHOOSE = choices.map((e) => ({ guard: { type: 'isOutcome', params: { outcome: e.outcome! } }, target: e.target }));
    if (escalation) on.ESCALATE = { target: escalation.target };
    if (rejection) on.REJECT = { target: rejection.target };
    if (meta.onTimeout) {
      on.EXPIRE = {
        ...(meta.onTimeout.target ? { target: meta.onTimeout.target } : {}),
        // the citizen not answering in time is how the SOP settles the step, not a delay of the office
        ...(citizen ? {} : { actions: { type: 'markOverdue', params: { step: step.id } } }),
      };
    }
    states[step.id] = { meta, on };
  }
  // a flow without a start (a source cut off before it; runnability says it runs no cases) starts nowhere useful: its first step
  const config: SopMachineConfig = { id: machineId, initial: graph.start?.id ?? graph.flow.steps[0].id, context: { overdue: [] }, states };
  return { id: machineId, config, machine: createSopMachine(config), steps };
}

/**
 * Compiles a validated SOP into XState v5 machines: a state per step keyed by step id, with the
 * step's lane, Mutu Baku and parsed time limit in `meta`; COMPLETE, CHOOSE, ESCALATE and REJECT
 * events as the SOP allows; EXPIRE for a passed deadline (deadlines are kept outside the machine,
 * see docs/adr/0002-deadlines-outside-the-machine.md); final states for the SOP's ends. An SOP whose
 * source is cut off (no start, dead ends: `runnability` in @sop/model says it runs no cases) compiles
 * as written, for viewing; callers check `runnability` before running cases on it.
 *
 * @example
 * const { sop } = validateSop(yamlText);
 * const compiled = compileSop(sop!, { id: 'metro' });
 * const actor = createActor(compiled.machine).start();
 * actor.send({ type: 'COMPLETE' }); // the complaint is filed
 */
export function compileSop(sop: SopDocument, options: { id: string }): CompiledSop {
  const [main, ...periodicGraphs] = flowsOf(sop).map(buildSopGraph);
  const compiled = compileFlow(sop, main, options.id);
  const periodic: Record<string, CompiledFlow> = {};
  for (const graph of periodicGraphs) periodic[graph.flow.id] = compileFlow(sop, graph, `${options.id}:${graph.flow.id}`);
  return { ...compiled, sopId: options.id, periodic };
}

/** The JSON form of a compiled SOP, as stored with a published version. */
export interface StoredCompiledSop {
  main: SopMachineConfig;
  periodic: Record<string, SopMachineConfig>;
}

function flowFromConfig(config: SopMachineConfig): CompiledFlow {
  const steps = Object.fromEntries(Object.entries(config.states).map(([id, state]) => [id, state.meta]));
  return { id: config.id, config, machine: createSopMachine(config), steps };
}

/** Serialises a compiled SOP for storage (plain JSON). */
export function storeCompiledSop(compiled: CompiledSop): StoredCompiledSop {
  return { main: compiled.config, periodic: Object.fromEntries(Object.entries(compiled.periodic).map(([id, f]) => [id, f.config])) };
}

/**
 * Rebuilds a compiled SOP from its stored JSON, so a case keeps running on the machine it started
 * with even after the compiler changes.
 *
 * @example
 * const again = restoreCompiledSop('metro', JSON.parse(JSON.stringify(storeCompiledSop(compiled))));
 */
export function restoreCompiledSop(sopId: string, stored: StoredCompiledSop): CompiledSop {
  const main = flowFromConfig(stored.main);
  return { ...main, sopId, periodic: Object.fromEntries(Object.entries(stored.periodic).map(([id, c]) => [id, flowFromConfig(c)])) };
}
