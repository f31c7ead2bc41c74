import { ReportsRepository } from '../src/reports/reports.repository';
import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * What the national view counts as an escalation: the hand-overs that took a complaint one level up,
 * as the case engine marks them on the kartu kendali (migration 1767100000000). Metro's ladder, on a
 * Tuesday in November, 09:00 WIB: one complaint the technical team cannot settle ("tidak
 * terselesaikan", an outcome of kind escalation) and the Kasi escalates; one settled at once.
 */

const NOVEMBER = '2026-11-10T09:00:00+07:00';
const REVIEWER = 'reviewer';

let db: TestDatabase;
let api: ApiProcess | undefined;
let client: ApiClient;

async function file(): Promise<string> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data: SAMPLE_COMPLAINTS.metro } });
  // the refusal's body, should there be one, is in the failure's message
  expect({ status: filed.status, refusal: filed.status === 201 ? null : filed.body }).toEqual({ status: 201, refusal: null });
  const inbox = await client.request('GET', `/api/cases?ticket=${filed.body.ticket}`, { as: 'metro.petugas' });
  return inbox.body.items[0].id;
}

async function send(id: string, as: string, body: Record<string, unknown>): Promise<void> {
  const { body: c } = await client.request('GET', `/api/cases/${id}`, { as });
  const moved = await client.request('POST', `/api/cases/${id}/events`, { as, body: { ...body, version: c.version } });
  expect(moved.status).toBe(200);
}

const metroFigures = async () => {
  const res = await client.request('GET', '/api/reports/national?month=2026-11', { as: REVIEWER });
  expect(res.status).toBe(200);
  return res.body.rows.find((row: { regency: { id: string } }) => row.regency.id === 'metro');
};

let laddered: string;

async function startAt(clock: string): Promise<void> {
  api = await startApi(db, { SOP_CLOCK_START: new Date(clock).toISOString() });
  client = new ApiClient(api.url);
}

async function stopApi(): Promise<void> {
  await api?.stop();
  api = undefined;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await startAt(NOVEMBER);
  laddered = await file();
  await send(laddered, 'metro.petugas', { type: 'CHOOSE', outcome: 'diterima' });
  await send(laddered, 'metro.petugas', { type: 'CHOOSE', outcome: 'tidak-terselesaikan', note: 'Perlu keputusan Kasi' });
  await send(laddered, 'metro.kasi', { type: 'ESCALATE', note: 'Diteruskan ke Kabid' });
  await send(laddered, 'metro.kabid', { type: 'CHOOSE', outcome: 'selesai' });
  const settled = await file();
  await send(settled, 'metro.petugas', { type: 'CHOOSE', outcome: 'diterima' });
  await send(settled, 'metro.petugas', { type: 'CHOOSE', outcome: 'selesai' });
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await db.drop();
});

describe('escalations in the national view', () => {
  it('counts an outcome of kind escalation and an officer’s escalation, each once, and nothing for a complaint settled at once', async () => {
    expect(await metroFigures()).toMatchObject({ complaints: 2, closed: 2, escalations: 2, escalatedComplaints: 1 });
    await stopApi();
    const lines = await db.sql<{ event: string; outcome: string | null; escalation: boolean | null }>(
      `SELECT event, outcome, escalation FROM kartu_kendali WHERE case_id = $1 ORDER BY seq`,
      [laddered],
    );
    expect(lines.map((l) => [l.event, l.outcome, l.escalation])).toEqual([
      ['START', null, false],
      ['CHOOSE', 'diterima', false],
      ['CHOOSE', 'tidak-terselesaikan', true],
      ['ESCALATE', null, true],
      ['CHOOSE', 'selesai', false],
    ]);
  });

  it('reads a line written before the mark by its event, and a marked one by its mark alone, the same from the rollups and line by line', async () => {
    await startAt(NOVEMBER);
    const third = await file();
    // the embedded database is written by one process at a time: the API is stopped meanwhile
    await stopApi();
    const [{ version }] = await db.sql<{ version: number }>('SELECT version FROM cases WHERE id = $1', [third]);
    const line = `INSERT INTO kartu_kendali (case_id, seq, event, outcome, from_step, from_lane, to_step, to_lane, received_at, handed_over_at, officer_name, sop_id, escalation)
                  VALUES ($1, $2, 'EXPIRE', NULL, 'kasi-periksa', 'kasi', 'kabid-periksa', 'kabid', now(), now(), 'sistem', 'metro', $3)`;
    // a passed deadline that moved the case, written before the runtime marked escalations: counted by its event
    await db.sql(line, [third, version + 1, null]);
    // the same move marked as no escalation (a citizen's silence settling a step): not counted
    await db.sql(line, [third, version + 2, false]);
    const repo = new ReportsRepository({ query: (sql: string, params?: unknown[]) => db.sql(sql, params) } as never, null as never);
    const regencies = [{ sopId: 'metro', start: new Date('2026-11-01T00:00:00+07:00'), end: new Date('2026-12-01T00:00:00+07:00'), limitMinutes: 60 }];
    const [rolledUp] = await repo.nationalFiguresRolledUp(regencies, new Date(NOVEMBER));
    expect(rolledUp).toMatchObject({ escalations: 3, escalated: 2 });
    expect(await repo.nationalFigures(regencies, new Date(NOVEMBER))).toEqual([rolledUp]);
    await startAt(NOVEMBER);
    expect(await metroFigures()).toMatchObject({ complaints: 3, escalations: 3, escalatedComplaints: 2 });
  });
});
