import { createCalendar, type Calendar, type DatedEntry, type HolidayYear } from '@sop/business-time';
import type { SopDocument } from '@sop/model';

/** Holiday data kept outside the SOP: the national lists loaded by an administrator, and the office's own closures. */
export interface OperationalHolidays {
  /** National holidays and cuti bersama per year; a year given here wins over the library's shipped list. */
  holidayYears?: readonly HolidayYear[];
  /** The office's local holidays loaded by its administrator, added to the SOP's `calendar.extraHolidays`. */
  extraHolidays?: readonly DatedEntry[];
}

/**
 * The working-day calendar of an SOP's office: its time zone, Perpres 21/2023 hours unless the SOP
 * overrides them, national holidays and cuti bersama (the loaded lists, else the shipped ones, else a
 * provisional estimate marked as such), and the office's own extra days.
 *
 * @example
 * createSopCalendar(buleleng).timeZone // 'Asia/Makassar'
 * createSopCalendar(buleleng, { holidayYears: loaded }).isProvisional('2027-03-09') // false once 2027 is loaded
 */
export function createSopCalendar(sop: SopDocument, holidays: OperationalHolidays = {}): Calendar {
  const sopHolidays = sop.calendar.extraHolidays ?? [];
  const workingDays = sop.calendar.extraWorkingDays ?? [];
  // the SOP's own days win: a loaded closure on a date the SOP already lists (or declares worked) is left out
  const loaded = (holidays.extraHolidays ?? []).filter((h) => !sopHolidays.some((s) => s.date === h.date) && !workingDays.some((w) => w.date === h.date));
  return createCalendar({
    timeZone: sop.calendar.timeZone,
    ...(sop.calendar.workingHours ? { workingHours: sop.calendar.workingHours } : {}),
    ...(holidays.holidayYears ? { holidayYears: [...holidays.holidayYears] } : {}),
    extraHolidays: [...sopHolidays, ...loaded],
    extraWorkingDays: workingDays,
  });
}
