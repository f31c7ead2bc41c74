import { isLocalDate } from '@sop/business-time';

/**
 * The forms of a date-or-instant query parameter (LAPOR!'s `since`, the audit log's `from` and `to`):
 * a calendar date (midnight UTC), or a date and time of day with its offset (Z or ±hh:mm), to the
 * minute, second or a fraction of it. Other ISO 8601 forms (basic 20260101, week 2026-W05, ordinal
 * 2026-032, a time without its offset) are refused: `new Date` reads some of them as nothing, and an
 * invalid date reaching SQL is a 500.
 */
export const DATE_OR_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/**
 * A date or instant of one of those forms on a day and at a time that exist, or null.
 *
 * @example
 * dateOrInstantOf('2026-12-01T07:00:00+07:00')?.toISOString(); // '2026-12-01T00:00:00.000Z'
 * dateOrInstantOf('2026-02-30'); // null
 */
export function dateOrInstantOf(text: string): Date | null {
  const m = DATE_OR_INSTANT.exec(text);
  if (!m) return null;
  // the day as the working-day calendar checks a local date: 29 February only in a leap year
  if (!isLocalDate(text.slice(0, 10))) return null;
  const [hour, minute, second, offsetHours, offsetMinutes] = m.slice(4).map((p: string | undefined) => Number(p ?? 0));
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}
