import { LAPOR_LIMIT_DAYS, WORKING_DAY_MINUTES } from '@sop/report-model';
import type { FieldCipher } from '../common/field-cipher';
import type { Database } from '../database/database';
import { HAND_OVER_SQL } from './hand-over';

/**
 * Read-only SQL for the reports. Every query is bounded by one regency and one period, and every
 * aggregate is computed by the database: what comes back grows with the number of groups (days,
 * channels, categories, steps, lanes), never with the number of complaints or kartu kendali lines.
 * Only the logbook reads rows, one page (or one streamed batch) at a time.
 */

/** A kartu kendali line as reports read it. */
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

export { HAND_OVER_SQL, isHandOver } from './hand-over';

/** The complaints filed in [$2, $3) of regency $1, on the cases aliased `c`. */
const COMPLAINTS_OF_PERIOD = `c.sop_id = $1 AND c.kind = 'complaint' AND c.created_at >= $2 AND c.created_at < $3`;

/**
 * The periodic runs of regency $1 (a handful a month): their lines are not complaints' hand-overs.
 * A line handed over in a period belongs to a case filed before its end and not closed before its
 * start, so the regency and this exclusion are all a hand-over statistic needs to know of the case.
 */
const PERIODIC_RUNS_OF_REGENCY = `SELECT p.id FROM cases p WHERE p.sop_id = $1 AND p.kind = 'periodic'`;

/** Past a deadline: recorded (a deadline of the case passed), or waiting past the current one at `now` ($4). */
const OVERDUE_SQL = `(c.overdue OR (c.status = 'open' AND c.due_at < $4))`;

/** Complaints of the period counted by channel, category, status and end reached (with how many are overdue). */
export interface CaseGroupRow {
  channel: string | null;
  category: string | null;
  status: 'open' | 'done';
  end_step: string | null;
  count: number;
  overdue: number;
}

/** Complaints of the period counted by the local day they were filed. */
export interface DayRow {
  day: string;
  filed: number;
  done: number;
  open: number;
  overdue: number;
}

/** The period's open complaints by the step and lane they wait at. */
export interface WaitingRow {
  step: string;
  lane: string;
  waiting: number;
  waiting_overdue: number;
}

/** Working-time statistics of the hand-overs made in the period: per step (`lane` null), per lane (`step` null), or all (both null). */
export interface StatsRow {
  grouping: 'step' | 'lane' | 'all';
  step: string | null;
  lane: string | null;
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
  over_limit: number;
  with_limit: number;
}

/** The kartu kendali of the period's complaints, grouped: decisions chosen, working minutes per step, documents, by category. */
export interface KartuGroupRow {
  category: string | null;
  sop_version_id: string;
  from_step: string | null;
  outcome: string | null;
  document: string | null;
  chosen: number;
  minutes: number | null;
  documents: number;
  first_at: Date;
}

/** One of the latest five officers' notes of a category (before identity is struck out). */
export interface NoteRow {
  category: string | null;
  case_id: string;
  ticket: string;
  sop_version_id: string;
  from_step: string;
  note: string;
}

/** A complaint as the logbook reads it: no form data, so no identity can reach a report from here. */
export interface LogbookCaseRow {
  id: string;
  ticket: string;
  sop_version_id: string;
  channel: string | null;
  category: string | null;
  status: 'open' | 'done';
  end_step: string | null;
  step: string;
  lane: string;
  /** The unit of its lane the complaint went to (ADR 0014), if the lane has units. */
  unit: string | null;
  created_at: Date;
  /** created_at as the database writes it (microseconds kept): the keyset cursor. */
  cursor_at: string;
}

/** A hand-over as the logbook reads it. */
export type LogbookKartuRow = Pick<
  ReportKartuRow,
  'case_id' | 'sop_version_id' | 'seq' | 'event' | 'from_step' | 'from_lane' | 'to_step' | 'officer_name' | 'note'
>;

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

/** One regency's share of the national view: its period in its own time zone and its SOP's limit. */
export interface NationalRegency {
  sopId: string;
  start: Date;
  end: Date;
  /** The SOP's worst case in nominal working minutes; null when it has none. */
  limitMinutes: number | null;
}

/** A decision outcome chosen for a regency's complaints of the period, and how many times. */
export interface ChosenOutcomeRow {
  sop_id: string;
  sop_version_id: string;
  from_step: string | null;
  outcome: string;
  chosen: number;
}

/** One regency's figures over its complaints of the period (see `nationalFigures`). */
export interface NationalFigureRow {
  sop_id: string;
  complaints: number;
  closed: number;
  overdue: number;
  median: number | null;
  p90: number | null;
  within_sop: number;
  /** Closed within each of LAPOR_LIMIT_DAYS hari kerja, in that order. */
  within_lapor: number[];
  escalations: number;
  escalated: number;
}

/** The step of a regency whose hand-overs of the period took longest at the median. */
export interface SlowestStepRow {
  sop_id: string;
  step: string;
  hand_overs: number;
  median: number;
}

/**
 * The whole calendar months inside the local dates [from, to]: [monthsFrom, monthsTo) as first days
 * of months (empty when monthsFrom ≥ monthsTo). The days of [from, to] outside it are read by day.
 */
export function wholeMonths(from: string, to: string): { monthsFrom: string; monthsTo: string } {
  const firstOfNext = (date: string) => {
    const [y, m] = date.split('-').map(Number);
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  };
  const dayAfterTo = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    monthsFrom: from.endsWith('-01') ? from : firstOfNext(from),
    monthsTo: dayAfterTo.endsWith('-01') ? dayAfterTo : `${to.slice(0, 7)}-01`,
  };
}

/** Regencies as a relation: `r(sop_id, start_at, end_at, limit_minutes)` from four parallel arrays $1…$4. */
const REGENCIES_OF_VIEW = `SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::double precision[]) AS r(sop_id, start_at, end_at, limit_minutes)`;

/**
 * A line that escalated: the case engine's mark (an officer's ESCALATE, a passed deadline whose rule
 * escalates, an outcome of kind escalation); on a line written before it marked them, its event (an
 * ESCALATE, or a passed deadline that moved the case to another step). As the rollups' trigger reads
 * it (migration 1767100000000).
 */
const ESCALATION_SQL = `coalesce(k.escalation, k.event = 'ESCALATE' OR (k.event = 'EXPIRE' AND k.to_step <> k.from_step))`;

/**
 * A hand-over whose working minutes are the office's: not one from a step the complainant works (the
 * case engine's mark; a line written before it marked them counts). As the rollups' trigger reads it
 * (migration 1767200000000).
 */
const OFFICE_TIME_SQL = `${HAND_OVER_SQL} AND NOT coalesce(k.citizen_step, false)`;

const regencyParams = (regencies: NationalRegency[]): unknown[] => [
  regencies.map((r) => r.sopId),
  regencies.map((r) => r.start),
  regencies.map((r) => r.end),
  regencies.map((r) => r.limitMinutes),
];

/**
 * The kartu kendali lines of the case `c`, read through UNIQUE (case_id, seq) case by case: OFFSET 0
 * keeps the planner from flattening it into a join that would scan every regency's lines.
 */
const LINES_OF_CASE = `SELECT * FROM kartu_kendali k WHERE k.case_id = c.id OFFSET 0`;

const LOGBOOK_CASE = `c.id, c.ticket, c.sop_version_id, c.channel, c.category, c.status, c.end_step, c.step, c.lane, c.unit, c.created_at, c.created_at::text AS cursor_at`;

const WITHIN_LAPOR = LAPOR_LIMIT_DAYS.map((d) => `(count(*) FILTER (WHERE closed AND minutes <= ${d * WORKING_DAY_MINUTES}))::int`).join(', ');
/** The national figures of each regency from a `per_case` CTE (sop_id, limit_minutes, closed, overdue, minutes, escalations): written once for both readings. */
const NATIONAL_FIGURES_OF_PER_CASE = `SELECT sop_id, count(*)::int AS complaints, (count(*) FILTER (WHERE closed))::int AS closed, (count(*) FILTER (WHERE overdue))::int AS overdue,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE closed) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes) FILTER (WHERE closed) AS p90,
              (count(*) FILTER (WHERE closed AND minutes <= limit_minutes))::int AS within_sop,
              ARRAY[${WITHIN_LAPOR}] AS within_lapor,
              coalesce(sum(escalations), 0)::int AS escalations, (count(*) FILTER (WHERE escalations > 0))::int AS escalated
       FROM per_case GROUP BY sop_id`;

export class ReportsRepository {
  constructor(
    private readonly db: Database,
    private readonly cipher: FieldCipher,
  ) {}

  /** The period's complaints counted by channel, category, status and end step. */
  caseGroups(sopId: string, start: Date, end: Date, now: Date): Promise<CaseGroupRow[]> {
    return this.db.query<CaseGroupRow>(
      `SELECT c.channel, c.category, c.status, c.end_step, count(*)::int AS count, (count(*) FILTER (WHERE ${OVERDUE_SQL}))::int AS overdue
       FROM cases c WHERE ${COMPLAINTS_OF_PERIOD}
       GROUP BY c.channel, c.category, c.status, c.end_step`,
      [sopId, start, end, now],
    );
  }

  /** The period's complaints by the day they were filed, in the office's time zone. */
  days(sopId: string, start: Date, end: Date, now: Date, timeZone: string): Promise<DayRow[]> {
    return this.db.query<DayRow>(
      `SELECT to_char(c.created_at AT TIME ZONE $5, 'YYYY-MM-DD') AS day, count(*)::int AS filed,
              (count(*) FILTER (WHERE c.status = 'done'))::int AS done, (count(*) FILTER (WHERE c.status = 'open'))::int AS open,
              (count(*) FILTER (WHERE ${OVERDUE_SQL}))::int AS overdue
       FROM cases c WHERE ${COMPLAINTS_OF_PERIOD}
       GROUP BY 1 ORDER BY 1`,
      [sopId, start, end, now, timeZone],
    );
  }

  /** The period's open complaints by the step and lane they wait at, and how many wait past its deadline. */
  waiting(sopId: string, start: Date, end: Date, now: Date): Promise<WaitingRow[]> {
    return this.db.query<WaitingRow>(
      `SELECT c.step, c.lane, count(*)::int AS waiting, (count(*) FILTER (WHERE c.due_at < $4))::int AS waiting_overdue
       FROM cases c WHERE ${COMPLAINTS_OF_PERIOD} AND c.status = 'open'
       GROUP BY c.step, c.lane`,
      [sopId, start, end, now],
    );
  }

  /**
   * Working time of the hand-overs of complaints made in [start, end) (whenever the complaint was
   * filed), from a step, per step, per lane and in all (see `isHandOver`: a deadline that only flags
   * the case is not one, so the time at a step is counted once, when the case is handed on).
   */
  handOverStats(sopId: string, start: Date, end: Date): Promise<StatsRow[]> {
    const spent = 'k.spent_working_minutes';
    return this.db.query<StatsRow>(
      `SELECT CASE GROUPING(k.from_step, k.from_lane) WHEN 1 THEN 'step' WHEN 2 THEN 'lane' ELSE 'all' END AS grouping,
              k.from_step AS step, k.from_lane AS lane, count(*)::int AS count,
              avg(${spent}) AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY ${spent}) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY ${spent}) AS p90, max(${spent}) AS max,
              (count(*) FILTER (WHERE k.over_limit))::int AS over_limit, count(k.over_limit)::int AS with_limit
       FROM kartu_kendali k
       WHERE k.sop_id = $1 AND ${HAND_OVER_SQL} AND k.handed_over_at >= $2 AND k.handed_over_at < $3
         AND k.case_id NOT IN (${PERIODIC_RUNS_OF_REGENCY})
       GROUP BY GROUPING SETS ((k.from_step), (k.from_lane), ())`,
      [sopId, start, end],
    );
  }

  /** The kartu kendali of the period's complaints in groups: decisions chosen, working minutes per step and documents, by category. */
  kartuGroups(sopId: string, start: Date, end: Date): Promise<KartuGroupRow[]> {
    return this.db.query<KartuGroupRow>(
      `SELECT c.category, c.sop_version_id, k.from_step, k.outcome, k.document,
              (count(*) FILTER (WHERE k.event = 'CHOOSE' AND k.outcome IS NOT NULL AND k.from_step IS NOT NULL))::int AS chosen,
              sum(k.spent_working_minutes) FILTER (WHERE ${HAND_OVER_SQL} AND k.spent_working_minutes <> 0) AS minutes,
              count(k.document)::int AS documents, min(c.created_at) AS first_at
       FROM cases c CROSS JOIN LATERAL (${LINES_OF_CASE}) k
       WHERE ${COMPLAINTS_OF_PERIOD}
       GROUP BY c.category, c.sop_version_id, k.from_step, k.outcome, k.document`,
      [sopId, start, end],
    );
  }

  /**
   * Whether the rollups (docs/adr/0027-report-rollups.md) can answer a report of regency $1 in time
   * zone $2: they count each complaint on the local day of its version's time zone, so every
   * version of the SOP must keep the report's. (An office that changed its zone is read line by line.)
   */
  async rollupsCover(sopId: string, timeZone: string): Promise<boolean> {
    const [row] = await this.db.query<{ other: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM sop_versions WHERE sop_id = $1 AND time_zone IS DISTINCT FROM $2) AS other`,
      [sopId, timeZone],
    );
    return !row.other;
  }

  /**
   * `handOverStats` from the histogram `report_hand_over_minutes` (docs/adr/0027-report-rollups.md):
   * whole local months of [from, to] from the month rows, the days around them from the day rows;
   * then per step, per lane and in all, the count, mean, maximum and the exact `percentile_cont`
   * (the values at ranks ⌊p(N−1)⌋ and ⌈p(N−1)⌉ found by cumulative counts, interpolated as
   * PostgreSQL does). Reads months × steps × lanes × distinct minutes, whatever the hand-overs.
   */
  handOverStatsRolledUp(sopId: string, from: string, to: string, timeZone: string): Promise<StatsRow[]> {
    const { monthsFrom, monthsTo } = wholeMonths(from, to);
    const pct = (p: number) => {
      const rank = `${p} * (total - 1)`;
      const lo = `min(minutes) FILTER (WHERE cum > floor(${rank}))`;
      const hi = `min(minutes) FILTER (WHERE cum > ceil(${rank}))`;
      return `${lo} + (max(${rank}) - floor(max(${rank}))) * (${hi} - ${lo})`;
    };
    return this.db.query<StatsRow>(
      `WITH h AS (
         SELECT h.from_step, h.from_lane, h.minutes, sum(h.hand_overs) AS n, sum(h.over_limit) AS o, sum(h.with_limit) AS w
         FROM report_hand_over_minutes h
         WHERE h.sop_id = $1 AND h.time_zone = $2
           AND ((h.grain = 'month' AND h.bucket >= $5::date AND h.bucket < $6::date)
             OR (h.grain = 'day' AND h.bucket >= $3::date AND h.bucket <= $4::date AND NOT (h.bucket >= $5::date AND h.bucket < $6::date)))
         GROUP BY h.from_step, h.from_lane, h.minutes),
       g AS (
         SELECT CASE GROUPING(from_step, from_lane) WHEN 1 THEN 'step' WHEN 2 THEN 'lane' ELSE 'all' END AS grouping,
                from_step AS step, from_lane AS lane, minutes, sum(n) AS n, sum(o) AS o, sum(w) AS w
         FROM h GROUP BY GROUPING SETS ((from_step, minutes), (from_lane, minutes), (minutes))),
       timed AS (
         SELECT grouping, step, lane, minutes, n,
                sum(n) OVER (PARTITION BY grouping, step, lane ORDER BY minutes) AS cum, sum(n) OVER (PARTITION BY grouping, step, lane) AS total
         FROM g WHERE minutes IS NOT NULL),
       counts AS (
         SELECT grouping, step, lane, sum(n)::int AS count, sum(o)::int AS over_limit, sum(w)::int AS with_limit FROM g GROUP BY grouping, step, lane),
       figures AS (
         SELECT grouping, step, lane, sum(minutes * n) / sum(n) AS mean, ${pct(0.5)} AS median, ${pct(0.9)} AS p90, max(minutes) AS max
         FROM timed GROUP BY grouping, step, lane)
       SELECT c.grouping, c.step, c.lane, c.count, f.mean, f.median, f.p90, f.max, c.over_limit, c.with_limit
       FROM counts c LEFT JOIN figures f ON f.grouping = c.grouping AND f.step IS NOT DISTINCT FROM c.step AND f.lane IS NOT DISTINCT FROM c.lane`,
      [sopId, timeZone, from, to, monthsFrom, monthsTo],
    );
  }

  /**
   * `kartuGroups` from the rollup `report_kartu_groups`: the groups of the local days [from, to] of
   * time zone $4 summed. Reads days × groups rows, whatever the number of complaints.
   */
  kartuGroupsRolledUp(sopId: string, from: string, to: string, timeZone: string): Promise<KartuGroupRow[]> {
    return this.db.query<KartuGroupRow>(
      `SELECT g.category, g.sop_version_id, g.from_step, g.outcome, g.document, sum(g.chosen)::int AS chosen, sum(g.minutes) AS minutes,
              sum(g.documents)::int AS documents, min(g.first_at) AS first_at
       FROM report_kartu_groups g
       WHERE g.sop_id = $1 AND g.time_zone = $4 AND g.day >= $2::date AND g.day <= $3::date
       GROUP BY g.category, g.sop_version_id, g.from_step, g.outcome, g.document`,
      [sopId, from, to, timeZone],
    );
  }

  /**
   * `latestNotes` from `report_notes`: for each category named and each local day of [from, to],
   * its latest `perCategory` notes through the index (LIMIT per day), then the latest of those per
   * category. Reads at most days × categories × `perCategory` index entries.
   */
  latestNotesRolledUp(sopId: string, from: string, to: string, timeZone: string, categories: (string | null)[], perCategory: number): Promise<NoteRow[]> {
    const named = categories.filter((c): c is string => c !== null);
    const latestOfDay = (where: string) => `SELECT n.category, n.case_id, n.seq, n.ticket, n.handed_over_at, n.filed_at FROM report_notes n
           WHERE n.sop_id = $1 AND n.time_zone = $4 AND ${where} AND n.day = d.day
           ORDER BY n.handed_over_at DESC, n.filed_at, n.ticket, n.seq LIMIT $5`;
    return this.db.query<NoteRow>(
      `WITH d AS (SELECT day::date FROM generate_series($2::date, $3::date, interval '1 day') AS day),
       candidates AS (
         SELECT n.* FROM unnest($6::text[]) AS cat(category) CROSS JOIN d CROSS JOIN LATERAL (${latestOfDay('n.category = cat.category')}) n
         UNION ALL
         SELECT n.* FROM d CROSS JOIN LATERAL (${latestOfDay('n.category IS NULL')}) n WHERE $7),
       latest AS (
         SELECT candidates.*, row_number() OVER (PARTITION BY category ORDER BY handed_over_at DESC, filed_at, ticket, seq) AS n FROM candidates)
       SELECT l.category, l.case_id, l.ticket, c.sop_version_id, k.from_step, k.note
       FROM latest l JOIN kartu_kendali k ON k.case_id = l.case_id AND k.seq = l.seq JOIN cases c ON c.id = l.case_id
       WHERE l.n <= $5 ORDER BY l.category, l.n`,
      [sopId, from, to, timeZone, perCategory, named, categories.includes(null)],
    );
  }

  /** The latest `perCategory` officers' notes on hand-overs of the period's complaints, per category, newest first. */
  latestNotes(sopId: string, start: Date, end: Date, perCategory: number): Promise<NoteRow[]> {
    return this.db.query<NoteRow>(
      `SELECT category, case_id, ticket, sop_version_id, from_step, note FROM (
         SELECT c.category, c.id AS case_id, c.ticket, c.sop_version_id, k.from_step, k.note,
                row_number() OVER (PARTITION BY c.category ORDER BY k.handed_over_at DESC, c.created_at, c.ticket, k.seq) AS n
         FROM cases c CROSS JOIN LATERAL (${LINES_OF_CASE}) k
         WHERE ${COMPLAINTS_OF_PERIOD} AND ${HAND_OVER_SQL} AND k.note IS NOT NULL AND k.note <> ''
       ) latest WHERE n <= $4 ORDER BY category, n`,
      [sopId, start, end, perCategory],
    );
  }

  /**
   * The national view's figures, one row per regency: its complaints filed in its period, each with
   * the working minutes of its hand-overs summed (its time to close, when closed) and its escalations,
   * read through the complaint's own lines (UNIQUE (case_id, seq)); then counted, and the median and
   * 90th percentile taken, per regency. What comes back grows with the number of regencies.
   */
  nationalFigures(regencies: NationalRegency[], now: Date): Promise<NationalFigureRow[]> {
    return this.db.query<NationalFigureRow>(
      `WITH r AS (${REGENCIES_OF_VIEW}),
       per_case AS (
         SELECT r.sop_id, r.limit_minutes, c.status = 'done' AS closed, c.overdue, coalesce(k.minutes, 0) AS minutes, k.escalations
         FROM r
         CROSS JOIN LATERAL (
           SELECT c.id, c.status, (c.overdue OR (c.status = 'open' AND c.due_at < $5)) AS overdue FROM cases c
           WHERE c.sop_id = r.sop_id AND c.kind = 'complaint' AND c.created_at >= r.start_at AND c.created_at < r.end_at) c
         CROSS JOIN LATERAL (
           SELECT sum(k.spent_working_minutes) FILTER (WHERE ${OFFICE_TIME_SQL}) AS minutes, (count(*) FILTER (WHERE ${ESCALATION_SQL}))::int AS escalations
           FROM kartu_kendali k WHERE k.case_id = c.id) k)
       ${NATIONAL_FIGURES_OF_PER_CASE}`,
      [...regencyParams(regencies), now],
    );
  }

  /**
   * `nationalFigures` from `report_case_totals` (docs/adr/0027-report-rollups.md): per regency, its
   * complaints of the period and their totals, each read by one range of (regency, filed at) and
   * joined by case, instead of each complaint's lines. Exact percentiles need one value per
   * complaint: this reads one narrow row per complaint, never its lines. (OFFSET 0 keeps each
   * regency's range a range: flattened, the planner scans every regency's cases.)
   */
  nationalFiguresRolledUp(regencies: NationalRegency[], now: Date): Promise<NationalFigureRow[]> {
    return this.db.query<NationalFigureRow>(
      `WITH r AS (${REGENCIES_OF_VIEW}),
       c AS (
         SELECT r.sop_id, r.limit_minutes, c.id, c.status = 'done' AS closed, (c.overdue OR (c.status = 'open' AND c.due_at < $5)) AS overdue
         FROM r CROSS JOIN LATERAL (
           SELECT c.id, c.status, c.overdue, c.due_at FROM cases c
           WHERE c.sop_id = r.sop_id AND c.kind = 'complaint' AND c.created_at >= r.start_at AND c.created_at < r.end_at OFFSET 0) c),
       t AS (
         SELECT t.case_id, t.minutes, t.escalations
         FROM r CROSS JOIN LATERAL (
           SELECT t.case_id, t.minutes, t.escalations FROM report_case_totals t
           WHERE t.sop_id = r.sop_id AND t.filed_at >= r.start_at AND t.filed_at < r.end_at OFFSET 0) t),
       per_case AS (
         SELECT c.sop_id, c.limit_minutes, c.closed, c.overdue, coalesce(t.minutes, 0) AS minutes, coalesce(t.escalations, 0) AS escalations
         FROM c LEFT JOIN t ON t.case_id = c.id)
       ${NATIONAL_FIGURES_OF_PER_CASE}`,
      [...regencyParams(regencies), now],
    );
  }

  /**
   * The decision outcomes chosen for each regency's complaints filed in its period, by version, step
   * and outcome, from the rollup `report_kartu_groups` (its local day filed): as many rows as outcomes
   * chosen, whatever the number of complaints. The national view counts the referrals among them.
   */
  chosenOutcomes(regencies: NationalRegency[]): Promise<ChosenOutcomeRow[]> {
    return this.db.query<ChosenOutcomeRow>(
      `WITH r AS (${REGENCIES_OF_VIEW})
       SELECT r.sop_id, g.sop_version_id, g.from_step, g.outcome, sum(g.chosen)::int AS chosen
       FROM r JOIN report_kartu_groups g ON g.sop_id = r.sop_id
       WHERE g.chosen > 0 AND g.outcome IS NOT NULL
         AND g.day >= (r.start_at AT TIME ZONE g.time_zone)::date AND g.day < (r.end_at AT TIME ZONE g.time_zone)::date
       GROUP BY r.sop_id, g.sop_version_id, g.from_step, g.outcome`,
      regencyParams(regencies),
    );
  }

  /**
   * Each regency's slowest step: of the hand-overs made in its period (as `handOverStats` counts
   * them, through the (sop_id, handed_over_at) index), the step with the highest median working minutes.
   */
  slowestSteps(regencies: NationalRegency[]): Promise<SlowestStepRow[]> {
    return this.db.query<SlowestStepRow>(
      `WITH r AS (${REGENCIES_OF_VIEW})
       SELECT DISTINCT ON (r.sop_id) r.sop_id, s.step, s.hand_overs, s.median
       FROM r CROSS JOIN LATERAL (
         SELECT k.from_step AS step, count(*)::int AS hand_overs, percentile_cont(0.5) WITHIN GROUP (ORDER BY k.spent_working_minutes) AS median
         FROM kartu_kendali k
         WHERE k.sop_id = r.sop_id AND ${OFFICE_TIME_SQL} AND k.handed_over_at >= r.start_at AND k.handed_over_at < r.end_at
           AND k.case_id NOT IN (SELECT p.id FROM cases p WHERE p.sop_id = r.sop_id AND p.kind = 'periodic')
         GROUP BY k.from_step) s
       WHERE s.median IS NOT NULL
       ORDER BY r.sop_id, s.median DESC, s.hand_overs DESC, s.step`,
      regencyParams(regencies),
    );
  }

  /** One page of the period's complaints for the logbook, oldest first (`offset` lines skipped). */
  logbookPage(sopId: string, start: Date, end: Date, limit: number, offset: number): Promise<LogbookCaseRow[]> {
    return this.db.query<LogbookCaseRow>(
      `SELECT ${LOGBOOK_CASE} FROM cases c WHERE ${COMPLAINTS_OF_PERIOD}
       ORDER BY c.created_at, c.ticket LIMIT $4 OFFSET $5`,
      [sopId, start, end, limit, offset],
    );
  }

  /** The next `limit` complaints of the period after the one at `after` (keyset: filed at, ticket), oldest first. */
  logbookAfter(sopId: string, start: Date, end: Date, limit: number, after: { cursorAt: string; ticket: string } | null): Promise<LogbookCaseRow[]> {
    if (!after) {
      return this.db.query<LogbookCaseRow>(`SELECT ${LOGBOOK_CASE} FROM cases c WHERE ${COMPLAINTS_OF_PERIOD} ORDER BY c.created_at, c.ticket LIMIT $4`, [
        sopId,
        start,
        end,
        limit,
      ]);
    }
    return this.db.query<LogbookCaseRow>(
      `SELECT ${LOGBOOK_CASE} FROM cases c WHERE ${COMPLAINTS_OF_PERIOD} AND (c.created_at, c.ticket) > ($5::timestamptz, $6::text)
       ORDER BY c.created_at, c.ticket LIMIT $4`,
      [sopId, start, end, limit, after.cursorAt, after.ticket],
    );
  }

  /** The hand-overs of the given complaints, in order: what the logbook's columns are filled from. */
  handOversOf(caseIds: string[]): Promise<LogbookKartuRow[]> {
    if (!caseIds.length) return Promise.resolve([]);
    return this.db.query<LogbookKartuRow>(
      `SELECT k.case_id, c.sop_version_id, k.seq, k.event, k.from_step, k.from_lane, k.to_step, k.officer_name, k.note
       FROM kartu_kendali k JOIN cases c ON c.id = k.case_id
       WHERE k.case_id = ANY($1::uuid[]) AND ${HAND_OVER_SQL}
       ORDER BY k.case_id, k.seq`,
      [caseIds],
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
   * The confidential values of the given complainants, by case id: read only to strike them from
   * officers' notes before a note is shown in a report. Asked only for the complaints whose notes
   * a report shows (at most five per category, or one logbook page), never for a whole period.
   */
  /** The named form fields of the given complaints that hold text, opened (sealed ones unsealed), by case id. */
  async formValues(caseIds: string[], fields: string[]): Promise<Map<string, Record<string, string>>> {
    if (!fields.length || !caseIds.length) return new Map();
    const rows = await this.db.query<{ id: string; form_data: Record<string, unknown> }>(`SELECT id, form_data FROM cases WHERE id = ANY($1::uuid[])`, [
      [...new Set(caseIds)],
    ]);
    return new Map(
      rows.map((r) => {
        const form = this.cipher.openFields(r.form_data ?? {});
        const values: Record<string, string> = {};
        for (const f of fields) {
          const v = form[f];
          if (typeof v === 'string' && v.trim() !== '') values[f] = v;
        }
        return [r.id, values];
      }),
    );
  }
}
