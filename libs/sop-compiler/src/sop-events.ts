import type { MachineEventType } from '@sop/api-contract';

/**
 * Events a case machine accepts: the API's machine events (their names written once, in
 * `@sop/api-contract`), CHOOSE with the outcome chosen, and EXPIRE, which only the deadline sweep sends.
 */
export type SopEvent = { type: Exclude<MachineEventType, 'CHOOSE'> } | { type: 'CHOOSE'; outcome: string } | { type: 'EXPIRE' };

export type SopEventType = SopEvent['type'];

/** The machine's context: the steps whose time limit passed while the case waited there. */
export interface SopContext {
  overdue: string[];
}

/** An event the current step accepts, as offered to the person working it. */
export interface AllowedEvent {
  type: Exclude<SopEventType, 'EXPIRE'>;
  /** The decision outcome's id, for CHOOSE. */
  outcome?: string;
  /** The outcome's or jump's label as written in the SOP; null when the SOP names none. */
  label: string | null;
  /** The step the event leads to. */
  target: string;
  escalates: boolean;
  rejects: boolean;
  /** The outcome hands the complaint to the agency whose it is (kind referral): it leaves the office. */
  refers?: true;
  /** With the decision's routeBy: the field values that lead to this outcome. */
  when?: string[];
  /** The document the outcome produces, as written (berita acara, surat keberatan). */
  document?: string | null;
}
