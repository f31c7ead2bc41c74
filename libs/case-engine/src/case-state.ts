import type { KartuEventType } from '@sop/api-contract';
import type { SopContext } from '@sop/compiler';

/** Where a case stands: what the runtime stores and the simulation shows. */
export interface CaseState {
  /** The step the case waits at (for a finished case: its end step). */
  step: string;
  lane: string;
  status: 'open' | 'done';
  /** The end step reached, when done. */
  endStep: string | null;
  /** The machine snapshot: enough to resume (docs/adr/0002). */
  snapshot: { value: string; context: SopContext };
  /** When the case arrived at its current step. */
  stepEnteredAt: Date;
  /** The current step's deadline; null when the step has no known time limit or the calendar cannot compute it. */
  dueAt: Date | null;
  /** True while a deadline is set and has not yet fired. */
  deadlinePending: boolean;
  /** Why there is no deadline although the step has a Waktu (e.g. no holiday data for the year). */
  deadlineNote: string | null;
  /** True once any deadline of the case has passed. */
  overdue: boolean;
  /** Another lane was asked (coordination) and has not answered yet; the case stays with its lane. */
  consulting?: { lane: string; since: Date } | null;
  /** The officer set a date and the case waits until then (its deadline is that date, then the step's Waktu again). */
  waitingUntil?: Date | null;
  /** The unit of the lane the case is with (a Bidang of a lane with units), picked by the case's field value. */
  unit?: string | null;
}

/** One kartu kendali line: a hand-over from one step (and lane) to the next. */
export interface KartuEntry {
  /**
   * The machine's events, and the side lines that keep the case at its step: CONSULT (a lane is asked)
   * and ANSWER (it answers), SCHEDULE (a date is set) and RESUME (the date came).
   */
  event: KartuEventType;
  outcome: string | null;
  fromStep: string | null;
  fromLane: string | null;
  toStep: string;
  toLane: string;
  /** When the case arrived at the from-step (received there). */
  receivedAt: Date;
  /** When it was handed over. */
  handedOverAt: Date;
  /** The from-step's Waktu as written. */
  limitText: string | null;
  /** The from-step's deadline. */
  dueAt: Date | null;
  /** Working time spent at the from-step. */
  spentWorkingMinutes: number | null;
  /** True when handed over after the deadline. */
  overLimit: boolean | null;
  /** The document the chosen outcome produces (berita acara, surat keberatan), as the SOP writes it. */
  document?: string | null;
  /** On a SCHEDULE line: the date the case waits until. */
  scheduledFor?: Date | null;
  /**
   * The hand-over took the complaint one level up: an officer's ESCALATE, a passed deadline whose rule
   * escalates, or a decision outcome (chosen, or taken when its time passed) of kind `escalation`.
   * Absent on lines written before the runtime said (the reports read those by their event).
   */
  escalation?: boolean;
  /**
   * The from-step was the complainant's own (ADR 0010): the time spent there is theirs, not the
   * office's, and the national view's time to close leaves it out. Absent on lines written before.
   */
  citizenStep?: boolean;
}
