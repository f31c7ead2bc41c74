import { ConflictException, ForbiddenException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import {
  CITIZEN_WEB,
  citizenOn,
  SYSTEM_DEADLINE,
  SYSTEM_SCHEDULE,
  ticketPageFor,
  WEB_CHANNEL,
  type CaseEventRequest,
  type CaseEventResponse,
  type CitizenEventRequest,
  type CitizenEventResponse,
} from '@sop/api-contract';
import { localMidnight } from '@sop/business-time';
import {
  answerConsultation,
  applyEvent,
  allowedEventsOf,
  consult,
  EventNotAllowedError,
  recomputeDeadline,
  resumeWait,
  scheduleWait,
  startCase,
  suggestedOutcome,
  unitFor,
  type CaseState,
  type KartuEntry,
} from '@sop/case-engine';
import { checkFormSubmission, maskFormData } from '@sop/citizen-data';
import { intakeLaneFor, intakeLanesOf, OPEN311_CHANNEL, type CompiledFlow, type SopEvent, type StepMeta } from '@sop/compiler';
import type pino from 'pino';
import type { Principal } from '../auth/principal';
import { BadInputException, IdempotencyKeyReusedException, StaleVersionException, UnprocessableEventException } from '../common/errors';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../common/clock';
import { UNREADABLE, type FieldCipher } from '../common/field-cipher';
import type { PublishedSop, SopCatalog } from '../sops/sop-catalog.service';
import type { Case, KartuLineRecord } from './case';
import { IdempotencyKeyTakenError, type CasesRepository, type DueFiring, type IdempotentReplay, type InboxFilter, type Officer } from './cases.repository';
import { IDEMPOTENCY_KEY } from './idempotency-key';
import { requestFingerprint } from './request-fingerprint';
import { accessCodeMatches, hashAccessCode, newAccessCode } from './access-code';
import { flowOf } from './case-flow';
import { citizenEvents } from './case-view';
import { newTicket, normalizeTicket, TICKET_PATTERN } from './tickets';
import { momentOfEvent, type NotificationPlanner, type OutboxMessage } from '../notifications/notification-planner';
import type { IdentityIndex } from '../intake/identity-index';
import { checkIntakeExtras } from '../intake/intake-extras';
import { webhookEventOf, webhookPayload, type WebhookMessage } from '../webhooks/webhook-event';

export interface IntakeInput {
  sop: string;
  channel?: string;
  data: unknown;
  /** An officer's registration only: what the caller said, verbatim. */
  callerWords?: string;
  /** An officer's registration only: when the complaint was actually received (ISO 8601); SOP time counts from it. */
  receivedAt?: string;
  /** An officer's registration only: accept a NIK that fails an offline rule, with the reason (recorded and audited). */
  nikOverride?: { field: string; reason: string };
}

/** How far back a registration's "received at" may go (docs/adr/0023): a long holiday with cuti bersama and its weekends. */
export const RECEIVED_AT_MAX_DAYS_BACK = 14;

/** An officer's event (the reply already trimmed by the DTO). */
export type EventInput = CaseEventRequest;

/** A citizen's event from the ticket page: what the current citizen step allows, and their own words. */
export type CitizenEventInput = CitizenEventRequest;

/** The same answer for a ticket that does not exist and a wrong code: neither says whether the ticket exists. */
const NO_MATCH = 'the ticket number and access code do not match any complaint: check both on your receipt';

/** The 403 of a ticket and an access code that do not match (the same whichever of the two is wrong). */
const noMatch = () =>
  new ForbiddenException({
    statusCode: 403,
    error: 'Forbidden',
    message: NO_MATCH,
    messageId: 'nomor tiket dan kode akses tidak cocok: periksa keduanya pada bukti pengaduan Anda',
  });

/**
 * The answer an Idempotency-Key already got, for the same request sent again; a key sent for another
 * case, or with another body, is refused (a key recorded before fingerprints replays as before).
 */
function replayed(replay: IdempotentReplay, key: string, caseId: string, request: string): unknown {
  if (replay.case_id !== caseId) throw new IdempotencyKeyReusedException(key, 'case');
  if (replay.request_hash !== null && replay.request_hash !== request) throw new IdempotencyKeyReusedException(key, 'body');
  return replay.response;
}

/** What the public form's filing answers (the controller adds the message): what a retry with its Idempotency-Key gets again. */
export interface FiledComplaint {
  ticket: string;
  accessCode: string;
  status: string;
  createdAt: string;
  sop: { id: string; regency: string };
}

/** Whose Idempotency-Keys the public form's filings are (operators' keys are under their user id, a complainant's under `citizen:TICKET`). */
const PUBLIC_FILINGS = 'public:filing';

/** The additional data the access code is sealed with in a filing's idempotency record: it opens for that ticket's record only. */
const sealedCodeField = (ticket: string): string => `access-code:${ticket}`;

/** The office lanes that may record the citizen's answer at this step, if it is a citizen step. */
function onBehalfLanes(meta: StepMeta | undefined): string[] {
  return meta?.citizen ? (meta.onBehalfLanes ?? []) : [];
}

const toState = (row: Case): CaseState => ({
  step: row.step,
  lane: row.lane,
  status: row.status,
  endStep: row.endStep,
  snapshot: row.snapshot,
  stepEnteredAt: row.stepEnteredAt,
  dueAt: row.dueAt,
  deadlinePending: row.deadlinePending,
  deadlineNote: row.deadlineNote,
  overdue: row.overdue,
  consulting: row.consultingLane ? { lane: row.consultingLane, since: row.consultingSince ?? row.stepEnteredAt } : null,
  waitingUntil: row.waitingUntil,
  unit: row.unit,
});

/** Whether the user holds the case's lane: the whole lane, or the case's unit of it (`lane:unit`). */
export function holdsCaseLane(user: Pick<Principal, 'lanes'>, row: Pick<Case, 'lane' | 'unit'>): boolean {
  return user.lanes.includes(row.lane) || (row.unit !== null && user.lanes.includes(`${row.lane}:${row.unit}`));
}

/** What the case writes need of attachments (ADR 0013): the checks before a claim. */
export interface AttachmentClaims {
  assertFormClaims(published: PublishedSop, values: Record<string, string>): Promise<string[]>;
  checkEventClaims(user: Principal, sopId: string, tokens: unknown): Promise<{ field: string; message: string }[]>;
  checkCitizenClaims(caseId: string, tokens: unknown): Promise<{ field: string; message: string; messageId?: string }[]>;
}

/** Runs complaints as cases through their SOP version: intake, events, inbox, views. */
export class CasesService {
  private attachments: AttachmentClaims | null = null;
  private notifications: NotificationPlanner | null = null;
  private identityIndex: IdentityIndex | null = null;

  constructor(
    private readonly cases: CasesRepository,
    private readonly catalog: SopCatalog,
    private readonly audit: AuditService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
    private readonly logger: pino.Logger,
  ) {}

  /** Attachments are built after the cases (they read cases to check who sees files): set them here. */
  useAttachments(attachments: AttachmentClaims): void {
    this.attachments = attachments;
  }

  /** The outbox's planner (docs/adr/0015): the messages a write queues in the same statement. */
  useNotifications(planner: NotificationPlanner): void {
    this.notifications = planner;
  }

  /** The blind index of NIK and phone (docs/adr/0023), written with each filing. */
  useIdentityIndex(index: IdentityIndex): void {
    this.identityIndex = index;
  }

  /** The messages to the complainant an event causes: a reply, or the closing (with its reply). */
  private eventMessages(flow: CompiledFlow, published: PublishedSop, row: Case, next: CaseState, reply: string | null): OutboxMessage[] {
    if (!this.notifications) return [];
    const closes = row.status === 'open' && next.status === 'done';
    const moment = momentOfEvent(closes, reply);
    if (!moment) return []; // nothing to tell: the form (the contacts) stays sealed
    return this.notifications.plan({
      moment,
      published,
      flow,
      kind: row.kind,
      ticket: row.ticket,
      values: row.formData,
      steps: closes ? [next.endStep ?? next.step, row.step] : [row.step],
      reply,
    });
  }

  /**
   * The webhook event a complaint's write is (docs/adr/0019-webhooks.md), with its payload: queued
   * by the same statement for the regency's endpoints. `row` is the case before (null: the filing).
   */
  private webhookMessage(
    published: PublishedSop,
    row: Case | null,
    c: { ticket: string; channel: string | null; category: string | null; kind: 'complaint' | 'periodic' },
    state: CaseState,
    entry: KartuEntry,
    now: Date,
    options: { waited?: boolean } = {},
  ): WebhookMessage | null {
    if (c.kind !== 'complaint') return null;
    const citizenStep = row !== null && Object.hasOwn(published.compiled.steps, row.step) && published.compiled.steps[row.step].citizen === true;
    const event = webhookEventOf(row, state, entry, { waited: options.waited, citizenStep });
    if (!event) return null;
    return {
      event,
      payload: webhookPayload({
        event,
        regency: published.sopId,
        occurredAt: now,
        ticket: c.ticket,
        sopVersionId: published.versionId,
        channel: c.channel,
        category: c.category,
        version: row ? row.version + 1 : 1,
        state,
        entry: row ? entry : null,
      }),
    };
  }

  /**
   * The lane of the step after the start of `channel`'s path: who receives a complaint that came in
   * that way, and who may register one on a citizen's behalf. A flow with one start has one intake
   * lane for every channel; the public form (`web`) goes to the start that lists it, else the first.
   */
  intakeLane(p: PublishedSop, channel: string | null): string {
    return intakeLaneFor(p.compiled, channel);
  }

  /**
   * Lanes that see the complainant's identity: the intake lane of the case's path (of every path
   * when no channel is given) and those the SOP names.
   */
  revealLanes(p: PublishedSop, channel?: string | null): string[] {
    const intake = channel === undefined ? intakeLanesOf(p.compiled) : [this.intakeLane(p, channel)];
    return [...new Set([...intake, ...(p.sop.intake?.revealTo ?? [])])];
  }

  /**
   * Files a complaint, from the public form (officer null) or by an operator on a citizen's behalf;
   * `via.open311KeyId`: an Open311 client's request, on the platform channel `open311` (ADR 0018).
   */
  /**
   * Files a complaint from the public form. With an Idempotency-Key, a retry of the same request (a
   * phone that lost the first answer) files nothing new and gets the first answer again: the same
   * ticket and access code; the same key with another body is 422. The key is recorded by the
   * statement that files the case, so of two requests sent at once with one key, the key's primary
   * key lets one file and the other answers what that one filed.
   */
  async filePublic(input: IntakeInput, key: string | null): Promise<{ filed: FiledComplaint; replayed: boolean }> {
    if (!key) return { filed: await this.filePublicOnce(input, undefined), replayed: false };
    const request = requestFingerprint(input);
    const earlier = await this.cases.idempotentReplay(PUBLIC_FILINGS, key);
    if (earlier) return { filed: this.replayedFiling(earlier, key, request), replayed: true };
    try {
      return { filed: await this.filePublicOnce(input, { key, request }), replayed: false };
    } catch (e) {
      if (!(e instanceof IdempotencyKeyTakenError)) throw e;
      const first = await this.cases.idempotentReplay(PUBLIC_FILINGS, key);
      if (!first) throw e;
      return { filed: this.replayedFiling(first, key, request), replayed: true };
    }
  }

  /**
   * Whether an Idempotency-Key (as a request sent it) is that of a filing already made: its retry
   * files nothing. False for a key that is missing or malformed (the route refuses those itself), or
   * when the database cannot say (the route then decides as for any request).
   */
  async isFiledKey(key: string | string[] | undefined): Promise<boolean> {
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) return false;
    try {
      return (await this.cases.idempotentReplay(PUBLIC_FILINGS, key)) !== null;
    } catch {
      return false;
    }
  }

  private async filePublicOnce(input: IntakeInput, idempotency: { key: string; request: string } | undefined): Promise<FiledComplaint> {
    const { row, published, accessCode } = await this.intake(input, null, undefined, idempotency);
    return {
      ticket: row.ticket,
      accessCode,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      sop: { id: published.sopId, regency: published.sop.identity.regency },
    };
  }

  /** The first answer a filing's Idempotency-Key got, for the same request sent again; another body is refused. */
  private replayedFiling(replay: IdempotentReplay, key: string, request: string): FiledComplaint {
    if (replay.request_hash !== request) throw new IdempotencyKeyReusedException(key, 'body');
    const first = replay.response as FiledComplaint;
    const accessCode = this.cipher.open(sealedCodeField(first.ticket), first.accessCode);
    if (accessCode === UNREADABLE) {
      // sealed with another DATA_KEY (the key was changed since): the ticket is known, its code cannot be given again
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `this submission was filed as ticket ${first.ticket}, but its access code can no longer be shown (the server's data key changed): keep the ticket number, and ask the office for a new access code if it asks for your answer`,
        messageId: `pengaduan ini sudah tercatat dengan nomor tiket ${first.ticket}, tetapi kode aksesnya tidak dapat ditampilkan lagi (kunci data server telah berganti): simpan nomor tiket itu, dan mintalah kode akses baru kepada kantor bila kantor meminta tanggapan Anda`,
        ticket: first.ticket,
      });
    }
    // field by field: jsonb keeps its own order of keys, the answer keeps the first one's
    return {
      ticket: first.ticket,
      accessCode,
      status: first.status,
      createdAt: first.createdAt,
      sop: { id: first.sop.id, regency: first.sop.regency },
    };
  }

  /**
   * `idempotency`: a public filing's Idempotency-Key and its request's fingerprint, recorded with the case by the
   * same statement (see filePublic).
   */
  async intake(
    input: IntakeInput,
    by: Principal | null,
    via?: { open311KeyId: string },
    idempotency?: { key: string; request: string },
  ): Promise<{ row: Case; published: PublishedSop; accessCode: string }> {
    const published = await this.catalog.latest(input.sop);
    if (!published) {
      const known = (await this.catalog.allLatest()).map((p) => p.sopId);
      throw new BadInputException('unknown SOP', [{ field: 'sop', message: `"${input.sop}" is not a published SOP; published: ${known.join(', ')}` }]);
    }
    if (!published.runnability.runnable) {
      throw new UnprocessableEventException(
        `${published.sop.identity.regency}'s SOP is published for viewing and comparison only, not to run complaints: ${published.runnability.reasons.join('; ')}`,
        [],
      );
    }
    const channels = published.sop.intake?.channels ?? [];
    let channel = input.channel ?? null;
    if (by) {
      if (by.regency !== published.sopId) throw new ForbiddenException(`you work for ${by.regency}; this complaint is for ${published.sop.identity.regency}`);
      const lanes = intakeLanesOf(published.compiled);
      if (!lanes.some((l) => by.lanes.includes(l))) {
        throw new ForbiddenException(`registering a complaint is the work of lane ${lanes.map((l) => `"${l}"`).join(' or ')}, which you do not hold`);
      }
      if (!channel)
        throw new BadInputException('the channel is required', [
          { field: 'channel', message: `say how the complaint came in: one of ${channels.map((c) => c.id).join(', ')}` },
        ]);
    }
    // "web" is the public form's own channel: an operator says how the complaint really came in
    const platformChannel = (channel === WEB_CHANNEL && !by) || (channel === OPEN311_CHANNEL && !by && via !== undefined);
    if (channel !== null && !platformChannel && !channels.some((c) => c.id === channel)) {
      throw new BadInputException('unknown channel', [
        {
          field: 'channel',
          message: `"${channel}" is not a channel of this SOP; use one of ${[...channels.map((c) => c.id), ...(by ? [] : [WEB_CHANNEL])].join(', ')}`,
        },
      ]);
    }
    if (by && channel) {
      // several ways in: only the intake lane of the channel's path registers on a citizen's behalf
      const intakeLane = this.intakeLane(published, channel);
      if (!by.lanes.includes(intakeLane)) {
        throw new ForbiddenException(`registering a complaint that came in by "${channel}" is the work of lane "${intakeLane}", which you do not hold`);
      }
    }
    channel = channel ?? WEB_CHANNEL;
    const now = this.clock.now();
    // what only an officer's registration carries: the caller's words, when it was received, a NIK override
    const extras = checkIntakeExtras(input, by !== null, published.form.fields, now, RECEIVED_AT_MAX_DAYS_BACK);
    const checked = checkFormSubmission(extras.fields, extras.data);
    if (!checked.ok) {
      throw new BadInputException(
        'the complaint form is not valid: see errors',
        checked.issues.map((i) => ({ field: `data.${i.field}`, message: i.message, messageId: i.messageId })),
      );
    }
    // the form's files: uploaded before, for this SOP and field, not yet claimed (claimed by the insert itself)
    const attachmentTokens = this.attachments ? await this.attachments.assertFormClaims(published, checked.values) : [];
    const categoryField = published.sop.intake?.categoryField;
    // the office's SOP time starts when the complaint was received (docs/adr/0023)
    const started = startCase(published.compiled, published.calendar, extras.receivedAt ?? now, channel);
    const entry = started.entry;
    // the unit of the first lane, when it stands for several (the Bidang of the field concerned)
    const state = { ...started.state, unit: unitFor(published.compiled.steps[started.state.step], checked.values) };
    // the complainant as an id, worded at display (@sop/api-contract officerWords)
    const channelLabel = channels.find((c) => c.id === channel)?.label ?? (channel === OPEN311_CHANNEL ? 'Open311' : null);
    const officer: Officer = by ? { id: by.userId, name: by.displayName } : { id: null, name: channelLabel ? citizenOn(channelLabel) : CITIZEN_WEB };
    // the complainant's access code to the citizen steps: shown once, in this answer; stored hashed
    const accessCode = newAccessCode();
    for (let attempt = 0; attempt < 5; attempt++) {
      const ticket = newTicket(published.sopId);
      // the ticket to the complainant's e-mail or phone, queued by the same statement (ADR 0015)
      const notifications =
        this.notifications?.plan({
          moment: 'filed',
          published,
          flow: published.compiled,
          kind: 'complaint',
          ticket,
          values: checked.values,
          steps: [state.step, entry.fromStep],
          reply: null,
        }) ?? [];
      const category = categoryField ? (checked.values[categoryField] ?? null) : null;
      const row = await this.cases.insert(
        {
          ticket,
          notifications,
          webhook: this.webhookMessage(published, null, { ticket, channel, category, kind: 'complaint' }, state, entry, now),
          accessCodeHash: hashAccessCode(ticket, accessCode),
          attachmentTokens,
          sopId: published.sopId,
          sopVersionId: published.versionId,
          kind: 'complaint',
          periodicId: null,
          period: null,
          channel,
          category: categoryField ? (checked.values[categoryField] ?? null) : null,
          // the confidential fields are stored sealed (AES-256-GCM): the database never holds them in plain text
          formData: this.cipher.sealFields(
            checked.values,
            published.form.fields.filter((f) => f.confidential).map((f) => f.id),
          ),
          createdBy: by?.userId ?? null,
          now,
          open311KeyId: via?.open311KeyId ?? null,
          identity: this.identityIndex ? { ...this.identityIndex.ofForm(published.form.fields, checked.values), key: this.identityIndex.keyId } : undefined,
          receivedAt: extras.receivedAt,
          callerWords: extras.callerWords ? this.cipher.seal('caller_words', extras.callerWords) : null,
          // the answer a retry with the same key gets again. The access code is a secret, stored only hashed on the
          // case: here it is kept sealed with DATA_KEY (AES-256-GCM, bound to the ticket), never in plain text, and
          // opened only to answer the same request again; the record goes with the key, after 7 days
          idempotency: idempotency && {
            userId: PUBLIC_FILINGS,
            key: idempotency.key,
            request: idempotency.request,
            response: {
              ticket,
              accessCode: this.cipher.seal(sealedCodeField(ticket), accessCode),
              status: state.status,
              createdAt: now.toISOString(),
              sop: { id: published.sopId, regency: published.sop.identity.regency },
            } satisfies FiledComplaint,
          },
        },
        state,
        entry,
        officer,
        by
          ? [
              `Didaftarkan oleh ${by.displayName} atas nama pelapor`,
              ...(extras.override ? [`NIK diterima di luar aturan ${extras.override.rule}; alasan: ${extras.override.reason}`] : []),
            ].join('. ')
          : null,
      );
      if (row) {
        if (by && extras.override) {
          await this.audit.record(by, 'intake.nik-override', row.sopId, row.ticket, {
            case: row.id,
            field: extras.override.field,
            rule: extras.override.rule,
            reason: extras.override.reason,
          });
        }
        this.logger.info({ case: row.id, ticket: row.ticket, sop: row.sopId, channel, by: by?.username ?? 'public' }, 'complaint filed');
        return { row, published, accessCode };
      }
    }
    throw new Error('could not draw a free ticket number');
  }

  async publicByTicket(input: string): Promise<{ row: Case; published: PublishedSop; kartu: KartuLineRecord[]; now: Date }> {
    const ticket = normalizeTicket(input);
    if (!TICKET_PATTERN.test(ticket)) {
      throw new BadInputException('not a ticket number', [{ field: 'ticket', message: `"${input}" is not a ticket number: it looks like BUL-7K4Q9P` }]);
    }
    const row = await this.cases.byTicket(ticket);
    if (!row) throw new NotFoundException(`no complaint has ticket ${ticket}: check the number`);
    return { row, published: await this.catalog.byId(row.sopVersionId), kartu: await this.cases.kartu(row.id), now: this.clock.now() };
  }

  private assertSameRegency(user: Principal, row: Case, published: PublishedSop): void {
    if (user.regency !== row.sopId) {
      throw new ForbiddenException(`this case belongs to ${published.sop.identity.regency}; you work for another regency`);
    }
  }

  async view(user: Principal, id: string): Promise<{ row: Case; published: PublishedSop; kartu: KartuLineRecord[] }> {
    const row = await this.cases.byId(id);
    if (!row) throw new NotFoundException(`no case ${id}`);
    const published = await this.catalog.byId(row.sopVersionId);
    this.assertSameRegency(user, row, published);
    return { row, published, kartu: await this.cases.kartu(row.id) };
  }

  /**
   * Whether the user moves the case now: they hold its lane, or it waits for the citizen at a step
   * their lane answers for (they record the citizen's answer on their behalf).
   */
  canAct(user: Principal, row: Case, published: PublishedSop): boolean {
    if (user.regency !== row.sopId || row.status !== 'open') return false;
    return holdsCaseLane(user, row) || this.actsForCitizen(user, row, published);
  }

  /**
   * Claims a case within its lane (issue 11): the officer who holds its lane says they work it, and
   * colleagues of the lane see so and cannot move it meanwhile. Taking over a colleague's claim needs
   * a note; claims, take-overs and releases are in the audit log.
   */
  async claim(user: Principal, id: string, input: { takeOver?: boolean; note?: string }): Promise<{ assignee: string | null; since: Date | null }> {
    const { row } = await this.view(user, id);
    if (row.status !== 'open') throw new UnprocessableEventException('the case is finished: there is nothing to claim', []);
    if (!holdsCaseLane(user, row)) {
      throw new ForbiddenException(`the case waits in lane "${row.lane}"${row.unit ? `, unit ${row.unit}` : ''}; only its officers claim it`);
    }
    const other = row.assignedTo !== null && row.assignedTo !== user.userId;
    if (other && input.takeOver && !input.note?.trim()) {
      throw new BadInputException('say why you take the case over', [
        {
          field: 'note',
          message: `${row.assignedName ?? 'a colleague'} is working on it: write why you take it over (absent, on leave, the citizen came to you)`,
        },
      ]);
    }
    const claimed = await this.cases.claim(row.id, { id: user.userId, name: user.displayName }, this.clock.now(), input.takeOver === true);
    if (!claimed) {
      const current = await this.cases.byId(row.id);
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `${current?.assignedName ?? 'a colleague'} is working on this case: take it over with takeOver and a note, or leave it to them`,
        assignee: current?.assignedName ?? null,
      });
    }
    if (other || row.assignedTo !== user.userId) {
      await this.audit.record(user, other ? 'case.takeover' : 'case.claim', row.sopId, row.ticket, {
        case: row.id,
        ...(other ? { from: row.assignedName, note: input.note?.trim() } : {}),
      });
    }
    return { assignee: claimed.assignedName, since: claimed.assignedAt };
  }

  /**
   * The colleagues a case may be handed to: the active officers of its regency who hold its lane
   * (or its unit). Only an officer of that lane asks.
   */
  async colleagues(user: Principal, id: string): Promise<{ username: string; name: string; me: boolean; owner: boolean }[]> {
    const { row } = await this.view(user, id);
    if (!holdsCaseLane(user, row)) {
      throw new ForbiddenException(`the case waits in lane "${row.lane}"${row.unit ? `, unit ${row.unit}` : ''}; only its officers hand it on`);
    }
    const officers = await this.cases.colleagues(row.sopId, row.lane, row.unit);
    return officers.map((o) => ({ username: o.username, name: o.display_name, me: o.id === user.userId, owner: o.id === row.assignedTo }));
  }

  /**
   * Hands an open case to a named colleague of its lane (issue 11): they become its owner and see it
   * under "mine". The officer handing holds the lane and the case is not claimed by someone else
   * (take it over first). Recorded in the audit log (`case.handover`) with the note.
   */
  async handOver(user: Principal, id: string, input: { to: string; note?: string }): Promise<{ assignee: string | null; since: Date | null }> {
    const { row } = await this.view(user, id);
    if (row.status !== 'open') throw new UnprocessableEventException('the case is finished: there is nothing to hand on', []);
    if (!holdsCaseLane(user, row)) {
      throw new ForbiddenException(`the case waits in lane "${row.lane}"${row.unit ? `, unit ${row.unit}` : ''}; only its officers hand it on`);
    }
    const to = input.to.trim();
    if (to === user.username) {
      throw new BadInputException('you cannot hand a case to yourself', [{ field: 'to', message: 'name a colleague; to work it yourself, claim it' }]);
    }
    if (row.assignedTo !== null && row.assignedTo !== user.userId) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `${row.assignedName ?? 'a colleague'} is working on this case: only they hand it on, or take it over first (with a note)`,
        assignee: row.assignedName,
      });
    }
    const officers = await this.cases.colleagues(row.sopId, row.lane, row.unit);
    const receiver = officers.find((o) => o.username === to);
    if (!receiver) {
      const where = row.unit ? `lane "${row.lane}", unit ${row.unit}` : `lane "${row.lane}"`;
      throw new BadInputException('the case cannot go to this officer', [
        {
          field: 'to',
          message: `"${to}" is not an active officer of ${where} of ${row.sopId}; the colleagues of the lane are listed at GET /api/cases/${row.id}/colleagues`,
        },
      ]);
    }
    const handed = await this.cases.handOver(
      row.id,
      { step: row.step, version: row.version, regency: row.sopId, lane: row.lane, unit: row.unit },
      user.userId,
      to,
      this.clock.now(),
    );
    if (!handed) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: 'the case changed meanwhile (moved, claimed or handed on by someone else): reload it and try again',
      });
    }
    await this.audit.record(user, 'case.handover', row.sopId, row.ticket, {
      case: row.id,
      from: row.assignedName ?? user.displayName,
      to: receiver.display_name,
      toUser: receiver.username,
      ...(input.note?.trim() ? { note: input.note.trim() } : {}),
    });
    return { assignee: handed.assignedName, since: handed.assignedAt };
  }

  /** Gives a claimed case back to its lane (only the officer who claimed it). */
  async release(user: Principal, id: string): Promise<void> {
    const { row } = await this.view(user, id);
    if (row.assignedTo !== user.userId || !(await this.cases.release(row.id, user.userId))) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: row.assignedTo ? `${row.assignedName ?? 'a colleague'} holds this case, not you: only they give it back` : 'nobody holds this case',
      });
    }
    await this.audit.record(user, 'case.release', row.sopId, row.ticket, { case: row.id });
  }

  /** Whether the user's lane was asked about the case and may answer (coordination). */
  canAnswer(user: Principal, row: Case): boolean {
    return user.regency === row.sopId && row.status === 'open' && row.consultingLane !== null && user.lanes.includes(row.consultingLane);
  }

  /** Whether the case waits for the citizen at a step one of the user's lanes answers for. */
  actsForCitizen(user: Principal, row: Case, published: PublishedSop): boolean {
    return row.status === 'open' && onBehalfLanes(flowOf(row, published).steps[row.step]).some((l) => user.lanes.includes(l));
  }

  canReveal(user: Principal, row: Case, published: PublishedSop): boolean {
    return user.regency === row.sopId && this.revealLanes(published, row.channel).some((l) => user.lanes.includes(l));
  }

  maskedForm(row: Case, published: PublishedSop): Record<string, string> {
    const values = Object.fromEntries(Object.entries(row.formData).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    return maskFormData(published.form.fields, values);
  }

  /** Shows the complainant's confidential fields to a lane allowed to see them, and records it. */
  async reveal(user: Principal, id: string): Promise<Record<string, string>> {
    const { row, published } = await this.view(user, id);
    if (!this.canReveal(user, row, published)) {
      throw new ForbiddenException(`the complainant's identity is confidential: only lanes ${this.revealLanes(published, row.channel).join(', ')} may see it`);
    }
    // the confidential fields, and the free-text fields the masked view struck identity out of
    const masked = this.maskedForm(row, published);
    // a file field's value is a token, not the file: the files are listed and downloaded apart (ADR 0013)
    const confidential = published.form.fields
      .filter((f) => f.type !== 'file')
      .filter((f) => f.confidential || (typeof row.formData[f.id] === 'string' && masked[f.id] !== row.formData[f.id]))
      .map((f) => f.id);
    const revealed = Object.fromEntries(confidential.filter((f) => typeof row.formData[f] === 'string').map((f) => [f, row.formData[f] as string]));
    await this.cases.recordReveal(row.id, user.userId, user.username, Object.keys(revealed));
    await this.audit.record(user, 'identity.reveal', row.sopId, row.ticket, { case: row.id, fields: Object.keys(revealed) });
    this.logger.info({ case: row.id, user: user.username, fields: Object.keys(revealed) }, 'identity revealed');
    return revealed;
  }

  async inbox(user: Principal, filter: Omit<InboxFilter, 'sopId' | 'lanes' | 'mine'> & { sop?: string; mine?: boolean }) {
    if (filter.sop && filter.sop !== user.regency) {
      throw new ForbiddenException(`you work for ${user.regency}; you cannot list the cases of ${filter.sop}`);
    }
    const citizenSteps = await this.citizenStepsFor(user);
    return this.cases.inbox({ ...filter, sopId: user.regency, lanes: user.lanes, citizenSteps, mine: filter.mine ? user.userId : undefined });
  }

  /** The citizen steps of the regency's SOP that the user's lanes answer for (their cases are in the user's inbox). */
  async citizenStepsFor(user: Principal): Promise<string[]> {
    const latest = await this.catalog.latest(user.regency);
    return latest
      ? Object.values(latest.compiled.steps)
          .filter((m) => onBehalfLanes(m).some((l) => user.lanes.includes(l)))
          .map((m) => m.stepId)
      : [];
  }

  /** Applies an operator's event: authorisation, version check, idempotency, one atomic write. */
  async sendEvent(user: Principal, id: string, input: EventInput, idempotencyKey: string | null): Promise<{ body: unknown; replayed: boolean }> {
    const row = await this.cases.forEvent(id, user.userId, idempotencyKey);
    if (!row) throw new NotFoundException(`no case ${id}`);
    const request = requestFingerprint(input);
    if (row.replay && idempotencyKey) return { body: replayed(row.replay, idempotencyKey, id, request), replayed: true };
    const published = await this.catalog.byId(row.sopVersionId);
    this.assertSameRegency(user, row, published);
    const flow = flowOf(row, published);
    const meta = flow.steps[row.step];
    const holds = holdsCaseLane(user, row);
    const forCitizen = !holds && this.actsForCitizen(user, row, published);
    const answering = input.type === 'ANSWER';
    if (answering ? !this.canAnswer(user, row) : row.status === 'open' && !holds && !forCitizen) {
      const citizenLanes = onBehalfLanes(meta);
      const where = row.unit ? `lane "${meta.laneName}" (${row.lane}), unit ${row.unit}` : `lane "${meta.laneName}" (${row.lane})`;
      throw new ForbiddenException(
        answering
          ? row.consultingLane
            ? `lane "${row.consultingLane}" was asked about this case; you hold ${user.lanes.length ? user.lanes.join(', ') : 'no lane'}`
            : 'no lane was asked about this case: there is nothing to answer'
          : citizenLanes.length
            ? `the case waits for the complainant at step ${meta.number ?? '?'}; only lane ${citizenLanes.map((l) => `"${l}"`).join(' or ')} may record their answer, and you hold ${user.lanes.length ? user.lanes.join(', ') : 'no lane'}`
            : `the case waits at step ${meta.number ?? '?'} in ${where}; you hold ${user.lanes.length ? user.lanes.join(', ') : 'no lane'}`,
      );
    }
    if (input.version !== row.version) throw new StaleVersionException(row.version, input.version);
    // a colleague of the same lane claimed the case: they work it, unless it is taken over first
    if (holds && !answering && row.assignedTo !== null && row.assignedTo !== user.userId) {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `${row.assignedName ?? 'a colleague'} is working on this case (claimed ${(row.assignedAt ?? row.updatedAt).toISOString()}): ask them, or take it over first (POST /api/cases/${row.id}/claim with takeOver and a note)`,
        assignee: row.assignedName,
      });
    }
    if (forCitizen) {
      if (!input.note?.trim()) {
        throw new BadInputException('say how the complainant answered', [
          {
            field: 'note',
            message: "you record the complainant's own answer: write in note how it reached you (telepon, datang ke loket, WhatsApp) and what they said",
            messageId:
              'Anda mencatat jawaban pelapor sendiri: tulis di catatan bagaimana jawaban itu sampai (telepon, datang ke loket, WhatsApp) dan apa katanya',
          },
        ]);
      }
      if (input.reply !== undefined) {
        throw new BadInputException("no reply on the complainant's answer", [
          {
            field: 'reply',
            message: "this records the complainant's answer, not the office's: send the reply on the office's next step",
            messageId: 'ini mencatat jawaban pelapor, bukan jawaban kantor: kirim balasan pada langkah kantor berikutnya',
          },
        ]);
      }
    }
    if (answering && !input.note?.trim()) {
      throw new BadInputException('the answer is missing', [
        { field: 'note', message: 'write the answer to the lane that asked in note', messageId: 'tulis jawaban untuk lajur yang bertanya di catatan' },
      ]);
    }
    if (input.attachments !== undefined) {
      if (forCitizen)
        throw new BadInputException("no files on the complainant's answer", [
          { field: 'attachments', message: "attach files on the office's own events", messageId: 'lampirkan berkas pada tindakan kantor sendiri' },
        ]);
      const errors = this.attachments
        ? await this.attachments.checkEventClaims(user, row.sopId, input.attachments)
        : [{ field: 'attachments', message: 'attachments are not available' }];
      if (errors.length) throw new BadInputException('the files of the event cannot be attached: see errors', errors);
    }
    // routing by the complaint's field: another outcome than the one it leads to needs a reason
    // only a routed decision reads the form (reading it opens its sealed fields)
    const suggested = meta.routeBy ? suggestedOutcome(meta, row.formData) : null;
    if (input.type === 'CHOOSE' && suggested !== null && input.outcome !== suggested && !input.note?.trim()) {
      const value = meta.routeBy ? row.formData[meta.routeBy.field] : null;
      throw new BadInputException('say why the complaint goes another way', [
        {
          field: 'note',
          message: `the complaint's ${meta.routeBy?.field} is "${String(value)}", which leads to "${suggested}": to choose "${input.outcome}" instead, say why in note`,
        },
      ]);
    }
    const now = this.clock.now();
    let result: { state: CaseState; entry: KartuEntry };
    try {
      result = this.decide(flow, published, row, input, now);
    } catch (e) {
      if (e instanceof EventNotAllowedError) throw new UnprocessableEventException(e.message, e.allowed);
      throw e;
    }
    const body: CaseEventResponse<Date> = {
      id: row.id,
      ticket: row.ticket,
      version: row.version + 1,
      step: result.state.step,
      lane: result.state.lane,
      status: result.state.status,
      dueAt: result.state.dueAt,
      entry: { ...result.entry, seq: row.version + 1, officer: user.displayName, note: input.note ?? null, reply: input.reply ?? null },
    };
    const officer: Officer = { id: user.userId, name: user.displayName, onBehalfOfCitizen: forCitizen };
    const written = await this.cases.transition(
      row.id,
      row.version,
      result.state,
      result.entry,
      officer,
      { note: input.note ?? null, reply: input.reply ?? null },
      now,
      {
        idempotency: idempotencyKey ? { userId: user.userId, key: idempotencyKey, response: body, request } : undefined,
        attachments: input.attachments?.length ? { tokens: input.attachments, uploadedBy: user.userId } : undefined,
        notifications: this.eventMessages(flow, published, row, result.state, input.reply ?? null),
        webhook: this.webhookMessage(published, row, row, result.state, result.entry, now),
      },
    );
    if (written === null) {
      const replay = idempotencyKey ? await this.cases.idempotentReplay(user.userId, idempotencyKey) : null;
      if (replay && idempotencyKey) return { body: replayed(replay, idempotencyKey, id, request), replayed: true };
      const current = await this.cases.byId(id);
      throw new StaleVersionException(current?.version ?? row.version + 1, input.version);
    }
    this.logger.info(
      { case: row.id, event: input.type, outcome: input.outcome, from: row.step, to: result.state.step, by: user.username, forCitizen },
      'case moved',
    );
    return { body, replayed: false };
  }

  /** The new state and kartu line of an officer's event: a machine event, or a side line that keeps the case at its step. */
  private decide(flow: CompiledFlow, published: PublishedSop, row: Case, input: EventInput, now: Date): { state: CaseState; entry: KartuEntry } {
    const state = toState(row);
    switch (input.type) {
      case 'CONSULT':
        if (!input.lane)
          throw new BadInputException('which lane is asked?', [
            {
              field: 'lane',
              message: `name the lane asked: one of ${(flow.steps[row.step]?.coordination ?? []).map((c) => c.lane).join(', ') || 'none (this step coordinates with no lane)'}`,
            },
          ]);
        return consult(flow, published.calendar, state, input.lane, now);
      case 'ANSWER':
        return answerConsultation(flow, published.calendar, state, now);
      case 'SCHEDULE':
        return scheduleWait(flow, published.calendar, state, this.scheduledDate(input.until, published), now);
      default: {
        const event: SopEvent = input.type === 'CHOOSE' ? { type: 'CHOOSE', outcome: input.outcome ?? '' } : { type: input.type };
        const moved = applyEvent(flow, published.calendar, state, event, now);
        return { ...moved, state: this.withUnit(flow, moved.state, row) };
      }
    }
  }

  /** The unit of the lane a case moved to, from its form (the case keeps its unit while it stays). */
  private withUnit(flow: CompiledFlow, next: CaseState, row: Case): CaseState {
    if (next.step === row.step) return { ...next, unit: row.unit };
    // only a lane with units reads the form (reading it opens its sealed fields)
    return { ...next, unit: flow.steps[next.step].units ? unitFor(flow.steps[next.step], row.formData) : null };
  }

  /** A SCHEDULE date: an instant, or a date from the start of that day in the office's time zone. */
  private scheduledDate(until: string | undefined, published: PublishedSop): Date {
    const bad = () =>
      new BadInputException('the scheduled date is not valid', [
        {
          field: 'until',
          message: `give the date the case waits until, e.g. 2026-12-10 (from the start of that day, ${published.sop.calendar.timeZone}) or 2026-12-10T09:00:00+07:00${until ? `; "${until}" is not one` : ''}`,
        },
      ]);
    if (!until) throw bad();
    if (/^\d{4}-\d{2}-\d{2}$/.test(until)) {
      try {
        return localMidnight(until, published.sop.calendar.timeZone);
      } catch {
        throw bad();
      }
    }
    const at = new Date(until);
    if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(until)) throw bad();
    return at;
  }

  /** The complaint of a ticket whose access code matches, or the 401 / 403 ({@link noMatch}) a complainant reads. */
  private async citizenCase(ticketInput: string, code: string | undefined): Promise<{ ticket: string; found: Case }> {
    if (!code?.trim()) {
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'send the access code you received when you filed the complaint, in the X-Access-Code header',
        messageId: 'masukkan kode akses yang Anda terima saat mengirim pengaduan',
      });
    }
    const ticket = normalizeTicket(ticketInput);
    if (!TICKET_PATTERN.test(ticket)) throw noMatch();
    const found = await this.cases.byTicket(ticket);
    if (!found || !accessCodeMatches(ticket, code, found.accessCodeHash)) throw noMatch();
    return { ticket, found };
  }

  /**
   * Where a complainant's file at their own step goes (ADR 0013, addendum): the complaint of the
   * ticket and access code, while it waits for the complainant. 401 / 403 as their answer; 422 when
   * the complaint is not waiting for them (nothing to attach a file to).
   */
  async citizenFileTarget(ticketInput: string, code: string | undefined): Promise<{ caseId: string; sopId: string }> {
    const { found } = await this.citizenCase(ticketInput, code);
    const steps = flowOf(found, await this.catalog.byId(found.sopVersionId)).steps;
    const meta = Object.hasOwn(steps, found.step) ? steps[found.step] : undefined;
    if (found.status === 'done' || !meta?.citizen) {
      throw new UnprocessableEventException(
        found.status === 'done'
          ? 'the complaint is finished: there is nothing left to send a file for'
          : `the complaint is not waiting for you: it is with the office, at step ${meta?.number ?? '?'} (${meta?.laneName ?? found.lane}); bring the document there`,
        [],
        found.status === 'done'
          ? 'pengaduan sudah selesai: tidak ada lagi yang perlu dikirimi berkas'
          : 'pengaduan sedang tidak menunggu Anda: berkas dikirim hanya saat kantor memintanya di halaman tiket',
      );
    }
    return { caseId: found.id, sopId: found.sopId };
  }

  /**
   * The complainant works a citizen step from the ticket page (docs/adr/0010-the-citizen-acts.md):
   * the ticket and the access code are the capability; only the events the current citizen step
   * allows are accepted, with the case version seen (409 when stale) and an optional idempotency key.
   */
  async citizenEvent(
    ticketInput: string,
    code: string | undefined,
    input: CitizenEventInput,
    idempotencyKey: string | null,
  ): Promise<{ body: unknown; replayed: boolean }> {
    const { ticket, found } = await this.citizenCase(ticketInput, code);
    const actor = `citizen:${ticket}`;
    const row = await this.cases.forEvent(found.id, actor, idempotencyKey);
    if (!row) throw noMatch();
    const request = requestFingerprint(input);
    if (row.replay && idempotencyKey) return { body: replayed(row.replay, idempotencyKey, row.id, request), replayed: true };
    const published = await this.catalog.byId(row.sopVersionId);
    const flow = flowOf(row, published);
    const meta = flow.steps[row.step];
    if (row.status === 'done') throw new UnprocessableEventException('the complaint is finished: there is nothing left for you to answer', []);
    if (!meta?.citizen) {
      throw new UnprocessableEventException(
        `the complaint is not waiting for you: it is with the office, at step ${meta?.number ?? '?'} (${meta?.laneName ?? row.lane})`,
        [],
      );
    }
    if (input.type === 'ESCALATE') {
      // a complainant does not escalate (docs/adr/0010): the step's time passing does, or the office
      const allowed = citizenEvents(meta.events);
      const offered = allowed.map((e) => (e.type === 'CHOOSE' ? `CHOOSE "${e.outcome}"` : e.type)).join(', ');
      throw new UnprocessableEventException(
        `your step does not accept ESCALATE${offered ? `; it accepts ${offered}` : ''}: a complainant does not escalate, the step moves on when its time passes or when the office moves it`,
        allowed,
        'Anda tidak dapat meneruskan (eskalasi) langkah Anda sendiri: langkah ini berlanjut saat batas waktunya lewat atau saat kantor meneruskannya. Jawablah dengan salah satu pilihan di halaman tiket.',
      );
    }
    if (input.version !== row.version) throw new StaleVersionException(row.version, input.version);
    if (input.attachments !== undefined) {
      const errors = this.attachments
        ? await this.attachments.checkCitizenClaims(row.id, input.attachments)
        : [{ field: 'attachments', message: 'attachments are not available' }];
      if (errors.length) throw new BadInputException('the files cannot be attached to your answer: see errors', errors);
    }
    const event: SopEvent = input.type === 'CHOOSE' ? { type: 'CHOOSE', outcome: input.outcome ?? '' } : { type: input.type };
    const now = this.clock.now();
    let result: { state: CaseState; entry: KartuEntry };
    try {
      const moved = applyEvent(flow, published.calendar, toState(row), event, now);
      result = { ...moved, state: this.withUnit(flow, moved.state, row) };
    } catch (e) {
      if (e instanceof EventNotAllowedError) throw new UnprocessableEventException(e.message, citizenEvents(e.allowed));
      throw e;
    }
    const body: CitizenEventResponse = {
      ticket: row.ticket,
      version: row.version + 1,
      status: result.state.status,
      step: result.state.step,
      event: input.type,
      outcome: result.entry.outcome,
    };
    const officer: Officer = { id: null, name: ticketPageFor(meta.laneName) };
    const written = await this.cases.transition(
      row.id,
      row.version,
      result.state,
      result.entry,
      officer,
      { note: input.note?.trim() || null, reply: null },
      now,
      {
        idempotency: idempotencyKey ? { userId: actor, key: idempotencyKey, response: body, request } : undefined,
        // the complainant's files, uploaded with the access code for this complaint
        attachments: input.attachments?.length ? { tokens: input.attachments, uploadedBy: null } : undefined,
        notifications: this.eventMessages(flow, published, row, result.state, null),
        webhook: this.webhookMessage(published, row, row, result.state, result.entry, now),
      },
    );
    if (written === null) {
      const replay = idempotencyKey ? await this.cases.idempotentReplay(actor, idempotencyKey) : null;
      if (replay && idempotencyKey) return { body: replayed(replay, idempotencyKey, row.id, request), replayed: true };
      const current = await this.cases.byId(row.id);
      throw new StaleVersionException(current?.version ?? row.version + 1, input.version);
    }
    this.logger.info(
      { case: row.id, event: input.type, outcome: result.entry.outcome, from: row.step, to: result.state.step, by: 'citizen' },
      'citizen answered',
    );
    return { body, replayed: false };
  }

  publishedOf(versionId: string): Promise<PublishedSop> {
    return this.catalog.byId(versionId);
  }

  allowedEvents(row: Case, published: PublishedSop) {
    const flow = flowOf(row, published);
    return allowedEventsOf(flow, toState(row));
  }

  /**
   * Computes again the pending deadlines that a change of holiday data may move: those of the given
   * regencies (all when null) whose span touches [from, to), and every deadline that could not be
   * computed before. Pages through the cases in id order; a case that moved meanwhile keeps the
   * deadline its event just set. Returns how many deadlines changed.
   */
  async recomputeDeadlines(sopIds: string[] | null, from: Date, to: Date): Promise<number> {
    let changed = 0;
    let after: string | null = null;
    for (;;) {
      const rows = await this.cases.deadlinesTouching(sopIds, from, to, after, 500);
      if (!rows.length) return changed;
      for (const row of rows) {
        const published = await this.catalog.byId(row.sopVersionId);
        const flow = flowOf(row, published);
        const state = toState(row);
        const next = recomputeDeadline(flow, state, published.calendar);
        const same =
          (next.dueAt?.getTime() ?? null) === (state.dueAt?.getTime() ?? null) &&
          next.deadlinePending === state.deadlinePending &&
          next.deadlineNote === state.deadlineNote;
        if (!same && (await this.cases.updateDeadline(row.id, row.version, next))) {
          changed++;
          this.logger.info({ case: row.id, step: row.step, from: state.dueAt, to: next.dueAt }, 'deadline recomputed');
        }
      }
      after = rows[rows.length - 1].id;
    }
  }

  /**
   * Seals the confidential values of complaints filed before encryption, a batch at a time from
   * `afterId`; returns where to go on from (null when done) and how many forms were sealed.
   */
  async sealPlaintextForms(afterId: string | null, limit: number): Promise<{ next: string | null; sealed: number }> {
    const rows = await this.cases.plaintextForms(afterId, limit);
    let sealed = 0;
    for (const row of rows) {
      const published = await this.catalog.byId(row.sopVersionId);
      const fields = published.form.fields.filter((f) => f.confidential).map((f) => f.id);
      const next = this.cipher.sealFields(row.formData, fields);
      if (JSON.stringify(next) !== JSON.stringify(row.formData) && (await this.cases.replaceForm(row.id, row.formData, next))) sealed++;
    }
    return { next: rows.length === limit ? rows[rows.length - 1].id : null, sealed };
  }

  /** Fires one passed deadline (the sweeper); false when another process fired it first. */
  async expire(row: Case): Promise<boolean> {
    const now = this.clock.now();
    const f = await this.expiry(row, now);
    const written = await this.cases.transition(f.id, f.expectedVersion, f.state, f.entry, f.officer, { note: null, reply: null }, now, {
      onlyIfDue: true,
      notifications: f.notifications,
      webhook: f.webhook,
    });
    if (written !== null) this.logFired(row, f.state);
    return written !== null;
  }

  /**
   * Fires a batch of passed deadlines (the sweeper, docs/adr/0020-batched-deadline-sweep.md): each
   * row's next state computed here, all written by one conditional statement. Rows whose firing
   * cannot be computed come back in `failed` and hold up none of the others; `fired` counts the
   * cases moved (a case another process or an officer moved first is not).
   */
  async expireMany(rows: Case[]): Promise<{ fired: number; failed: { row: Case; error: unknown }[] }> {
    const now = this.clock.now();
    const batch: { row: Case; firing: DueFiring }[] = [];
    const failed: { row: Case; error: unknown }[] = [];
    for (const row of rows) {
      try {
        batch.push({ row, firing: await this.expiry(row, now) });
      } catch (error) {
        failed.push({ row, error });
      }
    }
    const moved = new Set(
      await this.cases.fireDue(
        batch.map((b) => b.firing),
        now,
      ),
    );
    // one log line per batch names every firing (a line per firing cost more than the firing's own share of the write)
    const fired = batch.filter(({ row }) => moved.has(row.id)).map(({ row, firing }) => firedLine(row, firing.state));
    if (fired.length) this.logger.info({ fired }, 'deadlines fired');
    return { fired: moved.size, failed };
  }

  /** What firing a row's passed deadline writes: a scheduled date that came brings the case back; any other applies the step's timeout rule. */
  private async expiry(row: Case, now: Date): Promise<DueFiring> {
    const published = await this.catalog.byId(row.sopVersionId);
    const flow = flowOf(row, published);
    const waited = row.waitingUntil !== null;
    const moved = waited
      ? resumeWait(flow, published.calendar, toState(row), now)
      : applyEvent(flow, published.calendar, toState(row), { type: 'EXPIRE' }, now);
    const state = this.withUnit(flow, moved.state, row);
    return {
      id: row.id,
      expectedVersion: row.version,
      state,
      entry: moved.entry,
      officer: { id: null, name: waited ? SYSTEM_SCHEDULE : SYSTEM_DEADLINE },
      notifications: this.eventMessages(flow, published, row, state, null),
      webhook: this.webhookMessage(published, row, row, state, moved.entry, now, { waited }),
    };
  }

  private logFired(row: Case, state: CaseState): void {
    this.logger.info(firedLine(row, state), 'deadline fired');
  }
}

/** What the log says of a deadline fired: the case, the step it left and the one it went to, and when it was due. */
function firedLine(row: Case, state: CaseState): { case: string; step: string; to: string; dueAt: Date | null } {
  return { case: row.id, step: row.step, to: state.step, dueAt: row.dueAt };
}
