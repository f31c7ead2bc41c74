import { rmSync } from 'node:fs';
import { ApiClient, copySopsWith, createTestDatabase, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * The national view counts the office's working time to close, not the complainant's (ADR 0010):
 * the fixture citizen-confirms.yaml published as "contoh", where the office answers (3 hari kerja)
 * and the complainant then confirms (puas / tidak puas, 10 hari kerja). The office answers two working
 * hours after filing; the complainant confirms two days later.
 */

const FILED = '2026-11-23T02:00:00Z'; // Monday 09:00 WIB
const ANSWERED = '2026-11-23T04:00:00Z'; // Monday 11:00 WIB: 120 working minutes later
const CONFIRMED = '2026-11-25T02:00:00Z'; // Wednesday 09:00 WIB
const data = { nama: 'Wayan Sudarma', isi: 'Data KK saya belum diperbarui' };

let db: TestDatabase;
let api: ApiProcess | undefined;
let client: ApiClient;
let sopsDir: string;

async function at(clock: string): Promise<void> {
  await api?.stop();
  api = await startApi(db, { SOPS_DIR: sopsDir, SOP_CLOCK_START: clock });
  client = new ApiClient(api.url);
}

beforeAll(async () => {
  sopsDir = copySopsWith({ contoh: 'valid/citizen-confirms.yaml' });
  db = await createTestDatabase();
  await at(FILED);
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'contoh', data } });
  expect(filed.status).toBe(201);
  const { ticket, accessCode } = filed.body;
  await at(ANSWERED);
  const inbox = await client.request('GET', `/api/cases?ticket=${ticket}`, { as: 'contoh.petugas' });
  const item = inbox.body.items[0];
  const answered = await client.request('POST', `/api/cases/${item.id}/events`, { as: 'contoh.petugas', body: { type: 'COMPLETE', version: item.version } });
  expect(answered.status).toBe(200);
  await at(CONFIRMED);
  const seen = await client.request('GET', `/api/public/complaints/${ticket}`);
  const confirmed = await client.request('POST', `/api/public/complaints/${ticket}/events`, {
    body: { type: 'CHOOSE', outcome: 'puas', version: seen.body.version },
    headers: { 'x-access-code': accessCode },
  });
  expect(confirmed.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await db.drop();
  rmSync(sopsDir, { recursive: true, force: true });
});

describe("the national view's time to close", () => {
  it('adds up the office’s hand-overs only: the days the complainant took to confirm are theirs', async () => {
    const res = await client.request('GET', '/api/reports/national?month=2026-11', { as: 'reviewer' });
    expect(res.status).toBe(200);
    const contoh = res.body.rows.find((row: { regency: { id: string } }) => row.regency.id === 'contoh');
    expect(contoh).toMatchObject({ complaints: 1, closed: 1, medianMinutes: 120, p90Minutes: 120 });
    // closed within a day of the office's time, whatever the complainant took
    expect(contoh.withinLapor.map((l: { share: number }) => l.share)).toEqual([1, 1, 1]);
    // the slowest step is the office's
    expect(contoh.slowestStep).toMatchObject({ step: { id: 'jawab' }, medianMinutes: 120 });

    // the kartu kendali keeps every line, the complainant's with its time and its mark
    await api?.stop();
    api = undefined;
    const lines = await db.sql<{ from_step: string; spent_working_minutes: number; citizen_step: boolean }>(
      `SELECT from_step, spent_working_minutes, citizen_step FROM kartu_kendali WHERE from_step IN ('jawab', 'konfirmasi') ORDER BY seq`,
    );
    expect(lines.map((l) => [l.from_step, l.citizen_step])).toEqual([
      ['jawab', false],
      ['konfirmasi', true],
    ]);
    expect(lines[1].spent_working_minutes).toBeGreaterThan(600);
  });
});
