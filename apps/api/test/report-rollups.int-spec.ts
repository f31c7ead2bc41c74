import { ReportsRepository, isHandOver, wholeMonths, type KartuGroupRow, type NoteRow, type StatsRow } from '../src/reports/reports.repository';
import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * The report rollups (docs/adr/0027-report-rollups.md) against the lines themselves: complaints of
 * Pekanbaru (WIB, decisions by category) and Buleleng (WITA, categories, notes) moved by the
 * runtime over several days, then each report figure computed three ways on the same database —
 * from the rollups, by the SQL that reads each complaint's lines, and by plain JavaScript over every
 * row (as the reports did before they aggregated in the database) — and compared.
 *
 * The clock is moved by restarting the API with a later SOP_CLOCK_START, so hand-overs span office
 * hours, a night and weeks: their working minutes are the office calendar's, written with each line.
 */

const T0 = '2026-11-10T02:00:00Z'; // Tuesday 09:00 WIB, 10:00 WITA
const T1 = '2026-11-10T06:30:00Z'; // 13:30 WIB, the same day
const T2 = '2026-11-11T03:00:00Z'; // Wednesday 10:00 WIB, a night later
const T3 = '2026-12-01T01:00:00Z'; // 1 December, 08:00 WIB

const PEKANBARU_CATEGORIES = {
  informasi: 'informasi dan pengaduan pelayanan pendaftaran penduduk dan pencatatan sipil',
  kebijakan: 'kebijakan pelayanan',
  'kesalahan-data': 'kesalahan pengentrian/penginputan data oleh Petugas pelayanan',
  'belum-ditandatangani': 'dokumen yang belum ditandatangani/belum diterbitkan',
  'pengambilan-dokumen': 'penerbitan dokumen kependudukan dan pencatatan sipil',
} as const;
type Outcome = keyof typeof PEKANBARU_CATEGORIES;

let db: TestDatabase;
let api: ApiProcess | undefined;
let client: ApiClient;

async function at(clock: string): Promise<void> {
  await api?.stop();
  api = await startApi(db, { SOP_CLOCK_START: new Date(clock).toISOString() });
  client = new ApiClient(api.url);
}

async function file(sop: string, data: Record<string, string>): Promise<string> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop, data } });
  expect(filed.status).toBe(201);
  const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: sop === 'pekanbaru' ? 'pekanbaru.fo-operator' : 'buleleng.staf-kerjasama' });
  return inbox.body.items.find((i: { ticket: string }) => i.ticket === filed.body.ticket).id;
}

/** One event on the case at its current version (the deadline sweeper may move it meanwhile). */
async function send(id: string, as: string, body: Record<string, unknown>): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { body: c } = await client.request('GET', `/api/cases/${id}`, { as });
    const moved = await client.request('POST', `/api/cases/${id}/events`, { as, body: { ...body, version: c.version } });
    if (moved.status === 200) return;
    expect(moved.status).toBe(409);
  }
  throw new Error(`could not move case ${id}`);
}

const pekanbaru: { id: string; outcome: Outcome }[] = [];
const buleleng: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await at(T0);
  const outcomes: Outcome[] = ['informasi', 'kebijakan', 'kesalahan-data', 'belum-ditandatangani', 'pengambilan-dokumen', 'kesalahan-data', 'informasi'];
  for (const outcome of outcomes) {
    pekanbaru.push({ id: await file('pekanbaru', { ...SAMPLE_COMPLAINTS.pekanbaru, 'jenis-pelayanan': PEKANBARU_CATEGORIES[outcome] }), outcome });
  }
  for (const category of ['Pelayanan', 'Sarana Prasarana', 'Perilaku Pegawai', 'Pelayanan']) {
    buleleng.push(await file('buleleng', { ...SAMPLE_COMPLAINTS.buleleng, 'sasaran-pengaduan': category }));
  }
  for (const [i, p] of pekanbaru.slice(0, 3).entries()) await send(p.id, 'pekanbaru.fo-operator', { type: 'COMPLETE', note: `Diregistrasi ${i}` });
  await send(buleleng[0], 'buleleng.staf-kerjasama', { type: 'COMPLETE', note: 'Diterima dan diteruskan' });
  // the same afternoon
  await at(T1);
  for (const p of pekanbaru.slice(3)) await send(p.id, 'pekanbaru.fo-operator', { type: 'COMPLETE' });
  for (const p of pekanbaru.slice(0, 4)) await send(p.id, 'pekanbaru.fo-operator', { type: 'CHOOSE', outcome: p.outcome, note: `Dijawab: ${p.outcome}` });
  await send(buleleng[1], 'buleleng.staf-kerjasama', { type: 'COMPLETE', note: 'Diteruskan ke Kasi' });
  await send(buleleng[0], 'buleleng.kasi-kerjasama', { type: 'COMPLETE' });
  // the next morning: a night in between
  await at(T2);
  await send(pekanbaru[2].id, 'pekanbaru.operator-editor', { type: 'COMPLETE', note: 'Data diperbaiki' });
  await send(pekanbaru[4].id, 'pekanbaru.fo-operator', { type: 'CHOOSE', outcome: 'pengambilan-dokumen' });
  await send(pekanbaru[5].id, 'pekanbaru.fo-operator', { type: 'CHOOSE', outcome: 'kesalahan-data', note: 'Salah entri NIK' });
  await send(buleleng[2], 'buleleng.staf-kerjasama', { type: 'COMPLETE', note: 'Diteruskan' });
  await send(buleleng[0], 'buleleng.bidang-terkait', { type: 'COMPLETE', note: 'Antrian panjang karena server lambat' });
  // three weeks later: a November complaint handed on in December, and a December complaint
  await at(T3);
  await send(pekanbaru[6].id, 'pekanbaru.fo-operator', { type: 'CHOOSE', outcome: 'informasi', note: 'Dijawab di bulan berikutnya' });
  await send(pekanbaru[5].id, 'pekanbaru.operator-editor', { type: 'COMPLETE', note: 'Diperbaiki' });
  const december = await file('pekanbaru', { ...SAMPLE_COMPLAINTS.pekanbaru, 'jenis-pelayanan': PEKANBARU_CATEGORIES.kebijakan });
  await send(december, 'pekanbaru.fo-operator', { type: 'COMPLETE', note: 'Diregistrasi di Desember' });
  await api?.stop();
  api = undefined;
}, 600_000);

afterAll(async () => {
  await api?.stop();
  await db.drop();
});

const repo = () => new ReportsRepository({ query: (sql: string, params?: unknown[]) => db.sql(sql, params) } as never, null as never);

interface Line {
  case_id: string;
  seq: number;
  event: string;
  outcome: string | null;
  from_step: string | null;
  from_lane: string | null;
  to_step: string;
  document: string | null;
  note: string | null;
  handed_over_at: string;
  received_at: string;
  spent_working_minutes: number | null;
  over_limit: boolean | null;
  category: string | null;
  sop_version_id: string;
  ticket: string;
  filed_at: string;
  status: 'open' | 'done';
  kind: string;
}

/** Every kartu kendali line of a regency with its case, as the reports once read them into Node. */
const lines = (sopId: string) =>
  db.sql<Line>(
    `SELECT k.case_id, k.seq, k.event, k.outcome, k.from_step, k.from_lane, k.to_step, k.document, k.note, k.handed_over_at, k.received_at,
            k.spent_working_minutes, k.over_limit, c.category, c.sop_version_id, c.ticket, c.created_at AS filed_at, c.status, c.kind
     FROM kartu_kendali k JOIN cases c ON c.id = k.case_id WHERE c.sop_id = $1 ORDER BY k.case_id, k.seq`,
    [sopId],
  );

const time = (t: string | Date) => new Date(t).getTime();

/** percentile_cont over values, in JavaScript (linear interpolation between the two nearest ranks). */
function percentile(values: number[], p: number): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = p * (s.length - 1);
  const lo = Math.floor(rank);
  return s[lo] + (rank - lo) * ((s[Math.ceil(rank)] ?? s[lo]) - s[lo]);
}

/** The old report's groups in JavaScript: decisions, minutes per step and documents of the period's complaints. */
function groupsInJs(all: Line[], start: Date, end: Date): KartuGroupRow[] {
  const groups = new Map<string, KartuGroupRow>();
  for (const k of all.filter((l) => l.kind === 'complaint' && time(l.filed_at) >= start.getTime() && time(l.filed_at) < end.getTime())) {
    const key = JSON.stringify([k.category, k.sop_version_id, k.from_step, k.outcome, k.document]);
    const g = groups.get(key) ?? {
      category: k.category,
      sop_version_id: k.sop_version_id,
      from_step: k.from_step,
      outcome: k.outcome,
      document: k.document,
      chosen: 0,
      minutes: null,
      documents: 0,
      first_at: new Date(k.filed_at),
    };
    if (k.event === 'CHOOSE' && k.outcome && k.from_step) g.chosen++;
    if (isHandOver(k) && k.spent_working_minutes) g.minutes = (g.minutes ?? 0) + k.spent_working_minutes;
    if (k.document) g.documents++;
    if (time(k.filed_at) < g.first_at.getTime()) g.first_at = new Date(k.filed_at);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * The groups a report uses (those with a decision, minutes or a document), in one order, minutes to
 * 0.1; when the first complaint was filed only where the report reads it (to order the documents).
 */
const comparable = (rows: KartuGroupRow[]) =>
  rows
    .filter((g) => g.chosen > 0 || g.minutes || g.documents > 0)
    .map((g) => ({
      ...g,
      minutes: g.minutes === null ? null : Math.round(g.minutes * 10) / 10,
      first_at: g.documents > 0 ? new Date(g.first_at).toISOString() : null,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** The old report's latest notes per category in JavaScript. */
function notesInJs(all: Line[], start: Date, end: Date, perCategory: number): Omit<NoteRow, 'sop_version_id'>[] {
  const noted = all
    .filter((k) => k.kind === 'complaint' && time(k.filed_at) >= start.getTime() && time(k.filed_at) < end.getTime() && isHandOver(k) && k.note)
    .sort(
      (a, b) => time(b.handed_over_at) - time(a.handed_over_at) || time(a.filed_at) - time(b.filed_at) || a.ticket.localeCompare(b.ticket) || a.seq - b.seq,
    );
  const byCategory = new Map<string | null, Line[]>();
  for (const k of noted) byCategory.set(k.category, [...(byCategory.get(k.category) ?? []), k]);
  return [...byCategory]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([, ks]) => ks.slice(0, perCategory))
    .map((k) => ({ category: k.category, case_id: k.case_id, ticket: k.ticket, from_step: k.from_step!, note: k.note! }));
}

const PERIODS = [
  { name: 'November', from: '2026-11-01', to: '2026-11-30' },
  { name: 'November and December', from: '2026-11-01', to: '2026-12-31' },
  { name: 'one day', from: '2026-11-10', to: '2026-11-10' },
  { name: 'parts of two months', from: '2026-11-05', to: '2026-12-15' },
];
const REGENCIES = [
  { sopId: 'pekanbaru', timeZone: 'Asia/Jakarta', offset: '+07:00' },
  { sopId: 'buleleng', timeZone: 'Asia/Makassar', offset: '+08:00' },
];
const periodOf = (p: (typeof PERIODS)[number], offset: string) => ({
  start: new Date(`${p.from}T00:00:00${offset}`),
  end: new Date(new Date(`${p.to}T00:00:00${offset}`).getTime() + 86_400_000),
});

describe('report figures from the rollups equal those read line by line and those computed in JavaScript', () => {
  it('has worked the fixture: decisions, notes, hand-overs over a night (working minutes, not the wall clock)', async () => {
    const all = await lines('pekanbaru');
    expect(all.filter((k) => k.event === 'CHOOSE').length).toBeGreaterThanOrEqual(6);
    expect(new Set(all.map((k) => k.category)).size).toBe(5);
    // the line handed on the next morning: received 13:30 WIB, handed on 10:00 WIB the next day
    const overnight = all.find((k) => k.case_id === pekanbaru[4].id && k.event === 'CHOOSE')!;
    const wallMinutes = (time(overnight.handed_over_at) - time(overnight.received_at)) / 60_000;
    expect(overnight.spent_working_minutes).toBeGreaterThan(0);
    expect(overnight.spent_working_minutes!).toBeLessThan(wallMinutes - 12 * 60);
  });

  for (const r of REGENCIES) {
    for (const p of PERIODS) {
      it(`${r.sopId}, ${p.name}: decisions, minutes per step and documents`, async () => {
        const { start, end } = periodOf(p, r.offset);
        const rolledUp = await repo().kartuGroupsRolledUp(r.sopId, p.from, p.to, r.timeZone);
        const lineByLine = await repo().kartuGroups(r.sopId, start, end);
        const inJs = groupsInJs(await lines(r.sopId), start, end);
        expect(comparable(rolledUp)).toEqual(comparable(inJs));
        expect(comparable(lineByLine)).toEqual(comparable(inJs));
        if (p.name !== 'one day') expect(comparable(inJs).length).toBeGreaterThan(0);
      });

      it(`${r.sopId}, ${p.name}: working time per step, per lane and in all (count, mean, median, p90, maximum, over the limit)`, async () => {
        const { start, end } = periodOf(p, r.offset);
        const order = (rows: StatsRow[]) =>
          [...rows].sort((a, b) => `${a.grouping}/${a.step ?? ''}/${a.lane ?? ''}`.localeCompare(`${b.grouping}/${b.step ?? ''}/${b.lane ?? ''}`));
        const lineByLine = order(await repo().handOverStats(r.sopId, start, end));
        const rolledUp = order(await repo().handOverStatsRolledUp(r.sopId, p.from, p.to, r.timeZone));
        expect(rolledUp.map(({ grouping, step, lane, count, over_limit, with_limit }) => ({ grouping, step, lane, count, over_limit, with_limit }))).toEqual(
          lineByLine.map(({ grouping, step, lane, count, over_limit, with_limit }) => ({ grouping, step, lane, count, over_limit, with_limit })),
        );
        for (const [i, row] of rolledUp.entries()) {
          for (const figure of ['mean', 'median', 'p90', 'max'] as const) {
            if (lineByLine[i][figure] === null) expect(row[figure]).toBeNull();
            else expect(row[figure]).toBeCloseTo(lineByLine[i][figure], 9);
          }
        }
        if (p.name !== 'one day') expect(lineByLine.length).toBeGreaterThan(1);
      });

      it(`${r.sopId}, ${p.name}: the latest notes per category`, async () => {
        const { start, end } = periodOf(p, r.offset);
        const categories = (
          await db.sql<{ category: string | null }>(
            `SELECT DISTINCT category FROM cases WHERE sop_id = $1 AND kind = 'complaint' AND created_at >= $2 AND created_at < $3`,
            [r.sopId, start, end],
          )
        ).map((c) => c.category);
        const strip = (rows: NoteRow[]) => rows.map(({ category, case_id, ticket, from_step, note }) => ({ category, case_id, ticket, from_step, note }));
        for (const perCategory of [1, 5]) {
          const inJs = notesInJs(await lines(r.sopId), start, end, perCategory);
          expect(strip(await repo().latestNotesRolledUp(r.sopId, p.from, p.to, r.timeZone, categories, perCategory))).toEqual(inJs);
          expect(strip(await repo().latestNotes(r.sopId, start, end, perCategory))).toEqual(inJs);
        }
      });
    }
  }

  it('gives the median, p90, mean and maximum of working minutes per step as JavaScript computes them', async () => {
    const p = PERIODS[1];
    const { start, end } = periodOf(p, '+07:00');
    const stats = await repo().handOverStatsRolledUp('pekanbaru', p.from, p.to, 'Asia/Jakarta');
    const handOvers = (await lines('pekanbaru')).filter(
      (k) => k.kind === 'complaint' && isHandOver(k) && time(k.handed_over_at) >= start.getTime() && time(k.handed_over_at) < end.getTime(),
    );
    const steps = [...new Set(handOvers.map((k) => k.from_step!))];
    expect(steps.length).toBeGreaterThanOrEqual(3);
    for (const step of steps) {
      const spent = handOvers.filter((k) => k.from_step === step && k.spent_working_minutes !== null).map((k) => k.spent_working_minutes!);
      const row = stats.find((s) => s.grouping === 'step' && s.step === step)!;
      expect(row.count).toBe(handOvers.filter((k) => k.from_step === step).length);
      expect(row.median).toBeCloseTo(percentile(spent, 0.5)!, 6);
      expect(row.p90).toBeCloseTo(percentile(spent, 0.9)!, 6);
      expect(row.mean).toBeCloseTo(spent.reduce((a, b) => a + b, 0) / spent.length, 6);
      expect(row.max).toBe(spent.reduce((a, b) => (b > a ? b : a), -Infinity));
    }
  });

  it("gives the national view's median and p90 time to close as JavaScript computes them", async () => {
    const { start, end } = periodOf(PERIODS[1], '+07:00');
    const regencies = [{ sopId: 'pekanbaru', start, end, limitMinutes: 60 }];
    const [figures] = await repo().nationalFiguresRolledUp(regencies, new Date(T3));
    expect(await repo().nationalFigures(regencies, new Date(T3))).toEqual([figures]);
    const all = (await lines('pekanbaru')).filter((k) => k.kind === 'complaint' && time(k.filed_at) >= start.getTime() && time(k.filed_at) < end.getTime());
    const closed = [...new Set(all.filter((k) => k.status === 'done').map((k) => k.case_id))];
    const toClose = closed.map((id) => all.filter((k) => k.case_id === id && isHandOver(k)).reduce((n, k) => n + (k.spent_working_minutes ?? 0), 0));
    expect(closed.length).toBeGreaterThanOrEqual(3);
    expect(figures.closed).toBe(closed.length);
    expect(figures.median).toBeCloseTo(percentile(toClose, 0.5)!, 6);
    expect(figures.p90).toBeCloseTo(percentile(toClose, 0.9)!, 6);
    expect(figures.within_sop).toBe(toClose.filter((m) => m <= 60).length);
  });

  it('reads the lines again when a version of the SOP keeps another time zone than the report', async () => {
    expect(await repo().rollupsCover('pekanbaru', 'Asia/Jakarta')).toBe(true);
    expect(await repo().rollupsCover('pekanbaru', 'Asia/Makassar')).toBe(false);
  });

  it('reads whole months by month and the days around them by day', () => {
    expect(wholeMonths('2026-11-01', '2026-11-30')).toEqual({ monthsFrom: '2026-11-01', monthsTo: '2026-12-01' });
    expect(wholeMonths('2026-11-05', '2026-12-15')).toEqual({ monthsFrom: '2026-12-01', monthsTo: '2026-12-01' });
    expect(wholeMonths('2026-01-01', '2026-12-31')).toEqual({ monthsFrom: '2026-01-01', monthsTo: '2027-01-01' });
    expect(wholeMonths('2026-11-10', '2026-11-10')).toEqual({ monthsFrom: '2026-12-01', monthsTo: '2026-11-01' });
    expect(wholeMonths('2024-02-02', '2024-04-30')).toEqual({ monthsFrom: '2024-03-01', monthsTo: '2024-05-01' });
  });
});
