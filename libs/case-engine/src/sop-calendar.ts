import { createCalendar, type Calendar } from '@sop/business-time';
import type { SopDocument } from '@sop/model';

/**
 * The working-day calendar of an SOP's office: its time zone, Perpres 21/2023 hours unless the SOP
 * overrides them, national holidays and cuti bersama, and the office's own extra days.
 *
 * @example
 * createSopCalendar(buleleng).timeZone // 'Asia/Makassar'
 */
export function createSopCalendar(sop: SopDocument): Calendar {
  return createCalendar({
    timeZone: sop.calendar.timeZone,
    ...(sop.calendar.workingHours ? { workingHours: sop.calendar.workingHours } : {}),
    extraHolidays: sop.calendar.extraHolidays ?? [],
    extraWorkingDays: sop.calendar.extraWorkingDays ?? [],
  });
}
