import { CalendarRangeError, type Calendar } from '@sop/business-time';
import { startFor, type AllowedEvent, type CompiledFlow, type SopEvent, type StepMeta } from '@sop/compiler';
import { transition } from 'xstate';
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
  const meta = flow.steps[state.step];
  const unchanged = { dueAt: state.dueAt, deadlinePending: state.deadlinePending, deadlineNote: state.deadlineNote };
  if (!meta || state.status === 'done') return unchanged;
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
  const meta = flow.steps[state.step];
  if (!meta) throw new EventNotAllowedError(`the case is at step "${state.step}", which this SOP version does not have`, []);
  if (state.status === 'done') throw new EventNotAllowedError('the case is finished: no event is accepted', []);
  const allowed = allowedEventsOf(flow, state);
  if (event.type === 'EXPIRE' && !meta.onTimeout) {
    throw new EventNotAllowedError(`step "${state.step}" has no time limit, so it cannot expire`, allowed);
  }
  const snapshot = flow.machine.resolveState({ value: state.snapshot.value, context: state.snapshot.context });
  if (!snapshot.can(event)) {
    const offered = allowed.map((e) => (e.type === 'CHOOSE' ? `CHOOSE "${e.outcome}"` : e.type)).join(', ');
    throw new EventNotAllowedError(
      `step ${meta.number ?? '?'} "${meta.label ?? meta.stepId}" does not accept ${describe(event)}${offered ? `; it accepts ${offered}` : ''}`,
      allowed,
    );
  }
  const [next] = transition(flow.machine, snapshot, event);
  const value = String(next.value);
  const target = flow.steps[value];
  const moved = value !== state.step;
  const spent = spentAt(state, calendar, now);
  const entry: KartuEntry = {
    event: event.type,
    // a decision settled by its time passing records the outcome the SOP takes
    outcome: event.type === 'CHOOSE' ? event.outcome : event.type === 'EXPIRE' ? (meta.onTimeout?.outcome ?? null) : null,
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
  const done = next.status === 'done';
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
  };
  if (event.type !== 'EXPIRE' && !moved) {
    // every non-EXPIRE event moves the case; staying would mean the SOP loops on itself
    nextState.deadlinePending = state.deadlinePending;
  }
  return { state: nextState, entry };
}
