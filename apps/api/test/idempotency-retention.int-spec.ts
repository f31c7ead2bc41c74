import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type TestDatabase } from './api-harness';

/** Idempotency keys are kept for 7 days (README), then removed by the work loop. */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

it('answers a retry within 7 days from the record, and forgets the key after', async () => {
  // Monday 2 March 2026, 09:00 WIB
  const first = await startApi(db, { SOP_CLOCK_START: '2026-03-02T02:00:00Z' });
  let client = new ApiClient(first.url);
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data: SAMPLE_COMPLAINTS.metro } });
  const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: 'metro.petugas' });
  const id = inbox.body.items.find((i: { ticket: string }) => i.ticket === filed.body.ticket).id;
  const send = () =>
    client.request('POST', `/api/cases/${id}/events`, {
      as: 'metro.petugas',
      body: { type: 'CHOOSE', outcome: 'diterima', version: 1 },
      headers: { 'Idempotency-Key': 'terima-1' },
    });
  expect((await send()).status).toBe(200);
  await first.stop();

  // six days later the retry is still answered from the record
  const sixDays = await startApi(db, { SOP_CLOCK_START: '2026-03-08T02:00:00Z' });
  client = new ApiClient(sixDays.url);
  const replay = await send();
  expect(replay.status).toBe(200);
  expect(replay.headers.get('idempotent-replayed')).toBe('true');
  await sixDays.stop();
  expect(await db.sql('SELECT key FROM idempotency_keys')).toEqual([{ key: 'terima-1' }]);

  // eight days later the key is gone: the same request is a new one, and the case has moved on
  const eightDays = await startApi(db, { SOP_CLOCK_START: '2026-03-10T02:00:00Z' });
  client = new ApiClient(eightDays.url);
  const until = Date.now() + 10_000;
  while (!eightDays.logs.some((l) => l.includes('expired idempotency keys removed')) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  const fresh = await send();
  expect(fresh.status).toBe(409);
  await eightDays.stop();
  expect(await db.sql('SELECT key FROM idempotency_keys')).toEqual([]);
});
