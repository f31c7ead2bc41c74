import type { CaseState, KartuEntry } from '@sop/case-engine';

/**
 * A case as the services, views, work loop and integrations read it (docs/adr/0033-domain-case.md):
 * camelCase, instants as Dates. The repositories map the `cases` row to it (case-row.ts); nothing
 * outside them reads the table's shape.
 */
export interface Case {
  id: string;
  ticket: string;
  sopId: string;
  sopVersionId: string;
  kind: 'complaint' | 'periodic';
  /** The periodic task a periodic run is of, and its period; null for a complaint. */
  periodicId: string | null;
  period: string | null;
  step: string;
  lane: string;
  status: 'open' | 'done';
  endStep: string | null;
  snapshot: CaseState['snapshot'];
  version: number;
  channel: string | null;
  category: string | null;
  /** The form as filed, its confidential values opened (they are sealed in the database). */
  formData: Record<string, unknown>;
  overdue: boolean;
  stepEnteredAt: Date;
  dueAt: Date | null;
  deadlinePending: boolean;
  deadlineNote: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  /** The lane asked about the case (coordination) and since when; null when none is. */
  consultingLane: string | null;
  consultingSince: Date | null;
  /** The date an officer set; the case waits (off the inbox) until then. */
  waitingUntil: Date | null;
  /** The unit of the case's lane (a Bidang of a lane with units); null for the whole lane. */
  unit: string | null;
  /** The officer who claimed the case within its lane, by user id and name, and since when; null when nobody has. */
  assignedTo: string | null;
  assignedName: string | null;
  assignedAt: Date | null;
  /** The SHA-256 of the complainant's access code (docs/adr/0010); null for cases filed before it, and periodic runs. */
  accessCodeHash: string | null;
  /** The Open311 client key the request was filed with (ADR 0018); null otherwise. */
  open311KeyId: string | null;
  /** The blind index of the complainant's NIK and phone, and the key that made it (docs/adr/0023); null when none. */
  nikHash: string | null;
  phoneHash: string | null;
  blindKey: string | null;
  /** When the complaint was actually received (an officer's registration may come later); null: when it was filed. */
  receivedAt: Date | null;
  /** What the caller said, verbatim, as the officer wrote it down (opened; sealed in the database). */
  callerWords: string | null;
}

/** Who holds a case within its lane: what a claim or a hand-over writes. */
export type CaseAssignment = Pick<Case, 'assignedTo' | 'assignedName' | 'assignedAt'>;

/**
 * A line of a case's kartu kendali as recorded (the views word it for operators and the complainant):
 * the engine's hand-over (`KartuEntry`) with what the database adds to it.
 */
export interface KartuLineRecord extends Omit<KartuEntry, 'document' | 'scheduledFor'> {
  seq: number;
  /** The officer's user id; null for a line of the system or the complainant. */
  officerId: string | null;
  /** The officer's name, or the id of the system or the complainant that wrote the line (worded at display). */
  officerName: string;
  /** Internal: for the office only, never shown to the complainant. */
  note: string | null;
  /** The office's reply to the complainant, shown on the public ticket page. */
  reply: string | null;
  /** An officer recorded the citizen's answer at a citizen step on their behalf (phone, counter). */
  onBehalfOfCitizen: boolean;
  /** The document the chosen outcome produced (berita acara, surat keberatan); null when none. */
  document: string | null;
  /** On a SCHEDULE line: the date the case waits until; null otherwise. */
  scheduledFor: Date | null;
}

/** The latest line with a reply of a case, as the integrations' status notes read it (not every column). */
export type ReplyLine = Pick<
  KartuLineRecord,
  'seq' | 'event' | 'outcome' | 'fromStep' | 'fromLane' | 'toStep' | 'toLane' | 'receivedAt' | 'handedOverAt' | 'reply'
>;
