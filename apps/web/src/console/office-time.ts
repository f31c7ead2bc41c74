import { isLocalDate, localDateTime, localDateTimeOf, zoneAbbreviation } from '@sop/business-time';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as the value of a datetime-local input on the office's wall clock (its SOP's time zone),
 * not the browser's: a desk in Makassar registers in WITA even on a laptop set to WIB.
 *
 * @example
 * officeInputValue(new Date('2026-12-07T01:30:00Z'), 'Asia/Makassar') // '2026-12-07T09:30'
 */
export function officeInputValue(at: Date, timeZone: string): string {
  const { date, minute } = localDateTimeOf(at, timeZone);
  return `${date}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/**
 * The instant a datetime-local value means on the office's wall clock; null when it is not one.
 *
 * @example
 * officeInstant('2026-12-07T09:30', 'Asia/Makassar')?.toISOString() // '2026-12-07T01:30:00.000Z'
 */
export function officeInstant(value: string, timeZone: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!m || !isLocalDate(m[1])) return null;
  return localDateTime(m[1], Number(m[2]) * 60 + Number(m[3]), timeZone);
}

/** The office's zone as people say it: WIB, WITA, WIT (another zone by its name). */
export const officeZone = zoneAbbreviation;
