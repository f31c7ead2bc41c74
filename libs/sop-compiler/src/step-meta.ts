import type { Duration } from '@sop/business-time';
import type { StepKind, TextList } from '@sop/model';
import type { AllowedEvent } from './sop-events';

/** What a compiled state carries in its `meta`: everything the runtime and the UI show of a step. */
export interface StepMeta {
  stepId: string;
  number: string | null;
  kind: StepKind;
  lane: string;
  laneName: string;
  /** The common national role of the lane (pemohon, petugas, kasi, helpdesk, ppid, …), or `other`. */
  role: string;
  /** For a lane of role `other`, what the role is in the SOP's own words; null for a common role. */
  roleDescription: string | null;
  label: string | null;
  activity: string | null;
  kelengkapan: TextList;
  /** Waktu as written. */
  waktu: string | null;
  /** Waktu parsed; null when blank or unknown (then the step has no deadline). */
  timeLimit: Duration | null;
  output: string | null;
  keterangan: string | null;
  /**
   * What happens when the time limit passes; null when the step has no time limit or is final.
   * flag: stays, marked overdue; escalate: to `target`; complete: on to the next step (`target`);
   * choose: the decision takes `outcome` (to `target`).
   */
  onTimeout: {
    action: 'flag' | 'escalate' | 'complete' | 'choose';
    target: string | null;
    outcome?: string;
    /** The rule is not printed in the source: a decision of the transcriber or the platform (its provenance note). */
    inferred?: { note: string | null };
  } | null;
  /**
   * A task or decision in the citizen's lane (role pemohon): the complainant works it from the ticket
   * page; its time passing settles it (onTimeout) and does not make the case overdue. Absent (false)
   * on every other step, and in machines compiled before citizens could act.
   */
  citizen?: boolean;
  /** Other lanes the step may ask while it keeps the case (ADR 0014): a question and an answer on the kartu kendali. */
  coordination?: { lane: string; laneName: string; label: string | null }[];
  /** On a decision: the form field whose value picks the outcome (each outcome's `when`). */
  routeBy?: { field: string };
  /** The officer may set a date and the case waits until then (a re-meeting). */
  schedule?: { label: string | null };
  /** The step's lane stands for units (Bidang, Seksi): the case goes to the unit of its `field` value. */
  units?: { field: string; units: { id: string; name: string; values: string[] }[] };
  /**
   * On a citizen step: the office lanes that see the case in their inbox while it waits for the
   * citizen, and may record the citizen's answer on their behalf (phone, counter). They are the lanes
   * of the office steps that lead to it (else those it leads to).
   */
  onBehalfLanes?: string[];
  /** The events the step accepts from the person working it. */
  events: AllowedEvent[];
  template: string | null;
  /**
   * On a start of a flow with several ways in: the intake channels whose complaints begin here.
   * Absent on every other step, and on the start of a flow with one start (it serves every channel).
   */
  channels?: string[];
}
