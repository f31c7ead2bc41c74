import {
  afterSweeps,
  ApiClient,
  type ApiProcess,
  createSharedDatabase,
  SAMPLE_COMPLAINTS,
  type SharedDatabase,
  startApi,
  type TestDatabase,
} from './api-harness';

/**
 * Several API processes on one database: every passed deadline fires exactly once. On PostgreSQL
 * (CI) the processes share a fresh database; elsewhere they share an embedded PGlite served by a
 * test-only host process.
 */
let db: SharedDatabase | null = null;
let shared: Record<string, string>;
const apis: ApiProcess[] = [];

beforeAll(async () => {
  db = await createSharedDatabase();
  shared = db.env;
});

afterAll(async () => {
  await Promise.all(apis.map((a) => a.stop()));
  await db?.drop();
});

it('three API processes fire each of many passed deadlines exactly once', async () => {
  const env = (clock: string) => ({ ...shared, SOP_CLOCK_START: clock, SWEEP_INTERVAL_MS: '100' });
  // Monday 23 November 2026, 09:00 WIB: 40 Lumajang complaints wait at the verification (5 menit)
  const first = await startApi({ env: {} } as TestDatabase, env('2026-11-23T02:00:00Z'));
  apis.push(first);
  const client = new ApiClient(first.url);
  const filed = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      client.request('POST', '/api/public/complaints', { body: { sop: 'lumajang', data: { ...SAMPLE_COMPLAINTS.lumajang, isi: `Pengaduan ${i}` } } }),
    ),
  );
  expect(filed.every((r) => r.status === 201)).toBe(true);
  await first.stop();

  // Tuesday: all 40 deadlines have passed; three processes start at once
  const three = await Promise.all([1, 2, 3].map(() => startApi({ env: {} } as TestDatabase, env('2026-11-24T02:00:00Z'))));
  apis.push(...three);
  const reader = new ApiClient(three[0].url);
  const until = Date.now() + 30_000;
  let overdue = 0;
  while (Date.now() < until) {
    const inbox = await reader.request('GET', '/api/cases?overdue=true&pageSize=100', { as: 'lumajang.petugas-operator' });
    overdue = inbox.body.total;
    if (overdue === 40) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(overdue).toBe(40);
  await afterSweeps(three); // two more sweeps by each of the three: nothing may fire again

  // counted in the database: one EXPIRE line on each case's kartu kendali, and no deadline (a case
  // leaving a step whose time ran out) written twice anywhere (other regencies' periodic runs
  // opened on Monday have deadlines too)
  const expired = await db!.sql<{ id: string; expired: number }>(
    `SELECT c.id, count(k.id)::int AS expired FROM cases c LEFT JOIN kartu_kendali k ON k.case_id = c.id AND k.event = 'EXPIRE'
     WHERE c.sop_id = 'lumajang' GROUP BY c.id`,
  );
  expect(expired).toHaveLength(40);
  expect(expired.filter((c) => c.expired !== 1)).toEqual([]);
  const twice = await db!.sql(
    `SELECT case_id, from_step, due_at, count(*)::int AS lines FROM kartu_kendali WHERE event = 'EXPIRE' GROUP BY case_id, from_step, due_at HAVING count(*) > 1`,
  );
  expect(twice).toEqual([]);
  // and the API shows what the database holds
  const inbox = await reader.request('GET', '/api/cases?pageSize=100', { as: 'lumajang.petugas-operator' });
  expect(inbox.body.items.map((i: { id: string }) => i.id).sort()).toEqual(expired.map((c) => c.id).sort());
});
