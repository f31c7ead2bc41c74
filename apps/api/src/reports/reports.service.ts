import { REVIEWER } from '@sop/api-contract';
import { localDateOf } from '@sop/business-time';
import { redactIdentity } from '@sop/citizen-data';
import type { Logbook, LogbookRow, Report } from '@sop/report-model';
import { PLATFORM } from '../accounts/accounts.service';
import type { Principal } from '../auth/principal';
import type { Clock } from '../common/clock';
import { BadInputException, forbidden } from '../common/errors';
import { reportDuration } from '../metrics/metrics';
import type { PublishedSop, SopCatalog } from '../sops/sop-catalog.service';
import { buildReport, NOTES_PER_CATEGORY } from './report-builder';
import { logbookHead, logbookRows, type LogbookCase } from './logbook';
import { ReportLabels } from './report-labels';
import { reportPeriod, type ReportPeriod } from './report-period';
import type { LogbookCaseRow, ReportsRepository } from './reports.repository';

export { REVIEWER };

/** Logbook lines in the JSON report unless `logbookPageSize` says otherwise, and the most one page may hold. */
export const LOGBOOK_PAGE_SIZE = 100;
export const MAX_LOGBOOK_PAGE_SIZE = 1000;
/** Complaints read per batch while the CSV logbook is streamed. */
export const LOGBOOK_STREAM_BATCH = 1000;

export interface ReportQuery {
  regency?: string;
  month?: string;
  from?: string;
  to?: string;
  /** Logbook page, from 1 (JSON only). */
  logbookPage?: number;
  /** Logbook lines per page (JSON only). */
  logbookPageSize?: number;
}

/** What every reading of one report needs: the regency, its period and the names of its SOP versions. */
interface ReportContext {
  latest: PublishedSop;
  period: ReportPeriod;
  labels: ReportLabels;
  /** The confidential form fields of every version: their values are struck from notes. */
  confidentialFields: string[];
  /**
   * The fields that hold the complaint itself (the form's open `textarea` fields): the logbook's
   * "Isi Pengaduan" shows them, struck of the complainant's identity, to the regency's own users.
   * Empty for a reviewer of another regency, who reads the category and channel only.
   */
  complaintFields: string[];
  now: Date;
}

/** Reports of one regency over one period: who may read them, and the reading. */
export class ReportsService {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly catalog: SopCatalog,
    private readonly clock: Clock,
  ) {}

  /** The regency a user asks for, if they may read it: their own, or any for a reviewer. */
  async regencyFor(user: Principal, asked: string | undefined): Promise<PublishedSop> {
    const reviewer = user.permissions.includes(REVIEWER);
    const published = async () => (await this.catalog.allLatest()).map((p) => p.sopId).sort();
    if (!asked && reviewer) {
      throw new BadInputException('choose a regency', [
        { field: 'regency', message: `as a reviewer, name the regency: one of ${(await published()).join(', ')}` },
      ]);
    }
    if (user.regency === PLATFORM && !reviewer) {
      // a platform account (administrator, national signer) has no regency of its own; reading any
      // regency's report is the reviewer's right
      throw forbidden(
        "a platform account reads regencies' reports only with the reviewer right: ask for it",
        'akun platform membaca laporan Kabupaten/Kota hanya dengan hak peninjau: mintalah hak itu',
      );
    }
    const id = asked ?? user.regency;
    if (id !== user.regency && !reviewer)
      throw forbidden(`you work for ${user.regency}: you may read only its reports`, `Anda bekerja untuk ${user.regency}: Anda hanya dapat membaca laporannya`);
    const latest = await this.catalog.latest(id);
    if (!latest)
      throw new BadInputException('unknown regency', [
        { field: 'regency', message: `"${id}" has no published SOP; published: ${(await published()).join(', ')}` },
      ]);
    return latest;
  }

  private async context(user: Principal, query: ReportQuery): Promise<ReportContext> {
    const latest = await this.regencyFor(user, query.regency);
    const now = this.clock.now();
    const period = reportPeriod(query, latest.sop.calendar.timeZone, now);
    // every published version of the SOP (a handful; compiled once and cached): the cases of any period ran on some of them
    const versions = new Map<string, PublishedSop>();
    for (const v of await this.catalog.versions(latest.sopId)) versions.set(v.versionId, await this.catalog.byId(v.versionId));
    versions.set(latest.versionId, latest);
    const confidentialFields = [...new Set([...versions.values()].flatMap((v) => v.form.fields.filter((f) => f.confidential).map((f) => f.id)))];
    const ownRegency = user.regency === latest.sopId;
    const complaintFields = ownRegency
      ? [...new Set([...versions.values()].flatMap((v) => v.form.fields.filter((f) => f.type === 'textarea' && !f.confidential).map((f) => f.id)))]
      : [];
    return { latest, period, labels: new ReportLabels(latest, versions), confidentialFields, complaintFields, now };
  }

  async report(user: Principal, query: ReportQuery): Promise<Report> {
    const ctx = await this.context(user, query);
    const endTimer = reportDuration.startTimer({ report: 'regency' });
    const { sopId } = ctx.latest;
    const { start, end, timeZone } = ctx.period;
    const { now } = ctx;
    const caseGroups = await this.repository.caseGroups(sopId, start, end, now);
    const days = await this.repository.days(sopId, start, end, now, timeZone);
    const waiting = await this.repository.waiting(sopId, start, end, now);
    // the hand-overs' working time, and the decisions, minutes per step, documents and notes of the
    // period's complaints: from the rollups (groups of days and months), or line by line
    const rolledUp = await this.repository.rollupsCover(sopId, timeZone);
    const { from, to } = ctx.period;
    const stats = rolledUp ? await this.repository.handOverStatsRolledUp(sopId, from, to, timeZone) : await this.repository.handOverStats(sopId, start, end);
    const kartuGroups = rolledUp ? await this.repository.kartuGroupsRolledUp(sopId, from, to, timeZone) : await this.repository.kartuGroups(sopId, start, end);
    const categories = [...new Set(caseGroups.map((g) => g.category))];
    const notes = rolledUp
      ? await this.repository.latestNotesRolledUp(sopId, from, to, timeZone, categories, NOTES_PER_CATEGORY)
      : await this.repository.latestNotes(sopId, start, end, NOTES_PER_CATEGORY);
    const periodicRuns = await this.repository.periodicRuns(sopId, start, end);
    const forms = await this.repository.formValues(
      notes.map((n) => n.case_id),
      ctx.confidentialFields,
    );
    const confidential = new Map([...forms].map(([id, form]) => [id, Object.values(form)]));
    const pageSize = query.logbookPageSize ?? LOGBOOK_PAGE_SIZE;
    const page = query.logbookPage ?? 1;
    const rows = await this.repository.logbookPage(sopId, start, end, pageSize, (page - 1) * pageSize);
    const logbook: Logbook = {
      ...logbookHead(ctx.labels),
      rows: await this.logbookLines(ctx, rows, (page - 1) * pageSize),
      total: caseGroups.reduce((n, g) => n + g.count, 0),
      page,
      pageSize,
    };
    endTimer();
    return buildReport({
      period: ctx.period,
      labels: ctx.labels,
      caseGroups,
      days,
      waiting,
      stats,
      kartuGroups,
      notes,
      periodicRuns,
      confidential,
      logbook,
      now,
    });
  }

  /**
   * The whole logbook of a report, for the CSV download: its heading and columns at once (so that
   * who may read it and the period are checked before anything is sent), then its lines in batches
   * read by keyset (filed at, ticket), each written out before the next is read.
   */
  async logbook(
    user: Principal,
    query: ReportQuery,
  ): Promise<{ regency: string; period: ReportPeriod; head: ReturnType<typeof logbookHead>; lines: AsyncGenerator<LogbookRow[]> }> {
    const ctx = await this.context(user, query);
    const first = await this.repository.logbookAfter(ctx.latest.sopId, ctx.period.start, ctx.period.end, LOGBOOK_STREAM_BATCH, null);
    return { regency: ctx.latest.sopId, period: ctx.period, head: logbookHead(ctx.labels), lines: this.logbookBatches(ctx, first) };
  }

  private async *logbookBatches(ctx: ReportContext, first: LogbookCaseRow[]): AsyncGenerator<LogbookRow[]> {
    let batch = first;
    let written = 0;
    while (batch.length) {
      yield await this.logbookLines(ctx, batch, written);
      written += batch.length;
      if (batch.length < LOGBOOK_STREAM_BATCH) return;
      const last = batch[batch.length - 1];
      batch = await this.repository.logbookAfter(ctx.latest.sopId, ctx.period.start, ctx.period.end, LOGBOOK_STREAM_BATCH, {
        cursorAt: last.cursor_at,
        ticket: last.ticket,
      });
    }
  }

  /** Logbook lines of consecutive complaints: their hand-overs, and their notes without identity. */
  private async logbookLines(ctx: ReportContext, rows: LogbookCaseRow[], first: number): Promise<LogbookRow[]> {
    const kartu = await this.repository.handOversOf(rows.map((r) => r.id));
    // the forms are opened for the notes' identity and the complaint's text: every case of the page when the complaint is shown
    const withNotes = [...new Set([...kartu.filter((k) => k.note).map((k) => k.case_id), ...(ctx.complaintFields.length ? rows.map((r) => r.id) : [])])];
    const forms = await this.repository.formValues(withNotes, [...ctx.confidentialFields, ...ctx.complaintFields]);
    const byCase = new Map<string, LogbookCase['kartu']>();
    for (const k of kartu) {
      const lines = byCase.get(k.case_id);
      if (lines) lines.push(k);
      else byCase.set(k.case_id, [k]);
    }
    const cases: LogbookCase[] = rows.map((row) => {
      const lines = byCase.get(row.id) ?? [];
      const d = localDateOf(new Date(row.created_at), ctx.period.timeZone);
      const form = forms.get(row.id) ?? {};
      const secrets = ctx.confidentialFields.map((f) => form[f]).filter((v): v is string => v !== undefined);
      const complaint = ctx.complaintFields.map((f) => form[f]).filter((v): v is string => v !== undefined);
      return {
        row,
        kartu: lines,
        date: `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`,
        notes: new Map(lines.flatMap((k) => (k.note ? [[k.seq, redactIdentity(k.note, secrets)] as const] : []))),
        complaint: complaint.length ? redactIdentity(complaint.join(' — '), secrets) : null,
      };
    });
    return logbookRows(cases, ctx.labels, first);
  }
}
