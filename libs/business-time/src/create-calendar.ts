import type { Calendar, CalendarConfig, DatedEntry, HolidayYear, Weekday, WorkingPeriod } from './calendar';
import { CalendarRangeError } from './calendar-range-error';
import { DURATION_BASIS, type Duration } from './duration';
import { addMonths, formatEpochDay, MS_PER_MINUTE, parseEpochDay, weekdayOfEpochDay, yearOfEpochDay, type EpochDay } from './epoch-day';
import { INDONESIA_HOLIDAYS } from './indonesia-holidays';
import { parseTimeOfDay } from './parse-time-of-day';
import { PERPRES_21_2023_HOURS } from './perpres-21-2023-hours';
import { provisionalHolidayYear } from './provisional-holidays';
import { isValidTimeZone, localEpochDay, localInstant } from './time-zone-offset';

/** A working period as minutes since local midnight, end exclusive. */
interface MinutePeriod {
  start: number;
  end: number;
}

/** A working period as UTC epoch milliseconds, end exclusive. */
interface InstantPeriod {
  start: number;
  end: number;
}

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const WEEKDAY_NAMES_ID: Readonly<Record<Weekday, string>> = {
  mon: 'Senin',
  tue: 'Selasa',
  wed: 'Rabu',
  thu: 'Kamis',
  fri: 'Jumat',
  sat: 'Sabtu',
  sun: 'Minggu',
};

const WEEKDAY_NAMES_EN: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/**
 * Builds an office's business calendar: its working hours in its time zone, the national holidays
 * and cuti bersama, and its own closures and extra working days. Throws an Error listing every
 * problem when the configuration is invalid.
 *
 * @example
 * ```ts
 * const jakarta = createCalendar({ timeZone: 'Asia/Jakarta' }); // Perpres 21/2023 hours, 2025–2026 holidays
 * const limit = parseDuration('3 hari kerja');
 * if (limit.known) {
 *   // Filed on Nyepi 2026 (Thursday 19 March) at 15:00 WIB: 20–24 March are holidays or cuti bersama.
 *   jakarta.dueAt(new Date('2026-03-19T08:00:00Z'), limit.duration).toISOString();
 *   // '2026-03-27T09:30:00.000Z' (Friday 27 March, 16:30 WIB)
 * }
 * jakarta.nonWorkingReason('2026-03-19'); // 'Hari Raya Nyepi'
 * ```
 */
export function createCalendar(config: CalendarConfig): Calendar {
  const problems: string[] = [];
  // JavaScript callers and configs read from files reach here unchecked
  const input: unknown = config;
  if (input === null || typeof input !== 'object') {
    throw new Error('Invalid calendar config: expected an object with at least a timeZone');
  }

  const timeZone = config.timeZone;
  if (!isValidTimeZone(timeZone)) {
    problems.push(
      `timeZone ${JSON.stringify(timeZone)} is not a known IANA time zone: use e.g. Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)`,
    );
  }
  const hours = resolveWorkingHours(config.workingHours ?? PERPRES_21_2023_HOURS, problems);
  const years = resolveHolidayYears(config.holidayYears ?? INDONESIA_HOLIDAYS, problems);
  const entryProblems: HolidayProblem[] = [];
  const extraHolidays = resolveEntries(config.extraHolidays ?? [], 'extraHolidays', 'penutupan kantor', entryProblems);
  const extraWorkingDays = resolveEntries(config.extraWorkingDays ?? [], 'extraWorkingDays', 'hari kerja tambahan', entryProblems);
  problems.push(...entryProblems.map((p) => p.message));

  for (const [day, name] of extraWorkingDays) {
    const date = formatEpochDay(day);
    if (extraHolidays.has(day)) {
      problems.push(
        `${date} is both an extra holiday (${JSON.stringify(extraHolidays.get(day))}) and an extra working day (${JSON.stringify(name)}): keep only one`,
      );
    }
    const weekday = weekdayOfEpochDay(day);
    if (hours.size > 0 && !hours.has(weekday) && !hours.has('mon')) {
      problems.push(
        `extraWorkingDays ${date} is a ${WEEKDAY_NAMES_EN[weekday]}, and workingHours defines neither ${WEEKDAY_NAMES_EN[weekday]} nor Monday: add hours for ${weekday}`,
      );
    }
  }

  if (problems.length > 0) {
    throw new Error(`Invalid calendar config:\n- ${problems.join('\n- ')}`);
  }

  const missingYears = config.missingYears ?? 'provisional';
  return buildCalendar(timeZone, hours, years, extraHolidays, extraWorkingDays, missingYears);
}

/** The years a provisional calendar may be computed for: beyond them a date is refused as out of range. */
export const PROVISIONAL_YEAR_RANGE = Object.freeze({ first: 1900, last: 2200 });

/**
 * One thing wrong with a holiday list: the field it is about ("holidays[2].date", "source", "year";
 * "" for the list as a whole) and what to do, in English (naming the field first, as before) and in
 * Bahasa Indonesia (naming it in an administrator's words: "hari libur ke-3").
 */
export interface HolidayProblem {
  readonly field: string;
  readonly message: string;
  readonly messageId: string;
}

/**
 * Checks one year's holiday list as `createCalendar` would take it (dates in the year, named
 * entries, a source) and returns every problem, or an empty list when it is sound.
 *
 * @example
 * ```ts
 * checkHolidayYear({ year: 2027, source: 'SKB ...', holidays: [{ date: '2026-01-01', name: 'x' }], cutiBersama: [] });
 * // [{ field: 'holidays[0].date',
 * //    message: 'holidays[0].date 2026-01-01 is not in 2027: move it to the list of its own year',
 * //    messageId: 'hari libur ke-1: 2026-01-01 bukan tanggal tahun 2027; pindahkan ke daftar tahunnya sendiri' }]
 * ```
 */
export function checkHolidayYear(entry: HolidayYear): HolidayProblem[] {
  const problems: HolidayProblem[] = [];
  resolveHolidayYear(entry, '', '', { years: new Set(), provisionalYears: new Set(), holidays: new Map(), cutiBersama: new Map() }, problems);
  return problems;
}

interface ResolvedHolidays {
  years: Set<number>;
  /** Years whose list is provisional (computed, or passed in with `provisional: true`). */
  provisionalYears: Set<number>;
  holidays: Map<EpochDay, string>;
  cutiBersama: Map<EpochDay, string>;
}

function buildCalendar(
  timeZone: string,
  hours: ReadonlyMap<Weekday, readonly MinutePeriod[]>,
  resolved: ResolvedHolidays,
  extraHolidays: ReadonlyMap<EpochDay, string>,
  extraWorkingDays: ReadonlyMap<EpochDay, string>,
  missingYears: 'provisional' | 'error',
): Calendar {
  const officialYears = [...resolved.years].filter((y) => !resolved.provisionalYears.has(y)).sort((a, b) => a - b);
  const availableYears = [...resolved.years].sort((a, b) => a - b);
  const instantCache = new Map<EpochDay, readonly InstantPeriod[]>();

  /** Makes sure the year of `day` has a holiday list: the given one, or a provisional one computed now. */
  function ensureYear(year: number): void {
    if (resolved.years.has(year)) return;
    if (missingYears === 'error' || year < PROVISIONAL_YEAR_RANGE.first || year > PROVISIONAL_YEAR_RANGE.last) {
      throw new CalendarRangeError(year, availableYears);
    }
    const estimate = provisionalHolidayYear(year);
    resolved.years.add(year);
    resolved.provisionalYears.add(year);
    for (const entry of estimate.holidays) {
      const day = parseEpochDay(entry.date);
      if (day !== null && !resolved.holidays.has(day)) resolved.holidays.set(day, entry.name);
    }
  }

  function ensureCovered(day: EpochDay): void {
    ensureYear(yearOfEpochDay(day));
  }

  /** Why a day is not worked, or null when it is; throws outside the covered years. */
  function reasonFor(day: EpochDay): string | null {
    ensureCovered(day);
    if (extraWorkingDays.has(day)) return null;
    const holiday = resolved.holidays.get(day);
    if (holiday !== undefined) return holiday;
    const cuti = resolved.cutiBersama.get(day);
    if (cuti !== undefined) return /^cuti bersama\b/i.test(cuti) ? cuti : `Cuti bersama ${cuti}`;
    const closure = extraHolidays.get(day);
    if (closure !== undefined) return closure;
    const weekday = weekdayOfEpochDay(day);
    return hours.has(weekday) ? null : WEEKDAY_NAMES_ID[weekday];
  }

  function isWorking(day: EpochDay): boolean {
    return reasonFor(day) === null;
  }

  /** The working periods of a day as instants; empty on a non-working day. */
  function periodsOn(day: EpochDay): readonly InstantPeriod[] {
    const cached = instantCache.get(day);
    if (cached) return cached;
    let periods: readonly InstantPeriod[] = [];
    if (isWorking(day)) {
      const minutes = hours.get(weekdayOfEpochDay(day)) ?? hours.get('mon') ?? [];
      periods = minutes.map((p) => ({
        start: localInstant(timeZone, day, p.start),
        end: localInstant(timeZone, day, p.end),
      }));
    }
    instantCache.set(day, periods);
    return periods;
  }

  function endOfDay(day: EpochDay): Date {
    const periods = periodsOn(day);
    return new Date(periods[periods.length - 1].end);
  }

  function endOfWorkingDayFrom(day: EpochDay): Date {
    let current = day;
    while (!isWorking(current)) current += 1;
    return endOfDay(current);
  }

  function addWorkingTime(startMs: number, startDay: EpochDay, amountMs: number): Date {
    let remaining = amountMs;
    for (let day = startDay; ; day += 1) {
      for (const period of periodsOn(day)) {
        if (period.end <= startMs) continue;
        const from = Math.max(period.start, startMs);
        const available = period.end - from;
        if (remaining <= available) return new Date(from + remaining);
        remaining -= available;
      }
    }
  }

  function parseDay(localDate: string): EpochDay {
    const day = parseEpochDay(localDate);
    if (day === null) {
      throw new Error(`${JSON.stringify(localDate)} is not a date: write YYYY-MM-DD, e.g. 2026-03-19`);
    }
    return day;
  }

  const calendar: Calendar = {
    timeZone,
    officialYears,
    isProvisional(localDate: string): boolean {
      const year = yearOfEpochDay(parseDay(localDate));
      ensureYear(year);
      return resolved.provisionalYears.has(year);
    },
    isProvisionalBetween(from: Date, to: Date): boolean {
      const first = yearOfEpochDay(localEpochDay(timeZone, instantOf(from, 'from')));
      const last = yearOfEpochDay(localEpochDay(timeZone, instantOf(to, 'to')));
      for (let year = first; year <= last; year += 1) {
        ensureYear(year);
        if (resolved.provisionalYears.has(year)) return true;
      }
      return false;
    },
    lastOfficialDate(): string | null {
      const last = officialYears.at(-1);
      return last === undefined ? null : `${String(last).padStart(4, '0')}-12-31`;
    },
    isWorkingDay(localDate: string): boolean {
      return isWorking(parseDay(localDate));
    },
    nonWorkingReason(localDate: string): string | null {
      return reasonFor(parseDay(localDate));
    },
    dueAt(start: Date, d: Duration): Date {
      const startMs = instantOf(start, 'start');
      checkDuration(d);
      const startDay = localEpochDay(timeZone, startMs);
      ensureCovered(startDay);
      switch (d.unit) {
        case 'minute':
        case 'hour': {
          const minutes = d.unit === 'hour' ? d.amount * 60 : d.amount;
          return addWorkingTime(startMs, startDay, Math.round(minutes * MS_PER_MINUTE));
        }
        case 'workingDay': {
          let day = startDay;
          for (let counted = 0; counted < d.amount;) {
            day += 1;
            if (isWorking(day)) counted += 1;
          }
          return endOfDay(day);
        }
        case 'day':
          return endOfWorkingDayFrom(startDay + d.amount);
        case 'week':
          return endOfWorkingDayFrom(startDay + 7 * d.amount);
        case 'month':
          return endOfWorkingDayFrom(addMonths(startDay, d.amount));
      }
    },
    workingMinutesBetween(from: Date, to: Date): number {
      const fromMs = instantOf(from, 'from');
      const toMs = instantOf(to, 'to');
      if (toMs <= fromMs) return 0;
      const lastDay = localEpochDay(timeZone, toMs);
      let total = 0;
      for (let day = localEpochDay(timeZone, fromMs); day <= lastDay; day += 1) {
        for (const period of periodsOn(day)) {
          const overlap = Math.min(period.end, toMs) - Math.max(period.start, fromMs);
          if (overlap > 0) total += overlap;
        }
      }
      return total / MS_PER_MINUTE;
    },
  };
  return Object.freeze(calendar);
}

function instantOf(value: Date, label: string): number {
  const ms = Object.prototype.toString.call(value) === '[object Date]' ? value.getTime() : NaN;
  if (Number.isNaN(ms)) {
    throw new Error(`${label} must be a valid Date, got ${String(value)}`);
  }
  return ms;
}

function checkDuration(d: Duration): void {
  // JavaScript callers and hand-made objects reach here unchecked: the fields are read as unknown
  const input: unknown = d;
  const raw = d as Readonly<Record<keyof Duration, unknown>>;
  const basis = input !== null && typeof input === 'object' ? DURATION_BASIS[d.unit] : undefined;
  if (basis === undefined) {
    throw new Error(`Not a duration: expected a unit of minute, hour, workingDay, day, week or month (use parseDuration)`);
  }
  if (d.basis !== basis) {
    throw new Error(`Duration ${JSON.stringify(d.text)}: unit "${d.unit}" has basis "${basis}", not "${String(raw.basis)}"`);
  }
  if (typeof raw.amount !== 'number' || !Number.isFinite(raw.amount) || raw.amount <= 0) {
    throw new Error(`Duration ${JSON.stringify(d.text)}: amount must be a number above zero, got ${String(raw.amount)}`);
  }
  if (d.unit !== 'minute' && d.unit !== 'hour' && !Number.isInteger(d.amount)) {
    throw new Error(`Duration ${JSON.stringify(d.text)}: a ${d.unit} amount must be a whole number, got ${d.amount}`);
  }
}

/** `workingHours` comes from a config that may have been read from a file: it is checked as unknown. */
function resolveWorkingHours(workingHours: unknown, problems: string[]): ReadonlyMap<Weekday, readonly MinutePeriod[]> {
  const result = new Map<Weekday, readonly MinutePeriod[]>();
  if (workingHours === null || typeof workingHours !== 'object') {
    problems.push('workingHours must be an object such as { mon: [{ start: "07:30", end: "12:00" }] }');
    return result;
  }
  for (const key of Object.keys(workingHours)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      problems.push(`workingHours.${key} is not a weekday: use ${WEEKDAYS.join(', ')}`);
    }
  }
  const byWeekday = workingHours as Readonly<Record<string, unknown>>;
  for (const weekday of WEEKDAYS) {
    const periods = byWeekday[weekday];
    if (periods === undefined) continue;
    if (!Array.isArray(periods)) {
      problems.push(`workingHours.${weekday} must be a list of { start: "HH:MM", end: "HH:MM" }`);
      continue;
    }
    const parsed: MinutePeriod[] = [];
    (periods as unknown[]).forEach((entry: unknown, index) => {
      const where = `workingHours.${weekday}[${index}]`;
      if (entry === null || typeof entry !== 'object') {
        problems.push(`${where} must be { start: "HH:MM", end: "HH:MM" }`);
        return;
      }
      const period = entry as Readonly<Record<keyof WorkingPeriod, unknown>>;
      const start = minuteOfDay(period.start, `${where}.start`, problems);
      const end = minuteOfDay(period.end, `${where}.end`, problems);
      if (start === null || end === null) return;
      if (start >= 24 * 60) {
        problems.push(`${where}.start "24:00" is the end of the day: a period cannot start there`);
      } else if (end <= start) {
        problems.push(`${where} ends (${String(period.end)}) before or when it starts (${String(period.start)})`);
      } else {
        parsed.push({ start, end });
      }
    });
    parsed.sort((a, b) => a.start - b.start);
    for (let i = 1; i < parsed.length; i += 1) {
      if (parsed[i].start < parsed[i - 1].end) {
        problems.push(`workingHours.${weekday} has overlapping periods ${hhmm(parsed[i - 1])} and ${hhmm(parsed[i])}`);
      }
    }
    if (parsed.length > 0) result.set(weekday, parsed);
  }
  if (result.size === 0 && problems.length === 0) {
    problems.push('workingHours has no working period on any weekday: the office would never work');
  }
  return result;
}

function minuteOfDay(text: unknown, where: string, problems: string[]): number | null {
  try {
    const time = parseTimeOfDay(text);
    return time.hour * 60 + time.minute;
  } catch (error) {
    problems.push(`${where}: ${(error as Error).message}`);
    return null;
  }
}

function hhmm(p: MinutePeriod): string {
  const f = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${f(p.start)}–${f(p.end)}`;
}

/** `holidayYears` comes from a config that may have been read from a file: it is checked as unknown. */
function resolveHolidayYears(holidayYears: unknown, problems: string[]): ResolvedHolidays {
  const resolved: ResolvedHolidays = { years: new Set(), provisionalYears: new Set(), holidays: new Map(), cutiBersama: new Map() };
  if (!Array.isArray(holidayYears)) {
    problems.push('holidayYears must be a list of { year, source, holidays, cutiBersama }');
    return resolved;
  }
  const found: HolidayProblem[] = [];
  (holidayYears as unknown[]).forEach((item: unknown, index) => {
    resolveHolidayYear(item, `holidayYears[${index}]`, `daftar ke-${index + 1}`, resolved, found);
  });
  problems.push(...found.map((p) => p.message));
  return resolved;
}

/** `key` of the object at `base` ("holidayYears[0].source"), or `key` alone at the top. */
const fieldAt = (base: string, key: string): string => (base ? `${base}.${key}` : key);
/** An Indonesian problem about the object named `baseId` ("daftar ke-2: …"), or about the list itself. */
const saidOf = (baseId: string, text: string): string => (baseId ? `${baseId}: ${text}` : text);

/** Adds one year's list (at `where`, in Indonesian `whereId`) to `resolved`, reporting each problem. */
function resolveHolidayYear(item: unknown, where: string, whereId: string, resolved: ResolvedHolidays, problems: HolidayProblem[]): void {
  if (item === null || typeof item !== 'object') {
    problems.push({
      field: where,
      message: `${where || 'the list'} must be { year, source, holidays, cutiBersama }`,
      messageId: saidOf(whereId, 'daftar harus berupa { year, source, holidays, cutiBersama }'),
    });
    return;
  }
  const entry = item as Readonly<Record<keyof HolidayYear, unknown>>;
  const { year } = entry;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1 || year > 9999) {
    problems.push({
      field: fieldAt(where, 'year'),
      message: `${fieldAt(where, 'year')} must be a whole year such as 2026, got ${JSON.stringify(year)}`,
      messageId: saidOf(whereId, `tahun harus bilangan bulat seperti 2026, bukan ${JSON.stringify(year)}`),
    });
    return;
  }
  if (resolved.years.has(year)) {
    problems.push({
      field: where,
      message: `${where}: ${year} is listed twice: merge the two lists into one`,
      messageId: saidOf(whereId, `tahun ${year} tercantum dua kali; gabungkan kedua daftar menjadi satu`),
    });
    return;
  }
  if (typeof entry.source !== 'string' || entry.source.trim() === '') {
    problems.push({
      field: fieldAt(where, 'source'),
      message: `${fieldAt(where, 'source')} must name the decree the dates come from, e.g. "SKB 3 Menteri ..."`,
      messageId: saidOf(whereId, 'dasar hukum harus menyebut surat keputusan asal tanggal-tanggal itu, mis. "SKB 3 Menteri ..."'),
    });
  }
  resolved.years.add(year);
  if (entry.provisional === true) resolved.provisionalYears.add(year);
  const lists = [
    [entry.holidays, 'holidays', 'hari libur', resolved.holidays],
    [entry.cutiBersama, 'cutiBersama', 'cuti bersama', resolved.cutiBersama],
  ] as const;
  for (const [entries, key, words, into] of lists) {
    for (const [day, name] of resolveEntries(entries, fieldAt(where, key), saidOf(whereId, words), problems, year)) {
      if (!into.has(day)) into.set(day, name);
    }
  }
}

/** The dated entries of the list at `where` (in Indonesian `words`: "hari libur", "daftar ke-2: hari libur"), each problem reported. */
function resolveEntries(entries: unknown, where: string, words: string, problems: HolidayProblem[], year?: number): Map<EpochDay, string> {
  const result = new Map<EpochDay, string>();
  if (!Array.isArray(entries)) {
    problems.push({
      field: where,
      message: `${where} must be a list of { date: "YYYY-MM-DD", name }`,
      messageId: `${words}: harus berupa daftar { date: "TTTT-BB-HH", name }`,
    });
    return result;
  }
  (entries as unknown[]).forEach((item: unknown, index) => {
    const at = `${where}[${index}]`;
    const atId = `${words} ke-${index + 1}`;
    if (item === null || typeof item !== 'object') {
      problems.push({ field: at, message: `${at} must be { date: "YYYY-MM-DD", name }`, messageId: `${atId}: harus berupa { date: "TTTT-BB-HH", name }` });
      return;
    }
    const entry = item as Readonly<Record<keyof DatedEntry, unknown>>;
    const day = parseEpochDay(entry.date);
    if (day === null) {
      problems.push({
        field: `${at}.date`,
        message: `${at}.date ${JSON.stringify(entry.date)} is not a date: write YYYY-MM-DD, e.g. 2026-03-19`,
        messageId: `${atId}: ${JSON.stringify(entry.date)} bukan tanggal; tulis TTTT-BB-HH, mis. 2026-03-19`,
      });
      return;
    }
    if (typeof entry.name !== 'string' || entry.name.trim() === '') {
      problems.push({
        field: `${at}.name`,
        message: `${at}.name must say what the day is (e.g. "Hari Raya Nyepi")`,
        messageId: `${atId}: nama harus menyebut hari apa itu (mis. "Hari Raya Nyepi")`,
      });
      return;
    }
    if (year !== undefined && yearOfEpochDay(day) !== year) {
      problems.push({
        field: `${at}.date`,
        message: `${at}.date ${String(entry.date)} is not in ${year}: move it to the list of its own year`,
        messageId: `${atId}: ${String(entry.date)} bukan tanggal tahun ${year}; pindahkan ke daftar tahunnya sendiri`,
      });
      return;
    }
    if (!result.has(day)) result.set(day, entry.name);
  });
  return result;
}
