import type { WeeklyHours } from './calendar';
import { deepFreeze } from './deep-freeze';

const MON_TO_THU = [
  { start: '07:30', end: '12:00' },
  { start: '13:00', end: '16:00' },
] as const;

/**
 * Working hours of government offices under Perpres 21/2023: Monday to Thursday 07:30–12:00 and
 * 13:00–16:00, Friday 07:30–11:30 and 13:00–16:30 (37.5 hours a week; a 60-minute break, 90 on
 * Friday). The Ramadan schedule (32.5 hours from 08:00) is not included: pass it as `workingHours`.
 *
 * @example
 * ```ts
 * const calendar = createCalendar({ timeZone: 'Asia/Jakarta', workingHours: PERPRES_21_2023_HOURS });
 * ```
 */
export const PERPRES_21_2023_HOURS: WeeklyHours = deepFreeze({
  mon: MON_TO_THU.map((p) => ({ ...p })),
  tue: MON_TO_THU.map((p) => ({ ...p })),
  wed: MON_TO_THU.map((p) => ({ ...p })),
  thu: MON_TO_THU.map((p) => ({ ...p })),
  fri: [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '16:30' },
  ],
});
