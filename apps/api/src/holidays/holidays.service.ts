import { ConflictException } from '@nestjs/common';
import { checkHolidayYear, localMidnight, type DatedEntry } from '@sop/business-time';
import type pino from 'pino';
import type { Principal } from '../auth/principal';
import type { AuditService } from '../audit/audit.service';
import type { CasesService } from '../cases/cases.service';
import type { Clock } from '../common/clock';
import { BadInputException, forbidden, notFound } from '../common/errors';
import type { SopCatalog } from '../sops/sop-catalog.service';
import { NATIONAL, type HolidayCalendars } from './holiday-calendars';
import type { HolidayList, HolidaysRepository } from './holidays.repository';

export interface HolidayListInput {
  source: string;
  holidays: DatedEntry[];
  cutiBersama?: DatedEntry[];
  changeNote?: string;
  /** The version the administrator edited (0 when none was loaded): a load in between answers 409. */
  basedOnVersion?: number;
}

/** The first and last year a list can be loaded for (as the database and the provisional method allow). */
export const HOLIDAY_YEARS = { first: 1900, last: 2200 } as const;

/**
 * Loading holiday lists: the national SKB 3 Menteri list of a year (platform administrators) and an
 * office's own closures (its administrators). A load is a new version; the deadlines it moves are
 * computed again at once, in this process, and the other processes pick the list up on their next
 * work-loop pass.
 */
export class HolidaysService {
  constructor(
    private readonly repository: HolidaysRepository,
    private readonly calendars: HolidayCalendars,
    private readonly catalog: SopCatalog,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly logger: pino.Logger,
  ) {}

  checkYear(year: number): void {
    if (!Number.isInteger(year) || year < HOLIDAY_YEARS.first || year > HOLIDAY_YEARS.last) {
      throw new BadInputException('not a year', [
        {
          field: 'year',
          message: `the year is a whole number from ${HOLIDAY_YEARS.first} to ${HOLIDAY_YEARS.last}, e.g. 2027`,
          messageId: `tahun ditulis sebagai bilangan bulat dari ${HOLIDAY_YEARS.first} sampai ${HOLIDAY_YEARS.last}, mis. 2027`,
        },
      ]);
    }
  }

  async loadNational(user: Principal, year: number, input: HolidayListInput): Promise<{ list: HolidayList; recomputed: number }> {
    this.checkYear(year);
    if (!user.permissions.includes('admin') || user.regency !== '*') {
      throw forbidden(
        `loading the national holiday list needs a platform administrator; you are ${user.username}`,
        `memuat daftar hari libur nasional memerlukan administrator platform; Anda masuk sebagai ${user.username}`,
      );
    }
    return this.load(user, NATIONAL, year, input, null);
  }

  async loadOffice(user: Principal, sopId: string, year: number, input: HolidayListInput): Promise<{ list: HolidayList; recomputed: number }> {
    this.checkYear(year);
    const published = await this.catalog.latest(sopId);
    if (!published) throw notFound(`no published SOP "${sopId}"`, `belum ada SOP "${sopId}" yang terbit`);
    if (!user.permissions.includes('admin') || (user.regency !== sopId && user.regency !== '*')) {
      throw forbidden(
        `loading the local holidays of ${published.sop.identity.regency} needs an administrator of that regency; you are ${user.username}`,
        `memuat hari libur daerah ${published.sop.identity.regency} memerlukan administrator daerah itu; Anda masuk sebagai ${user.username}`,
      );
    }
    if (input.cutiBersama?.length) {
      throw new BadInputException('an office has no cuti bersama of its own', [
        {
          field: 'cutiBersama',
          message: 'cuti bersama are national (SKB 3 Menteri): list the office closures under holidays',
          messageId: 'cuti bersama berlaku nasional (SKB 3 Menteri): cantumkan penutupan kantor sebagai hari libur',
        },
      ]);
    }
    const worked = new Set((published.sop.calendar.extraWorkingDays ?? []).map((d) => d.date));
    const clashes = input.holidays.map((h, i) => ({ h, i })).filter(({ h }) => worked.has(h.date));
    if (clashes.length) {
      throw new BadInputException(
        'a closure falls on a day the SOP declares a working day',
        clashes.map(({ h, i }) => ({
          field: `holidays[${i}].date`,
          message: `${h.date} is an extra working day in the SOP (calendar.extraWorkingDays): remove it there first, or leave it out here`,
          messageId: `${h.date} adalah hari kerja tambahan dalam SOP (calendar.extraWorkingDays): hapus dulu di sana, atau jangan cantumkan di sini`,
        })),
      );
    }
    return this.load(user, sopId, year, { ...input, cutiBersama: [] }, [sopId]);
  }

  private async load(
    user: Principal,
    scope: string,
    year: number,
    input: HolidayListInput,
    sopIds: string[] | null,
  ): Promise<{ list: HolidayList; recomputed: number }> {
    const problems = checkHolidayYear({ year, source: input.source, holidays: input.holidays, cutiBersama: input.cutiBersama ?? [] });
    if (problems.length) {
      throw new BadInputException(
        `the ${year} list is not valid: nothing was loaded`,
        problems.map(({ field, message, messageId }) => ({ field: field || 'holidays', message, messageId })),
      );
    }
    const holidays = sortByDate(input.holidays);
    const cutiBersama = sortByDate(input.cutiBersama ?? []);
    // two holidays may share a day (Isra Mikraj on Natal in 2027); the same entry twice, or a holiday that is also cuti bersama, is a slip
    const twice = holidays.filter((h, i) => holidays.findIndex((o) => o.date === h.date && o.name === h.name) !== i);
    const both = cutiBersama.filter((c) => holidays.some((h) => h.date === c.date));
    const duplicates = [
      ...twice.map((d) => ({ message: `${d.date} "${d.name}" is listed twice: keep one`, messageId: `${d.date} "${d.name}" tercantum dua kali: simpan satu` })),
      ...both.map((d) => ({
        message: `${d.date} is both a holiday and cuti bersama: keep it in one list`,
        messageId: `${d.date} tercantum sebagai hari libur dan cuti bersama: simpan di satu daftar saja`,
      })),
    ];
    if (duplicates.length) {
      throw new BadInputException(
        `the ${year} list names a day twice: nothing was loaded`,
        duplicates.map((d) => ({ field: 'holidays', ...d })),
      );
    }
    const list = await this.repository.insert(
      { scope, year, source: input.source.trim(), holidays, cutiBersama, changeNote: input.changeNote?.trim() || null, loadedBy: user.username },
      input.basedOnVersion ?? null,
      this.clock.now(),
    );
    if (!list) {
      const current = (await this.repository.versions(scope, year)).at(0);
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `the ${year} list was loaded again since you read it (you edited version ${input.basedOnVersion}, it is now at version ${current?.version ?? 0}${current?.loadedBy ? ` by ${current.loadedBy}` : ''}): reload it and apply your change again`,
        currentVersion: current?.version ?? 0,
      });
    }
    await this.calendars.refresh();
    // a deadline that starts in the year before may end in this one: look one year back
    const recomputed = await this.cases.recomputeDeadlines(
      sopIds,
      localMidnight(`${year - 1}-01-01`, 'Asia/Jayapura'),
      localMidnight(`${year + 1}-01-01`, 'UTC'),
    );
    this.logger.info(
      { scope, year, version: list.version, by: user.username, holidays: holidays.length, cutiBersama: cutiBersama.length, recomputed },
      'holiday list loaded',
    );
    await this.audit.record(user, 'holidays.load', scope === NATIONAL ? '*' : scope, String(year), {
      version: list.version,
      source: list.source,
      holidays: holidays.length,
      cutiBersama: cutiBersama.length,
      recomputedDeadlines: recomputed,
    });
    return { list, recomputed };
  }
}

function sortByDate(entries: DatedEntry[]): DatedEntry[] {
  return [...entries].map((e) => ({ date: e.date, name: e.name.trim() })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
