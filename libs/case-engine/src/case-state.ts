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
}

/** One kartu kendali line: a hand-over from one step (and lane) to the next. */
export interface KartuEntry {
  event: 'START' | 'COMPLETE' | 'CHOOSE' | 'ESCALATE' | 'REJECT' | 'EXPIRE';
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
}
