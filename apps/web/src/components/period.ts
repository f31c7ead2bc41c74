/**
 * A report period as it stands in a page's query string (?month=… or ?from=…&to=…, and ?regency=…),
 * read, checked and written again: the rules of /reports and /reports/nasional, written once.
 */
export type PeriodMode = 'month' | 'day' | 'range';

export interface ReportChoice {
  regency: string | null;
  mode: PeriodMode;
  month: string;
  from: string;
  to: string;
}

/** The query-string parameter a period problem is about. */
export type PeriodField = 'month' | 'from' | 'to';

/** What is wrong with a period: a value not written as asked (format), or a last day before the first (order). */
export type PeriodProblem = { field: PeriodField; reason: 'format' } | { field: 'to'; reason: 'order'; first: string; last: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date in the browser, 'YYYY-MM-DD'. */
export function today(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Reads the query string; a missing period is the current month. A lone `from` or `to` is that one
 * day. Values are kept as written (even when they are not dates, or empty beside the other one):
 * periodProblems says what is wrong.
 */
export function readChoice(search: string, now: Date = new Date()): ReportChoice {
  const q = new URLSearchParams(search);
  const day = today(now);
  const from = q.get('from');
  const to = q.get('to');
  const regency = q.get('regency');
  if (from || to) {
    const f = from ?? to ?? '';
    const t = to ?? from ?? '';
    return { regency, mode: f === t ? 'day' : 'range', month: f.slice(0, 7), from: f, to: t };
  }
  const month = q.get('month') ?? day.slice(0, 7);
  return { regency, mode: 'month', month, from: `${month}-01`, to: day };
}

/** The query string of a choice: for the page's address and for the API (which adds format and table). */
export function choiceQuery(c: ReportChoice): string {
  const q = new URLSearchParams();
  if (c.regency) q.set('regency', c.regency);
  if (c.mode === 'month') q.set('month', c.month);
  else {
    q.set('from', c.from);
    q.set('to', c.mode === 'day' ? c.from : c.to);
  }
  return q.toString();
}

/** The years a report may cover (the API's rule, apps/api/src/reports/report-period.ts). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const yearOk = (y: number) => y >= FIRST_YEAR && y <= LAST_YEAR;

/** 'YYYY-MM', a month of the years a report may cover. */
export function isReportMonth(value: string): boolean {
  const m = MONTH.exec(value);
  return Boolean(m && yearOk(Number(m[1])) && Number(m[2]) >= 1 && Number(m[2]) <= 12);
}

/** 'YYYY-MM-DD', a calendar date of the years a report may cover. */
export function isReportDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m || !isReportMonth(`${m[1]}-${m[2]}`)) return false;
  const d = Number(m[3]);
  return d >= 1 && d <= lastDayOfMonth(Number(m[1]), Number(m[2]));
}

/**
 * What is wrong with a choice's period, in the order of its fields (none: it may be asked for).
 * The API checks the same and more (the longest period); this spares it a query it would refuse
 * and lets the page say at once what to write.
 */
export function periodProblems(c: ReportChoice): PeriodProblem[] {
  if (c.mode === 'month') return isReportMonth(c.month) ? [] : [{ field: 'month', reason: 'format' }];
  const problems: PeriodProblem[] = [];
  if (!isReportDate(c.from)) problems.push({ field: 'from', reason: 'format' });
  if (c.mode === 'range') {
    if (!isReportDate(c.to)) problems.push({ field: 'to', reason: 'format' });
    else if (!problems.length && c.to < c.from) problems.push({ field: 'to', reason: 'order', first: c.from, last: c.to });
  }
  return problems;
}

/** The mode a page shows a choice in: one it does not offer (a day, on a page without one) is shown as a range. */
export function shownMode(c: ReportChoice, modes: readonly PeriodMode[]): PeriodMode {
  return modes.includes(c.mode) ? c.mode : 'range';
}

/**
 * The choice after a click on a period mode: the month keeps its month; a day starts today (from a
 * month) or on the first day chosen; a range keeps its days, its last not before its first.
 */
export function switchMode(c: ReportChoice, mode: PeriodMode, now: Date = new Date()): Partial<ReportChoice> {
  if (mode === 'month') return { mode };
  if (mode === 'day') return { mode, from: c.mode === 'month' ? today(now) : c.from };
  return { mode, to: c.to < c.from ? c.from : c.to };
}
