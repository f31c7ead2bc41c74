import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';
import { seedIds } from '../../../libs/sop-model/src/__fixtures__/seeds';

/**
 * The reviewers' national view (GET /api/reports/national): every regency side by side over a
 * period, from the database's figures; for reviewers only; a bad period refused with where.
 * A Tuesday in November, 09:00 WITA: two complaints in Buleleng (one run to its end at once, one
 * handed on from its first step) and one in Metro (still at its first step).
 */

const NOVEMBER = '2026-11-10T09:00:00+08:00';
const REVIEWER = 'reviewer';
const OPERATOR = 'buleleng.kasi-kerjasama';

let db: TestDatabase;
let api: ApiProcess | undefined;
let client: ApiClient;

async function file(sop: string): Promise<string> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop, data: SAMPLE_COMPLAINTS[sop] } });
  expect(filed.status).toBe(201);
  return filed.body.ticket;
}

async function complete(ticket: string, as: string): Promise<void> {
  const inbox = await client.request('GET', `/api/cases?ticket=${ticket}`, { as });
  const id = inbox.body.items[0].id;
  const { body } = await client.request('GET', `/api/cases/${id}`, { as });
  const moved = await client.request('POST', `/api/cases/${id}/events`, { as, body: { type: 'COMPLETE', version: body.version } });
  expect(moved.status).toBe(200);
}

const national = (query: string, as?: string) => client.request('GET', `/api/reports/national${query}`, as ? { as } : {});

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, { SOP_CLOCK_START: new Date(NOVEMBER).toISOString() });
  client = new ApiClient(api.url);
  const done = await file('buleleng');
  const handedOn = await file('buleleng');
  await file('metro');
  for (const lane of ['staf-kerjasama', 'kasi-kerjasama', 'bidang-terkait', 'kasi-kerjasama', 'staf-kerjasama']) await complete(done, `buleleng.${lane}`);
  await complete(handedOn, 'buleleng.staf-kerjasama');
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await db.drop();
});

describe('the national view', () => {
  it('puts every regency side by side for the month, with its complaints, time to close, limits met and slowest step', async () => {
    const res = await national('?month=2026-11', REVIEWER);
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.period).toEqual({ from: '2026-11-01', to: '2026-11-30', month: '2026-11' });
    expect(r.workingDayMinutes).toBe(450);
    expect(r.laporLimitDays).toEqual([3, 5, 10]);
    expect(r.rows.map((row: { regency: { id: string } }) => row.regency.id).sort()).toEqual(seedIds());
    const by = Object.fromEntries(r.rows.map((row: { regency: { id: string } }) => [row.regency.id, row]));
    const buleleng = by.buleleng;
    expect(buleleng).toMatchObject({ regency: { name: 'Kabupaten Buleleng', timeZone: 'Asia/Makassar' }, complaints: 2, closed: 1, escalations: 0 });
    // run to its end within the same minute: closed within every limit
    expect(buleleng.medianMinutes).toBeLessThan(5);
    expect(buleleng.p90Minutes).toBeLessThan(5);
    expect(buleleng.withinLapor).toEqual([
      { days: 3, share: 1 },
      { days: 5, share: 1 },
      { days: 10, share: 1 },
    ]);
    // Buleleng's path adds up to 1 jam + 50 menit (110 nominal working minutes): within it
    expect(buleleng).toMatchObject({ sopLimitMinutes: 110, sopLimitText: '1 jam + 50 menit', sopLimitParts: { hour: 1, minute: 50 }, withinSopShare: 1 });
    expect(buleleng.slowestStep).toMatchObject({ step: { id: expect.any(String) }, medianMinutes: expect.any(Number) });
    expect(buleleng.slowestStep.handOvers).toBeGreaterThanOrEqual(1);
    // Metro's one complaint waits at its first step: nothing closed, so no time to close and no shares
    expect(by.metro).toMatchObject({ complaints: 1, closed: 0, medianMinutes: null, p90Minutes: null, withinSopShare: null, slowestStep: null });
    expect(by.metro.withinLapor.map((l: { share: number | null }) => l.share)).toEqual([null, null, null]);
    expect(by.brebes).toMatchObject({ complaints: 0, closed: 0 });
    // October had none anywhere
    const october = await national('?month=2026-10', REVIEWER);
    expect(october.body.rows.every((row: { complaints: number }) => row.complaints === 0)).toBe(true);
  });

  it('covers any period up to five years, and counts by each office’s own days', async () => {
    const years = await national('?from=2022-01-01&to=2026-12-31', REVIEWER);
    expect(years.status).toBe(200);
    expect(years.body.period).toEqual({ from: '2022-01-01', to: '2026-12-31', month: null });
    expect(years.body.rows.find((row: { regency: { id: string } }) => row.regency.id === 'buleleng').complaints).toBe(2);
    const day = await national('?from=2026-11-10&to=2026-11-10', REVIEWER);
    expect(day.body.rows.find((row: { regency: { id: string } }) => row.regency.id === 'metro').complaints).toBe(1);
    const dayAfter = await national('?from=2026-11-11&to=2026-11-11', REVIEWER);
    expect(dayAfter.body.rows.every((row: { complaints: number }) => row.complaints === 0)).toBe(true);
  });

  it('downloads the table as CSV, headers in Bahasa Indonesia or English, units named', async () => {
    const csv = await national('?month=2026-11&format=csv', REVIEWER);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain('laporan-nasional-2026-11.csv');
    const lines = String(csv.body)
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(lines[0]).toContain('Kabupaten/Kota');
    expect(lines[0]).toContain('Median waktu sampai selesai (menit kerja)');
    expect(lines[0]).toContain('Selesai dalam 3 hari kerja (%)');
    expect(lines.find((l) => l.startsWith('Kabupaten Buleleng,'))).toMatch(/^Kabupaten Buleleng,\d+,2,1,/);
    const en = await national('?month=2026-11&format=csv&lang=en', REVIEWER);
    expect(String(en.body)).toContain('Closed within 10 working days (%)');
  });

  it('is for reviewers only: a regency operator is refused, and nobody unsigned', async () => {
    const operator = await national('?month=2026-11', OPERATOR);
    expect(operator.status).toBe(403);
    expect(operator.body.message).toMatch(/reviewers/);
    expect((await national('?month=2026-11')).status).toBe(401);
  });

  it.each([
    ['?month=2026-13', 'month'],
    ['?month=november', 'month'],
    ['?from=2026-11-01', 'to'],
    ['?to=2026-11-30', 'from'],
    ['?from=2026-02-30&to=2026-03-01', 'from'],
    ['?from=2026-11-30&to=2026-11-01', 'to'],
    ['?from=2021-01-01&to=2026-12-31', 'to'],
    ['?month=2026-11&from=2026-11-01', 'from'],
    ['?month=2026-11&format=xml', 'format'],
    ['?month=2026-11&lang=fr', 'lang'],
    ['?month=2026-11&regency=metro', 'regency'],
    ['?month=2026-11&month=2026-12', 'month'],
  ])('refuses %s with 400 saying where (%s)', async (query, field) => {
    const res = await national(query, REVIEWER);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain(`"field":"${field}"`);
  });
});
