/**
 * Thrown when a computation touches a date in a year for which the calendar has no holiday data.
 * A deadline computed without the year's SKB 3 Menteri list would be silently wrong.
 *
 * @example
 * ```ts
 * try {
 *   calendar.isWorkingDay('2027-01-04');
 * } catch (e) {
 *   if (e instanceof CalendarRangeError) console.log(e.year, e.availableYears); // 2027 [2025, 2026]
 * }
 * ```
 */
export class CalendarRangeError extends Error {
  /** The year that has no holiday data. */
  readonly year: number;
  /** The years that have holiday data, ascending. */
  readonly availableYears: readonly number[];

  constructor(year: number, availableYears: readonly number[]) {
    const have = availableYears.length > 0 ? availableYears.join(', ') : 'none';
    super(`no holiday data for ${year} (have ${have}): add the SKB 3 Menteri list for ${year} to the calendar`);
    this.name = 'CalendarRangeError';
    this.year = year;
    this.availableYears = [...availableYears];
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
