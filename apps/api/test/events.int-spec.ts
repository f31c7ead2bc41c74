import { ApiClient, createTestDatabase, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db);
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

async function fileMetro(): Promise<{ id: string; ticket: string }> {
  const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data: SAMPLE_COMPLAINTS.metro } });
  expect(filed.status).toBe(201);
  const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: 'metro.petugas' });
  const item = inbox.body.items.find((i: { ticket: string }) => i.ticket === filed.body.ticket);
  return { id: item.id, ticket: filed.body.ticket };
}

const accept = (id: string, version: number, key?: string) =>
  client.request('POST', `/api/cases/${id}/events`, {
    as: 'metro.petugas',
    body: { type: 'CHOOSE', outcome: 'diterima', version },
    headers: key ? { 'Idempotency-Key': key } : {},
  });

describe('events on a case', () => {
  it('answers 409 with the current version when the client saw an older one, and changes nothing', async () => {
    const { id } = await fileMetro();
    expect((await accept(id, 1)).status).toBe(200);
    const stale = await client.request('POST', `/api/cases/${id}/events`, { as: 'metro.petugas', body: { type: 'REJECT', version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentVersion: 2, message: expect.stringContaining('reload') });
    const detail = await client.request('GET', `/api/cases/${id}`, { as: 'metro.petugas' });
    expect(detail.body).toMatchObject({ version: 2, status: 'open', step: { id: 'tim-teknis' } });
    expect(detail.body.kartuKendali).toHaveLength(2);
  });

  it('does not apply a retried request with the same Idempotency-Key twice', async () => {
    const { id } = await fileMetro();
    const first = await accept(id, 1, `retry-${id}`);
    const again = await accept(id, 1, `retry-${id}`);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const detail = await client.request('GET', `/api/cases/${id}`, { as: 'metro.petugas' });
    expect(detail.body.version).toBe(2);
    expect(detail.body.kartuKendali).toHaveLength(2);
  });

  it('applies one of several simultaneous retries of the same request, and answers the others with the same result', async () => {
    const { id } = await fileMetro();
    const replies = await Promise.all(Array.from({ length: 6 }, () => accept(id, 1, `burst-${id}`)));
    expect(replies.map((r) => r.status)).toEqual(Array(6).fill(200));
    for (const r of replies) expect(r.body).toEqual(replies[0].body);
    const detail = await client.request('GET', `/api/cases/${id}`, { as: 'metro.petugas' });
    expect(detail.body.kartuKendali).toHaveLength(2);
  });

  it('refuses the same Idempotency-Key with another request (422, in both languages) instead of replaying the first as its success', async () => {
    const { id } = await fileMetro();
    const key = `other-body-${id}`;
    expect((await accept(id, 1, key)).status).toBe(200);
    const reject = (body: Record<string, unknown>) =>
      client.request('POST', `/api/cases/${id}/events`, { as: 'metro.petugas', body, headers: { 'Idempotency-Key': key } });
    const other = await reject({ type: 'CHOOSE', outcome: 'ditolak', version: 1, note: 'beda' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      code: 'case.idempotency-key-reused',
      message: `the Idempotency-Key "${key}" was already used with another body: send a new key for a new request`,
      messageId: `Idempotency-Key "${key}" sudah dipakai dengan isi permintaan yang lain: kirim kunci baru untuk permintaan baru`,
    });
    // the same request with its keys in another order is the same request: replayed
    const same = await reject({ version: 1, outcome: 'diterima', type: 'CHOOSE' });
    expect(same.status).toBe(200);
    expect(same.headers.get('idempotent-replayed')).toBe('true');
    const detail = await client.request('GET', `/api/cases/${id}`, { as: 'metro.petugas' });
    expect(detail.body).toMatchObject({ version: 2, step: { id: 'tim-teknis' } });
  });

  it('with one Idempotency-Key, of 10 sends of one request and 10 of another at once, applies one and refuses every send of the other', async () => {
    const { id } = await fileMetro();
    const key = `mixed-${id}`;
    const send = (outcome: string) =>
      client.request('POST', `/api/cases/${id}/events`, {
        as: 'metro.petugas',
        body: { type: 'CHOOSE', outcome, version: 1 },
        headers: { 'Idempotency-Key': key },
      });
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => send(i % 2 ? 'ditolak' : 'diterima')));
    const detail = await client.request('GET', `/api/cases/${id}`, { as: 'metro.petugas' });
    expect(detail.body.kartuKendali).toHaveLength(2);
    // the outcome the case took is the one whose sends were all answered 200
    const applied = detail.body.step.id === 'tim-teknis' ? 0 : 1;
    replies.forEach((r, i) => expect({ i, status: r.status }).toEqual({ i, status: i % 2 === applied ? 200 : 422 }));
  });

  it('lets exactly one of several operators acting at once win; the others get 409', async () => {
    const { id } = await fileMetro();
    const replies = await Promise.all(Array.from({ length: 5 }, () => accept(id, 1)));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(4);
    const detail = await client.request('GET', `/api/cases/${id}`, { as: 'metro.petugas' });
    expect(detail.body.version).toBe(2);
    expect(detail.body.kartuKendali).toHaveLength(2);
  });

  it('answers 422 naming what the step accepts when the event does not fit', async () => {
    const { id } = await fileMetro();
    const wrong = await client.request('POST', `/api/cases/${id}/events`, { as: 'metro.petugas', body: { type: 'COMPLETE', version: 1 } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.message).toContain('CHOOSE "diterima"');
    expect(wrong.body.allowedEvents.map((e: { outcome: string }) => e.outcome)).toEqual(['diterima', 'ditolak']);
    const unknownOutcome = await client.request('POST', `/api/cases/${id}/events`, {
      as: 'metro.petugas',
      body: { type: 'CHOOSE', outcome: 'selesai', version: 1 },
    });
    expect(unknownOutcome.status).toBe(422);
  });

  it('loses nothing when many complaints and events arrive at once', async () => {
    const filed = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        client.request('POST', '/api/public/complaints', {
          body: { sop: 'brebes', data: { ...SAMPLE_COMPLAINTS.brebes, isi: `Pengaduan serentak nomor ${i}` } },
        }),
      ),
    );
    expect(filed.map((r) => r.status)).toEqual(Array(24).fill(201));
    expect(new Set(filed.map((r) => r.body.ticket)).size).toBe(24);
    const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: 'brebes.admin' });
    const mine = inbox.body.items.filter((i: { ticket: string }) => filed.some((f) => f.body.ticket === i.ticket));
    expect(mine).toHaveLength(24);
    const moved = await Promise.all(
      mine.map((item: { id: string; version: number }) =>
        client.request('POST', `/api/cases/${item.id}/events`, {
          as: 'brebes.admin',
          body: { type: 'CHOOSE', outcome: 'selesai-dijawab', version: item.version },
        }),
      ),
    );
    expect(moved.map((r) => r.status)).toEqual(Array(24).fill(200));
    for (const item of mine) {
      const detail = await client.request('GET', `/api/cases/${item.id}`, { as: 'brebes.admin' });
      // answered directly: the case is done (the recap of row 5 is Brebes' daily run, not a step of each case)
      expect(detail.body).toMatchObject({ version: 2, status: 'done', step: { id: 'selesai' } });
      expect(detail.body.kartuKendali).toHaveLength(2);
    }
  });
});
