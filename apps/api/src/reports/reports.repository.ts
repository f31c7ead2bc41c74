import type { FieldCipher } from '../common/field-cipher';
import type { Database } from '../database/database';

/** A complaint as reports read it: no form data, so no identity can reach a report from here. */
export interface ReportCaseRow {
  id: string;
  ticket: string;
  sop_version_id: string;
  channel: string | null;
  category: string | null;
  status: 'open' | 'done';
  end_step: string | null;
  step: string;
  lane: string;
  overdue: boolean;
  due_at: Date | null;
  created_at: Date;
  closed_at: Date | null;
}

/** A kartu kendali hand-over as reports read it. */
export interface ReportKartuRow {
  case_id: string;
  sop_version_id: string;
  seq: number;
  event: string;
  outcome: string | null;
  from_step: string | null;
  from_lane: string | null;
  to_step: string;
  to_lane: string;
  handed_over_at: Date;
  officer_name: string;
  limit_text: string | null;
  spent_working_minutes: number | null;
  over_limit: boolean | null;
  note: string | null;
  /** The document the line's outcome produced (berita acara, surat keberatan). */
  document: string | null;
}

/** Lines that keep the case at its step (coordination, a scheduled wait): not hand-overs (ADR 0014). */
const SIDE_EVENTS = new Set(['CONSULT', 'ANSWER', 'SCHEDULE', 'RESUME']);

/** A line that handed the case on from a step: not the case's start, not a deadline that only flagged it, not a side line. */
export const isHandOver = (k: ReportKartuRow): boolean => k.event !== 'START' && k.from_step !== null && !(k.event === 'EXPIRE' && k.to_step === k.from_step) && !SIDE_EVENTS.has(k.event);

export interface PeriodicRunRow {
  ticket: string;
  sop_version_id: string;
  periodic_id: string;
  period: string;
  status: 'open' | 'done';
  step: string;
  overdue: boolean;
  created_at: Date;
  closed_at: Date | null;
}

const KARTU = `k.case_id, c.sop_version_id, k.seq, k.event, k.outcome, k.from_step, k.from_lane, k.to_step, k.to_lane, k.handed_over_at,
               k.officer_name, k.limit_text, k.spent_working_minutes, k.over_limit, k.note, k.document`;

/** Read-only SQL for the reports. Every query is bounded by one regency and one period. */
export class ReportsRepository {
  constructor(
    private readonly db: Database,
    private readonly cipher: FieldCipher,
  ) {}

  /** The complaints filed in [start, end), oldest first. */
  complaints(sopId: string, start: Date, end: Date): Promise<ReportCaseRow[]> {
    return this.db.query<ReportCaseRow>(
      `SELECT id, ticket, sop_version_id, channel, category, status, end_step, step, lane, overdue, due_at, created_at, closed_at
       FROM cases WHERE sop_id = $1 AND kind = 'complaint' AND created_at >= $2 AND created_at < $3
       ORDER BY created_at, ticket`,
      [sopId, start, end],
    );
  }

  /** Every kartu kendali line of the complaints filed in [start, end), in order. */
  kartuOfComplaints(sopId: string, start: Date, end: Date): Promise<ReportKartuRow[]> {
    return this.db.query<ReportKartuRow>(
      `SELECT ${KARTU} FROM kartu_kendali k JOIN cases c ON c.id = k.case_id
       WHERE c.sop_id = $1 AND c.kind = 'complaint' AND c.created_at >= $2 AND c.created_at < $3
       ORDER BY c.created_at, k.case_id, k.seq`,
      [sopId, start, end],
    );
  }

  /**
   * The hand-overs of complaints made in [start, end) (whenever the complaint was filed), from a step
   * (the START line only records the filing). A deadline that only flags the case (EXPIRE to the same
   * step) is not a hand-over: the case's time at the step is counted once, when it is handed on.
   */
  handOversIn(sopId: string, start: Date, end: Date): Promise<ReportKartuRow[]> {
    return this.db.query<ReportKartuRow>(
      `SELECT ${KARTU} FROM kartu_kendali k JOIN cases c ON c.id = k.case_id
       WHERE c.sop_id = $1 AND c.kind = 'complaint' AND k.event NOT IN ('START', 'CONSULT', 'ANSWER', 'SCHEDULE', 'RESUME') AND k.from_step IS NOT NULL AND NOT (k.event = 'EXPIRE' AND k.to_step = k.from_step) AND k.handed_over_at >= $2 AND k.handed_over_at < $3
       ORDER BY k.handed_over_at`,
      [sopId, start, end],
    );
  }

  /** The periodic runs (daily recap, monthly review…) opened in [start, end). */
  periodicRuns(sopId: string, start: Date, end: Date): Promise<PeriodicRunRow[]> {
    return this.db.query<PeriodicRunRow>(
      `SELECT ticket, sop_version_id, periodic_id, period, status, step, overdue, created_at, closed_at
       FROM cases WHERE sop_id = $1 AND kind = 'periodic' AND created_at >= $2 AND created_at < $3
       ORDER BY created_at, periodic_id`,
      [sopId, start, end],
    );
  }

  /**
   * The confidential values of the complainants of [start, end), by case id: read only to strike them
   * from officers' notes before a note is shown in a report.
   */
  async confidentialValues(sopId: string, start: Date, end: Date, fields: string[]): Promise<Map<string, string[]>> {
    if (!fields.length) return new Map();
    const rows = await this.db.query<{ id: string; form_data: Record<string, unknown> }>(
      `SELECT id, form_data FROM cases WHERE sop_id = $1 AND kind = 'complaint' AND created_at >= $2 AND created_at < $3`,
      [sopId, start, end],
    );
    return new Map(
      rows.map((r) => {
        const form = this.cipher.openFields(r.form_data ?? {});
        return [r.id, fields.map((f) => form[f]).filter((v): v is string => typeof v === 'string' && v.trim() !== '')];
      }),
    );
  }
}
