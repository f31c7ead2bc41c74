import { formatEpochDay, parseEpochDay } from './epoch-day';
import { isValidTimeZone, localEpochDay, localInstant } from './time-zone-offset';

/**
 * Local calendar dates ("YYYY-MM-DD") of an office's time zone: which date an instant falls on,
 * when a date begins, and date arithmetic. Reports, periodic runs and comparisons count days with
 * these, so a complaint filed at 00:30 WITA belongs to the same day everywhere.
 */

function checkedDay(date: string): number {
  const day = parseEpochDay(date);
  if (day === null) throw new RangeError(`${JSON.stringify(date)} is not a date: write YYYY-MM-DD, e.g. 2026-02-02`);
  return day;
}

function checkedZone(timeZone: string): string {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`${JSON.stringify(timeZone)} is not an IANA time zone, e.g. Asia/Jakarta`);
  return timeZone;
}

/**
 * Whether a text is a local date "YYYY-MM-DD" that the calendar has (not 2027-02-30 or 2027-13-01):
 * the same check the calendar applies to holiday lists, so a form can refuse what the server would.
 */
export function isLocalDate(text: unknown): text is string {
  return parseEpochDay(text) !== null;
}

/** The local date of an instant in a time zone. */
export function localDateOf(at: Date, timeZone: string): string {
  return formatEpochDay(localEpochDay(checkedZone(timeZone), at.getTime()));
}

/** The instant a local date begins (its midnight) in a time zone. */
export function localMidnight(date: string, timeZone: string): Date {
  return new Date(localInstant(checkedZone(timeZone), checkedDay(date), 0));
}

/** The date `days` after (or before, when negative) a date. */
export function addLocalDays(date: string, days: number): string {
  return formatEpochDay(checkedDay(date) + days);
}
