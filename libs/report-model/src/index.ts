/**
 * The report of a regency and a period as `GET /api/reports` answers it: the contract between the API,
 * which builds it, and the web app, which shows it. Types only: no complainant identity is ever part of it.
 */

/** A step as a report names it: id, number, label and activity as the SOP writes them. */
export interface StepRef {
  id: string;
  number: string | null;
  label: string | null;
  activity: string | null;
}

export interface LogbookColumn {
  id: string;
  label: string;
}

export interface LogbookRow {
  ticket: string;
  /** One value per column, in the columns' order. */
  cells: string[];
}

export interface Logbook {
  /** The register's form number (e.g. FM-PDIP-03-02); null when the SOP prints none. */
  document: string | null;
  title: string;
  revision: string | null;
  effective: string | null;
  /** True when the columns are the SOP's own (as printed), false for the platform's default. */
  fromSop: boolean;
  columns: LogbookColumn[];
  /** One page of the logbook: lines (page - 1) × pageSize + 1 onwards (the CSV download holds every line). */
  rows: LogbookRow[];
  /** Lines in the whole period's logbook, over all pages: one per complaint filed. */
  total: number;
  /** The page carried, from 1 (`logbookPage`), and the lines per page (`logbookPageSize`). */
  page: number;
  pageSize: number;
}

export interface CountRow {
  id: string | null;
  label: string;
  count: number;
}

export interface RecapRow {
  /** 'YYYY-MM-DD' (daily) or 'YYYY-MM' (monthly). */
  period: string;
  filed: number;
  done: number;
  open: number;
  overdue: number;
}

export interface TimeStats {
  /** Hand-overs counted. */
  count: number;
  /** Working minutes spent, over the hand-overs with a known figure: mean, median, 90th percentile (interpolated), maximum. */
  meanMinutes: number | null;
  medianMinutes: number | null;
  p90Minutes: number | null;
  maxMinutes: number | null;
  /** Hand-overs made after the step's deadline. */
  overLimit: number;
  /** overLimit among the hand-overs whose step had a known limit; null when none had one. */
  overLimitShare: number | null;
}

export interface StepDelayRow extends TimeStats {
  step: StepRef;
  lane: string;
  laneName: string;
  /** The step's Waktu as written. */
  limit: string | null;
  /** The limit in nominal working minutes (a day = 450), to compare with the minutes spent. */
  limitMinutes: number | null;
  /** Complaints of the period waiting at this step now, and how many of them are past the deadline. */
  waiting: number;
  waitingOverdue: number;
}

export interface LaneDelayRow extends TimeStats {
  lane: string;
  laneName: string;
  waiting: number;
  waitingOverdue: number;
}

export interface ProblemRow {
  category: string | null;
  label: string;
  count: number;
  share: number;
  overdue: number;
  /** Decision outcomes chosen for these complaints (e.g. "diterukan kepada group admin"). */
  choices: { label: string; count: number }[];
  /** The step where these complaints spent the most working time, in total. */
  slowestStep: { step: StepRef; minutes: number } | null;
  /** Officers' latest notes (the causes and solutions they wrote), without identity. */
  /** `byComplainant`: the complainant's own words, sent with their answer at a step of their lane (not an officer's note). */
  notes: { ticket: string; step: StepRef; text: string; byComplainant: boolean }[];
}

export interface PeriodicRunView {
  ticket: string;
  name: string;
  period: string;
  status: 'open' | 'done';
  step: StepRef;
  overdue: boolean;
}

export interface Report {
  regency: { id: string; name: string; timeZone: string };
  sop: { version: number; title: string };
  period: { from: string; to: string; month: string | null; timeZone: string; start: string; end: string };
  generatedAt: string;
  /** `referred`: handed to the agency whose they are by an outcome of kind referral (counted among `done` once closed). */
  totals: { complaints: number; open: number; done: number; referred: number; overdue: number; handOvers: number; handOversOverLimit: number };
  daily: RecapRow[];
  monthly: RecapRow[];
  byChannel: CountRow[];
  byCategory: CountRow[];
  categoryLabel: string | null;
  byStatus: CountRow[];
  byOutcome: CountRow[];
  /** Documents the complaints' outcomes produced (berita acara, surat keberatan), as the SOP names them. */
  byDocument: CountRow[];
  problems: ProblemRow[];
  delays: { steps: StepDelayRow[]; lanes: LaneDelayRow[] };
  periodicRuns: PeriodicRunView[];
  logbook: Logbook;
}

/** A step in one line, as tables and CSV write it: "2 · Menerima pengaduan…". */
export function stepText(s: StepRef): string {
  const words = s.label ?? s.activity ?? s.id;
  return s.number ? `${s.number} · ${words}` : words;
}

/** The tables `GET /api/reports?format=csv&table=…` gives. */
export const REPORT_TABLES = [
  'daily',
  'monthly',
  'channels',
  'categories',
  'statuses',
  'outcomes',
  'documents',
  'problems',
  'delays-steps',
  'delays-lanes',
  'periodic-runs',
  'logbook',
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

/** The national SP4N-LAPOR! limits a closed complaint is measured against, in hari kerja. */
export const LAPOR_LIMIT_DAYS = [3, 5, 10] as const;

/** Nominal working minutes of one hari kerja (Perpres 21/2023: 37.5 hours over 5 days). */
export const WORKING_DAY_MINUTES = 450;

/** One regency in the national view (`GET /api/reports/national`): its complaints filed in the period. */
export interface NationalRow {
  regency: { id: string; name: string; timeZone: string };
  sop: { version: number; title: string };
  /** Complaints filed in the period (the office's local days). */
  complaints: number;
  /** Of them, closed (now), and past a deadline at some point. */
  closed: number;
  /** Handed to the agency whose they are by an outcome of kind referral (Bukan Wewenang; counted among `closed` once closed). */
  referred: number;
  overdue: number;
  /**
   * Working time from filing to closing of the closed ones: the working minutes of their hand-overs
   * summed (menit kerja), median and 90th percentile (interpolated). Null when none is closed.
   */
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** The SOP's own limit for a whole complaint: its worst case in nominal menit kerja (null when it loops or a step has no Waktu). */
  sopLimitMinutes: number | null;
  /** The same limit as the SOP's path adds it up, in Indonesian ("1 jam + 50 menit"); null as above. */
  sopLimitText: string | null;
  /** The same limit by unit ({ hour: 1, minute: 50 }), for a page to word in its own language; null as above. */
  sopLimitParts: Partial<Record<'month' | 'week' | 'day' | 'workingDay' | 'hour' | 'minute', number>> | null;
  /** Closed within the SOP's own limit, as a share of the closed (null without a limit or without closed ones). */
  withinSopShare: number | null;
  /** Closed within 3, 5 and 10 hari kerja (× 450 menit kerja), as shares of the closed ({@link LAPOR_LIMIT_DAYS}). */
  withinLapor: { days: number; share: number | null }[];
  /** Hand-overs by escalation (an officer's ESCALATE, or a passed deadline that moved the case on), and the complaints with any. */
  escalations: number;
  escalatedComplaints: number;
  /** The step whose hand-overs in the period took the most working minutes at the median (null without hand-overs). */
  slowestStep: { step: StepRef; limit: string | null; medianMinutes: number; handOvers: number } | null;
}

/** Every regency with a published SOP, side by side over one period. */
export interface NationalReport {
  period: { from: string; to: string; month: string | null };
  generatedAt: string;
  /** Working minutes per hari kerja used to convert (nominal). */
  workingDayMinutes: number;
  laporLimitDays: number[];
  rows: NationalRow[];
}
