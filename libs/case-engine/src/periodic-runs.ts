import { CalendarRangeError, type Calendar } from '@sop/business-time';
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

function localDate(timeZone: string, at: Date): { y: number; m: number; d: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}

function offsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/** The instant of local midnight starting a local date. */
function midnight(timeZone: string, y: number, m: number, d: number): Date {
  const guess = new Date(Date.UTC(y, m - 1, d));
  return new Date(guess.getTime() - offsetMinutes(timeZone, guess) * 60000);
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function addDays(y: number, m: number, d: number, days: number) {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function isoWeek(y: number, m: number, d: number): { year: number; week: number; monday: { y: number; m: number; d: number } } {
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  const monday = addDays(y, m, d, -weekday);
  const thursday = new Date(Date.UTC(y, m - 1, d - weekday + 3));
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / 86400000 / 7 - ((firstThursday.getUTCDay() + 6) % 7 - 3) / 7);
  return { year: thursday.getUTCFullYear(), week, monday };
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
  const today = localDate(tz, now);
  const due: PeriodicRunDue[] = [];
  for (const p of procedures) {
    let days: { y: number; m: number; d: number }[];
    let period: string;
    if (p.schedule.every === 'day') {
      days = [today];
      period = iso(today.y, today.m, today.d);
    } else if (p.schedule.every === 'week') {
      const w = isoWeek(today.y, today.m, today.d);
      days = Array.from({ length: 7 }, (_, i) => addDays(w.monday.y, w.monday.m, w.monday.d, i));
      period = `${w.year}-W${String(w.week).padStart(2, '0')}`;
    } else {
      const length = new Date(Date.UTC(today.y, today.m, 0)).getUTCDate();
      days = Array.from({ length }, (_, i) => ({ y: today.y, m: today.m, d: i + 1 }));
      period = `${today.y}-${String(today.m).padStart(2, '0')}`;
    }
    let working: { y: number; m: number; d: number }[];
    try {
      working = days.filter((x) => calendar.isWorkingDay(iso(x.y, x.m, x.d)));
    } catch (e) {
      if (e instanceof CalendarRangeError) continue; // no holiday data: the run cannot be placed
      throw e;
    }
    if (!working.length) continue;
    const runDay = (p.schedule.at ?? 'end') === 'end' ? working[working.length - 1] : working[0];
    if (iso(runDay.y, runDay.m, runDay.d) > iso(today.y, today.m, today.d)) continue;
    const first = days[0];
    const after = addDays(days[days.length - 1].y, days[days.length - 1].m, days[days.length - 1].d, 1);
    due.push({ periodicId: p.id, period, from: midnight(tz, first.y, first.m, first.d), to: midnight(tz, after.y, after.m, after.d) });
  }
  return due;
}
