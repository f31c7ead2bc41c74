import { daysInMonth, isLeapYear, monthName } from './calendar-date';
import { reject, type Rejection } from './rejection';

/**
 * Checks a date written `YYYY-MM-DD` that must exist in the Gregorian calendar.
 * `label` names the field in the messages.
 */
export function checkCalendarDate(value: string, label: string): { ok: true; date: string } | Rejection {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return reject('date.format', `Write "${label}" as YYYY-MM-DD, e.g. 2025-07-21.`, `Tulis "${label}" dengan format TTTT-BB-HH, misalnya 2025-07-21.`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) {
    return reject(
      'date.invalid',
      `"${label}": ${value} is not a date: the month must be 01 to 12.`,
      `"${label}": ${value} bukan tanggal yang ada: bulan harus 01 sampai 12.`,
    );
  }
  const max = daysInMonth(month, isLeapYear(year));
  if (day < 1 || day > max) {
    const name = monthName(month);
    return reject(
      'date.invalid',
      `"${label}": ${value} is not a date: ${name.en} ${year} has ${max} days.`,
      `"${label}": ${value} bukan tanggal yang ada: bulan ${name.id} ${year} hanya ${max} hari.`,
    );
  }
  return { ok: true, date: value };
}
