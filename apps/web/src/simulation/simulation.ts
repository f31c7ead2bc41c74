import type { Calendar } from '@sop/business-time';
import { answerConsultation, applyEvent, consult, resumeWait, scheduleWait, startCase, type CaseState, type KartuEntry } from '@sop/case-engine';
import type { CompiledFlow, SopEvent, StepMeta } from '@sop/compiler';

/** A simulated case: the engine's state, its kartu kendali and the virtual clock. */
export interface Simulation {
  startedAt: Date;
  clock: Date;
  state: CaseState;
  kartu: KartuEntry[];
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Expiries applied in one clock move at most (a guard against a flow that keeps expiring). */
const MAX_EXPIRIES = 200;

/** Opens a simulated case at `at`, as the server does when a complaint is filed. */
export function startSimulation(flow: CompiledFlow, calendar: Calendar, at: Date, channel?: string | null): Simulation {
  // several ways in: the complaint is filed on `channel` and starts at that channel's start
  const { state, entry } = startCase(flow, calendar, at, channel);
  return { startedAt: at, clock: at, state, kartu: [entry] };
}

/** The person working the current step acts at the virtual clock's time. */
export function act(flow: CompiledFlow, calendar: Calendar, sim: Simulation, event: SopEvent): Simulation {
  const { state, entry } = applyEvent(flow, calendar, sim.state, event, sim.clock);
  return { ...sim, state, kartu: [...sim.kartu, entry] };
}

/** The step asks another lane (its `coordination`, ADR 0014): a CONSULT line; the case stays. */
export function consultLane(flow: CompiledFlow, calendar: Calendar, sim: Simulation, lane: string): Simulation {
  const { state, entry } = consult(flow, calendar, sim.state, lane, sim.clock);
  return { ...sim, state, kartu: [...sim.kartu, entry] };
}

/** The asked lane answers: an ANSWER line back to the asking lane. */
export function answer(flow: CompiledFlow, calendar: Calendar, sim: Simulation): Simulation {
  const { state, entry } = answerConsultation(flow, calendar, sim.state, sim.clock);
  return { ...sim, state, kartu: [...sim.kartu, entry] };
}

/** The officer sets a date (the step's `schedule`) and the case waits until then: a SCHEDULE line. */
export function scheduleUntil(flow: CompiledFlow, calendar: Calendar, sim: Simulation, until: Date): Simulation {
  const { state, entry } = scheduleWait(flow, calendar, sim.state, until, sim.clock);
  return { ...sim, state, kartu: [...sim.kartu, entry] };
}

/**
 * Moves the virtual clock to `to`. A scheduled date reached on the way brings the case back with
 * a RESUME line at that date (as the server's sweeper does, once), and its Waktu counts again from
 * there. Every deadline that passes on the way fires EXPIRE (the step's timeout rule) one minute
 * after it, as the sweeper would; an escalation may start a step whose own deadline also passes
 * before `to`.
 */
export function advanceClock(flow: CompiledFlow, calendar: Calendar, sim: Simulation, to: Date): Simulation {
  let { state, kartu } = sim;
  for (let i = 0; i < MAX_EXPIRIES; i++) {
    if (state.status !== 'done' && state.waitingUntil) {
      if (state.waitingUntil.getTime() > to.getTime()) break;
      const back = resumeWait(flow, calendar, state, state.waitingUntil);
      state = back.state;
      kartu = [...kartu, back.entry];
      continue;
    }
    const steps: Readonly<Partial<Record<string, StepMeta>>> = flow.steps;
    if (state.status === 'done' || !state.deadlinePending || !state.dueAt || !steps[state.step]?.onTimeout) break;
    const firesAt = new Date(state.dueAt.getTime() + MINUTE);
    if (firesAt.getTime() > to.getTime()) break;
    const next = applyEvent(flow, calendar, state, { type: 'EXPIRE' }, firesAt);
    state = next.state;
    kartu = [...kartu, next.entry];
  }
  return { ...sim, clock: to, state, kartu };
}

/** The steps reached so far, in order (the start step first). */
export function visitedSteps(sim: Simulation): string[] {
  const steps: string[] = [];
  for (const e of sim.kartu) {
    if (e.fromStep && !steps.includes(e.fromStep)) steps.push(e.fromStep);
    if (!steps.includes(e.toStep)) steps.push(e.toStep);
  }
  return steps;
}

/** The hand-overs that moved the case, as from→to pairs with the chosen outcome. */
export function movesOf(sim: Simulation): { from: string; to: string; outcome: string | null }[] {
  return sim.kartu.flatMap((e) => (e.fromStep && e.fromStep !== e.toStep ? [{ from: e.fromStep, to: e.toStep, outcome: e.outcome }] : []));
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of an instant in a time zone. */
export function localParts(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    partsFormatters.set(timeZone, f);
  }
  const get = (type: string) => Number(f.formatToParts(at).find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `YYYY-MM-DDTHH:mm` (the value of an `<input type="datetime-local">`) of an instant in a time zone. */
export function toLocalInput(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${localDate(at, timeZone)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant of a wall-clock `YYYY-MM-DDTHH:mm` in a time zone (the Indonesian zones have no DST). */
export function fromLocalInput(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += asUtc - shown;
  }
  return new Date(guess);
}

/**
 * The default start: 09:00 office time on the next working day after `now`. Any year works: years
 * without an official holiday list run on the provisional calendar.
 */
export function defaultStart(calendar: Calendar, now: Date): Date {
  const tz = calendar.timeZone;
  for (let d = new Date(now.getTime() + DAY), i = 0; i < 400; d = new Date(d.getTime() + DAY), i++) {
    const date = localDate(d, tz);
    if (calendar.isWorkingDay(date)) return nineOClock(date, tz);
  }
  return nineOClock(localDate(new Date(now.getTime() + DAY), tz), tz);
}

function nineOClock(date: string, tz: string): Date {
  const at = fromLocalInput(`${date}T09:00`, tz);
  if (!at) throw new Error(`${date}T09:00 is not a local time in ${tz}`);
  return at;
}
