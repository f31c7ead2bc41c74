import { CalendarRangeError, type Calendar } from '@sop/business-time';
import { startFor, type AllowedEvent, type CompiledFlow, type SopEvent, type StepMeta } from '@sop/compiler';
import { transition, type StateValue } from 'xstate';
import type { CaseState, KartuEntry } from './case-state';

/** Why an event was refused. */
export class EventNotAllowedError extends Error {
  constructor(
    message: string,
    readonly allowed: AllowedEvent[],
  ) {
    super(message);
  }
}

/** What the machine does with an event in a state: where it goes, its context there, whether it is final. */
interface MachineStep {
  value: StateValue;
  context: CaseState['snapshot']['context'];
  done: boolean;
}

/** The machine's answers, per machine, by state, context and event. */
const stepsOf = new WeakMap<CompiledFlow['machine'], Map<string, MachineStep>>();
/** Answers kept per machine, at most; the memo starts again past that. */
const KEPT_STEPS = 4096;

/**
 * The machine's answer to an event in a state, worked out by XState once per machine, state,
 * context and event: a compiled SOP's machine is a pure function of them, and the cases of a
 * regency pass through the same few dozen, where each answer cost XState an actor scope and the
 * machine's initial snapshot (about a twentieth of an event's CPU in the API). Null when the
 * state does not accept the event. The context given is a frozen copy: the cases share it.
 */
function machineStep(
  machine: CompiledFlow['machine'],
  value: CaseState['snapshot']['value'],
  context: CaseState['snapshot']['context'],
  event: SopEvent,
): MachineStep | null {
  let known = stepsOf.get(machine);
  if (!known) stepsOf.set(machine, (known = new Map<string, MachineStep>()));
  const key = JSON.stringify([value, context, event]);
  const kept = known.get(key);
  if (kept) return kept;
  const snapshot = machine.resolveState({ value, context });
  // a refusal is not kept: its event is the client's to make up (an unknown outcome), and it is rare
  if (!snapshot.can(event)) return null;
  const [next] = transition(machine, snapshot, event);
  // a copy: XState hands back the context it was given when the event does not change it
  const step: MachineStep = { value: next.value, context: deepFrozen(structuredClone(next.context)), done: next.status === 'done' };
  if (known.size >= KEPT_STEPS) known.clear();
  known.set(key, step);
  return step;
}

function deepFrozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFrozen(v);
    Object.freeze(value);
  }
  return value;
}

function deadlineFor(meta: StepMeta, calendar: Calendar, from: Date): Pick<CaseState, 'dueAt' | 'deadlinePending' | 'deadlineNote'> {
  if (meta.kind === 'end' || !meta.timeLimit) return { dueAt: null, deadlinePending: false, deadlineNote: null };
  try {
    return { dueAt: calendar.dueAt(from, meta.timeLimit), deadlinePending: true, deadlineNote: null };
  } catch (e) {
    if (e instanceof CalendarRangeError) return { dueAt: null, deadlinePending: false, deadlineNote: e.message };
    throw e;
  }
}

/**
 * The deadline of the step a case waits at, computed again from when it arrived there: for when the
 * holiday data changes (an official list replaces a provisional year). A finished case, a step
 * without a time limit, or a deadline that already fired keeps what it has.
 *
 * @example
 * const { dueAt } = recomputeDeadline(compiled, state, calendarWithThe2027List);
 */
export function recomputeDeadline(flow: CompiledFlow, state: CaseState, calendar: Calendar): Pick<CaseState, 'dueAt' | 'deadlinePending' | 'deadlineNote'> {
  const meta = stepAt(flow, state.step);
  const unchanged = { dueAt: state.dueAt, deadlinePending: state.deadlinePending, deadlineNote: state.deadlineNote };
  // a scheduled date is the officer's, not the calendar's
  if (!meta || state.status === 'done' || state.waitingUntil) return unchanged;
  // a deadline that fired stays fired; one that could not be computed (no holiday data) is tried again
  if (!state.deadlinePending && !(state.dueAt === null && state.deadlineNote !== null)) return unchanged;
  return deadlineFor(meta, calendar, state.stepEnteredAt);
}

function spentAt(state: CaseState, calendar: Calendar, now: Date): number | null {
  try {
    return Math.round(calendar.workingMinutesBetween(state.stepEnteredAt, now) * 10) / 10;
  } catch (e) {
    if (e instanceof CalendarRangeError) return null;
    throw e;
  }
}

/** The step a stored case is at: a case saved under another version may name a step this version lacks. */
function stepAt(flow: CompiledFlow, step: string): StepMeta | undefined {
  return flow.steps[step];
}

function describe(event: SopEvent): string {
  return event.type === 'CHOOSE' ? `CHOOSE "${event.outcome}"` : event.type;
}

/** The events the current step accepts from the person working it (none when the case is done). */
export function allowedEventsOf(flow: CompiledFlow, state: CaseState): AllowedEvent[] {
  return state.status === 'done' ? [] : flow.steps[state.step].events;
}

/**
 * Opens a case: the start step (the complaint being filed, or a periodic run beginning) is completed
 * at `now`, and the case waits at the step after it. In a flow with several ways in, the case opens
 * at the start of its channel (`startFor`; the machine's state is resolved there, see
 * docs/adr/0009-several-starts.md), and only what that start leads to is ever reachable.
 *
 * @example
 * const { state, entry } = startCase(compiled, calendar, new Date());
 * state.step // 'petugas-periksa' for Metro
 */
export function startCase(flow: CompiledFlow, calendar: Calendar, now: Date, channel?: string | null): { state: CaseState; entry: KartuEntry } {
  const initial = startFor(flow, channel);
  const startMeta = flow.steps[initial];
  const opening: CaseState = {
    step: initial,
    lane: startMeta.lane,
    status: 'open',
    endStep: null,
    snapshot: { value: initial, context: { overdue: [] } },
    stepEnteredAt: now,
    dueAt: null,
    deadlinePending: false,
    deadlineNote: null,
    overdue: false,
  };
  const { state, entry } = applyEvent(flow, calendar, opening, { type: 'COMPLETE' }, now);
  return { state, entry: { ...entry, event: 'START' } };
}

/**
 * Applies an event to a case at `now`: the machine decides whether the current step accepts it.
 * Returns the new state and the kartu kendali entry of the hand-over. EXPIRE applies the step's
 * timeout rule (flag: stays, marked overdue; escalate: moves one level up; complete: goes on;
 * choose: takes the named outcome). On a citizen's step (docs/adr/0010-the-citizen-acts.md) the
 * time passing settles the step without making the case overdue.
 *
 * @throws EventNotAllowedError when the case is done or the step does not accept the event.
 */
export function applyEvent(flow: CompiledFlow, calendar: Calendar, state: CaseState, event: SopEvent, now: Date): { state: CaseState; entry: KartuEntry } {
  const meta = stepAt(flow, state.step);
  if (!meta) throw new EventNotAllowedError(`the case is at step "${state.step}", which this SOP version does not have`, []);
  if (state.status === 'done') throw new EventNotAllowedError('the case is finished: no event is accepted', []);
  const allowed = allowedEventsOf(flow, state);
  if (event.type === 'EXPIRE' && !meta.onTimeout) {
    throw new EventNotAllowedError(`step "${state.step}" has no time limit, so it cannot expire`, allowed);
  }
  const next = machineStep(flow.machine, state.snapshot.value, state.snapshot.context, event);
  if (!next) {
    const offered = allowed.map((e) => (e.type === 'CHOOSE' ? `CHOOSE "${e.outcome}"` : e.type)).join(', ');
    throw new EventNotAllowedError(
      `step ${meta.number ?? '?'} "${meta.label ?? meta.stepId}" does not accept ${describe(event)}${offered ? `; it accepts ${offered}` : ''}`,
      allowed,
    );
  }
  const chosen = event.type === 'CHOOSE' ? event.outcome : event.type === 'EXPIRE' ? (meta.onTimeout?.outcome ?? null) : null;
  const value = next.value;
  if (typeof value !== 'string') {
    throw new Error(`the compiled machine reached the nested state ${JSON.stringify(value)}: a compiled SOP is a flat machine`);
  }
  const target = flow.steps[value];
  const moved = value !== state.step;
  const spent = spentAt(state, calendar, now);
  // one level up: the officer escalates, the deadline's rule escalates, or the outcome taken is an escalation
  const escalation =
    event.type === 'ESCALATE' ||
    (event.type === 'EXPIRE' && meta.onTimeout?.action === 'escalate') ||
    (chosen !== null && meta.events.some((e) => e.outcome === chosen && e.escalates));
  const entry: KartuEntry = {
    event: event.type,
    escalation,
    citizenStep: meta.citizen === true,
    // a decision settled by its time passing records the outcome the SOP takes
    outcome: chosen,
    document: chosen ? (meta.events.find((e) => e.outcome === chosen)?.document ?? null) : null,
    fromStep: state.step,
    fromLane: state.lane,
    toStep: value,
    toLane: target.lane,
    receivedAt: state.stepEnteredAt,
    handedOverAt: now,
    limitText: meta.waktu,
    dueAt: state.dueAt,
    spentWorkingMinutes: spent,
    // the citizen's own time is not the office's: a citizen step is never late
    overLimit: meta.citizen ? false : state.dueAt ? now.getTime() > state.dueAt.getTime() : null,
  };
  const done = next.done;
  const nextState: CaseState = {
    step: value,
    lane: target.lane,
    status: done ? 'done' : 'open',
    endStep: done ? value : null,
    snapshot: { value, context: next.context },
    stepEnteredAt: moved ? now : state.stepEnteredAt,
    ...(moved ? deadlineFor(target, calendar, now) : { dueAt: state.dueAt, deadlinePending: false, deadlineNote: state.deadlineNote }),
    // a citizen who does not answer in time settles the step (onTimeout): the office is not late
    overdue: state.overdue || (event.type === 'EXPIRE' && !meta.citizen),
    // a move ends a coordination and a scheduled wait; the unit of the next lane is the caller's to pick (unitFor)
    consulting: moved ? null : (state.consulting ?? null),
    waitingUntil: moved ? null : (state.waitingUntil ?? null),
    unit: moved ? null : (state.unit ?? null),
  };
  if (event.type !== 'EXPIRE' && !moved) {
    // every non-EXPIRE event moves the case; staying would mean the SOP loops on itself
    nextState.deadlinePending = state.deadlinePending;
  }
  return { state: nextState, entry };
}

/**
 * The unit of the step's lane a case goes to (ADR 0014): the unit whose values hold the case's value
 * of the lane's unit field; null when the lane has no units, or the value belongs to none (then the
 * whole lane, its Kabid, has the case).
 *
 * @example
 * unitFor(compiled.steps['bidang-tindak'], { bidang: 'Pencatatan Sipil' }) // 'capil'
 */
export function unitFor(meta: StepMeta | undefined, values: Record<string, unknown>): string | null {
  if (!meta?.units) return null;
  const value = values[meta.units.field];
  return typeof value === 'string' ? (meta.units.units.find((u) => u.values.includes(value))?.id ?? null) : null;
}

/** The outcome a routed decision takes for the case's field value (its `routeBy`), or null. */
export function suggestedOutcome(meta: StepMeta | undefined, values: Record<string, unknown>): string | null {
  if (!meta?.routeBy) return null;
  const value = values[meta.routeBy.field];
  return typeof value === 'string' ? (meta.events.find((e) => e.type === 'CHOOSE' && e.when?.includes(value))?.outcome ?? null) : null;
}

/** A kartu kendali line that keeps the case at its step (coordination, a scheduled wait). */
function sideLine(
  meta: StepMeta,
  state: CaseState,
  calendar: Calendar,
  now: Date,
  line: Pick<KartuEntry, 'event' | 'fromLane' | 'toLane' | 'receivedAt'> & Partial<KartuEntry>,
): KartuEntry {
  return {
    outcome: null,
    escalation: false,
    citizenStep: false,
    fromStep: state.step,
    toStep: state.step,
    handedOverAt: now,
    limitText: meta.waktu,
    dueAt: state.dueAt,
    spentWorkingMinutes: (() => {
      try {
        return Math.round(calendar.workingMinutesBetween(line.receivedAt, now) * 10) / 10;
      } catch (e) {
        if (e instanceof CalendarRangeError) return null;
        throw e;
      }
    })(),
    overLimit: null,
    document: null,
    scheduledFor: null,
    ...line,
  };
}

function openStep(flow: CompiledFlow, state: CaseState): StepMeta {
  const meta = stepAt(flow, state.step);
  if (!meta) throw new EventNotAllowedError(`the case is at step "${state.step}", which this SOP version does not have`, []);
  if (state.status === 'done') throw new EventNotAllowedError('the case is finished: no event is accepted', []);
  return meta;
}

/**
 * The case's lane asks another lane (a step's `coordination`): a CONSULT line from the asking lane to
 * the asked one; the case stays at its step and with its lane until the answer (or a move) comes.
 *
 * @throws EventNotAllowedError when the step does not coordinate with that lane, or already waits for an answer.
 */
export function consult(flow: CompiledFlow, calendar: Calendar, state: CaseState, lane: string, now: Date): { state: CaseState; entry: KartuEntry } {
  const meta = openStep(flow, state);
  const lanes = meta.coordination ?? [];
  if (!lanes.some((c) => c.lane === lane)) {
    throw new EventNotAllowedError(
      `step ${meta.number ?? '?'} "${meta.label ?? meta.stepId}" ${lanes.length ? `coordinates with ${lanes.map((c) => `"${c.lane}"`).join(', ')}, not "${lane}"` : 'coordinates with no other lane'}`,
      allowedEventsOf(flow, state),
    );
  }
  if (state.consulting)
    throw new EventNotAllowedError(
      `lane "${state.consulting.lane}" was asked already and has not answered: wait for its answer, or move the case`,
      allowedEventsOf(flow, state),
    );
  const entry = sideLine(meta, state, calendar, now, { event: 'CONSULT', fromLane: state.lane, toLane: lane, receivedAt: state.stepEnteredAt });
  return { state: { ...state, consulting: { lane, since: now } }, entry };
}

/** The asked lane answers: an ANSWER line back to the asking lane, which goes on with the case. */
export function answerConsultation(flow: CompiledFlow, calendar: Calendar, state: CaseState, now: Date): { state: CaseState; entry: KartuEntry } {
  const meta = openStep(flow, state);
  if (!state.consulting) throw new EventNotAllowedError('no lane was asked about this case: there is nothing to answer', allowedEventsOf(flow, state));
  const entry = sideLine(meta, state, calendar, now, {
    event: 'ANSWER',
    fromLane: state.consulting.lane,
    toLane: state.lane,
    receivedAt: state.consulting.since,
  });
  return { state: { ...state, consulting: null }, entry };
}

/**
 * The officer sets a date (a re-meeting, a visit, the step's `schedule`) and the case waits until
 * then: its deadline becomes that date, when the sweeper brings it back (resumeWait).
 *
 * @throws EventNotAllowedError when the step schedules nothing, or the date is not after `now`.
 */
export function scheduleWait(flow: CompiledFlow, calendar: Calendar, state: CaseState, until: Date, now: Date): { state: CaseState; entry: KartuEntry } {
  const meta = openStep(flow, state);
  if (!meta.schedule)
    throw new EventNotAllowedError(
      `step ${meta.number ?? '?'} "${meta.label ?? meta.stepId}" does not wait for a scheduled date`,
      allowedEventsOf(flow, state),
    );
  if (until.getTime() <= now.getTime()) throw new EventNotAllowedError('the scheduled date must be in the future', allowedEventsOf(flow, state));
  const entry = sideLine(meta, state, calendar, now, {
    event: 'SCHEDULE',
    fromLane: state.lane,
    toLane: state.lane,
    receivedAt: state.stepEnteredAt,
    scheduledFor: until,
  });
  return { state: { ...state, waitingUntil: until, dueAt: until, deadlinePending: true, deadlineNote: null }, entry };
}

/**
 * The scheduled date came: a RESUME line, and the step's Waktu counts again from now (the case is
 * back in its lane's inbox).
 */
export function resumeWait(flow: CompiledFlow, calendar: Calendar, state: CaseState, now: Date): { state: CaseState; entry: KartuEntry } {
  const meta = openStep(flow, state);
  if (!state.waitingUntil) throw new EventNotAllowedError('the case does not wait for a date', allowedEventsOf(flow, state));
  const entry = sideLine(meta, state, calendar, now, {
    event: 'RESUME',
    fromLane: state.lane,
    toLane: state.lane,
    receivedAt: state.stepEnteredAt,
    dueAt: state.waitingUntil,
  });
  return { state: { ...state, waitingUntil: null, stepEnteredAt: now, ...deadlineFor(meta, calendar, now) }, entry };
}
