import type { Weekday } from './calendar';

/** A local calendar date as a whole number of days since 1970-01-01 (no time zone attached). */
export type EpochDay = number;

export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;

const WEEKDAYS_FROM_SUNDAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The epoch day of a "YYYY-MM-DD" date, or null when the text is not a real date. */
export function parseEpochDay(text: unknown): EpochDay | null {
  const match = typeof text === 'string' ? LOCAL_DATE.exec(text) : null;
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return epochDayOf(year, month, day);
}

/** The epoch day of a year, month (1–12) and day. */
export function epochDayOf(year: number, month: number, day: number): EpochDay {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** Year, month (1–12) and day of an epoch day. */
export function civilDate(day: EpochDay): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** "YYYY-MM-DD" of an epoch day. */
export function formatEpochDay(day: EpochDay): string {
  const c = civilDate(day);
  return `${String(c.year).padStart(4, '0')}-${pad2(c.month)}-${pad2(c.day)}`;
}

export function yearOfEpochDay(day: EpochDay): number {
  return civilDate(day).year;
}

export function weekdayOfEpochDay(day: EpochDay): Weekday {
  // 1970-01-01 was a Thursday.
  return WEEKDAYS_FROM_SUNDAY[(((day + 4) % 7) + 7) % 7];
}

/** Adds calendar months, clamping the day to the target month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: EpochDay, months: number): EpochDay {
  const c = civilDate(day);
  const index = c.month - 1 + months;
  const year = c.year + Math.floor(index / 12);
  const month = (((index % 12) + 12) % 12) + 1;
  return epochDayOf(year, month, Math.min(c.day, daysInMonth(year, month)));
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
