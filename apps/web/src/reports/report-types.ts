/** The report as GET /api/reports answers it (see apps/api/src/reports/report-builder.ts). */

export interface StepRef {
  id: string;
  number: string | null;
  label: string | null;
  activity: string | null;
}

export interface CountRow {
  id: string | null;
  label: string;
  count: number;
}

export interface RecapRow {
  period: string;
  filed: number;
  done: number;
  open: number;
  overdue: number;
}

export interface TimeStats {
  count: number;
  medianMinutes: number | null;
  maxMinutes: number | null;
  overLimit: number;
  overLimitShare: number | null;
}

export interface StepDelayRow extends TimeStats {
  step: StepRef;
  lane: string;
  laneName: string;
  limit: string | null;
  limitMinutes: number | null;
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
  choices: { label: string; count: number }[];
  slowestStep: { step: StepRef; minutes: number } | null;
  notes: { ticket: string; step: StepRef; text: string }[];
}

export interface PeriodicRunView {
  ticket: string;
  name: string;
  period: string;
  status: 'open' | 'done';
  step: StepRef;
  overdue: boolean;
}

export interface Logbook {
  document: string | null;
  title: string;
  revision: string | null;
  effective: string | null;
  fromSop: boolean;
  columns: { id: string; label: string }[];
  rows: { ticket: string; cells: string[] }[];
}

export interface Report {
  regency: { id: string; name: string; timeZone: string };
  sop: { version: number; title: string };
  period: { from: string; to: string; month: string | null; timeZone: string; start: string; end: string };
  generatedAt: string;
  totals: { complaints: number; open: number; done: number; overdue: number; handOvers: number; handOversOverLimit: number };
  daily: RecapRow[];
  monthly: RecapRow[];
  byChannel: CountRow[];
  byCategory: CountRow[];
  categoryLabel: string | null;
  byStatus: CountRow[];
  byOutcome: CountRow[];
  problems: ProblemRow[];
  delays: { steps: StepDelayRow[]; lanes: LaneDelayRow[] };
  periodicRuns: PeriodicRunView[];
  logbook: Logbook;
}

/** The tables GET /api/reports?format=csv&table=… gives. */
export type ReportTable = 'daily' | 'monthly' | 'channels' | 'categories' | 'statuses' | 'outcomes' | 'problems' | 'delays-steps' | 'delays-lanes' | 'periodic-runs' | 'logbook';

/** A step in one line: "2 · Menerima pengaduan…". */
export function stepText(s: StepRef): string {
  const words = s.label ?? s.activity ?? s.id;
  return s.number ? `${s.number} · ${words}` : words;
}
