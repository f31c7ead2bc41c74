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
 * Why a Waktu is not a duration: `not-written` (a dash or an empty text: the source states no
 * time), `at-once` ("segera": no amount), `range` ("1-2 hari"), `words-disagree` ("2 (tiga) hari":
 * a damaged source), `not-whole` ("½ hari"), `ambiguous-dot` ("1.5 jam"), `zero`, `too-large`,
 * `no-amount`, the ISO forms' `iso-years`, `iso-seconds`, `iso-mixed`, `iso-fraction`, and
 * `not-a-duration` for anything else.
 */
export type UnknownDurationCode =
  | 'not-written'
  | 'at-once'
  | 'range'
  | 'words-disagree'
  | 'not-whole'
  | 'ambiguous-dot'
  | 'zero'
  | 'too-large'
  | 'no-amount'
  | 'iso-years'
  | 'iso-seconds'
  | 'iso-mixed'
  | 'iso-fraction'
  | 'not-a-duration';

/**
 * The result of {@link parseDuration}: a duration, or the text kept as written with an English
 * reason that says what would be accepted, its `code`, and the facts a translated message needs.
 */
export type ParsedDuration =
  { known: true; duration: Duration } | { known: false; text: string; code: UnknownDurationCode; reason: string; params?: Record<string, string> };

/** The basis each unit belongs to. */
export const DURATION_BASIS: Readonly<Record<DurationUnit, Duration['basis']>> = {
  minute: 'working',
  hour: 'working',
  workingDay: 'working',
  day: 'calendar',
  week: 'calendar',
  month: 'calendar',
};
