import { createSopCalendar } from '@sop/case-engine';
import { DEFAULT_COMPLAINT_FORM } from '@sop/citizen-data';
import { compileSop } from '@sop/compiler';
import { inspectSop, runnability, type SopDocument } from '@sop/model';
import type { Logbook } from '@sop/report-model';
import { BadInputException } from '../common/errors';
import { loadFixture } from '../../../../libs/sop-model/src/__fixtures__/seeds';
import type { PublishedSop } from '../sops/sop-catalog.service';
import { buildReport, NOTES_PER_CATEGORY, type ReportInput } from './report-builder';
import { ReportLabels, WEB_CHANNEL_LABEL } from './report-labels';
import { datesOf, reportPeriod } from './report-period';
import type { KartuGroupRow, StatsRow } from './reports.repository';

// @nestjs/common 12 is an ES module, which this CommonJS jest cannot load; report-period's errors
// need only its HttpException and HttpStatus, so a faithful stand-in of those two is given instead.
jest.mock('@nestjs/common', () => ({
  HttpStatus: { BAD_REQUEST: 400, CONFLICT: 409, UNPROCESSABLE_ENTITY: 422 },
  HttpException: class HttpException extends Error {
    constructor(
      private readonly response: object,
      private readonly status: number,
    ) {
      super(JSON.stringify(response));
    }
    getResponse(): object {
      return this.response;
    }
    getStatus(): number {
      return this.status;
    }
  },
}));

/*
 * The report's pure parts, on small inputs built by the factories below (one place to adapt when the
 * database's figures change shape), over the fixture valid/coordination-and-units.yaml: channel
 * "Ruang Pengaduan" and the web form; category field "bidang" with three options; laporan →
 * petugas-teruskan → bidang-tindak (selesai / tidak-selesai) or ppid-jawab → selesai.
 */

const SOP = loadFixture('valid/coordination-and-units.yaml');

function published(sop: SopDocument = SOP, overrides: Partial<PublishedSop> = {}): PublishedSop {
  return {
    versionId: 'v1',
    sopId: 'contoh',
    version: 1,
    contentHash: 'hash',
    yaml: '',
    sop,
    compiled: compileSop(sop, { id: 'contoh' }),
    calendar: createSopCalendar(sop),
    form: sop.intake?.form ?? DEFAULT_COMPLAINT_FORM,
    formIsDefault: !sop.intake?.form,
    inspection: inspectSop(sop),
    runnability: runnability(sop),
    publishedAt: new Date('2026-11-01T00:00:00Z'),
    publishedBy: null,
    changeNote: null,
    inSopsDirectory: true,
    ...overrides,
  };
}

const latest = published();
const labels = new ReportLabels(latest, new Map([[latest.versionId, latest]]));
const NOW = new Date('2026-11-20T03:00:00Z');
const LOGBOOK: Logbook = {
  document: null,
  title: 'Logbook Pengaduan',
  revision: null,
  effective: null,
  fromSop: false,
  columns: [],
  rows: [],
  total: 0,
  page: 1,
  pageSize: 100,
};

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    period: reportPeriod({ month: '2026-11' }, 'Asia/Jakarta', NOW),
    labels,
    caseGroups: [],
    days: [],
    waiting: [],
    stats: [],
    kartuGroups: [],
    notes: [],
    periodicRuns: [],
    confidential: new Map(),
    logbook: LOGBOOK,
    now: NOW,
    ...overrides,
  };
}

const kartuGroup = (overrides: Partial<KartuGroupRow>): KartuGroupRow => ({
  category: null,
  sop_version_id: 'v1',
  from_step: null,
  outcome: null,
  document: null,
  chosen: 0,
  minutes: null,
  documents: 0,
  first_at: new Date('2026-11-02T03:00:00Z'),
  ...overrides,
});

const stats = (overrides: Partial<StatsRow>): StatsRow => ({
  grouping: 'all',
  step: null,
  lane: null,
  count: 0,
  mean: null,
  median: null,
  p90: null,
  max: null,
  over_limit: 0,
  with_limit: 0,
  ...overrides,
});

describe('reportPeriod', () => {
  it('is a whole month of local days, by default the current one in the office’s time zone', () => {
    const november = reportPeriod({ month: '2026-11' }, 'Asia/Makassar', NOW);
    expect(november).toMatchObject({ from: '2026-11-01', to: '2026-11-30', month: '2026-11', timeZone: 'Asia/Makassar' });
    expect(november.start.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(november.end.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    // 1 December 06:00 WIT is still 30 November in UTC: the office's own date decides
    expect(reportPeriod({}, 'Asia/Jayapura', new Date('2026-11-30T21:00:00Z')).month).toBe('2026-12');
  });

  it('takes from and to as local dates, both included; a whole month so given is a month', () => {
    expect(reportPeriod({ from: '2026-11-03', to: '2026-11-05' }, 'Asia/Jakarta', NOW)).toMatchObject({ month: null, from: '2026-11-03', to: '2026-11-05' });
    expect(reportPeriod({ from: '2026-02-01', to: '2026-02-28' }, 'Asia/Jakarta', NOW).month).toBe('2026-02');
    expect(datesOf(reportPeriod({ from: '2026-12-30', to: '2027-01-02' }, 'Asia/Jakarta', NOW))).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
  });

  it.each([
    [{ month: '2026-11', from: '2026-11-01' }, 'from', 'not both'],
    [{ from: '2026-11-01' }, 'to', 'to is missing'],
    [{ to: '2026-11-01' }, 'from', 'from is missing'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from', '"2026-02-30" is not one'],
    [{ from: '2026-11-05', to: '2026-11-01' }, 'to', 'is before from'],
    [{ month: '2026-13' }, 'month', '"2026-13" is not one'],
    [{ from: '2020-01-01', to: '2026-01-01' }, 'to', 'at most'],
  ])('refuses %j naming %s', (query, field, words) => {
    let error: unknown;
    try {
      reportPeriod(query, 'Asia/Jakarta', NOW);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BadInputException);
    const body = (error as BadInputException).getResponse() as { errors: { field: string; message: string }[] };
    expect(body.errors).toEqual([{ field, message: expect.stringContaining(words) }]);
  });
});

describe('ReportLabels', () => {
  it('names channels (the web form included), lanes, steps, outcomes and ends as the SOP writes them', () => {
    expect(labels.channels()).toEqual([
      ['tatap-muka', 'Ruang Pengaduan'],
      ['web', WEB_CHANNEL_LABEL],
    ]);
    expect([labels.channel(null), labels.channel('tatap-muka'), labels.channel('web'), labels.channel('surat')]).toEqual([
      '—',
      'Ruang Pengaduan',
      WEB_CHANNEL_LABEL,
      'surat',
    ]);
    expect(labels.lane('ppid')).toBe('PPID Pelaksana');
    expect(labels.lane('lajur-lama')).toBe('lajur-lama');
    expect(labels.step('ppid-jawab')).toEqual({ id: 'ppid-jawab', number: '4', label: null, activity: 'PPID menjawab permintaan informasi' });
    expect(labels.step('langkah-lama')).toEqual({ id: 'langkah-lama', number: null, label: null, activity: null });
    expect(labels.choice('bidang-tindak', 'tidak-selesai')).toBe('Tidak dapat diselesaikan');
    expect(labels.choice('bidang-tindak', 'hasil-lama')).toBe('hasil-lama');
    expect(labels.endSteps().sort()).toEqual(['selesai', 'tidak-selesai']);
    expect(labels.outcome('tidak-selesai')).toBe('Pelapor menerima surat jawaban');
    expect(labels.categoryField()).toEqual({ label: 'Bidang yang diadukan', options: ['Pendaftaran Penduduk', 'Pencatatan Sipil', 'Informasi Publik'] });
  });

  it('tells apart ends drawn with the same symbol text, by the outcome that leads to each', () => {
    const twins = structuredClone(SOP);
    // the source prints "Selesai" on both terminators: settled, and the complaint withdrawn
    for (const s of twins.steps) if (s.kind === 'end') s.label = 'Selesai';
    twins.steps.find((s) => s.id === 'bidang-tindak')!.outcomes!.push({ id: 'dicabut', label: 'Pengaduan dicabut', to: 'dicabut' });
    twins.steps.push({
      id: 'dicabut',
      number: '7',
      kind: 'end',
      lane: 'masyarakat',
      label: 'Selesai',
      activity: null,
      kelengkapan: null,
      waktu: null,
      output: null,
      keterangan: null,
    });
    const p = published(twins);
    const named = new ReportLabels(p, new Map([[p.versionId, p]]));
    expect(named.outcome('dicabut')).toBe('Selesai (Pengaduan dicabut)');
    expect(named.outcome('selesai')).toBe('Selesai (Pengaduan selesai)');
    expect(named.outcome('tidak-selesai')).toBe('Selesai (Tidak dapat diselesaikan)');
    // one end of its words says them alone
    expect(labels.outcome('selesai')).toBe('Pengaduan selesai');
  });

  it("keeps the name of a step an older version had, on that version's cases", () => {
    const older = structuredClone(SOP);
    older.steps.find((s) => s.id === 'ppid-jawab')!.id = 'ppid-lama';
    for (const s of older.steps) for (const o of s.outcomes ?? []) if (o.to === 'ppid-jawab') o.to = 'ppid-lama';
    const v0 = published(older, { versionId: 'v0', version: 0 });
    const both = new ReportLabels(
      latest,
      new Map([
        ['v0', v0],
        ['v1', latest],
      ]),
    );
    expect(both.step('ppid-lama', 'v0').number).toBe('4');
    expect(both.stepOrder()).toEqual([...SOP.steps.map((s) => s.id), 'ppid-lama']);
  });
});

describe('buildReport', () => {
  it('recaps every day of the period, zeros included, and sums the months from the days', () => {
    const report = buildReport(
      input({
        period: reportPeriod({ from: '2026-10-30', to: '2026-11-02' }, 'Asia/Jakarta', NOW),
        days: [
          { day: '2026-10-31', filed: 2, done: 1, open: 1, overdue: 0 },
          { day: '2026-11-02', filed: 3, done: 0, open: 3, overdue: 1 },
        ],
      }),
    );
    expect(report.daily.map((d) => [d.period, d.filed])).toEqual([
      ['2026-10-30', 0],
      ['2026-10-31', 2],
      ['2026-11-01', 0],
      ['2026-11-02', 3],
    ]);
    expect(report.monthly).toEqual([
      { period: '2026-10', filed: 2, done: 1, open: 1, overdue: 0 },
      { period: '2026-11', filed: 3, done: 0, open: 3, overdue: 1 },
    ]);
  });

  it("counts by channel, category, status and outcome: the SOP's own values first with their zeros, then any other met", () => {
    const report = buildReport(
      input({
        caseGroups: [
          { channel: 'web', category: 'Pencatatan Sipil', status: 'done', end_step: 'selesai', count: 3, overdue: 1 },
          { channel: 'tatap-muka', category: 'Pencatatan Sipil', status: 'open', end_step: null, count: 2, overdue: 0 },
          { channel: 'surat', category: null, status: 'done', end_step: 'tidak-selesai', count: 1, overdue: 0 },
        ],
      }),
    );
    expect(report.totals).toMatchObject({ complaints: 6, open: 2, done: 4, overdue: 1 });
    expect(report.byChannel).toEqual([
      { id: 'tatap-muka', label: 'Ruang Pengaduan', count: 2 },
      { id: 'web', label: WEB_CHANNEL_LABEL, count: 3 },
      { id: 'surat', label: 'surat', count: 1 },
    ]);
    expect(report.byCategory.map((r) => [r.label, r.count])).toEqual([
      ['Pendaftaran Penduduk', 0],
      ['Pencatatan Sipil', 5],
      ['Informasi Publik', 0],
      ['tanpa kategori', 1],
    ]);
    expect(report.categoryLabel).toBe('Bidang yang diadukan');
    expect(report.byStatus.map((r) => [r.label, r.count])).toEqual([
      ['dalam proses', 2],
      ['selesai', 4],
    ]);
    expect(Object.fromEntries(report.byOutcome.map((r) => [r.id, r.count]))).toEqual({ selesai: 3, 'tidak-selesai': 1 });
  });

  it('lists the frequent problems by count, with what was decided, the slowest step and the latest notes, identity struck out', () => {
    const notes = Array.from({ length: NOTES_PER_CATEGORY + 2 }, (_, i) => ({
      category: 'Pencatatan Sipil',
      case_id: `c${i}`,
      ticket: `T-${i}`,
      sop_version_id: 'v1',
      from_step: 'bidang-tindak',
      note: `Sudah ditelepon, Budi Santoso ${i} puas`,
    }));
    const report = buildReport(
      input({
        caseGroups: [
          { channel: 'web', category: 'Pencatatan Sipil', status: 'done', end_step: 'selesai', count: 3, overdue: 1 },
          { channel: 'web', category: 'Informasi Publik', status: 'done', end_step: 'selesai', count: 1, overdue: 0 },
        ],
        kartuGroups: [
          kartuGroup({ category: 'Pencatatan Sipil', from_step: 'bidang-tindak', outcome: 'selesai', chosen: 2, minutes: 300 }),
          kartuGroup({ category: 'Pencatatan Sipil', from_step: 'bidang-tindak', outcome: 'tidak-selesai', chosen: 1, minutes: 100 }),
          kartuGroup({ category: 'Pencatatan Sipil', from_step: 'petugas-teruskan', outcome: 'ke-bidang', chosen: 3, minutes: 90 }),
        ],
        notes,
        confidential: new Map(notes.map((n, i) => [n.case_id, [`Budi Santoso ${i}`]])),
      }),
    );
    expect(report.problems.map((p) => [p.category, p.count, p.overdue])).toEqual([
      ['Pencatatan Sipil', 3, 1],
      ['Informasi Publik', 1, 0],
    ]);
    const [top] = report.problems;
    expect(top.share).toBe(0.75);
    expect(top.choices).toEqual([
      { label: 'Bidang terkait', count: 3 },
      { label: 'Selesai', count: 2 },
      { label: 'Tidak dapat diselesaikan', count: 1 },
    ]);
    expect(top.slowestStep).toEqual({ step: expect.objectContaining({ id: 'bidang-tindak', number: '3' }), minutes: 400 });
    expect(top.notes).toHaveLength(NOTES_PER_CATEGORY);
    expect(top.notes[0]).toMatchObject({ ticket: 'T-0', step: { id: 'bidang-tindak' } });
    expect(JSON.stringify(top.notes)).not.toContain('Budi Santoso');
  });

  it('counts the documents produced in the order first met', () => {
    const report = buildReport(
      input({
        kartuGroups: [
          kartuGroup({ document: 'Surat jawaban', documents: 1, first_at: new Date('2026-11-05T03:00:00Z') }),
          kartuGroup({ document: 'Berita acara penyelesaian pengaduan', documents: 4, first_at: new Date('2026-11-02T03:00:00Z') }),
          kartuGroup({ document: 'Dokumen kosong', documents: 0 }),
        ],
      }),
    );
    expect(report.byDocument).toEqual([
      { id: 'Berita acara penyelesaian pengaduan', label: 'Berita acara penyelesaian pengaduan', count: 4 },
      { id: 'Surat jawaban', label: 'Surat jawaban', count: 1 },
    ]);
  });

  it("sets each working step's time against its limit, keeps the latest version's working steps at zero, and lanes only with figures", () => {
    const report = buildReport(
      input({
        stats: [
          stats({ grouping: 'step', step: 'petugas-teruskan', count: 4, mean: 100.04, median: 90, p90: 400.06, max: 500, over_limit: 1, with_limit: 4 }),
          stats({ grouping: 'lane', lane: 'petugas', count: 4, mean: 100, over_limit: 1, with_limit: 4 }),
          stats({ grouping: 'all', count: 4, over_limit: 1, with_limit: 4 }),
        ],
        waiting: [{ step: 'bidang-tindak', lane: 'bidang', waiting: 2, waiting_overdue: 1 }],
      }),
    );
    expect(report.totals).toMatchObject({ handOvers: 4, handOversOverLimit: 1 });
    expect(report.delays.steps.map((s) => s.step.id)).toEqual(['petugas-teruskan', 'bidang-tindak', 'ppid-jawab']);
    expect(report.delays.steps[0]).toMatchObject({
      lane: 'petugas',
      laneName: 'Petugas Pengaduan',
      limit: '1 hari',
      limitMinutes: expect.any(Number),
      count: 4,
      meanMinutes: 100,
      p90Minutes: 400.1,
      overLimitShare: 0.25,
    });
    expect(report.delays.steps[1]).toMatchObject({ waiting: 2, waitingOverdue: 1, count: 0, meanMinutes: null, overLimitShare: null });
    expect(report.delays.lanes.map((l) => [l.lane, l.count, l.waiting])).toEqual([
      ['petugas', 4, 0],
      ['bidang', 0, 2],
    ]);
  });

  it("heads the report with the regency, the SOP version and the period in the office's time zone", () => {
    const report = buildReport(input());
    expect(report).toMatchObject({
      regency: { id: 'contoh', name: SOP.identity.regency, timeZone: 'Asia/Jakarta' },
      sop: { version: 1, title: SOP.identity.title },
      period: { from: '2026-11-01', to: '2026-11-30', month: '2026-11', start: '2026-10-31T17:00:00.000Z' },
      generatedAt: NOW.toISOString(),
      logbook: LOGBOOK,
    });
    expect(report.problems).toEqual([]);
  });
});
