import { createCalendar, localMidnight, parseDuration, PERPRES_21_2023_HOURS, type Calendar, type WeeklyHours, type WorkingPeriod } from '@sop/business-time';
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

/** Working minutes of the office's average working day (450 under Perpres 21/2023). */
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

/** Working minutes a path takes on the office calendar when the complaint arrives as the office opens on `localDate`. */
export function pathWorkingMinutes(calendar: Calendar, steps: Step[], localDate: string): number {
  const start = localMidnight(localDate, calendar.timeZone);
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
 * Working minutes as working days, hours and minutes of the office's own working day.
 *
 * @example
 * formatWorkingTime(2700, 450) // '6 hari kerja'
 * formatWorkingTime(110, 450, 'en') // '1 hour 50 minutes'
 */
export function formatWorkingTime(minutes: number, dayMinutes: number, lang: 'id' | 'en' = 'id'): string {
  const w = WORDS[lang];
  const total = Math.round(minutes);
  if (total === 0) return `0 ${w.minutes}`;
  const days = Math.floor(total / dayMinutes);
  const rest = Math.round(total - days * dayMinutes);
  const hours = Math.floor(rest / 60);
  const mins = rest % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} ${days === 1 ? w.day : w.days}`);
  if (hours) parts.push(`${hours} ${hours === 1 ? w.hour : w.hours}`);
  if (mins) parts.push(`${mins} ${mins === 1 ? w.minute : w.minutes}`);
  return parts.join(' ');
}
