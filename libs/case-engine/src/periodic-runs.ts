import { addLocalDays, CalendarRangeError, localDateOf, localMidnight, type Calendar } from '@sop/business-time';
import type { PeriodicProcedure } from '@sop/model';

/** A periodic run that should exist now: which procedure, which period, and the period's bounds. */
export interface PeriodicRunDue {
  periodicId: string;
  /** '2026-11-23' (day), '2026-W48' (week), '2026-11' (month), '2026-Q4' (quarter), '2026-H2' (half-year) or '2026' (year), in the office's time zone. */
  period: string;
  /** The period's bounds as instants: from its first local midnight to the next period's. */
  from: Date;
  to: Date;
}

/** How many months a period of months spans. */
const MONTHS_OF: Readonly<Record<Exclude<PeriodicProcedure['schedule']['every'], 'day' | 'week'>, number>> = {
  month: 1,
  quarter: 3,
  'half-year': 6,
  year: 12,
};

/** A period of months by name: '2026-11' (month), '2026-Q4' (quarter), '2026-H2' (half-year), '2026' (year). */
function periodName(every: keyof typeof MONTHS_OF, year: number, month: number, first: number, months: number): string {
  if (every === 'month') return `${year}-${String(month).padStart(2, '0')}`;
  if (every === 'year') return String(year);
  return `${year}-${every === 'quarter' ? 'Q' : 'H'}${(first - 1) / months + 1}`;
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
      // a month, or months together: a quarter (triwulan), a half-year (semester), a calendar year
      const [y, m] = today.split('-').map(Number);
      const months = MONTHS_OF[p.schedule.every];
      const first = Math.floor((m - 1) / months) * months + 1;
      const length = (Date.UTC(y, first - 1 + months, 1) - Date.UTC(y, first - 1, 1)) / 86_400_000;
      period = periodName(p.schedule.every, y, m, first, months);
      days = Array.from({ length }, (_, i) => addLocalDays(`${y}-${String(first).padStart(2, '0')}-01`, i));
    }
    // the run day: the period's last working day (at: end) or its first (at: start), looked for from that end
    const fromEnd = (p.schedule.at ?? 'end') === 'end';
    let runDay: string | undefined;
    try {
      for (let i = 0; i < days.length && runDay === undefined; i++) {
        const day = days[fromEnd ? days.length - 1 - i : i];
        if (calendar.isWorkingDay(day)) runDay = day;
      }
    } catch (e) {
      if (e instanceof CalendarRangeError) continue; // no holiday data: the run cannot be placed
      throw e;
    }
    if (runDay === undefined || runDay > today) continue;
    due.push({ periodicId: p.id, period, from: localMidnight(days[0], tz), to: localMidnight(addLocalDays(days[days.length - 1], 1), tz) });
  }
  return due;
}
