import type { Duration, DurationUnit } from './duration';

/** Working minutes of a nominal working day (Perpres 21/2023: 37.5 hours over 5 days). */
export const NOMINAL_WORKING_DAY_MINUTES = 450;

const FACTORS: Readonly<Record<DurationUnit, number>> = {
  minute: 1,
  hour: 60,
  workingDay: NOMINAL_WORKING_DAY_MINUTES,
  day: NOMINAL_WORKING_DAY_MINUTES,
  week: 5 * NOMINAL_WORKING_DAY_MINUTES,
  month: 22 * NOMINAL_WORKING_DAY_MINUTES,
};

/**
 * A nominal size in working minutes, to rank and sum durations (e.g. the worst-case time of an
 * SOP). It is not a deadline: use `Calendar.dueAt` for that. A day counts as 450 minutes, a week as
 * 5 days, a month as 22 days.
 *
 * @example
 * ```ts
 * nominalWorkingMinutes({ amount: 3, unit: 'workingDay', basis: 'working', text: '3 hari kerja' }); // 1350
 * nominalWorkingMinutes({ amount: 1, unit: 'hour', basis: 'working', text: '1 jam' }); // 60
 * ```
 */
export function nominalWorkingMinutes(d: Duration): number {
  // JavaScript callers may pass any unit: look it up as a plain string
  const unit: unknown = d.unit;
  const factors: Partial<Record<string, number>> = FACTORS;
  const factor = factors[String(unit)];
  if (factor === undefined) {
    throw new Error(`Unknown duration unit "${String(unit)}"`);
  }
  return d.amount * factor;
}
