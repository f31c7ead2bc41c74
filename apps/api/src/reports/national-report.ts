import { ForbiddenException } from '@nestjs/common';
import { LAPOR_LIMIT_DAYS, stepText, WORKING_DAY_MINUTES, type NationalReport, type NationalRow } from '@sop/report-model';
import type { Principal } from '../auth/principal';
import type { Clock } from '../common/clock';
import { reportDuration } from '../metrics/metrics';
import type { PublishedSop, SopCatalog } from '../sops/sop-catalog.service';
import { ReportLabels } from './report-labels';
import { reportPeriod } from './report-period';
import { sopLimit } from './sop-limit';
import type { ReportLanguage } from './report-tables';
import type { ChosenOutcomeRow, NationalFigureRow, NationalRegency, ReportsRepository, SlowestStepRow } from './reports.repository';
import { REVIEWER } from './reports.service';

/** The period of the national view: a month, or from and to (local dates of each office), up to five years. */
export interface NationalQuery {
  month?: string;
  from?: string;
  to?: string;
}

const round1 = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 10) / 10);
const share = (n: number, of: number) => (of > 0 ? n / of : null);

/**
 * One regency's row from the database's figures. Pure. `versions`: the SOP versions the chosen
 * outcomes were taken under, so that each is read by its own version's kinds (as the regency's report
 * reads them), whatever a later version says.
 */
export function nationalRow(
  p: PublishedSop,
  figures: NationalFigureRow | undefined,
  slowest: SlowestStepRow | undefined,
  chosen: readonly ChosenOutcomeRow[] = [],
  versions: ReadonlyMap<string, PublishedSop> = new Map(),
): NationalRow {
  const limit = sopLimit(p);
  const closed = figures?.closed ?? 0;
  const own = [...versions].filter(([, v]) => v.sopId === p.sopId);
  const labels = new ReportLabels(p, new Map([...own, [p.versionId, p]]));
  const referred = chosen.reduce((n, c) => n + (labels.refers(c.from_step, c.outcome, c.sop_version_id) ? c.chosen : 0), 0);
  return {
    regency: { id: p.sopId, name: p.sop.identity.regency, timeZone: p.sop.calendar.timeZone },
    sop: { version: p.version, title: p.sop.identity.title },
    complaints: figures?.complaints ?? 0,
    closed,
    referred,
    overdue: figures?.overdue ?? 0,
    medianMinutes: round1(figures?.median),
    p90Minutes: round1(figures?.p90),
    sopLimitMinutes: limit?.minutes ?? null,
    sopLimitText: limit?.text ?? null,
    sopLimitParts: limit?.parts ?? null,
    withinSopShare: limit ? share(figures?.within_sop ?? 0, closed) : null,
    withinLapor: LAPOR_LIMIT_DAYS.map((days, i) => ({ days, share: share(figures?.within_lapor[i] ?? 0, closed) })),
    escalations: figures?.escalations ?? 0,
    escalatedComplaints: figures?.escalated ?? 0,
    slowestStep: slowest
      ? {
          step: labels.step(slowest.step),
          limit: labels.meta(slowest.step)?.waktu ?? null,
          medianMinutes: round1(slowest.median) ?? 0,
          handOvers: slowest.hand_overs,
        }
      : null,
  };
}

/**
 * The reviewers' national view: every regency with a published SOP side by side over one period,
 * each over its complaints filed in that period's local days of its own time zone. The database
 * answers one row per regency (three statements in all), whatever the number of complaints.
 */
export class NationalReports {
  constructor(
    private readonly repository: ReportsRepository,
    private readonly catalog: SopCatalog,
    private readonly clock: Clock,
  ) {}

  async report(user: Principal, query: NationalQuery): Promise<NationalReport> {
    if (!user.permissions.includes(REVIEWER)) {
      throw new ForbiddenException('the national view is for reviewers: your own regency is at GET /api/reports');
    }
    const now = this.clock.now();
    // the period is checked first, once, so that a bad one is refused the same with any regency
    const asked = reportPeriod(query, 'Asia/Jakarta', now);
    const sops = (await this.catalog.allLatest()).sort((a, b) => a.sop.identity.regency.localeCompare(b.sop.identity.regency, 'id'));
    const regencies: NationalRegency[] = sops.map((p) => {
      const period = reportPeriod(
        query.month !== undefined || query.from !== undefined ? query : { month: asked.from.slice(0, 7) },
        p.sop.calendar.timeZone,
        now,
      );
      return { sopId: p.sopId, start: period.start, end: period.end, limitMinutes: sopLimit(p)?.minutes ?? null };
    });
    const endTimer = reportDuration.startTimer({ report: 'national' });
    const figures = regencies.length ? await this.repository.nationalFiguresRolledUp(regencies, now) : [];
    const slowest = regencies.length ? await this.repository.slowestSteps(regencies) : [];
    const chosen = regencies.length ? await this.repository.chosenOutcomes(regencies) : [];
    const figuresBy = new Map(figures.map((f) => [f.sop_id, f]));
    const slowestBy = new Map(slowest.map((s) => [s.sop_id, s]));
    const chosenBy = new Map<string, ChosenOutcomeRow[]>();
    for (const c of chosen) chosenBy.set(c.sop_id, [...(chosenBy.get(c.sop_id) ?? []), c]);
    // the older versions outcomes were chosen under (few: a version lives for months)
    const versions = new Map<string, PublishedSop>();
    for (const id of new Set(chosen.map((c) => c.sop_version_id))) versions.set(id, await this.catalog.byId(id));
    endTimer();
    return {
      period: { from: asked.from, to: asked.to, month: asked.month },
      generatedAt: now.toISOString(),
      workingDayMinutes: WORKING_DAY_MINUTES,
      laporLimitDays: [...LAPOR_LIMIT_DAYS],
      rows: sops.map((p) => nationalRow(p, figuresBy.get(p.sopId), slowestBy.get(p.sopId), chosenBy.get(p.sopId), versions)),
    };
  }
}

const WORDS = {
  id: {
    regency: 'Kabupaten/Kota',
    version: 'Versi SOP',
    complaints: 'Pengaduan masuk',
    closed: 'Selesai',
    referred: 'Dilimpahkan ke instansi berwenang',
    overdue: 'Pernah lewat batas waktu',
    median: 'Median waktu sampai selesai (menit kerja)',
    p90: 'P90 waktu sampai selesai (menit kerja)',
    sopLimit: 'Batas SOP (menit kerja)',
    withinSop: 'Selesai dalam batas SOP (%)',
    withinLapor: (d: number) => `Selesai dalam ${d} hari kerja (%)`,
    escalations: 'Eskalasi (serah terima)',
    escalated: 'Pengaduan dengan eskalasi',
    slowest: 'Langkah paling lama',
    slowestMedian: 'Median di langkah itu (menit kerja)',
  },
  en: {
    regency: 'Regency/City',
    version: 'SOP version',
    complaints: 'Complaints filed',
    closed: 'Closed',
    referred: 'Referred to the agency responsible',
    overdue: 'Past a deadline',
    median: 'Median time to close (working minutes)',
    p90: 'P90 time to close (working minutes)',
    sopLimit: "SOP's limit (working minutes)",
    withinSop: "Closed within the SOP's limit (%)",
    withinLapor: (d: number) => `Closed within ${d} working days (%)`,
    escalations: 'Escalations (hand-overs)',
    escalated: 'Complaints escalated',
    slowest: 'Slowest step',
    slowestMedian: 'Median at that step (working minutes)',
  },
};

const percent = (s: number | null) => (s === null ? null : Math.round(s * 1000) / 10);

/** The national view as one table (for CSV): SOP content as written, headers in `lang`. */
export function nationalTable(report: NationalReport, lang: ReportLanguage): { header: string[]; rows: (string | number | null)[][] } {
  const w = WORDS[lang];
  return {
    header: [
      w.regency,
      w.version,
      w.complaints,
      w.closed,
      w.referred,
      w.overdue,
      w.median,
      w.p90,
      w.sopLimit,
      w.withinSop,
      ...report.laporLimitDays.map((d) => w.withinLapor(d)),
      w.escalations,
      w.escalated,
      w.slowest,
      w.slowestMedian,
    ],
    rows: report.rows.map((r) => [
      r.regency.name,
      r.sop.version,
      r.complaints,
      r.closed,
      r.referred,
      r.overdue,
      r.medianMinutes,
      r.p90Minutes,
      r.sopLimitMinutes,
      percent(r.withinSopShare),
      ...r.withinLapor.map((l) => percent(l.share)),
      r.escalations,
      r.escalatedComplaints,
      r.slowestStep ? stepText(r.slowestStep.step) : null,
      r.slowestStep?.medianMinutes ?? null,
    ]),
  };
}
