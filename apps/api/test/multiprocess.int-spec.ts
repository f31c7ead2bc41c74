import { ApiClient, type ApiProcess, createSharedDatabase, SAMPLE_COMPLAINTS, type SharedDatabase, startApi, type TestDatabase } from './api-harness';

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
  await new Promise((r) => setTimeout(r, 1000)); // more sweeps by all three: nothing fires again
  // the cases whose deadline fired, by all three (other regencies' periodic runs opened on Monday have deadlines too)
  // (a batch logs one line naming each of its firings, "deadlines fired"; a firing one by one its own, "deadline fired")
  const fired = three.flatMap((a) =>
    a.logs.flatMap((l) => {
      if (l.includes('"deadline fired"')) return [(JSON.parse(l) as { case: string }).case];
      if (l.includes('"deadlines fired"')) return (JSON.parse(l) as { fired: { case: string }[] }).fired.map((f) => f.case);
      return [];
    }),
  );
  expect(new Set(fired).size).toBe(fired.length); // none fired twice
  const inbox = await reader.request('GET', '/api/cases?pageSize=100', { as: 'lumajang.petugas-operator' });
  expect(inbox.body.items).toHaveLength(40);
  expect(fired.filter((id) => inbox.body.items.some((i: { id: string }) => i.id === id))).toHaveLength(40);
  for (const item of inbox.body.items) {
    const detail = await reader.request('GET', `/api/cases/${item.id}`, { as: 'lumajang.petugas-operator' });
    expect(detail.body.kartuKendali.filter((k: { event: string }) => k.event === 'EXPIRE')).toHaveLength(1);
  }
});
