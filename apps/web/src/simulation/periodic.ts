import { addLocalDays, localDateOf, localMidnight, type Calendar } from '@sop/business-time';
import { periodicRunsDue, type PeriodicRunDue } from '@sop/case-engine';
import type { PeriodicProcedure } from '@sop/model/graph';

/** A periodic run and the instant it opens on the virtual clock. */
export interface RunDue extends PeriodicRunDue {
  opensAt: Date;
}

/** How far ahead the next run is looked for (a year and a bit: the holiday data's reach). */
const HORIZON_DAYS = 400;

/**
 * The next run of a periodic procedure at or after `from`, as the server's WorkLoop would open it:
 * a run is due from the start of its run day (the period's last or first working day), and each
 * period runs once, so periods up to `lastPeriod` (already run) are skipped. Null when no run falls
 * within the office calendar's holiday data.
 */
export function nextRunDue(procedure: PeriodicProcedure, calendar: Calendar, from: Date, lastPeriod: string | null): RunDue | null {
  const tz = calendar.timeZone;
  const today = localDateOf(from, tz);
  for (let i = 0; i < HORIZON_DAYS; i++) {
    const day = addLocalDays(today, i);
    const at = i === 0 ? from : localMidnight(day, tz);
    const run = periodicRunsDue([procedure], calendar, at).find((r) => lastPeriod === null || r.period > lastPeriod);
    if (run) return { ...run, opensAt: at };
  }
  return null;
}
