/**
 * The units an SOP author may write a time limit in.
 *
 * `minute`, `hour` and `workingDay` count working time; `day`, `week` and `month` count calendar
 * time (see {@link Duration.basis}).
 */
export type DurationUnit = 'minute' | 'hour' | 'workingDay' | 'day' | 'week' | 'month';

/**
 * A time limit as parsed from an SOP's "Waktu" column.
 *
 * @example
 * ```ts
 * const d: Duration = { amount: 3, unit: 'workingDay', basis: 'working', text: '3 hari kerja' };
 * ```
 */
export interface Duration {
  /** Positive; fractional only for `minute` and `hour` (e.g. ISO `PT1.5H`). */
  amount: number;
  unit: DurationUnit;
  /** `minute`, `hour`, `workingDay` are `'working'`; `day`, `week`, `month` are `'calendar'`. */
  basis: 'working' | 'calendar';
  /** The literal exactly as written. */
  text: string;
}

/**
 * The result of {@link parseDuration}: a duration, or the text kept as written with an English
 * reason that says what would be accepted.
 */
export type ParsedDuration = { known: true; duration: Duration } | { known: false; text: string; reason: string };

/** The basis each unit belongs to. */
export const DURATION_BASIS: Readonly<Record<DurationUnit, Duration['basis']>> = {
  minute: 'working',
  hour: 'working',
  workingDay: 'working',
  day: 'calendar',
  week: 'calendar',
  month: 'calendar',
};
