import { ForbiddenException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { startCase, unitFor } from '@sop/case-engine';
import { checkFormSubmission } from '@sop/citizen-data';
import { toCsv, UTF8_BOM } from '@sop/csv';
import { intakeLaneFor } from '@sop/compiler';
import type pino from 'pino';
import type { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { publicView } from '../cases/case-view';
import { newTicket } from '../cases/tickets';
import { UnprocessableEventException } from '../common/errors';
import type { Clock } from '../common/clock';
import type { FieldCipher } from '../common/field-cipher';
import type { PublishedSop, SopCatalog } from '../sops/sop-catalog.service';
import {
  isClosedLaporStatus,
  laporCaseData,
  laporFormMapping,
  laporStatusOf,
  laporUpdateCells,
  LAPOR_UPDATE_COLUMNS,
  readLaporBatch,
  type LaporReport,
  type LaporRowError,
  type LaporStatusUpdate,
} from './lapor-mapping';
import type { LaporCase, LaporImportRow, LaporRepository } from './lapor.repository';
import { statusNotesOf, type PublicCase } from './open311-mapping';
import type { Open311Repository } from './open311.repository';

/** The updates read at a time for the CSV. */
const CSV_PAGE = 500;

/** At most this many row problems are listed; the rest are counted. */
const MAX_LISTED_ERRORS = 100;

/** 400 for a batch with bad rows: nothing was written; `errors` lists the problems by row. */
export class BadBatchException extends HttpException {
  constructor(errors: LaporRowError[]) {
    const listed = errors.slice(0, MAX_LISTED_ERRORS);
    const rows = new Set(errors.filter((e) => e.row > 0).map((e) => e.row)).size;
    super(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: `the batch was not imported (nothing was written): ${rows ? `${rows} row${rows > 1 ? 's have' : ' has'} problems` : errors[0]?.message}; correct them and send the whole batch again`,
        messageId: `kiriman tidak diimpor (tidak ada yang ditulis): ${rows ? `${rows} baris bermasalah` : errors[0]?.messageId}; perbaiki lalu kirim ulang seluruh kiriman`,
        errors: listed.map((e) => ({
          row: e.row,
          field: e.row > 0 ? `rows[${e.row}].${e.field}` : e.field,
          message: e.message,
          messageId: e.messageId,
        })),
        ...(errors.length > listed.length ? { more: errors.length - listed.length } : {}),
      },
      HttpStatus.BAD_REQUEST,
    );
  }
}

export interface LaporImportResult {
  sop: string;
  channel: string;
  imported: number;
  skipped: number;
  /** A skipped row says why in English (`reason`) and in Bahasa Indonesia (`reasonId`). */
  rows: { row: number; trackingId: string; result: 'imported' | 'skipped'; ticket: string | null; reason?: string; reasonId?: string }[];
}

/**
 * The SP4N-LAPOR! exchange (docs/adr/0018): a batch of exported reports becomes cases on the SOP's
 * LAPOR! channel in one statement (all or nothing; reports already imported are skipped), and the
 * status of those cases goes back in the same shape.
 */
export class LaporService {
  constructor(
    private readonly repository: LaporRepository,
    private readonly replies: Open311Repository,
    private readonly catalog: SopCatalog,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly logger: pino.Logger,
  ) {}

  /** The SOP, its LAPOR! channel, and the check that the user may exchange for it. */
  private async context(user: Principal, sopId: string): Promise<{ published: PublishedSop; channel: string; lane: string }> {
    const published = await this.catalog.latest(sopId);
    if (!published) throw new NotFoundException(`no published SOP ${sopId}`);
    const channel = published.sop.intake?.channels.find((c) => c.kind === 'lapor');
    if (user.regency !== sopId)
      throw new ForbiddenException(`you work for ${user.regency}; the LAPOR! reports of ${published.sop.identity.regency} are its own`);
    if (!channel) {
      throw new UnprocessableEventException(
        `${published.sop.identity.regency}'s SOP has no SP4N-LAPOR! channel: an author adds one to intake.channels (e.g. { id: lapor, kind: lapor, label: SP4N-LAPOR! }) and publishes the SOP`,
        [],
      );
    }
    const lane = intakeLaneFor(published.compiled, channel.id);
    if (!user.permissions.includes('admin') && !user.lanes.includes(lane)) {
      throw new ForbiddenException(`the LAPOR! exchange is for the regency's administrator and the officers of lane "${lane}", who receive LAPOR! reports`);
    }
    return { published, channel: channel.id, lane };
  }

  async importBatch(user: Principal, sopId: string, input: { format: 'csv' | 'json'; content: string }): Promise<LaporImportResult> {
    const { published, channel } = await this.context(user, sopId);
    if (!published.runnability.runnable) {
      throw new UnprocessableEventException(
        `${published.sop.identity.regency}'s SOP is published for viewing only: ${published.runnability.reasons.join('; ')}`,
        [],
      );
    }
    const mapping = laporFormMapping(published.form, published.sop);
    if ('reason' in mapping)
      throw new UnprocessableEventException(`LAPOR! reports cannot be imported into ${published.sop.identity.regency}'s SOP: ${mapping.reason}`, []);
    const read = readLaporBatch(input.format, input.content);
    if ('errors' in read) throw new BadBatchException(read.errors);
    // the form's own checks on what each report fills (length, characters, the category's options)
    const errors: LaporRowError[] = [];
    const mapped = read.reports.map((r) => {
      const c = laporCaseData(mapping, r);
      const checked = checkFormSubmission(
        published.form.fields.filter((f) => f.id in c.data),
        c.data,
      );
      if (!checked.ok)
        for (const i of checked.issues)
          errors.push({ row: r.row, field: i.field === mapping.textField ? 'content' : 'category', message: i.message, messageId: i.messageId });
      return { report: r, ...c, data: checked.ok ? checked.values : c.data };
    });
    if (errors.length) throw new BadBatchException(errors);
    const result: LaporImportResult['rows'] = [];
    const firstRow = new Map<string, number>();
    const candidates: typeof mapped = [];
    for (const m of mapped) {
      const seen = firstRow.get(m.report.trackingId);
      if (seen !== undefined)
        result.push(
          skip(m.report, null, `the tracking id is repeated in this batch (row ${seen})`, `nomor tracking ini sudah ada di baris ${seen} kiriman ini`),
        );
      else if (isClosedLaporStatus(m.report.status)) {
        firstRow.set(m.report.trackingId, m.report.row);
        result.push(
          skip(
            m.report,
            null,
            `closed in LAPOR! (status "${m.report.status}"): not opened as a case`,
            `sudah ditutup di LAPOR! (status "${m.report.status}"): tidak dibuka sebagai pengaduan`,
          ),
        );
      } else {
        firstRow.set(m.report.trackingId, m.report.row);
        candidates.push(m);
      }
    }
    const now = this.clock.now();
    const started = startCase(published.compiled, published.calendar, now, channel);
    const confidential = published.form.fields.filter((f) => f.confidential).map((f) => f.id);
    let inserted: { id: string; ticket: string; tracking_id: string }[] | null = null;
    let existing: Map<string, string> = new Map<string, string>();
    for (let attempt = 0; attempt < 5 && inserted === null; attempt++) {
      existing = candidates.length
        ? await this.repository.existing(
            published.sopId,
            candidates.map((m) => m.report.trackingId),
          )
        : new Map<string, string>();
      const rows: LaporImportRow[] = candidates
        .filter((m) => !existing.has(m.report.trackingId))
        .map((m) => ({
          ticket: newTicket(published.sopId),
          form_data: this.cipher.sealFields(m.data, confidential),
          category: m.category,
          unit: unitFor(published.compiled.steps[started.state.step], m.data),
          tracking_id: m.report.trackingId,
          title: m.report.title,
          lapor_category: m.report.category,
          disposition: m.report.disposition,
          status_in: m.report.status,
        }));
      inserted = rows.length
        ? await this.repository.importBatch(
            {
              sopId: published.sopId,
              sopVersionId: published.versionId,
              channel,
              createdBy: user.userId,
              importedBy: user.username,
              now,
              state: started.state,
              entry: started.entry,
              officer: { id: user.userId, name: user.displayName },
              note: `Diimpor dari SP4N-LAPOR! oleh ${user.displayName}`,
            },
            rows,
          )
        : [];
    }
    if (inserted === null) throw new Error('the LAPOR! batch met taken tickets five times');
    const ticketOf = new Map(inserted.map((r) => [r.tracking_id, r.ticket]));
    for (const m of candidates) {
      const ticket = ticketOf.get(m.report.trackingId);
      if (ticket) result.push({ row: m.report.row, trackingId: m.report.trackingId, result: 'imported', ticket });
      else
        result.push(
          skip(m.report, existing.get(m.report.trackingId) ?? null, 'already imported: nothing changed', 'sudah pernah diimpor: tidak ada yang diubah'),
        );
    }
    result.sort((a, b) => a.row - b.row);
    const imported = inserted.length;
    const skipped = result.length - imported;
    await this.audit.record(user, 'lapor.import', published.sopId, null, { format: input.format, reports: read.reports.length, imported, skipped });
    this.logger.info({ sop: published.sopId, imported, skipped, by: user.username }, 'LAPOR! batch imported');
    return { sop: published.sopId, channel, imported, skipped, rows: result };
  }

  /** One page of status updates changed after `since` (oldest first) and the cursor of the next. */
  async updates(user: Principal, sopId: string, since: Date, after: { at: Date; id: string } | null, limit: number) {
    const { published } = await this.context(user, sopId);
    const rows = await this.repository.updates(published.sopId, since, after, limit);
    const items = await this.viewsOf(rows);
    const last = rows.at(-1);
    return { items, next: rows.length === limit && last ? `${last.updatedAt.toISOString()}_${last.id}` : null };
  }

  /**
   * Every status update changed after `since`, as CSV lines page by page (the caller streams them).
   * The access check and the first page are done before the first line: what can go wrong with the
   * request goes wrong before the 200 and the headers are sent, not in the middle of the file.
   */
  async updatesCsv(user: Principal, sopId: string, since: Date): Promise<AsyncGenerator<string>> {
    const { published } = await this.context(user, sopId);
    const first = await this.repository.updates(published.sopId, since, null, CSV_PAGE);
    const firstLines = toCsv((await this.viewsOf(first)).map(laporUpdateCells));
    const pages = async function* (self: LaporService): AsyncGenerator<string> {
      yield UTF8_BOM + toCsv([[...LAPOR_UPDATE_COLUMNS]]);
      let rows = first;
      if (rows.length) yield firstLines;
      while (rows.length === CSV_PAGE) {
        const last = rows[rows.length - 1];
        rows = await self.repository.updates(published.sopId, since, { at: last.updatedAt, id: last.id }, CSV_PAGE);
        if (rows.length) yield toCsv((await self.viewsOf(rows)).map(laporUpdateCells));
      }
    };
    return pages(this);
  }

  private async viewsOf(rows: LaporCase[]): Promise<LaporStatusUpdate[]> {
    const replies = await this.replies.latestReplies(rows.map((r) => r.id));
    const views: LaporStatusUpdate[] = [];
    for (const row of rows) {
      const published = await this.catalog.byId(row.sopVersionId);
      const reply = replies.get(row.id);
      const view = publicView(row, published, reply ? [reply] : [], this.clock.now()) as PublicCase;
      views.push({
        tracking_id: row.trackingId,
        title: row.laporTitle,
        category: row.laporCategory,
        disposition: row.disposition,
        status: laporStatusOf(row.status, row.version),
        status_notes: statusNotesOf(view),
        ticket: row.ticket,
        updated_at: row.updatedAt.toISOString(),
      });
    }
    return views;
  }
}

/** A report not opened as a case, and why: in English (`reason`) and in Bahasa Indonesia (`reasonId`). */
function skip(r: LaporReport, ticket: string | null, reason: string, reasonId: string): LaporImportResult['rows'][number] {
  return { row: r.row, trackingId: r.trackingId, result: 'skipped', ticket, reason, reasonId };
}
