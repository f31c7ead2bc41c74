import { addLocalDays, CalendarRangeError, localDateOf, localMidnight, type Calendar } from '@sop/business-time';
import type { PeriodicProcedure } from '@sop/model';

/** A periodic run that should exist now: which procedure, which period, and the period's bounds. */
export interface PeriodicRunDue {
  periodicId: string;
  /** '2026-11-23' (day), '2026-W48' (week) or '2026-11' (month), in the office's time zone. */
  period: string;
  /** The period's bounds as instants: from its first local midnight to the next period's. */
  from: Date;
  to: Date;
}

/** The ISO week of a local date, and its Monday. */
function isoWeek(date: string): { year: number; week: number; monday: string } {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(Date.UTC(y, m - 1, d - weekday + 3));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / 86400000 / 7 - (((firstThursday.getUTCDay() + 6) % 7) - 3) / 7);
  return { year: thursday.getUTCFullYear(), week, monday: addLocalDays(date, -weekday) };
}

/**
 * Which periodic runs should exist at `now`: a run is due from the start of its run day (the
 * period's last working day for `at: end`, its first for `at: start`) until the period ends.
 * Creating each run once is the caller's job (a unique key on procedure and period).
 *
 * @example
 * periodicRunsDue(brebes.periodic, calendar, new Date('2026-11-30T03:00:00Z'))
 * // [{ periodicId: 'rekap-harian', period: '2026-11-30', … }, { periodicId: 'laporan-bulanan', period: '2026-11', … }]
 */
export function periodicRunsDue(procedures: PeriodicProcedure[], calendar: Calendar, now: Date): PeriodicRunDue[] {
  const tz = calendar.timeZone;
  const today = localDateOf(now, tz);
  const due: PeriodicRunDue[] = [];
  for (const p of procedures) {
    let days: string[];
    let period: string;
    if (p.schedule.every === 'day') {
      days = [today];
      period = today;
    } else if (p.schedule.every === 'week') {
      const w = isoWeek(today);
      days = Array.from({ length: 7 }, (_, i) => addLocalDays(w.monday, i));
      period = `${w.year}-W${String(w.week).padStart(2, '0')}`;
    } else {
      const [y, m] = today.split('-').map(Number);
      const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
      period = today.slice(0, 7);
      days = Array.from({ length }, (_, i) => addLocalDays(`${period}-01`, i));
    }
    let working: string[];
    try {
      working = days.filter((day) => calendar.isWorkingDay(day));
    } catch (e) {
      if (e instanceof CalendarRangeError) continue; // no holiday data: the run cannot be placed
      throw e;
    }
    if (!working.length) continue;
    const runDay = (p.schedule.at ?? 'end') === 'end' ? working[working.length - 1] : working[0];
    if (runDay > today) continue;
    due.push({ periodicId: p.id, period, from: localMidnight(days[0], tz), to: localMidnight(addLocalDays(days[days.length - 1], 1), tz) });
  }
  return due;
}
