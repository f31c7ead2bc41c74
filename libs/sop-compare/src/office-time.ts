import {
  addLocalDays,
  createCalendar,
  localDateOf,
  localMidnight,
  parseDuration,
  PERPRES_21_2023_HOURS,
  type Calendar,
  type WeeklyHours,
  type WorkingPeriod,
} from '@sop/business-time';
import { totalTime, type SopDocument, type Step } from '@sop/model';

/**
 * The office calendar of an SOP: its time zone, its working hours (Perpres 21/2023 unless it says
 * otherwise), national holidays and cuti bersama, and its own closures and extra working days.
 * The same configuration as the case engine's createSopCalendar, without depending on the engine.
 */
export function officeCalendar(sop: SopDocument): Calendar {
  return createCalendar({
    timeZone: sop.calendar.timeZone,
    ...(sop.calendar.workingHours ? { workingHours: sop.calendar.workingHours } : {}),
    extraHolidays: sop.calendar.extraHolidays ?? [],
    extraWorkingDays: sop.calendar.extraWorkingDays ?? [],
  });
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/**
 * Working minutes of the office's average working day (450 under Perpres 21/2023; 445 for an office
 * open 8 hours on weekdays, 8½ on Friday and 4 on Saturday). For information only: an office's days
 * differ, so no working time is converted with it (see {@link workingSpan}).
 */
export function workingDayMinutes(sop: SopDocument): number {
  const hours = (sop.calendar.workingHours as WeeklyHours | undefined) ?? PERPRES_21_2023_HOURS;
  const days = Object.values(hours).filter((periods): periods is WorkingPeriod[] => Array.isArray(periods) && periods.length > 0);
  if (days.length === 0) return 450;
  const total = days.reduce((sum, periods) => sum + periods.reduce((s, p) => s + minutesOf(p.end) - minutesOf(p.start), 0), 0);
  return total / days.length;
}

/** Where a path ends when every step takes its full Waktu (its end's too, when printed), one after the other, from `start`. */
export function pathEnd(calendar: Calendar, steps: Step[], start: Date): Date {
  let at = start;
  for (const step of steps) {
    // the steps inspectSop counts (tasks, decisions, an end whose final row prints a Waktu), with a known Waktu
    if (step.waktu == null || Object.keys(totalTime([step]).parts).length === 0) continue;
    const parsed = parseDuration(step.waktu);
    if (parsed.known) at = calendar.dueAt(at, parsed.duration);
  }
  return at;
}

/**
 * The instant the office opens on a local date: its first working instant on the office's own
 * calendar (its hours, holidays and closures), or the next working day's when the date is not one.
 *
 * @example
 * officeOpening(officeCalendar(makassar), '2026-02-02') // Mon 2 Feb 2026 08:00 WITA
 */
export function officeOpening(calendar: Calendar, localDate: string): Date {
  // the first working minute ends one minute after the opening ("menit" count from the next working instant)
  const firstMinuteDone = calendar.dueAt(localMidnight(localDate, calendar.timeZone), { amount: 1, unit: 'minute', basis: 'working', text: '1 menit' });
  return new Date(firstMinuteDone.getTime() - 60_000);
}

/** Working time between two instants in the office's own days: the working days wholly inside, and the working minutes of the rest. */
export interface WorkingSpan {
  /** Working days of the office wholly between the two instants, each with its own hours (a Saturday's 4 hours are one day, as a Monday's 8). */
  days: number;
  /** Working minutes of the days only partly between them. */
  minutes: number;
}

/**
 * Working time between two instants counted on the office's real calendar: a working day wholly
 * covered counts as one of its days whatever its hours, and what remains of partly covered days is
 * working minutes. Never a division of minutes by a nominal or average day.
 *
 * @example
 * // Makassar: Fri 08:00 to Mon 10:00 WITA is Friday, Saturday (08:00–12:00) and 2 hours of Monday
 * workingSpan(officeCalendar(makassar), fri0800, mon1000) // { days: 2, minutes: 120 }
 */
export function workingSpan(calendar: Calendar, from: Date, to: Date): WorkingSpan {
  let days = 0;
  let minutes = 0;
  if (to <= from) return { days, minutes };
  for (let date = localDateOf(from, calendar.timeZone); ; date = addLocalDays(date, 1)) {
    const dayStart = localMidnight(date, calendar.timeZone);
    if (dayStart >= to) break;
    if (!calendar.isWorkingDay(date)) continue;
    const dayEnd = localMidnight(addLocalDays(date, 1), calendar.timeZone);
    const whole = calendar.workingMinutesBetween(dayStart, dayEnd);
    const covered = calendar.workingMinutesBetween(from > dayStart ? from : dayStart, to < dayEnd ? to : dayEnd);
    if (whole > 0 && covered >= whole) days += 1;
    else minutes += covered;
  }
  return { days, minutes };
}

/** Whether span `a` is shorter than `b`: fewer whole days, then fewer minutes. */
export function shorterSpan(a: WorkingSpan, b: WorkingSpan): boolean {
  return a.days < b.days || (a.days === b.days && a.minutes < b.minutes);
}

/** Working minutes a path takes on the office calendar when the complaint arrives as the office opens on `localDate`. */
export function pathWorkingMinutes(calendar: Calendar, steps: Step[], localDate: string): number {
  const start = officeOpening(calendar, localDate);
  return calendar.workingMinutesBetween(start, pathEnd(calendar, steps, start));
}

/** Every local date of a year up to and including `last` ("MM-DD"), as "YYYY-MM-DD". */
export function datesOf(year: number, last = '12-31'): string[] {
  const out: string[] = [];
  const end = Date.parse(`${year}-${last}T00:00:00Z`);
  for (let t = Date.UTC(year, 0, 1); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const WORDS = {
  id: { day: 'hari kerja', hour: 'jam', minute: 'menit', days: 'hari kerja', hours: 'jam', minutes: 'menit' },
  en: { day: 'working day', hour: 'hour', minute: 'minute', days: 'working days', hours: 'hours', minutes: 'minutes' },
} as const;

/**
 * Working minutes as working days, hours and minutes, each working day `dayMinutes` long. Only for a
 * calendar whose working days all have that length: the comparison counts an office's own days
 * with {@link workingSpan} and words them with {@link formatWorkingSpan}.
 *
 * @example
 * formatWorkingTime(2700, 450) // '6 hari kerja'
 * formatWorkingTime(110, 450, 'en') // '1 hour 50 minutes'
 */
export function formatWorkingTime(minutes: number, dayMinutes: number, lang: 'id' | 'en' = 'id'): string {
  const total = Math.round(minutes);
  const days = Math.floor(total / dayMinutes);
  return formatWorkingSpan({ days, minutes: total - days * dayMinutes }, lang);
}

/**
 * A working span in words: the office's whole working days, then hours and minutes.
 *
 * @example
 * formatWorkingSpan({ days: 2, minutes: 0 }) // '2 hari kerja'
 * formatWorkingSpan({ days: 2, minutes: 120 }, 'en') // '2 working days 2 hours'
 */
export function formatWorkingSpan(span: WorkingSpan, lang: 'id' | 'en' = 'id'): string {
  const w = WORDS[lang];
  const days = span.days;
  const rest = Math.round(span.minutes);
  if (days === 0 && rest === 0) return `0 ${w.minutes}`;
  const hours = Math.floor(rest / 60);
  const mins = rest % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} ${days === 1 ? w.day : w.days}`);
  if (hours) parts.push(`${hours} ${hours === 1 ? w.hour : w.hours}`);
  if (mins) parts.push(`${mins} ${mins === 1 ? w.minute : w.minutes}`);
  return parts.join(' ');
}
