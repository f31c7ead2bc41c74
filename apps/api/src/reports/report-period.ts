import { addLocalDays, localDateOf, localMidnight } from '@sop/business-time';
import { BadInputException } from '../common/errors';

/** A report's period: whole local days of the office's time zone, `from` and `to` included. */
export interface ReportPeriod {
  /** First local date, 'YYYY-MM-DD'. */
  from: string;
  /** Last local date, included. */
  to: string;
  /** 'YYYY-MM' when the period is one whole calendar month. */
  month: string | null;
  timeZone: string;
  /** Local midnight starting `from`. */
  start: Date;
  /** Local midnight after `to` (exclusive). */
  end: Date;
}

/**
 * The longest period one report covers: five years, two leap days included. The report is
 * aggregated by the database, so its cost grows with its days and groups, not with its complaints.
 */
export const MAX_PERIOD_DAYS = 5 * 365 + 2;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Years a report may cover: complaints are filed in our time, and older years have no time-zone sense. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
const yearOk = (y: number) => y >= FIRST_YEAR && y <= LAST_YEAR;

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function calendarDate(field: 'from' | 'to', value: string): string {
  const m = DATE.exec(value);
  const valid =
    m && yearOk(Number(m[1])) && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= lastDayOfMonth(Number(m[1]), Number(m[2]));
  if (!valid)
    throw bad(field, `${field} must be a calendar date written YYYY-MM-DD between ${FIRST_YEAR} and ${LAST_YEAR}, e.g. 2026-11-01; "${value}" is not one`);
  return value;
}

function bad(field: string, message: string): BadInputException {
  return new BadInputException('the report period is not valid: see errors', [{ field, message }]);
}

/**
 * The period a report query asks for: `month` (YYYY-MM), or `from` and `to` (local dates, both
 * included), or, with neither, the current month in the office's time zone.
 *
 * @throws BadInputException naming the parameter and what to write.
 * @example
 * reportPeriod({ month: '2026-11' }, 'Asia/Makassar', now) // { from: '2026-11-01', to: '2026-11-30', start: 2026-10-31T16:00:00Z, … }
 */
export function reportPeriod(query: { month?: string; from?: string; to?: string }, timeZone: string, now: Date): ReportPeriod {
  const { month, from, to } = query;
  if (month !== undefined && (from !== undefined || to !== undefined)) {
    throw bad(from !== undefined ? 'from' : 'to', 'give either month (e.g. month=2026-11) or from and to (e.g. from=2026-11-01&to=2026-11-15), not both');
  }
  let first: string;
  let last: string;
  if (from !== undefined || to !== undefined) {
    if (from === undefined) throw bad('from', 'from is missing: give the first day too, e.g. from=2026-11-01');
    if (to === undefined) throw bad('to', 'to is missing: give the last day too, e.g. to=2026-11-30 (included)');
    first = calendarDate('from', from);
    last = calendarDate('to', to);
    if (last < first) throw bad('to', `to (${to}) is before from (${from}): the last day must not come before the first`);
  } else {
    let y: number;
    let m: number;
    if (month !== undefined) {
      const match = MONTH.exec(month);
      if (!match || !yearOk(Number(match[1])) || Number(match[2]) < 1 || Number(match[2]) > 12) {
        throw bad('month', `month must be written YYYY-MM between ${FIRST_YEAR} and ${LAST_YEAR}, e.g. 2026-11; "${month}" is not one`);
      }
      [y, m] = [Number(match[1]), Number(match[2])];
    } else {
      [y, m] = localDateOf(now, timeZone).split('-').map(Number);
    }
    first = isoDate(y, m, 1);
    last = isoDate(y, m, lastDayOfMonth(y, m));
  }
  const start = localMidnight(first, timeZone);
  const end = localMidnight(addLocalDays(last, 1), timeZone);
  const days = Math.round((end.getTime() - start.getTime()) / 86_400_000);
  if (days > MAX_PERIOD_DAYS)
    throw bad('to', `a report covers at most ${MAX_PERIOD_DAYS} days (five years); from ${first} to ${last} is ${days}: choose a shorter period`);
  const wholeMonth =
    first.endsWith('-01') &&
    first.slice(0, 7) === last.slice(0, 7) &&
    Number(last.slice(8)) === lastDayOfMonth(Number(first.slice(0, 4)), Number(first.slice(5, 7)));
  return { from: first, to: last, month: wholeMonth ? first.slice(0, 7) : null, timeZone, start, end };
}

/** Every local date of a period, in order. */
export function datesOf(period: ReportPeriod): string[] {
  const dates: string[] = [];
  for (let d = period.from; d <= period.to; d = addLocalDays(d, 1)) dates.push(d);
  return dates;
}
