import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ApiClient, createTestDatabase, ROOT, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * One failure in the database must not stop the events after it (issue 9, item 2). The event path
 * runs named prepared statements on the driver's pool; the pool used to close its connection on any
 * error, and on the embedded database the new connection met PGlite's one session, which still
 * held the old connection's statements: "prepared statement case_for_event already exists", for
 * every event until a restart. Run on PGlite by default and on PostgreSQL with DATABASE_URL.
 */

type Step = { rows?: unknown[]; code?: string | null; message?: string };

/** Runs test/prepared-statements-probe.js on a fresh database and returns what each step answered. */
function probe(db: TestDatabase): Promise<Record<string, Step>> {
  const target = db.url ?? `embedded:${db.env.DATA_DIR}`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'prepared-statements-probe.js'), target], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`the probe exited with ${code}: ${err || out}`));
      }
    });
  });
}

describe('named prepared statements (Database.prepared), through the built code', () => {
  let db: TestDatabase;
  let steps: Record<string, Step>;

  beforeAll(async () => {
    db = await createTestDatabase();
    steps = await probe(db);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('a statement the database refused (a NUL in a parameter) runs again, and so does a new one', () => {
    expect(steps['select']).toEqual({ rows: [{ v: 'a' }] });
    expect(steps['select NUL']).toMatchObject({ code: '22021' });
    expect(steps['new statement NUL']).toMatchObject({ code: '22021' });
    expect(steps['select after NUL']).toEqual({ rows: [{ v: 'b' }] });
    expect(steps['new statement after NUL']).toEqual({ rows: [{ w: 'c' }] });
  });

  it('a write refused by a constraint leaves the statement in use', () => {
    expect(steps['insert']).toEqual({ rows: [{ k: 'k1' }] });
    expect(steps['insert duplicate']).toMatchObject({ code: '23505' });
    expect(steps['insert after duplicate']).toEqual({ rows: [{ k: 'k2' }] });
  });

  it('after the pool replaces its connection, the statements run again (the session may outlive the connection)', () => {
    expect(steps['select on a new connection']).toEqual({ rows: [{ v: 'f' }] });
    expect(steps['insert on a new connection']).toEqual({ rows: [{ k: 'k3' }] });
    expect(steps['select after two more']).toEqual({ rows: [{ v: 'g' }] });
  });

  it('thirty at once, one in three refused: the others answer, and so does the next', () => {
    expect(steps['many at once']).toEqual({ rows: [{ fulfilled: 20, rejected: 10 }] });
    expect(steps['select after many']).toEqual({ rows: [{ v: 'h' }] });
  });

  it('statements the session dropped behind the driver are run unnamed instead of failing', () => {
    expect(steps['select after DEALLOCATE ALL']).toEqual({ rows: [{ v: 'i' }] });
    expect(steps['insert after DEALLOCATE ALL']).toEqual({ rows: [{ k: 'k4' }] });
  });
});

async function fileMetro(client: ApiClient, count: number): Promise<string[]> {
  const filed = await Promise.all(
    Array.from({ length: count }, () => client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data: SAMPLE_COMPLAINTS.metro } })),
  );
  expect(filed.map((f) => f.status)).toEqual(Array(count).fill(201));
  const inbox = await client.request('GET', '/api/cases?pageSize=100', { as: 'metro.petugas' });
  return filed.map((f) => inbox.body.items.find((i: { ticket: string }) => i.ticket === f.body.ticket).id);
}

const accept = (client: ApiClient, id: string, key?: string) =>
  client.request('POST', `/api/cases/${id}/events`, {
    as: 'metro.petugas',
    body: { type: 'CHOOSE', outcome: 'diterima', version: 1 },
    headers: key ? { 'Idempotency-Key': key } : {},
  });

describe('events over HTTP after a failure in the database', () => {
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

  it('two events at once with one Idempotency-Key on two cases: one moves its case, the other is 422 naming the key, and the events after them answer 200', async () => {
    for (let round = 0; round < 3; round++) {
      const [a, b] = await fileMetro(client, 2);
      const key = `shared-${round}-${a}`;
      const replies = await Promise.all([accept(client, a, key), accept(client, b, key)]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 422]);
      const refused = replies.find((r) => r.status === 422)!;
      expect(refused.body).toMatchObject({
        statusCode: 422,
        message: `the Idempotency-Key "${key}" was already used for another case: send a new key for a new request`,
      });
      // the refused event changed nothing: its one statement was rolled back as a whole
      const versions = await Promise.all([a, b].map(async (id) => (await client.request('GET', `/api/cases/${id}`, { as: 'metro.petugas' })).body));
      expect(versions.map((v) => [v.version, v.kartuKendali.length]).sort()).toEqual([
        [1, 1],
        [2, 2],
      ]);
      const [next] = await fileMetro(client, 1);
      expect((await accept(client, next)).status).toBe(200);
    }
  });

  it('the server logged no unhandled error', () => {
    expect(api.logs.filter((l) => l.includes('unhandled error'))).toEqual([]);
    expect(api.logs.filter((l) => l.includes('already exists'))).toEqual([]);
  });
});

describe('fresh starts', () => {
  it('the first events right after each of three fresh starts answer 200', async () => {
    for (let start = 0; start < 3; start++) {
      const db = await createTestDatabase();
      const api = await startApi(db, { SWEEP_INTERVAL_MS: '100' });
      try {
        const client = new ApiClient(api.url);
        const ids = await fileMetro(client, 3);
        const replies = await Promise.all([...ids.map((id) => accept(client, id)), client.request('GET', '/api/health')]);
        expect({ start, statuses: replies.map((r) => r.status) }).toEqual({ start, statuses: [200, 200, 200, 200] });
        expect(api.logs.filter((l) => l.includes('unhandled error'))).toEqual([]);
      } finally {
        await api.stop();
        await db.drop();
      }
    }
  });
});
