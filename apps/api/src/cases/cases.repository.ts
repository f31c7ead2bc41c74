import type { CaseState, KartuEntry } from '@sop/case-engine';
import { DatabaseError } from 'pg';
import { CLAIM_FORM_FILES_CTE } from '../attachments/attachments.repository';
import type { FieldCipher } from '../common/field-cipher';
import type { Database } from '../database/database';
import { NamedParams, prefixed } from '../database/named-params';
import { liveColumns } from '../live/case-changes';
import { observeTransition } from '../metrics/metrics';
import type { OutboxMessage } from '../notifications/notification-planner';
import type { WebhookMessage } from '../webhooks/webhook-event';
import type { Case, CaseAssignment, KartuLineRecord } from './case';
import { toAssignment, toCase, toKartuLine, type AssignmentRow, type CaseRow, type KartuRow } from './case-row';

export interface Officer {
  id: string | null;
  name: string;
  /** The officer records the citizen's own answer at a citizen step (phone, counter). */
  onBehalfOfCitizen?: boolean;
}

/** What an officer wrote on a kartu kendali line: the internal note and the reply to the complainant. */
export interface LineText {
  note: string | null;
  reply: string | null;
}

export interface NewCase {
  ticket: string;
  sopId: string;
  sopVersionId: string;
  kind: 'complaint' | 'periodic';
  periodicId: string | null;
  period: string | null;
  channel: string | null;
  category: string | null;
  formData: Record<string, unknown>;
  createdBy: string | null;
  now: Date;
  accessCodeHash: string | null;
  /** Tokens of the files the form's file fields carry, claimed in the same statement (ADR 0013). */
  attachmentTokens?: string[];
  /** Messages to the complainant the filing queues (the ticket), in the same statement (ADR 0015). */
  notifications?: OutboxMessage[];
  /** The Open311 client key the request was filed with (ADR 0018). */
  open311KeyId?: string | null;
  /** The blind index of the complainant's NIK and phone (docs/adr/0023), written by the same statement. */
  identity?: { nik: string | null; phone: string | null; key: string };
  /** When the complaint was actually received; null: now. */
  receivedAt?: Date | null;
  /** What the caller said, verbatim, already sealed. */
  callerWords?: string | null;
  /** The webhook event of the filing, queued for the regency's endpoints in the same statement (ADR 0019). */
  webhook?: WebhookMessage | null;
  /** The filing's Idempotency-Key record, written by the same statement: a key already taken fails it whole ({@link IdempotencyKeyTakenError}). */
  idempotency?: Idempotency;
}

/** The Idempotency-Key of a filing was recorded by another request first (sent at the same time): nothing of this one was written. */
export class IdempotencyKeyTakenError extends Error {}

/** A case found by the complainant's NIK or phone: what a warning or a search result shows. */
export interface IdentityMatch {
  id: string;
  ticket: string;
  status: 'open' | 'done';
  step: string;
  lane: string;
  created_at: Date;
  received_at: Date | null;
  channel: string | null;
  by_nik: boolean;
  by_phone: boolean;
}

export interface InboxFilter {
  sopId: string;
  lanes: string[];
  /** Citizen steps the caller's lanes answer for: cases waiting there are in the inbox too. */
  citizenSteps?: string[];
  /** Cases waiting for a date an officer set: only those (true), or none of them (false, the default). */
  scheduled?: boolean;
  /** Only the cases this user id claimed. */
  mine?: string;
  status: 'open' | 'done';
  step?: string;
  overdue?: boolean;
  channel?: string;
  /** A ticket or part of one, already normalised (see ticketSearchTerm). */
  ticket?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** The columns that hold a case's state. */
export const STATE_COLUMNS = [
  'step',
  'lane',
  'status',
  'end_step',
  'snapshot',
  'overdue',
  'step_entered_at',
  'due_at',
  'deadline_pending',
  'deadline_note',
  'consulting_lane',
  'consulting_since',
  'waiting_until',
  'unit',
] as const;

/** A case's state by column. */
export const stateRecord = (s: CaseState, snapshot: 'text' | 'json' = 'text'): Record<(typeof STATE_COLUMNS)[number], unknown> => ({
  step: s.step,
  lane: s.lane,
  status: s.status,
  end_step: s.endStep,
  // as text for a parameter; as JSON inside a row that is itself serialised (not written twice)
  snapshot: snapshot === 'text' ? JSON.stringify(s.snapshot) : s.snapshot,
  overdue: s.overdue,
  step_entered_at: s.stepEnteredAt,
  due_at: s.dueAt,
  deadline_pending: s.deadlinePending,
  deadline_note: s.deadlineNote,
  consulting_lane: s.consulting?.lane ?? null,
  consulting_since: s.consulting?.since ?? null,
  waiting_until: s.waitingUntil ?? null,
  unit: s.unit ?? null,
});

/** A case's state in the order of {@link STATE_COLUMNS}. */
export const stateValues = (s: CaseState): unknown[] => {
  const r = stateRecord(s);
  return STATE_COLUMNS.map((c) => r[c]);
};

/** The columns of a kartu kendali line after its case and seq. */
export const KARTU_LINE_COLUMNS = [
  'event',
  'outcome',
  'from_step',
  'from_lane',
  'to_step',
  'to_lane',
  'received_at',
  'handed_over_at',
  'officer_id',
  'officer_name',
  'limit_text',
  'due_at',
  'spent_working_minutes',
  'over_limit',
  'note',
  'reply',
  'on_behalf_of_citizen',
  'document',
  'scheduled_for',
  'escalation',
  'citizen_step',
] as const;

export const KARTU_COLUMNS = `case_id, seq, ${KARTU_LINE_COLUMNS.join(', ')}`;

/** A kartu kendali line by column. */
export const entryRecord = (e: KartuEntry, officer: Officer, text: LineText): Record<(typeof KARTU_LINE_COLUMNS)[number], unknown> => ({
  event: e.event,
  outcome: e.outcome,
  from_step: e.fromStep,
  from_lane: e.fromLane,
  to_step: e.toStep,
  to_lane: e.toLane,
  received_at: e.receivedAt,
  handed_over_at: e.handedOverAt,
  officer_id: officer.id,
  officer_name: officer.name,
  limit_text: e.limitText,
  due_at: e.dueAt,
  spent_working_minutes: e.spentWorkingMinutes,
  over_limit: e.overLimit,
  note: text.note,
  reply: text.reply,
  on_behalf_of_citizen: officer.onBehalfOfCitizen === true,
  document: e.document ?? null,
  scheduled_for: e.scheduledFor ?? null,
  escalation: e.escalation ?? null,
  citizen_step: e.citizenStep ?? null,
});

/** A kartu kendali line in the order of {@link KARTU_LINE_COLUMNS}. */
export const entryValues = (e: KartuEntry, officer: Officer, text: LineText): unknown[] => {
  const r = entryRecord(e, officer, text);
  return KARTU_LINE_COLUMNS.map((c) => r[c]);
};

/**
 * The outbox CTE (docs/adr/0015-notifications-outbox.md): the messages an event or a filing causes,
 * inserted from the row the same statement wrote (none when it wrote none). `at` gives the placeholders
 * of six text arrays: moment, channel, sealed recipient, masked recipient, subject, body.
 */
const OUTBOX_FIELDS = ['moment', 'channel', 'recipient', 'masked', 'subject', 'body'] as const;
const OUTBOX_CTE = (at: (field: (typeof OUTBOX_FIELDS)[number]) => string, source: string, now: string): string => `n AS (
         INSERT INTO notifications (case_id, kartu_seq, moment, channel, recipient, recipient_masked, subject, body, next_attempt_at, created_at, updated_at)
         SELECT ${source}.id, ${source}.version, x.moment, x.channel, x.recipient, x.masked, x.subject, x.body, ${now}, ${now}, ${now}
         FROM ${source}, unnest(${OUTBOX_FIELDS.map((f) => `${at(f)}::text[]`).join(', ')}) AS x(moment, channel, recipient, masked, subject, body))`;

/** The values of {@link OUTBOX_CTE} by field. */
const outboxRecord = (messages: OutboxMessage[] = []): Record<(typeof OUTBOX_FIELDS)[number], unknown> => ({
  moment: messages.map((m) => m.moment),
  channel: messages.map((m) => m.channel),
  recipient: messages.map((m) => m.recipient),
  masked: messages.map((m) => m.recipientMasked),
  subject: messages.map((m) => m.subject),
  body: messages.map((m) => m.body),
});

/** The values of {@link OUTBOX_CTE} in the order of its fields. */
const outboxValues = (messages?: OutboxMessage[]): unknown[] => {
  const r = outboxRecord(messages);
  return OUTBOX_FIELDS.map((f) => r[f]);
};

/** Placeholders numbered from `$from` for fields in order (the statements still numbered by position). */
const positional =
  <F extends string>(fields: readonly F[], from: number) =>
  (field: F): string =>
    `$${from + fields.indexOf(field)}`;

/**
 * The webhook CTE (docs/adr/0019-webhooks.md): one delivery per enabled endpoint of the case's
 * regency subscribed to the event, in the notifications outbox, from the row the same statement
 * wrote. `event` is the event's placeholder (null: none), `payload` the payload's, to which the case id is added.
 */
const WEBHOOK_CTE = ({ event, payload }: { event: string; payload: string }, source: string, now: string): string => `w AS (
         INSERT INTO notifications (case_id, kartu_seq, moment, channel, webhook_id, recipient, recipient_masked, subject, body, next_attempt_at, created_at, updated_at)
         SELECT ${source}.id, ${source}.version, ${event}::text, 'webhook', h.id, '', '', ${event}::text,
                jsonb_set(${payload}::jsonb, '{case,id}', to_jsonb(${source}.id::text))::text, ${now}, ${now}, ${now}
         FROM ${source} JOIN webhooks h ON h.regency = ${source}.sop_id AND h.enabled AND ${event}::text = ANY(h.events))`;

/** The values of {@link WEBHOOK_CTE}. */
const webhookValues = (message: WebhookMessage | null | undefined): unknown[] => [message?.event ?? null, message?.payload ?? '{"case":{}}'];

/** `$from, $from+1, …` for `count` values. */
const placeholders = (from: number, count: number): string => Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');

/** The idempotency record an event writes: whose key, the answer to replay, and the request's fingerprint (requestFingerprint). */
export interface Idempotency {
  userId: string;
  key: string;
  response: unknown;
  request: string;
}

/** A key already sent: the case and answer it got, and its request's fingerprint (null for keys recorded before fingerprints were). */
export interface IdempotentReplay {
  case_id: string;
  response: unknown;
  request_hash: string | null;
}

/** The named parameters of a transition: the case and its expected version, the state, now, the kartu line, the idempotency record, the files, the messages. */
type TransitionParam =
  | 'id'
  | 'expected_version'
  | 'now'
  | `state_${(typeof STATE_COLUMNS)[number]}`
  | `kartu_${(typeof KARTU_LINE_COLUMNS)[number]}`
  | 'idempotency_user'
  | 'idempotency_key'
  | 'idempotency_response'
  | 'idempotency_request'
  | 'file_tokens'
  | 'file_uploader'
  | `outbox_${(typeof OUTBOX_FIELDS)[number]}`
  | 'webhook_event'
  | 'webhook_payload';

/** The placeholders of {@link transitionSql}, by name; both statements number them alike. */
const TRANSITION_PARAMS = new NamedParams<TransitionParam>();

/** The one statement that moves a case (exported for the runtime benchmark's plain-pg baseline, with {@link transitionValues}). */
export function transitionSql(onlyIfDue: boolean): string {
  const p = (name: TransitionParam) => TRANSITION_PARAMS.ref(name);
  const sets = STATE_COLUMNS.map((c) => `${c} = ${p(`state_${c}`)}`).join(', ');
  const now = `${p('now')}::timestamptz`;
  return `WITH u AS (
         UPDATE cases SET ${sets}, version = version + 1, updated_at = ${now},
                          -- a move to another step ends the claim: the next lane's officers take it up
                          assigned_to = CASE WHEN step = ${p('state_step')}::text THEN assigned_to END,
                          assigned_name = CASE WHEN step = ${p('state_step')}::text THEN assigned_name END,
                          assigned_at = CASE WHEN step = ${p('state_step')}::text THEN assigned_at END,
                          closed_at = CASE WHEN ${p('state_status')}::text = 'done' THEN ${now} ELSE NULL END
         WHERE id = ${p('id')} AND version = ${p('expected_version')} ${onlyIfDue ? `AND deadline_pending AND due_at <= ${now}` : ''}
         RETURNING id, version, sop_id, step, lane, unit, consulting_lane),
       k AS (
         INSERT INTO kartu_kendali (${KARTU_COLUMNS}, sop_id)
         SELECT u.id, u.version, ${KARTU_LINE_COLUMNS.map((c) => p(`kartu_${c}`)).join(', ')}, u.sop_id FROM u),
       i AS (
         INSERT INTO idempotency_keys (user_id, key, case_id, response, request_hash, created_at)
         SELECT ${p('idempotency_user')}, ${p('idempotency_key')}, u.id, ${p('idempotency_response')}, ${p('idempotency_request')}, ${now} FROM u
         WHERE ${p('idempotency_user')}::text IS NOT NULL),
       a AS (
         -- the officer's files of the event, or the complainant's at their step (ADR 0013), on this kartu line
         UPDATE attachments SET case_id = u.id, kartu_seq = u.version, claimed_at = ${now} FROM u
         WHERE attachments.token = ANY(${p('file_tokens')}::text[]) AND attachments.case_id IS NULL AND attachments.field_id IS NULL
           AND (CASE WHEN ${p('file_uploader')}::uuid IS NULL THEN attachments.for_case = u.id AND attachments.uploaded_by IS NULL
                     ELSE attachments.uploaded_by = ${p('file_uploader')}::uuid END)
           AND attachments.sop_id = u.sop_id
           AND attachments.created_at > ${now} - interval '24 hours'
         RETURNING attachments.id),
       ${OUTBOX_CTE((f) => p(`outbox_${f}`), 'u', now)},
       ${WEBHOOK_CTE({ event: p('webhook_event'), payload: p('webhook_payload') }, 'u', now)}
       SELECT version, ${liveColumns('u', {
         step: `${p('kartu_from_step')}::text`,
         lane: `${p('kartu_from_lane')}::text`,
       })} FROM u`;
}

/** {@link transitionSql} built once at start, not on every event. */
const TRANSITION_SQL = { officer: transitionSql(false), ifDue: transitionSql(true) };

/** The values of {@link transitionSql}, by name. */
export function transitionValues(t: {
  id: string;
  expectedVersion: number;
  state: CaseState;
  now: Date;
  entry: KartuEntry;
  officer: Officer;
  text: LineText;
  idempotency?: Idempotency;
  /** The event's files: their tokens and the officer who uploaded them (null: the complainant, for this case). */
  attachments?: { tokens: string[]; uploadedBy: string | null };
  /** Messages to the complainant the event causes (a reply, the closing). */
  notifications?: OutboxMessage[];
  /** The webhook event the write is (ADR 0019), if any. */
  webhook?: WebhookMessage | null;
}): unknown[] {
  const idem = t.idempotency;
  return TRANSITION_PARAMS.values({
    id: t.id,
    expected_version: t.expectedVersion,
    now: t.now,
    ...prefixed('state_', stateRecord(t.state)),
    ...prefixed('kartu_', entryRecord(t.entry, t.officer, t.text)),
    idempotency_user: idem?.userId ?? null,
    idempotency_key: idem?.key ?? null,
    idempotency_response: idem ? JSON.stringify(idem.response) : null,
    idempotency_request: idem?.request ?? null,
    file_tokens: t.attachments?.tokens ?? [],
    file_uploader: t.attachments?.uploadedBy ?? null,
    ...prefixed('outbox_', outboxRecord(t.notifications)),
    webhook_event: t.webhook?.event ?? null,
    webhook_payload: t.webhook?.payload ?? '{"case":{}}',
  });
}

/** The insert of a new case with its first kartu line: the case's own columns, its state, the line, and the access code's hash. */
const CASE_COLUMNS = [
  'ticket',
  'sop_id',
  'sop_version_id',
  'kind',
  'periodic_id',
  'period',
  'channel',
  'category',
  'form_data',
  'created_by',
  'created_at',
  'access_code_hash',
  'open311_key_id',
  'nik_hash',
  'phone_hash',
  'blind_key',
  'received_at',
  'caller_words',
] as const;
const INSERT_SQL = (() => {
  const state = CASE_COLUMNS.length + 1;
  const kartu = state + STATE_COLUMNS.length;
  const files = kartu + KARTU_LINE_COLUMNS.length;
  const createdAt = `$${CASE_COLUMNS.indexOf('created_at') + 1}`;
  return `WITH c AS (
         INSERT INTO cases (${CASE_COLUMNS.join(', ')}, updated_at, version, ${STATE_COLUMNS.join(', ')})
         VALUES (${placeholders(1, CASE_COLUMNS.length)}, ${createdAt}, 1, ${placeholders(state, STATE_COLUMNS.length)})
         ON CONFLICT DO NOTHING
         RETURNING *),
       k AS (
         INSERT INTO kartu_kendali (${KARTU_COLUMNS}, sop_id)
         SELECT c.id, 1, ${placeholders(kartu, KARTU_LINE_COLUMNS.length)}, c.sop_id FROM c),
       ${CLAIM_FORM_FILES_CTE(`$${files}`, createdAt)},
       ${OUTBOX_CTE(positional(OUTBOX_FIELDS, files + 1), 'c', `${createdAt}::timestamptz`)},
       ${WEBHOOK_CTE({ event: `$${files + 7}`, payload: `$${files + 8}` }, 'c', `${createdAt}::timestamptz`)},
       i AS (
         -- the Idempotency-Key of a public filing: its primary key decides between two requests sent at once
         INSERT INTO idempotency_keys (user_id, key, case_id, response, request_hash, created_at)
         SELECT $${files + 9}, $${files + 10}, c.id, $${files + 11}, $${files + 12}, ${createdAt}::timestamptz FROM c
         WHERE $${files + 9}::text IS NOT NULL)
       SELECT c.*, ${liveColumns('c')} FROM c`;
})();

/** The active officers of regency $1 holding lane $2: the whole lane, or unit $3 of it when the case has one. */
const COLLEAGUES_SQL = `SELECT id, username, display_name FROM users
       WHERE regency = $1 AND disabled_at IS NULL AND ($2::text = ANY(lanes) OR ($3::text IS NOT NULL AND $2::text || ':' || $3::text = ANY(lanes)))`;

/** The read before an event (exported for the runtime benchmark's baseline). */
export const FOR_EVENT_SQL = `SELECT c.*, ik.case_id AS replay_case, ik.response AS replay_response, ik.request_hash AS replay_request
       FROM cases c LEFT JOIN idempotency_keys ik ON ik.user_id = $2 AND ik.key = $3
       WHERE c.id = $1`;

/** A case's form and the SOP version it was filed on (the catch-up sealing and indexing read no more). */
export type CaseForm = Pick<Case, 'id' | 'sopVersionId' | 'formData'>;
type FormRow = Pick<CaseRow, 'id' | 'sop_version_id' | 'form_data'>;

/** A passed deadline to fire in a batch: the case at the version it was read at, its next state and kartu line. */
export interface DueFiring {
  id: string;
  expectedVersion: number;
  state: CaseState;
  entry: KartuEntry;
  officer: Officer;
  notifications: OutboxMessage[];
  /** The webhook event the firing is (ADR 0019), if any. */
  webhook?: WebhookMessage | null;
}

/**
 * The sweep's claim (docs/adr/0020-batched-deadline-sweep.md): up to `$2` passed deadlines nobody
 * holds, oldest first, leased to this process until `$1 + $4` ms. FOR UPDATE SKIP LOCKED lets
 * several processes claim at once without waiting for, or taking, each other's rows.
 */
const CLAIM_DUE_SQL = `WITH due AS (
         SELECT id FROM cases
         WHERE deadline_pending AND due_at <= $1 AND (sweep_lease_until IS NULL OR sweep_lease_until <= $1) AND NOT (id = ANY($3::uuid[]))
         ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       c AS (
         -- by primary key (a join with the CTE would be planned as a scan of the whole table)
         UPDATE cases SET sweep_lease_until = $1::timestamptz + ($4 || ' milliseconds')::interval WHERE cases.id = ANY(ARRAY(SELECT id FROM due)) RETURNING cases.*)
       SELECT * FROM c ORDER BY due_at`;

/**
 * Fires a batch of passed deadlines in one statement: the same conditional update as
 * {@link transitionSql} with `onlyIfDue` (still at the version read, deadline pending and passed),
 * each case's kartu kendali line and messages inserted from the rows it updated. The rows come as
 * JSON typed by the tables themselves (jsonb_populate_recordset), so no list of column types can drift.
 */
const FIRE_DUE_SQL = `WITH s AS (SELECT * FROM jsonb_populate_recordset(NULL::cases, $1::jsonb)),
       o AS (SELECT c.id, c.step, c.lane FROM cases c JOIN s ON s.id = c.id),
       u AS (
         UPDATE cases c SET ${STATE_COLUMNS.map((col) => `${col} = s.${col}`).join(', ')}, version = c.version + 1, updated_at = $4::timestamptz,
                            assigned_to = CASE WHEN c.step = s.step THEN c.assigned_to END,
                            assigned_name = CASE WHEN c.step = s.step THEN c.assigned_name END,
                            assigned_at = CASE WHEN c.step = s.step THEN c.assigned_at END,
                            closed_at = CASE WHEN s.status = 'done' THEN $4::timestamptz ELSE NULL END,
                            sweep_lease_until = NULL
         FROM s WHERE c.id = s.id AND c.version = s.version AND c.deadline_pending AND c.due_at <= $4::timestamptz
         RETURNING c.id, c.version, c.sop_id, c.step, c.lane, c.unit, c.consulting_lane),
       k AS (
         INSERT INTO kartu_kendali (${KARTU_COLUMNS}, sop_id)
         SELECT u.id, u.version, ${KARTU_LINE_COLUMNS.map((col) => `l.${col}`).join(', ')}, u.sop_id
         FROM u JOIN jsonb_populate_recordset(NULL::kartu_kendali, $2::jsonb) l ON l.case_id = u.id),
       n AS (
         INSERT INTO notifications (case_id, kartu_seq, moment, channel, recipient, recipient_masked, subject, body, next_attempt_at, created_at, updated_at)
         SELECT u.id, u.version, x.moment, x.channel, x.recipient, x.recipient_masked, x.subject, x.body, $4::timestamptz, $4::timestamptz, $4::timestamptz
         FROM u JOIN jsonb_populate_recordset(NULL::notifications, $3::jsonb) x ON x.case_id = u.id),
       w AS (
         INSERT INTO notifications (case_id, kartu_seq, moment, channel, webhook_id, recipient, recipient_masked, subject, body, next_attempt_at, created_at, updated_at)
         SELECT u.id, u.version, x.event, 'webhook', h.id, '', '', x.event, jsonb_set(x.payload::jsonb, '{case,id}', to_jsonb(u.id::text))::text,
                $4::timestamptz, $4::timestamptz, $4::timestamptz
         FROM u JOIN jsonb_to_recordset($5::jsonb) AS x(case_id uuid, event text, payload text) ON x.case_id = u.id
         JOIN webhooks h ON h.regency = u.sop_id AND h.enabled AND x.event = ANY(h.events)
         -- checked once: without an enabled endpoint the payloads are not even unpacked
         WHERE EXISTS (SELECT 1 FROM webhooks WHERE enabled))
       SELECT u.id, ${liveColumns('u', { step: 'o.step', lane: 'o.lane' })} FROM u JOIN o ON o.id = u.id`;

/** The values of {@link FIRE_DUE_SQL}: the states, the kartu lines and the messages of a batch, as JSON rows named by column. */
function fireDueValues(batch: DueFiring[], now: Date): unknown[] {
  /** One JSON row named by `columns`: written straight into an object (no intermediate arrays of pairs). */
  const zip = (columns: readonly string[], values: unknown[], row: Record<string, unknown>) => {
    for (let i = 0; i < columns.length; i++) row[columns[i]] = values[i];
    return row;
  };
  const states = batch.map((f) => Object.assign(stateRecord(f.state, 'json'), { id: f.id, version: f.expectedVersion }));
  const lines = batch.map((f) => zip(KARTU_LINE_COLUMNS, entryValues(f.entry, f.officer, { note: null, reply: null }), { case_id: f.id }));
  const messages = batch.flatMap((f) =>
    f.notifications.map((m) => ({
      case_id: f.id,
      moment: m.moment,
      channel: m.channel,
      recipient: m.recipient,
      recipient_masked: m.recipientMasked,
      subject: m.subject,
      body: m.body,
    })),
  );
  const hooks = batch.flatMap((f) => (f.webhook?.event ? [{ case_id: f.id, event: f.webhook.event, payload: f.webhook.payload }] : []));
  return [JSON.stringify(states), JSON.stringify(lines), JSON.stringify(messages), now, JSON.stringify(hooks)];
}

/**
 * Cases and their kartu kendali. Every write is one SQL statement: atomic, and checked against the
 * case version. Confidential form values are stored sealed (the service seals them); every row read
 * here comes back with them opened.
 */
export class CasesRepository {
  /** Where the changes this process writes go on the embedded database (docs/adr/0022); PostgreSQL notifies by itself. */
  private live: ((payload: unknown) => void) | null = null;

  constructor(
    private readonly db: Database,
    private readonly cipher: FieldCipher,
  ) {}

  useLive(sink: (payload: unknown) => void): void {
    this.live = sink;
  }

  /** Hands the `live` column of written rows on, and drops it (and `notified`) from them. */
  private changed<T extends object>(rows: T[]): T[] {
    return rows.map((r) => {
      const { live, ...rest } = r as T & { live?: unknown; notified?: unknown };
      delete rest.notified;
      this.live?.(live);
      return rest as T;
    });
  }

  /**
   * The case a row is (docs/adr/0033-domain-case.md), its sealed form values and caller's words
   * opened. The form is opened when first read: most events never read it (only a routed decision,
   * a lane with units, and a message to the complainant do), and opening costs an AES-GCM
   * decryption per sealed field.
   */
  private opened(row: CaseRow): Case {
    const c = toCase(row);
    const sealed = row.form_data;
    let form: Record<string, unknown> | undefined;
    Object.defineProperty(c, 'formData', {
      enumerable: true,
      configurable: true,
      get: () => (form ??= this.cipher.openFields(sealed)),
      set: (value: Record<string, unknown>) => {
        form = value;
      },
    });
    if (c.callerWords) c.callerWords = this.cipher.open('caller_words', c.callerWords);
    return c;
  }

  /** Inserts a case with its first kartu kendali entry; null when the ticket (or periodic run) already exists. */
  async insert(c: NewCase, state: CaseState, entry: KartuEntry, officer: Officer, note: string | null): Promise<Case | null> {
    const written = await this.db
      .query<CaseRow>(INSERT_SQL, [
        c.ticket,
        c.sopId,
        c.sopVersionId,
        c.kind,
        c.periodicId,
        c.period,
        c.channel,
        c.category,
        JSON.stringify(c.formData),
        c.createdBy,
        c.now,
        c.accessCodeHash,
        c.open311KeyId ?? null,
        c.identity?.nik ?? null,
        c.identity?.phone ?? null,
        c.identity ? c.identity.key : null,
        c.receivedAt ?? null,
        c.callerWords ?? null,
        ...stateValues(state),
        ...entryValues(entry, officer, { note, reply: null }),
        c.attachmentTokens ?? [],
        ...outboxValues(c.notifications),
        ...webhookValues(c.webhook),
        c.idempotency?.userId ?? null,
        c.idempotency?.key ?? null,
        c.idempotency ? JSON.stringify(c.idempotency.response) : null,
        c.idempotency?.request ?? null,
      ])
      .catch((e: unknown) => {
        if (e instanceof DatabaseError && e.code === '23505' && e.constraint === 'idempotency_keys_pkey') throw new IdempotencyKeyTakenError(e.message);
        throw e;
      });
    const rows = this.changed(written);
    return rows[0] ? this.opened(rows[0]) : null;
  }

  async byId(id: string): Promise<Case | null> {
    const rows = await this.db.query<CaseRow>('SELECT * FROM cases WHERE id = $1', [id]);
    return rows[0] ? this.opened(rows[0]) : null;
  }

  async byTicket(ticket: string): Promise<Case | null> {
    const rows = await this.db.query<CaseRow>('SELECT * FROM cases WHERE ticket = $1', [ticket]);
    return rows[0] ? this.opened(rows[0]) : null;
  }

  /** The case and, when the same user already sent this idempotency key, the answer they got. */
  async forEvent(id: string, userId: string, key: string | null): Promise<(Case & { replay: IdempotentReplay | null }) | null> {
    const rows = await this.db.prepared<CaseRow & { replay_case: string | null; replay_response: unknown; replay_request: string | null }>(
      'case_for_event',
      FOR_EVENT_SQL,
      [id, userId, key],
    );
    if (!rows[0]) return null;
    const { replay_case, replay_response, replay_request, ...row } = rows[0];
    // assigned, not spread: a spread would read (and so open) the form
    return Object.assign(this.opened(row as CaseRow), {
      replay: replay_case ? { case_id: replay_case, response: replay_response, request_hash: replay_request } : null,
    });
  }

  async idempotentReplay(userId: string, key: string): Promise<IdempotentReplay | null> {
    const rows = await this.db.query<IdempotentReplay>('SELECT case_id, response, request_hash FROM idempotency_keys WHERE user_id = $1 AND key = $2', [
      userId,
      key,
    ]);
    return rows[0] ?? null;
  }

  /**
   * Moves a case from `expectedVersion` to the next version with its kartu kendali entry (with the
   * officer's note and reply, and the idempotency record), in one statement. Returns the new version, or null when the case was no
   * longer at `expectedVersion` (someone else acted first). With `onlyIfDue`, the update also
   * requires the deadline to be pending and passed: the sweeper's exactly-once guard.
   */
  async transition(
    id: string,
    expectedVersion: number,
    state: CaseState,
    entry: KartuEntry,
    officer: Officer,
    text: LineText,
    now: Date,
    options: {
      idempotency?: Idempotency;
      onlyIfDue?: boolean;
      attachments?: { tokens: string[]; uploadedBy: string | null };
      notifications?: OutboxMessage[];
      webhook?: WebhookMessage | null;
    } = {},
  ): Promise<number | null> {
    const written = await this.db.prepared<{ version: number }>(
      options.onlyIfDue ? 'case_transition_if_due' : 'case_transition',
      options.onlyIfDue ? TRANSITION_SQL.ifDue : TRANSITION_SQL.officer,
      transitionValues({
        id,
        expectedVersion,
        state,
        now,
        entry,
        officer,
        text,
        idempotency: options.idempotency,
        attachments: options.attachments,
        notifications: options.notifications,
        webhook: options.webhook,
      }),
    );
    const rows = this.changed(written);
    if (rows[0]) observeTransition(entry, now, options.onlyIfDue === true);
    return rows[0]?.version ?? null;
  }

  /**
   * Claims a case for an officer, if it is open and nobody else holds it (or `takeOver`): one
   * conditional statement, so two officers claiming at once cannot both win. Null when it was not taken.
   */
  async claim(id: string, officer: { id: string; name: string }, now: Date, takeOver: boolean): Promise<CaseAssignment | null> {
    const rows = await this.db.query<AssignmentRow>(
      `WITH u AS (UPDATE cases SET assigned_to = $2, assigned_name = $3, assigned_at = CASE WHEN assigned_to = $2 THEN assigned_at ELSE $4::timestamptz END
                  WHERE id = $1 AND status = 'open' AND (assigned_to IS NULL OR assigned_to = $2 OR $5::boolean)
                  RETURNING *)
       SELECT assigned_to, assigned_name, assigned_at, ${liveColumns('u')} FROM u`,
      [id, officer.id, officer.name, now, takeOver],
    );
    return this.changed(rows).map(toAssignment)[0] ?? null;
  }

  /** Gives a claimed case back to its lane, if `userId` holds it; false otherwise. */
  async release(id: string, userId: string): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>(
      `WITH u AS (UPDATE cases SET assigned_to = NULL, assigned_name = NULL, assigned_at = NULL WHERE id = $1 AND assigned_to = $2 RETURNING *)
       SELECT id, ${liveColumns('u')} FROM u`,
      [id, userId],
    );
    return this.changed(rows).length > 0;
  }

  /**
   * Hands an open case to a colleague (issue 11): the officer `to` (by username) becomes its owner,
   * if they are an active account of the regency holding the case's lane (or its unit), and the case
   * is still where it was read (`step`, `version`) and not claimed by another than `from`. One
   * statement; null when it did not match.
   */
  async handOver(
    id: string,
    expected: { step: string; version: number; regency: string; lane: string; unit: string | null },
    from: string,
    to: string,
    now: Date,
  ): Promise<CaseAssignment | null> {
    const rows = await this.db.query<AssignmentRow>(
      `WITH r AS (${COLLEAGUES_SQL} AND username = $8),
       u AS (UPDATE cases SET assigned_to = r.id, assigned_name = r.display_name, assigned_at = $7::timestamptz FROM r
             WHERE cases.id = $4 AND cases.status = 'open' AND cases.step = $5 AND cases.version = $6 AND cases.sop_id = $1
               AND (cases.assigned_to IS NULL OR cases.assigned_to = $9)
             RETURNING cases.*)
       SELECT assigned_to, assigned_name, assigned_at, ${liveColumns('u')} FROM u`,
      [expected.regency, expected.lane, expected.unit, id, expected.step, expected.version, now, to, from],
    );
    return this.changed(rows).map(toAssignment)[0] ?? null;
  }

  /** The active officers of a regency who hold a lane (the whole lane, or its `unit` when given), by name. */
  async colleagues(regency: string, lane: string, unit: string | null): Promise<{ id: string; username: string; display_name: string }[]> {
    return this.db.query(`${COLLEAGUES_SQL} ORDER BY display_name, username LIMIT 200`, [regency, lane, unit]);
  }

  async kartu(caseId: string): Promise<KartuLineRecord[]> {
    const rows = await this.db.query<KartuRow>(`SELECT ${KARTU_COLUMNS.replace('case_id, ', '')} FROM kartu_kendali WHERE case_id = $1 ORDER BY seq`, [caseId]);
    return rows.map(toKartuLine);
  }

  /** The inbox: most urgent first (earliest deadline; cases without one last), with the total count. */
  async inbox(f: InboxFilter): Promise<{ rows: Case[]; total: number }> {
    // the cases of the caller's lanes (a unit's when they hold lane:unit), those waiting for the citizen at a
    // step their lanes answer for, and those their lanes were asked about (coordination)
    const where = [
      'sop_id = $1',
      "(lane = ANY($2) OR (unit IS NOT NULL AND lane || ':' || unit = ANY($2)) OR (kind = 'complaint' AND step = ANY($4)) OR consulting_lane = ANY($2))",
      'status = $3',
    ];
    const params: unknown[] = [f.sopId, f.lanes, f.status, f.citizenSteps ?? []];
    // a case waiting for a scheduled date is off the inbox until then, unless asked for
    if (f.status === 'open') where.push(f.scheduled ? 'waiting_until IS NOT NULL' : 'waiting_until IS NULL');
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (f.step) add('step = ?', f.step);
    if (f.mine) add('assigned_to = ?', f.mine);
    if (f.overdue !== undefined) add('overdue = ?', f.overdue);
    if (f.channel) add('channel = ?', f.channel);
    if (f.ticket) add('strpos(ticket, ?) > 0', f.ticket);
    if (f.from) add('created_at >= ?', f.from);
    if (f.to) add('created_at < ?', f.to);
    params.push(f.limit, f.offset);
    const rows = await this.db.query<CaseRow & { total: string }>(
      `SELECT *, count(*) OVER () AS total FROM cases WHERE ${where.join(' AND ')}
       ORDER BY due_at ASC NULLS LAST, created_at ASC, id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { rows: rows.map((r) => this.opened(r)), total: rows.length ? Number(rows[0].total) : 0 };
  }

  /** Cases whose deadline passed and has not fired yet, oldest first, but for the `exclude`d ids. */
  async due(now: Date, limit: number, exclude: string[] = []): Promise<Case[]> {
    const rows = await this.db.query<CaseRow>(
      'SELECT * FROM cases WHERE deadline_pending AND due_at <= $1 AND NOT (id = ANY($3::uuid[])) ORDER BY due_at LIMIT $2',
      [now, limit, exclude],
    );
    return rows.map((r) => this.opened(r));
  }

  /**
   * Claims up to `limit` passed deadlines for this process's sweep, leased for `leaseMs` (see
   * CLAIM_DUE_SQL), oldest first, but for the `exclude`d ids.
   */
  async claimDue(now: Date, limit: number, exclude: string[], leaseMs: number): Promise<Case[]> {
    const rows = await this.db.query<CaseRow>(CLAIM_DUE_SQL, [now, limit, exclude, String(leaseMs)]);
    return rows.map((r) => this.opened(r));
  }

  /** Fires a batch of passed deadlines in one statement (FIRE_DUE_SQL); the ids of the cases it moved. */
  async fireDue(batch: DueFiring[], now: Date): Promise<string[]> {
    if (!batch.length) return [];
    const rows = this.changed(await this.db.prepared<{ id: string }>('case_fire_due', FIRE_DUE_SQL, fireDueValues(batch, now)));
    const fired = new Set(rows.map((r) => r.id));
    for (const f of batch) if (fired.has(f.id)) observeTransition(f.entry, now, true);
    return rows.map((r) => r.id);
  }

  /**
   * Open cases whose pending deadline spans part of [from, to), or whose deadline could not be
   * computed at all, in id order from `afterId` (a page of a recompute).
   */
  async deadlinesTouching(sopIds: string[] | null, from: Date, to: Date, afterId: string | null, limit: number): Promise<Case[]> {
    const rows = await this.db.query<CaseRow>(
      `SELECT * FROM cases
       WHERE status = 'open' AND ($1::text[] IS NULL OR sop_id = ANY($1)) AND ($4::uuid IS NULL OR id > $4)
         AND ((deadline_pending AND due_at >= $2 AND step_entered_at < $3) OR (due_at IS NULL AND deadline_note IS NOT NULL))
       ORDER BY id LIMIT $5`,
      [sopIds, from, to, afterId, limit],
    );
    return rows.map((r) => this.opened(r));
  }

  /**
   * Complaints whose form still holds a confidential value in plain text (filed before encryption),
   * from `afterId` in id order; `sealed` is what to store instead. For the work loop's catch-up.
   */
  async plaintextForms(afterId: string | null, limit: number): Promise<CaseForm[]> {
    const rows = await this.db.query<FormRow>(
      `SELECT id, sop_version_id, form_data FROM cases WHERE kind = 'complaint' AND ($1::uuid IS NULL OR id > $1) AND NOT form_data::text LIKE '%"enc:v1:%' ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => ({ id: r.id, sopVersionId: r.sop_version_id, formData: r.form_data }));
  }

  /** Stores a form with its confidential values sealed, if it is still the plain one that was read. */
  async replaceForm(id: string, plain: Record<string, unknown>, sealed: Record<string, unknown>): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>(
      'WITH u AS (UPDATE cases SET form_data = $3 WHERE id = $1 AND form_data = $2::jsonb RETURNING id) SELECT id FROM u',
      [id, JSON.stringify(plain), JSON.stringify(sealed)],
    );
    return rows.length > 0;
  }

  /** The key id of one sealed form value in the database, or null when none is sealed yet. */
  async sealedKeyIdSample(): Promise<string | null> {
    const rows = await this.db.query<{ key: string | null }>(
      `SELECT substring(form_data::text from '"enc:v1:([0-9a-f]{8}):') AS key FROM cases WHERE form_data::text LIKE '%"enc:v1:%' LIMIT 1`,
    );
    return rows[0]?.key ?? null;
  }

  /** Sets a case's deadline again, if it is still at `version` (no kartu line: it is not an event). */
  async updateDeadline(id: string, version: number, deadline: Pick<CaseState, 'dueAt' | 'deadlinePending' | 'deadlineNote'>): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>(
      // a bare UPDATE answers [rows, count] through TypeORM: select from it instead
      `WITH u AS (UPDATE cases SET due_at = $3, deadline_pending = $4, deadline_note = $5 WHERE id = $1 AND version = $2 RETURNING *) SELECT id, ${liveColumns('u')} FROM u`,
      [id, version, deadline.dueAt, deadline.deadlinePending, deadline.deadlineNote],
    );
    return this.changed(rows).length > 0;
  }

  /**
   * Removes idempotency keys recorded before `before`, at most `limit` at a time (a retried request
   * older than the retention is treated as new). Returns how many were removed.
   */
  async pruneIdempotencyKeys(before: Date, limit: number): Promise<number> {
    const rows = await this.db.query<{ n: string }>(
      `WITH d AS (DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE created_at < $1 LIMIT $2) RETURNING 1)
       SELECT count(*) AS n FROM d`,
      [before, limit],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Complaints of a regency with the same NIK or phone index, filed in [from, to) (all time when
   * null), newest first, but for `exceptId`; uses the partial indexes on (sop_id, hash, created_at).
   */
  async byIdentity(
    sopId: string,
    hashes: { nik: string | null; phone: string | null },
    options: { from?: Date | null; to?: Date | null; exceptId?: string | null; status?: 'open' | 'done' | null; limit: number; offset: number },
  ): Promise<{ rows: IdentityMatch[]; total: number }> {
    if (!hashes.nik && !hashes.phone) return { rows: [], total: 0 };
    const rows = await this.db.query<IdentityMatch & { total: string }>(
      `SELECT id, ticket, status, step, lane, created_at, received_at, channel,
              coalesce(nik_hash = $2, false) AS by_nik, coalesce(phone_hash = $3, false) AS by_phone, count(*) OVER () AS total
       FROM cases
       WHERE sop_id = $1 AND kind = 'complaint' AND (nik_hash = $2 OR phone_hash = $3)
         AND ($4::timestamptz IS NULL OR created_at >= $4) AND ($5::timestamptz IS NULL OR created_at < $5)
         AND ($6::uuid IS NULL OR id <> $6) AND ($7::text IS NULL OR status = $7)
       ORDER BY created_at DESC, id LIMIT $8 OFFSET $9`,
      [
        sopId,
        hashes.nik,
        hashes.phone,
        options.from ?? null,
        options.to ?? null,
        options.exceptId ?? null,
        options.status ?? null,
        options.limit,
        options.offset,
      ],
    );
    return { rows, total: rows.length ? Number(rows[0].total) : 0 };
  }

  /** Complaints not indexed with the key `keyId` yet (filed before the index, or under another key), from `afterId` in id order. */
  async unindexed(keyId: string, afterId: string | null, limit: number): Promise<CaseForm[]> {
    const rows = await this.db.query<FormRow>(
      `SELECT id, sop_version_id, form_data FROM cases
       WHERE kind = 'complaint' AND blind_key IS DISTINCT FROM $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [keyId, afterId, limit],
    );
    return rows.map((r) => ({ id: r.id, sopVersionId: r.sop_version_id, formData: this.cipher.openFields(r.form_data) }));
  }

  /** Stores a case's blind index (idempotent: the same form gives the same index). */
  async setIdentityIndex(id: string, identity: { nik: string | null; phone: string | null; key: string }): Promise<void> {
    await this.db.query('WITH u AS (UPDATE cases SET nik_hash = $2, phone_hash = $3, blind_key = $4 WHERE id = $1 RETURNING id) SELECT id FROM u', [
      id,
      identity.nik,
      identity.phone,
      identity.key,
    ]);
  }

  async recordReveal(caseId: string, userId: string, username: string, fields: string[]): Promise<void> {
    await this.db.query('INSERT INTO identity_reveals (case_id, user_id, username, fields) VALUES ($1, $2, $3, $4)', [caseId, userId, username, fields]);
  }

  async reveals(caseId: string): Promise<{ username: string; fields: string[]; revealed_at: Date }[]> {
    return this.db.query('SELECT username, fields, revealed_at FROM identity_reveals WHERE case_id = $1 ORDER BY id', [caseId]);
  }

  async periodicRunExists(sopId: string, periodicId: string, period: string): Promise<boolean> {
    const rows = await this.db.query("SELECT 1 FROM cases WHERE kind = 'periodic' AND sop_id = $1 AND periodic_id = $2 AND period = $3", [
      sopId,
      periodicId,
      period,
    ]);
    return rows.length > 0;
  }

  /** The period's complaints for a logbook, without any personal data. */
  /**
   * A periodic run's logbook: the first `limit` complaints of the period, oldest first, and how many
   * the period has. Bounded: a yearly run of a large regency has hundreds of thousands; the reports'
   * logbook pages through them all.
   */
  async logbook(
    sopId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<{
    lines: { ticket: string; channel: string | null; category: string | null; status: string; end_step: string | null; step: string; created_at: Date }[];
    total: number;
  }> {
    const where = `WHERE sop_id = $1 AND kind = 'complaint' AND created_at >= $2 AND created_at < $3`;
    const lines = await this.db.query<{
      ticket: string;
      channel: string | null;
      category: string | null;
      status: string;
      end_step: string | null;
      step: string;
      created_at: Date;
    }>(`SELECT ticket, channel, category, status, end_step, step, created_at FROM cases ${where} ORDER BY created_at LIMIT $4`, [sopId, from, to, limit]);
    if (lines.length < limit) return { lines, total: lines.length };
    const [{ total }] = await this.db.query<{ total: number }>(`SELECT count(*)::int AS total FROM cases ${where}`, [sopId, from, to]);
    return { lines, total };
  }
}
