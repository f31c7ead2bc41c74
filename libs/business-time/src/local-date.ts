import { formatEpochDay, MS_PER_DAY, MS_PER_MINUTE, parseEpochDay } from './epoch-day';
import { isValidTimeZone, localEpochDay, localInstant, timeZoneOffset } from './time-zone-offset';

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

/**
 * The wall clock of an instant in a time zone: its local date and minute of the day (what a
 * datetime-local field shows on the office's clock, whatever the browser's zone).
 *
 * @example
 * localDateTimeOf(new Date('2026-12-07T01:30:00Z'), 'Asia/Makassar') // { date: '2026-12-07', minute: 570 }
 */
export function localDateTimeOf(at: Date, timeZone: string): { date: string; minute: number } {
  const zone = checkedZone(timeZone);
  const local = at.getTime() + timeZoneOffset(zone, at.getTime());
  return { date: formatEpochDay(localEpochDay(zone, at.getTime())), minute: Math.floor((((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / MS_PER_MINUTE) };
}

/** The instant a local date and minute of the day occur in a time zone (the inverse of {@link localDateTimeOf}). */
export function localDateTime(date: string, minuteOfDay: number, timeZone: string): Date {
  return new Date(localInstant(checkedZone(timeZone), checkedDay(date), minuteOfDay));
}
