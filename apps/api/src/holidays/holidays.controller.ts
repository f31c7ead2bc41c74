import type { IncomingHttpHeaders } from 'node:http';
import { Body, Controller, Get, Param, Put, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthGuard, CurrentUser } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { Clock } from '../common/clock';
import { BadInputException, notFound } from '../common/errors';
import { requestLanguage } from '../common/request-language';
import { SopCatalog } from '../sops/sop-catalog.service';
import { HolidayCalendars, NATIONAL } from './holiday-calendars';
import { HolidayListDto, HolidayReadQuery } from './holidays.dto';
import { HolidaysRepository, type HolidayList } from './holidays.repository';
import { HolidaysService } from './holidays.service';

const SOP_ID = /^[a-z][a-z0-9-]*$/;

/** An optional `sop` (query or path): an SOP id, or a 400 saying what one looks like. */
function checkSopId(sop: unknown): void {
  if (sop !== undefined && (typeof sop !== 'string' || !SOP_ID.test(sop))) {
    throw new BadInputException('not an SOP id', [
      {
        field: 'sop',
        message: 'an SOP id is lower-case letters, digits and dashes, e.g. "metro"',
        messageId: 'id SOP terdiri atas huruf kecil, angka dan tanda hubung, mis. "metro"',
      },
    ]);
  }
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text))
    throw new BadInputException('not a year', [
      {
        field: 'year',
        message: `"${text.slice(0, 20)}" is not a year: write four digits, e.g. 2027`,
        messageId: `"${text.slice(0, 20)}" bukan tahun: tulis empat angka, mis. 2027`,
      },
    ]);
  return Number(text);
}

function versionView(l: HolidayList) {
  return {
    version: l.version,
    source: l.source,
    holidays: l.holidays,
    cutiBersama: l.cutiBersama,
    changeNote: l.changeNote,
    loadedBy: l.loadedBy,
    loadedAt: l.loadedAt,
  };
}

@ApiTags('holidays')
@Controller('api/holidays')
export class HolidaysController {
  constructor(
    private readonly calendars: HolidayCalendars,
    private readonly holidays: HolidaysService,
    private readonly repository: HolidaysRepository,
    private readonly catalog: SopCatalog,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Calendar coverage, and where each year’s national holidays come from (loaded, shipped or provisional)' })
  overview() {
    const coverage = this.calendars.coverage(this.clock.now());
    const known = this.calendars.holidayYears().map((y) => y.year);
    const thisYear = Number(coverage.today.slice(0, 4));
    const years = [...new Set([...known, thisYear, thisYear + 1])].sort((a, b) => a - b);
    return {
      coverage,
      years: years.map((year) => {
        const { status, list, loaded } = this.calendars.nationalYear(year);
        return {
          year,
          status,
          source: list.source,
          version: loaded?.version ?? 0,
          holidays: list.holidays.length,
          cutiBersama: list.cutiBersama.length,
          loadedBy: loaded?.loadedBy ?? null,
          loadedAt: loaded?.loadedAt ?? null,
        };
      }),
    };
  }

  @Get('calendar')
  @ApiOperation({
    summary:
      'The holiday data an office calendar is built from now (loaded and shipped national lists; with ?sop= that office’s loaded closures), for clients that compute working time themselves',
  })
  async calendarData(@Query() query: HolidayReadQuery) {
    const { sop } = query;
    if (sop !== undefined) await this.publishedOrNotFound(sop);
    return { holidayYears: this.calendars.holidayYears(), extraHolidays: sop ? this.calendars.officeHolidays(sop) : [] };
  }

  /** The SOP an office's reads name, or a 404 in both languages (as for every read of an unknown SOP). */
  private async publishedOrNotFound(sop: string) {
    const published = await this.catalog.latest(sop);
    if (!published) throw notFound(`no published SOP "${sop}"`, `belum ada SOP "${sop}" yang terbit`);
    return published;
  }

  @Get(':year')
  @ApiOperation({ summary: 'A year’s national holidays and cuti bersama as deadlines use them; with ?sop= also that office’s own closures' })
  async year(@Param('year') yearText: string, @Req() req: { query?: unknown; headers: IncomingHttpHeaders }, @Query() query: HolidayReadQuery) {
    const { sop } = query;
    const year = parseYear(yearText);
    const lang = requestLanguage(req);
    this.holidays.checkYear(year);
    const { status, list, loaded } = this.calendars.nationalYear(year);
    let office = null;
    if (sop !== undefined) {
      const published = await this.publishedOrNotFound(sop);
      const loadedOffice = this.calendars.officeYear(sop, year);
      office = {
        sop,
        regency: published.sop.identity.regency,
        fromSop: (published.sop.calendar.extraHolidays ?? []).filter((h) => h.date.startsWith(`${year}-`)),
        extraWorkingDays: (published.sop.calendar.extraWorkingDays ?? []).filter((h) => h.date.startsWith(`${year}-`)),
        loaded: loadedOffice ? versionView(loadedOffice) : null,
      };
    }
    return {
      year,
      status,
      provisional: status === 'provisional',
      version: loaded?.version ?? 0,
      source: list.source,
      // in the language the request asks, English otherwise; and in Bahasa Indonesia where the list
      // has them, for a page that switches language without asking again
      notes: (lang === 'id' ? list.notesId : undefined) ?? list.notes ?? [],
      ...(list.notesId ? { notesId: list.notesId } : {}),
      holidays: list.holidays,
      cutiBersama: list.cutiBersama,
      loadedBy: loaded?.loadedBy ?? null,
      loadedAt: loaded?.loadedAt ?? null,
      office,
    };
  }

  @Get(':year/versions')
  @ApiOperation({ summary: 'Every loaded version of a year’s national list (or of an office’s, with ?sop=), newest first' })
  async versions(@Param('year') yearText: string, @Query() query: HolidayReadQuery) {
    const { sop } = query;
    const year = parseYear(yearText);
    this.holidays.checkYear(year);
    if (sop !== undefined) await this.publishedOrNotFound(sop);
    return { year, scope: sop ?? NATIONAL, versions: (await this.repository.versions(sop ?? NATIONAL, year)).map(versionView) };
  }

  @Put(':year')
  @UseGuards(AuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Load a year’s national list (platform administrators): a new version; pending deadlines it moves are computed again' })
  async loadNational(@CurrentUser() user: Principal, @Param('year') yearText: string, @Body() body: HolidayListDto) {
    const { list, recomputed } = await this.holidays.loadNational(user, parseYear(yearText), body);
    return { year: list.year, scope: NATIONAL, ...versionView(list), recomputedDeadlines: recomputed };
  }

  @Put(':year/offices/:sop')
  @UseGuards(AuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Load an office’s own closures for a year (its administrators): a new version; its pending deadlines are computed again' })
  async loadOffice(@CurrentUser() user: Principal, @Param('year') yearText: string, @Param('sop') sop: string, @Body() body: HolidayListDto) {
    checkSopId(sop);
    const { list, recomputed } = await this.holidays.loadOffice(user, sop, parseYear(yearText), body);
    return { year: list.year, scope: sop, ...versionView(list), recomputedDeadlines: recomputed };
  }
}
