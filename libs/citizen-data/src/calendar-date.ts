const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** The English and Indonesian names of a month numbered 1 to 12. */
export function monthName(month: number): { en: string; id: string } {
  return { en: MONTHS_EN[month - 1], id: MONTHS_ID[month - 1] };
}

/** Whether a full (four-digit) year is a leap year in the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The number of days of a month numbered 1 to 12; February has 29 when `leap` is true.
 */
export function daysInMonth(month: number, leap: boolean): number {
  if (month === 2) return leap ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
