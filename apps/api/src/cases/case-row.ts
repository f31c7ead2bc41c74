import type { KartuEventType } from '@sop/api-contract';
import type { CaseState } from '@sop/case-engine';
import type { Case, CaseAssignment, KartuLineRecord, ReplyLine } from './case';

/**
 * The persistence shape of a case and of its kartu kendali lines (docs/adr/0033-domain-case.md):
 * the tables' columns as the driver gives them. Only the repositories read these rows; they hand
 * the rest of the API a {@link Case} and {@link KartuLineRecord} made by {@link toCase} and {@link toKartuLine}.
 */

/** A `timestamptz` column: a Date from the driver (a string only where a row was read back from JSON). */
type Timestamp = Date | string;

/** A row of `cases` (SELECT *, RETURNING *). */
export interface CaseRow {
  id: string;
  ticket: string;
  sop_id: string;
  sop_version_id: string;
  kind: 'complaint' | 'periodic';
  periodic_id: string | null;
  period: string | null;
  step: string;
  lane: string;
  status: 'open' | 'done';
  end_step: string | null;
  snapshot: CaseState['snapshot'];
  version: number;
  channel: string | null;
  category: string | null;
  form_data: Record<string, unknown>;
  overdue: boolean;
  step_entered_at: Timestamp;
  due_at: Timestamp | null;
  deadline_pending: boolean;
  deadline_note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
  consulting_lane: string | null;
  consulting_since: Timestamp | null;
  waiting_until: Timestamp | null;
  unit: string | null;
  assigned_to: string | null;
  assigned_name: string | null;
  assigned_at: Timestamp | null;
  access_code_hash: string | null;
  /** Optional as before: a row built by hand may leave it out (read as null). */
  open311_key_id?: string | null;
  nik_hash: string | null;
  phone_hash: string | null;
  blind_key: string | null;
  received_at: Timestamp | null;
  /** Sealed in the database: the repository opens it. */
  caller_words: string | null;
}

/** A row of `kartu_kendali` without its case id (the columns of KARTU_COLUMNS after `case_id`). */
export interface KartuRow {
  seq: number;
  event: KartuEventType;
  outcome: string | null;
  from_step: string | null;
  from_lane: string | null;
  to_step: string;
  to_lane: string;
  received_at: Timestamp;
  handed_over_at: Timestamp;
  officer_id: string | null;
  officer_name: string;
  limit_text: string | null;
  due_at: Timestamp | null;
  spent_working_minutes: number | null;
  over_limit: boolean | null;
  note: string | null;
  reply: string | null;
  on_behalf_of_citizen: boolean;
  /** Null on lines without one; absent where a statement does not read it. */
  document?: string | null;
  scheduled_for?: Timestamp | null;
}

/** The columns of a kartu line that the integrations' latest reply reads. */
export type ReplyRow = Pick<
  KartuRow,
  'seq' | 'event' | 'outcome' | 'from_step' | 'from_lane' | 'to_step' | 'to_lane' | 'received_at' | 'handed_over_at' | 'reply'
>;

/** The columns of a case's assignment (a claim, a hand-over). */
export type AssignmentRow = Pick<CaseRow, 'assigned_to' | 'assigned_name' | 'assigned_at'>;

/** An instant of a row as a Date (the driver's own Date object is kept, not copied). */
const instant = (v: Timestamp): Date => (v instanceof Date ? v : new Date(v));
const instantOrNull = (v: Timestamp | null | undefined): Date | null => (v === null || v === undefined ? null : instant(v));

/** The case a `cases` row is. Its form and the caller's words are taken as they are: opening sealed values is the repository's. */
export function toCase(row: CaseRow): Case {
  return {
    id: row.id,
    ticket: row.ticket,
    sopId: row.sop_id,
    sopVersionId: row.sop_version_id,
    kind: row.kind,
    periodicId: row.periodic_id,
    period: row.period,
    step: row.step,
    lane: row.lane,
    status: row.status,
    endStep: row.end_step,
    snapshot: row.snapshot,
    version: row.version,
    channel: row.channel,
    category: row.category,
    formData: row.form_data,
    overdue: row.overdue,
    stepEnteredAt: instant(row.step_entered_at),
    dueAt: instantOrNull(row.due_at),
    deadlinePending: row.deadline_pending,
    deadlineNote: row.deadline_note,
    createdBy: row.created_by,
    createdAt: instant(row.created_at),
    updatedAt: instant(row.updated_at),
    closedAt: instantOrNull(row.closed_at),
    consultingLane: row.consulting_lane,
    consultingSince: instantOrNull(row.consulting_since),
    waitingUntil: instantOrNull(row.waiting_until),
    unit: row.unit,
    assignedTo: row.assigned_to,
    assignedName: row.assigned_name,
    assignedAt: instantOrNull(row.assigned_at),
    accessCodeHash: row.access_code_hash,
    open311KeyId: row.open311_key_id ?? null,
    nikHash: row.nik_hash,
    phoneHash: row.phone_hash,
    blindKey: row.blind_key,
    receivedAt: instantOrNull(row.received_at),
    callerWords: row.caller_words,
  };
}

/** Who holds a case, from the columns a claim or a hand-over returns. */
export function toAssignment(row: AssignmentRow): CaseAssignment {
  return { assignedTo: row.assigned_to, assignedName: row.assigned_name, assignedAt: instantOrNull(row.assigned_at) };
}

/** The columns every kartu line read has, as a {@link ReplyLine}. */
export function toReplyLine(row: ReplyRow): ReplyLine {
  return {
    seq: row.seq,
    event: row.event,
    outcome: row.outcome,
    fromStep: row.from_step,
    fromLane: row.from_lane,
    toStep: row.to_step,
    toLane: row.to_lane,
    receivedAt: instant(row.received_at),
    handedOverAt: instant(row.handed_over_at),
    reply: row.reply,
  };
}

/** The kartu kendali line a `kartu_kendali` row is. */
export function toKartuLine(row: KartuRow): KartuLineRecord {
  return {
    ...toReplyLine(row),
    officerId: row.officer_id,
    officerName: row.officer_name,
    limitText: row.limit_text,
    dueAt: instantOrNull(row.due_at),
    spentWorkingMinutes: row.spent_working_minutes,
    overLimit: row.over_limit,
    note: row.note,
    onBehalfOfCitizen: row.on_behalf_of_citizen,
    document: row.document ?? null,
    scheduledFor: instantOrNull(row.scheduled_for),
  };
}
