import type { Duration } from './duration';

/** A local wall-clock time. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** One stretch of working time on a day, in local "HH:MM" (e.g. `{ start: '07:30', end: '12:00' }`). */
export interface WorkingPeriod {
  start: string;
  end: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Working periods per weekday; a missing or empty day is not a working day. */
export type WeeklyHours = Partial<Record<Weekday, WorkingPeriod[]>>;

/** A named local date, `date` as "YYYY-MM-DD". */
export interface DatedEntry {
  date: string;
  name: string;
}

/** One year of national holidays and cuti bersama, with the text of the decree it comes from. */
export interface HolidayYear {
  year: number;
  source: string;
  holidays: DatedEntry[];
  cutiBersama: DatedEntry[];
  /**
   * True for a year computed by `provisionalHolidayYear` because no official list (SKB 3 Menteri) is
   * loaded for it: deadlines that touch it are estimates and are marked so.
   */
  provisional?: boolean;
  /** What the list is known to lack or to estimate (e.g. "cuti bersama unknown until the SKB"). */
  notes?: string[];
  /** The same notes in Bahasa Indonesia, in the same order (a provisional year has them). */
  notesId?: string[];
}

/** How to build a {@link Calendar} for one office. */
export interface CalendarConfig {
  /** IANA time zone, e.g. 'Asia/Jakarta' (WIB), 'Asia/Makassar' (WITA), 'Asia/Jayapura' (WIT). */
  timeZone: string;
  /** Defaults to `PERPRES_21_2023_HOURS`. */
  workingHours?: WeeklyHours;
  /**
   * Defaults to `INDONESIA_HOLIDAYS` (the official lists shipped with the library). A year listed
   * here wins over a provisional estimate.
   */
  holidayYears?: HolidayYear[];
  /**
   * What a year without a list in `holidayYears` gets: `'provisional'` (the default) computes one
   * with `provisionalHolidayYear` (fixed and computable holidays, no cuti bersama) and marks it, so
   * deadlines never stop; `'error'` throws `CalendarRangeError` instead. Years outside
   * 1900–2200 always throw.
   */
  missingYears?: 'provisional' | 'error';
  /** Per-office closures. */
  extraHolidays?: DatedEntry[];
  /**
   * Per-office extra working days (e.g. a Saturday service day). They are worked with the hours of
   * their weekday if `workingHours` defines that weekday, otherwise with Monday's hours.
   */
  extraWorkingDays?: DatedEntry[];
}

/** An office's business calendar. Every method is pure: instants come in as arguments. */
export interface Calendar {
  readonly timeZone: string;
  /** The years with an official (non-provisional) holiday list, ascending. */
  readonly officialYears: readonly number[];
  /** Whether a local date ("YYYY-MM-DD") lies in a year whose holidays are a provisional estimate. */
  isProvisional(localDate: string): boolean;
  /**
   * Whether any local date between two instants (inclusive) lies in a provisional year: a deadline
   * computed from `from` to `to` is then an estimate.
   */
  isProvisionalBetween(from: Date, to: Date): boolean;
  /** The last day ("YYYY-MM-DD") of the latest year with an official list, or null without any. */
  lastOfficialDate(): string | null;
  /** Whether a local date ("YYYY-MM-DD") is a working day of the office. */
  isWorkingDay(localDate: string): boolean;
  /** The deadline of a duration that starts at `start`. */
  dueAt(start: Date, d: Duration): Date;
  /** Working minutes elapsed between two instants (0 if `to <= from`); fractional below a minute. */
  workingMinutesBetween(from: Date, to: Date): number;
  /** Why a local date is not a working day (e.g. 'Hari Raya Nyepi', 'Cuti bersama Idulfitri', 'Sabtu'), or null. */
  nonWorkingReason(localDate: string): string | null;
}
