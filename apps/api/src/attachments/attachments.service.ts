import { ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';
import { attachmentLimitsOf, DEFAULT_ATTACHMENT_TYPES, isAttachmentToken, type AttachmentLimits } from '@sop/citizen-data';
import type { FormField } from '@sop/model';
import type { IncomingMessage } from 'node:http';
import { rm } from 'node:fs/promises';
import type pino from 'pino';
import type { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import type { CasesService } from '../cases/cases.service';
import type { Clock } from '../common/clock';
import { BadInputException, type FieldError } from '../common/errors';
import type { PublishedSop, SopCatalog } from '../sops/sop-catalog.service';
import { UnreadableAttachmentError, type AttachmentSealer } from './attachment-seal';
import type { AttachmentStorage } from './attachment-storage';
import type { AttachmentRow, AttachmentsRepository } from './attachments.repository';
import { drained, receiveUpload, sentAgain, UploadRefused, type UploadRoute, type UploadRules } from './receive-upload';

/** What the public form's upload reads besides its file (in the query, or as text parts before it). */
const PUBLIC_PARAMETERS = {
  sop: { en: 'SOP id', id: 'id SOP' },
  field: { en: 'file field id', id: 'id isian berkas' },
} as const;

/** How long an uploaded file waits for the complaint or event that claims it. */
export const CLAIM_WINDOW_HOURS = 24;
/** Unclaimed files are removed this long after upload: an hour after the window, so a claim never races the clean-up. */
export const REMOVE_UNCLAIMED_AFTER_HOURS = CLAIM_WINDOW_HOURS + 1;

/** What an upload answers: the token to send with the form or the event. */
export interface StagedAttachment {
  token: string;
  name: string;
  size: number;
  type: string;
  sha256: string;
  field: string | null;
  /** After this the token is no longer accepted and the file is removed. */
  expiresAt: string;
}

/** An attachment of a case, as the lanes that may see the identity get it listed. */
export interface AttachmentView {
  id: string;
  /** The form's file field it was filed under; null for a file of an event. */
  field: string | null;
  fieldLabel: string | null;
  /** The kartu kendali line of the event it came with; null for the form's files. */
  kartuSeq: number | null;
  name: string;
  type: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  /** By an officer (true) or the complainant (false). */
  byOfficer: boolean;
  download: string;
}

/**
 * Attachments (docs/adr/0013-attachments.md): upload first (staged, a token), claimed by the write
 * that files the complaint or records the event, listed and downloaded only by the lanes that may
 * see the complainant's identity, every download in the audit log.
 */
export class AttachmentsService {
  private sweptAt = 0;

  constructor(
    private readonly repository: AttachmentsRepository,
    private readonly storage: AttachmentStorage,
    private readonly sealer: AttachmentSealer,
    private readonly catalog: SopCatalog,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly logger: pino.Logger,
    private readonly settings: { stagingDir: string; eventMaxMb: number; idleMs: number },
  ) {}

  /**
   * A citizen's file for a file field of an SOP's public form: `sop` and `field` in the query (or as
   * parts before the file), each once. `query` is the whole query, so that a list (`sop[]=…`) is seen.
   */
  async stagePublic(req: IncomingMessage, query: Readonly<Record<string, unknown>>): Promise<StagedAttachment> {
    let target: { published: PublishedSop; field: FormField } | null = null;
    const given = query.sop !== undefined || query.field !== undefined;
    try {
      for (const name of Object.keys(PUBLIC_PARAMETERS) as Array<keyof typeof PUBLIC_PARAMETERS>) {
        if (Object.keys(query).some((k) => k.startsWith(`${name}[`))) throw sentAgain(name, PUBLIC_PARAMETERS[name], 'as a list');
        if (Array.isArray(query[name])) throw sentAgain(name, PUBLIC_PARAMETERS[name], 'more than once');
      }
      if (given) target = await this.fileField(query.sop, query.field);
    } catch (e) {
      // answered once the body is read: a client still sending would see a reset instead
      await drained(req, this.settings.idleMs);
      throw this.httpOf(e);
    }
    // without the query, sop and field come as text parts before the file: the SOP is looked up first
    const catalogued = given ? null : new Map((await this.catalog.allLatest()).map((p) => [p.sopId, p]));
    const resolved = (): { published: PublishedSop; field: FormField } => {
      if (!target) throw new Error('the file field is resolved before the file is read');
      return target;
    };
    const rules =
      catalogued === null
        ? this.rulesOf(resolved().field)
        : (fields: Readonly<Partial<Record<string, string>>>): UploadRules => {
            target = this.fileFieldOf(catalogued.get(fields.sop ?? '') ?? null, fields.sop, fields.field, [...catalogued.keys()]);
            return this.rulesOf(target.field);
          };
    const { file } = await this.receive(req, rules, PUBLIC_PARAMETERS);
    const { published, field } = resolved();
    return this.store(file, published.sopId, field.id, null);
  }

  /**
   * A complainant's file for their own step (ADR 0013, addendum): the ticket and its access code say
   * which complaint, which must be waiting for them; JPEG, PNG or PDF up to the public form's default
   * size. Claimed by their answer. Refused before a byte of the file is kept when the code is wrong.
   */
  async stageForCitizen(req: IncomingMessage, ticket: string, code: string | undefined): Promise<StagedAttachment> {
    let target: { caseId: string; sopId: string };
    try {
      target = await this.cases.citizenFileTarget(ticket, code);
    } catch (e) {
      await drained(req, this.settings.idleMs);
      throw e;
    }
    const limits: AttachmentLimits = attachmentLimitsOf({ accept: [...DEFAULT_ATTACHMENT_TYPES] });
    const { file } = await this.receive(req, { limits, label: 'file' }, {});
    return this.store(file, target.sopId, null, null, target.caseId);
  }

  /** An officer's file for an event of a case of their regency (claimed by the event). */
  async stageForEvent(req: IncomingMessage, user: Principal): Promise<StagedAttachment> {
    const published = await this.catalog.latest(user.regency);
    if (!published) throw new ForbiddenException(`your regency (${user.regency}) has no published SOP: there is no case to attach a file to`);
    const limits: AttachmentLimits = attachmentLimitsOf({ accept: [...DEFAULT_ATTACHMENT_TYPES], maxSizeMb: this.settings.eventMaxMb });
    // the file only: no text parts
    const { file } = await this.receive(req, { limits, label: 'file' }, {});
    return this.store(file, published.sopId, null, user.userId);
  }

  private async receive(req: IncomingMessage, rules: Parameters<typeof receiveUpload>[1], textParts: UploadRoute['textParts']) {
    try {
      return await receiveUpload(req, rules, this.settings.stagingDir, this.sealer, { textParts, idleMs: this.settings.idleMs });
    } catch (e) {
      throw this.httpOf(e);
    }
  }

  private httpOf(e: unknown): unknown {
    if (!(e instanceof UploadRefused)) return e;
    const error = { 400: 'Bad Request', 413: 'Payload Too Large', 415: 'Unsupported Media Type' }[e.status];
    return new HttpException(
      {
        statusCode: e.status,
        error,
        message: e.message,
        messageId: e.messageId,
        errors: [{ field: e.field, message: e.message, messageId: e.messageId }],
        ...e.details,
      },
      e.status,
    );
  }

  private async store(
    file: Awaited<ReturnType<typeof receiveUpload>>['file'],
    sopId: string,
    fieldId: string | null,
    by: string | null,
    forCase: string | null = null,
  ): Promise<StagedAttachment> {
    try {
      await this.storage.putFile(file.storageKey, file.path, file.sealedSize);
    } catch (e) {
      await rm(file.path, { force: true });
      this.logger.error({ err: e, storage: this.storage.kind }, 'an attachment could not be stored');
      throw new HttpException(
        {
          statusCode: 503,
          error: 'Service Unavailable',
          message: 'the file could not be stored just now: try again in a moment',
          messageId: 'berkas belum dapat disimpan: silakan coba beberapa saat lagi',
        },
        503,
      );
    }
    const now = this.clock.now();
    const row = await this.repository.insertStaged({
      sopId,
      fieldId,
      name: file.name,
      type: file.type,
      size: file.size,
      sha256: file.sha256,
      storageKey: file.storageKey,
      uploadedBy: by,
      forCase,
      now,
    });
    this.logger.info({ attachment: row.id, sop: sopId, field: fieldId, type: file.type, size: file.size, by: by ?? 'public' }, 'attachment uploaded');
    return {
      token: row.token,
      name: row.original_name,
      size: file.size,
      type: row.mime_type,
      sha256: row.sha256,
      field: fieldId,
      expiresAt: new Date(now.getTime() + CLAIM_WINDOW_HOURS * 3600_000).toISOString(),
    };
  }

  private rulesOf(field: FormField): UploadRules {
    return { limits: attachmentLimitsOf(field), label: field.label };
  }

  private async fileField(sop: unknown, field: unknown): Promise<{ published: PublishedSop; field: FormField }> {
    const published = typeof sop === 'string' && /^[a-z][a-z0-9-]{0,62}$/.test(sop) ? await this.catalog.latest(sop) : null;
    const known = published ? [] : (await this.catalog.allLatest()).map((p) => p.sopId);
    return this.fileFieldOf(published, sop, field, known);
  }

  private fileFieldOf(published: PublishedSop | null, sop: unknown, field: unknown, known: string[]): { published: PublishedSop; field: FormField } {
    const quoted = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.slice(0, 60)) : 'nothing');
    if (!published) {
      throw new UploadRefused(
        400,
        `sop: ${quoted(sop)} is not a published SOP; send the SOP id in the query (?sop=…&field=…), one of ${known.join(', ')}`,
        'SOP tidak dikenal',
        {},
        'sop',
      );
    }
    const files = published.form.fields.filter((f) => f.type === 'file');
    const found = files.find((f) => f.id === field);
    if (!found) {
      const list = files.length ? `its file fields: ${files.map((f) => f.id).join(', ')}` : 'its form has no file field';
      throw new UploadRefused(
        400,
        `field: ${quoted(field)} is not a file field of the form of ${published.sopId} (${list})`,
        'isian berkas tidak dikenal pada formulir ini',
        {},
        'field',
      );
    }
    return { published, field: found };
  }

  /** The tokens of a filed form's file fields (after checkFormSubmission). */
  formTokens(published: PublishedSop, values: Record<string, string>): string[] {
    return published.form.fields.filter((f) => f.type === 'file' && isAttachmentToken(values[f.id])).map((f) => values[f.id]);
  }

  /**
   * What stops a form's files from being claimed by the complaint being filed: a token that no upload
   * gave, one uploaded for another SOP or field, one already filed with a complaint, or one older
   * than the claim window. Empty when every file can be claimed. Run before the case insert; the
   * insert's CTE (CLAIM_FORM_FILES_CTE) claims them with the same conditions.
   */
  async checkFormClaims(published: PublishedSop, values: Record<string, string>): Promise<FieldError[]> {
    const fields = published.form.fields.filter((f) => f.type === 'file' && values[f.id] !== undefined);
    const rows = new Map((await this.repository.byTokens(fields.map((f) => values[f.id]))).map((r) => [r.token, r]));
    const now = this.clock.now().getTime();
    const errors: FieldError[] = [];
    for (const f of fields) {
      const row = rows.get(values[f.id]);
      const say = (message: string, messageId: string) =>
        errors.push({ field: `data.${f.id}`, message: `"${f.label}": ${message}`, messageId: `"${f.label}": ${messageId}` });
      if (!row) say('no uploaded file has this token: upload the file again', 'berkas tidak ditemukan: unggah berkasnya lagi');
      else if (row.sop_id !== published.sopId || row.field_id !== f.id)
        say(
          `the file was uploaded for another ${row.sop_id !== published.sopId ? 'SOP' : 'field'}: upload it for this one`,
          'berkas diunggah untuk isian lain: unggah lagi untuk isian ini',
        );
      else if (row.case_id !== null)
        say('the file is already attached to a complaint: upload it again for this one', 'berkas sudah terlampir pada pengaduan lain: unggah berkasnya lagi');
      else if (new Date(row.created_at).getTime() <= now - CLAIM_WINDOW_HOURS * 3600_000)
        say(
          `the file was uploaded more than ${CLAIM_WINDOW_HOURS} hours ago and has expired: upload it again`,
          `berkas diunggah lebih dari ${CLAIM_WINDOW_HOURS} jam yang lalu dan sudah kedaluwarsa: unggah berkasnya lagi`,
        );
    }
    return errors;
  }

  /**
   * The same for an officer's event files (`attachments: [token…]` of the event): uploads by that
   * officer, for their regency, not yet claimed, within the window, at most 10, no token twice.
   */
  async checkEventClaims(user: Principal, sopId: string, tokens: unknown): Promise<FieldError[]> {
    if (tokens === undefined) return [];
    if (!Array.isArray(tokens) || tokens.length > 10 || !tokens.every(isAttachmentToken) || new Set(tokens).size !== tokens.length) {
      return [{ field: 'attachments', message: 'attachments must be a list of at most 10 different tokens, each as POST /api/attachments answered (att_…)' }];
    }
    const rows = new Map((await this.repository.byTokens(tokens)).map((r) => [r.token, r]));
    const now = this.clock.now().getTime();
    const errors: FieldError[] = [];
    tokens.forEach((token, i) => {
      const row = rows.get(token);
      const say = (message: string) => errors.push({ field: `attachments[${i}]`, message });
      if (!row || row.field_id !== null || row.uploaded_by !== user.userId || row.sop_id !== sopId)
        say('no file you uploaded for this regency has this token: upload it again (POST /api/attachments)');
      else if (row.case_id !== null) say('the file is already attached to a case: upload it again');
      else if (new Date(row.created_at).getTime() <= now - CLAIM_WINDOW_HOURS * 3600_000)
        say(`the file was uploaded more than ${CLAIM_WINDOW_HOURS} hours ago and has expired: upload it again`);
    });
    return errors;
  }

  /**
   * The same for a complainant's files at their step (`attachments` of their answer): uploaded with
   * this complaint's access code, not yet claimed, within the window, at most 10, no token twice.
   */
  async checkCitizenClaims(caseId: string, tokens: unknown): Promise<FieldError[]> {
    if (tokens === undefined) return [];
    if (!Array.isArray(tokens) || tokens.length > 10 || !tokens.every(isAttachmentToken) || new Set(tokens).size !== tokens.length) {
      return [
        {
          field: 'attachments',
          message: 'attachments must be a list of at most 10 different tokens, each as the upload answered (att_…)',
          messageId: 'lampiran harus berupa daftar paling banyak 10 token berkas yang berbeda, seperti jawaban unggahan (att_…)',
        },
      ];
    }
    const rows = new Map((await this.repository.byTokens(tokens)).map((r) => [r.token, r]));
    const now = this.clock.now().getTime();
    const errors: FieldError[] = [];
    tokens.forEach((token, i) => {
      const row = rows.get(token);
      const say = (message: string, messageId: string) => errors.push({ field: `attachments[${i}]`, message, messageId });
      if (!row || row.for_case !== caseId || row.uploaded_by !== null || row.field_id !== null)
        say(
          'no file uploaded for this complaint has this token: upload it again',
          'tidak ada berkas yang diunggah untuk pengaduan ini dengan token tersebut: unggah berkasnya lagi',
        );
      else if (row.case_id !== null) say('the file is already attached: upload it again', 'berkas sudah terlampir: unggah berkasnya lagi');
      else if (new Date(row.created_at).getTime() <= now - CLAIM_WINDOW_HOURS * 3600_000)
        say(
          `the file was uploaded more than ${CLAIM_WINDOW_HOURS} hours ago and has expired: upload it again`,
          `berkas diunggah lebih dari ${CLAIM_WINDOW_HOURS} jam yang lalu dan sudah kedaluwarsa: unggah berkasnya lagi`,
        );
    });
    return errors;
  }

  /** Throws the 400 of {@link checkFormClaims} when there is anything to say. */
  async assertFormClaims(published: PublishedSop, values: Record<string, string>): Promise<string[]> {
    const errors = await this.checkFormClaims(published, values);
    if (errors.length) throw new BadInputException('the files of the form cannot be attached: see errors', errors);
    return this.formTokens(published, values);
  }

  /** The lanes that may see a case's files: those that may see the identity (403 for the others, 404/403 as the case view). */
  private async visibleCase(user: Principal, caseId: string) {
    const { row, published } = await this.cases.view(user, caseId);
    if (!this.cases.canReveal(user, row, published)) {
      throw new ForbiddenException(
        `the attachments of a complaint are confidential like the complainant's identity: only lanes ${this.cases.revealLanes(published, row.channel).join(', ')} may see them`,
      );
    }
    return { row, published };
  }

  async list(user: Principal, caseId: string): Promise<AttachmentView[]> {
    const { published } = await this.visibleCase(user, caseId);
    const labels = new Map(published.form.fields.map((f) => [f.id, f.label]));
    return (await this.repository.forCase(caseId)).map((a) => this.view(a, labels));
  }

  private view(a: AttachmentRow, labels: Map<string, string>): AttachmentView {
    return {
      id: a.id,
      field: a.field_id,
      fieldLabel: a.field_id ? (labels.get(a.field_id) ?? a.field_id) : null,
      kartuSeq: a.kartu_seq,
      name: a.original_name,
      type: a.mime_type,
      size: Number(a.size),
      sha256: a.sha256,
      uploadedAt: new Date(a.created_at).toISOString(),
      byOfficer: a.uploaded_by !== null,
      download: `/api/cases/${a.case_id}/attachments/${a.id}`,
    };
  }

  /** The file's bytes for a lane that may see them; the download is recorded in the audit log. */
  async download(user: Principal, caseId: string, id: string): Promise<{ name: string; type: string; body: Buffer }> {
    const { row } = await this.visibleCase(user, caseId);
    const a = await this.repository.one(caseId, id);
    if (!a) throw new NotFoundException(`case ${row.ticket} has no attachment ${id}`);
    let body: Buffer;
    try {
      body = this.sealer.open(a.storage_key, await this.storage.read(a.storage_key));
    } catch (e) {
      this.logger.error({ err: e, attachment: a.id, case: caseId, storage: this.storage.kind }, 'an attachment could not be read');
      const why = e instanceof UnreadableAttachmentError ? `it cannot be opened (${e.message})` : 'the storage did not give it';
      throw new HttpException({ statusCode: 503, error: 'Service Unavailable', message: `the file ${a.original_name} cannot be read just now: ${why}` }, 503);
    }
    await this.audit.record(user, 'attachment.download', row.sopId, row.ticket, {
      case: row.id,
      attachment: a.id,
      field: a.field_id,
      kartuSeq: a.kartu_seq,
      sha256: a.sha256,
    });
    return { name: a.original_name, type: a.mime_type, body };
  }

  /** Removes staged files no complaint or event claimed in time (a bounded batch per call): the work loop's. */
  async removeUnclaimed(): Promise<number> {
    const nowMs = this.clock.now().getTime();
    if (nowMs - this.sweptAt < 60_000) return 0; // the work loop ticks every few seconds; once a minute is enough
    this.sweptAt = nowMs;
    const before = new Date(this.clock.now().getTime() - REMOVE_UNCLAIMED_AFTER_HOURS * 3600_000);
    const keys = await this.repository.deleteUnclaimed(before, 500);
    for (const key of keys) {
      await this.storage
        .remove(key)
        .catch((e: unknown) => this.logger.warn({ err: e, key }, 'an unclaimed attachment was forgotten but its file could not be removed'));
    }
    if (keys.length) this.logger.info({ removed: keys.length }, 'unclaimed attachments removed');
    return keys.length;
  }
}
