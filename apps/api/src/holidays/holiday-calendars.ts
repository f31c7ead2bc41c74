import { addLocalDays, INDONESIA_HOLIDAYS, localDateOf, provisionalHolidayYear, type Calendar, type DatedEntry, type HolidayYear } from '@sop/business-time';
import { createSopCalendar } from '@sop/case-engine';
import type { SopDocument } from '@sop/model';
import type pino from 'pino';
import type { HolidayList, HolidaysRepository } from './holidays.repository';

/** The scope of the national SKB 3 Menteri lists. */
export const NATIONAL = 'national';

/** How many days before the last covered day health turns `degraded` and the log starts warning. */
export const COVERAGE_WARNING_DAYS = 90;

/** The time zone in which "today" is read for the national coverage (WIB, where most offices are). */
const COVERAGE_ZONE = 'Asia/Jakarta';

/** Where a year's national holidays come from. */
export type HolidayYearStatus = 'loaded' | 'shipped' | 'provisional';

/** What the calendar covers, for health and the holidays page. */
export interface CalendarCoverage {
  status: 'ok' | 'degraded';
  /** Today in WIB. */
  today: string;
  /** The last day of the unbroken run of official years from today's year; null when today's year has none. */
  officialThrough: string | null;
  /** Days from today to `officialThrough` (0 on that day), null when there is none. */
  daysLeft: number | null;
  /** The first day whose deadlines are computed on a provisional estimate. */
  provisionalFrom: string;
  message: string;
}

/**
 * The holiday data every office calendar is built from: the shipped SKB lists, overridden year by year
 * by the lists an administrator loaded (kept in the database), the office's own loaded closures, and a
 * provisional estimate for years without any list. Each process keeps the lists in memory and reloads
 * them when another process loads one (`refresh`, polled by the work loop).
 */
export class HolidayCalendars {
  private generation: string | null = null;
  private national = new Map<number, HolidayList>();
  private office = new Map<string, HolidayList[]>();
  private calendars = new Map<string, Calendar>();

  constructor(
    private readonly repository: HolidaysRepository,
    private readonly logger: pino.Logger,
  ) {}

  /** Reloads the lists when any process loaded one since the last read; true when they changed. */
  async refresh(): Promise<boolean> {
    const generation = await this.repository.generation();
    if (generation === this.generation) return false;
    const lists = await this.repository.latest();
    const national = new Map<number, HolidayList>();
    const office = new Map<string, HolidayList[]>();
    for (const list of lists) {
      if (list.scope === NATIONAL) national.set(list.year, list);
      else office.set(list.scope, [...(office.get(list.scope) ?? []), list]);
    }
    const first = this.generation === null;
    this.national = national;
    this.office = office;
    this.calendars = new Map();
    this.generation = generation;
    if (!first) this.logger.info({ generation, years: [...national.keys()].sort() }, 'holiday lists reloaded');
    return true;
  }

  /** The national lists in force: loaded ones, else shipped ones (a year without either is provisional). */
  holidayYears(): HolidayYear[] {
    const years = new Map<number, HolidayYear>(INDONESIA_HOLIDAYS.map((y) => [y.year, y]));
    for (const [year, list] of this.national) years.set(year, { year, source: list.source, holidays: list.holidays, cutiBersama: list.cutiBersama });
    return [...years.values()].sort((a, b) => a.year - b.year);
  }

  /** A year's national list as the calendar uses it, with where it comes from. */
  nationalYear(year: number): { status: HolidayYearStatus; list: HolidayYear; loaded: HolidayList | null } {
    const loaded = this.national.get(year) ?? null;
    if (loaded) return { status: 'loaded', list: { year, source: loaded.source, holidays: loaded.holidays, cutiBersama: loaded.cutiBersama }, loaded };
    const shipped = INDONESIA_HOLIDAYS.find((y) => y.year === year);
    if (shipped) return { status: 'shipped', list: shipped, loaded: null };
    return { status: 'provisional', list: provisionalHolidayYear(year), loaded: null };
  }

  /** An office's loaded local closures (all years), and the list in force for one year. */
  officeHolidays(sopId: string): DatedEntry[] {
    return (this.office.get(sopId) ?? []).flatMap((l) => l.holidays);
  }

  officeYear(sopId: string, year: number): HolidayList | null {
    return (this.office.get(sopId) ?? []).find((l) => l.year === year) ?? null;
  }

  /** The calendar of one published SOP version on the holiday data in force (cached until it changes). */
  calendarFor(versionId: string, sopId: string, sop: SopDocument): Calendar {
    const cached = this.calendars.get(versionId);
    if (cached) return cached;
    const calendar = createSopCalendar(sop, { holidayYears: this.holidayYears(), extraHolidays: this.officeHolidays(sopId) });
    this.calendars.set(versionId, calendar);
    return calendar;
  }

  /** Whether the official lists reach far enough ahead; `degraded` from 90 days before they end. */
  coverage(now: Date): CalendarCoverage {
    const today = localDateOf(now, COVERAGE_ZONE);
    const official = new Set(this.holidayYears().map((y) => y.year));
    let year = Number(today.slice(0, 4));
    if (!official.has(year)) {
      return {
        status: 'degraded',
        today,
        officialThrough: null,
        daysLeft: null,
        provisionalFrom: `${year}-01-01`,
        message: `no official holiday list (SKB 3 Menteri) for ${year}: deadlines are computed on a provisional calendar; load the list at /hari-libur or PUT /api/holidays/${year}`,
      };
    }
    while (official.has(year + 1)) year += 1;
    const officialThrough = `${year}-12-31`;
    const daysLeft = Math.round((Date.parse(`${officialThrough}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    const degraded = daysLeft < COVERAGE_WARNING_DAYS;
    return {
      status: degraded ? 'degraded' : 'ok',
      today,
      officialThrough,
      daysLeft,
      provisionalFrom: addLocalDays(officialThrough, 1),
      message: degraded
        ? `the official holiday lists end on ${officialThrough} (${daysLeft} days left): from ${addLocalDays(officialThrough, 1)} deadlines are provisional until the SKB 3 Menteri list for ${year + 1} is loaded (/hari-libur or PUT /api/holidays/${year + 1})`
        : `official holiday lists through ${officialThrough}`,
    };
  }
}
