import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, copySops, createTestDatabase, startApi, startApiExpectingFailureWithin, type ApiProcess, type TestDatabase } from './api-harness';
import { seedIds } from '../../../libs/sop-model/src/__fixtures__/seeds';

/**
 * Start-up: SOP files that cannot be published, versions made from changed files, health and API
 * documentation, and the configurations the process refuses to start with.
 */

const SOP_IDS = seedIds();
const SECRET_40 = 'k3Jd9sPq2XvL7wZt4NmB8cYh6RfG1aUe5TiO0sDx';

let db: TestDatabase;
let sopsDir: string;
let api: ApiProcess | null = null;
let client: ApiClient;

/** Where broken.yaml's error is: a step of Metro's SOP put in a lane the SOP does not declare. */
let brokenAt: { line: number; column: number };

/** Starts the API expecting it to exit; one that starts anyway is killed and fails the test. */
async function startExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; logs: string }> {
  const res = await startApiExpectingFailureWithin(db, { SOPS_DIR: sopsDir, ...env }, 30_000);
  expect({ startedAnyway: res.timedOut, listening: /listening on/.test(res.logs) }).toEqual({ startedAnyway: false, listening: false });
  return res;
}

async function start(): Promise<ApiProcess> {
  api = await startApi(db, { SOPS_DIR: sopsDir });
  client = new ApiClient(api.url);
  return api;
}

async function stop(): Promise<void> {
  await api?.stop();
  api = null;
}

/** The log lines (pino writes one JSON object a line), parsed; a line that is not JSON as { text }. */
function parseLogs(lines: string[]): Record<string, any>[] {
  return lines
    .filter((l) => l.trim())
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, any>;
      } catch {
        return { text: l };
      }
    });
}

/** The messages of the log lines: each line's msg and the message of its error, if any. */
const messagesOf = (lines: string[]) => parseLogs(lines).flatMap((l) => [l.msg, l.err?.message, l.text].filter((m): m is string => typeof m === 'string'));

const versionsOf = async (id: string) =>
  ((await client.request('GET', `/api/sops/${id}/versions`)).body.versions as { version: number }[]).map((v) => v.version);

beforeAll(async () => {
  expect(SECRET_40).toHaveLength(40);
  db = await createTestDatabase();
  sopsDir = copySops();
  const metro = readFileSync(join(sopsDir, 'metro.yaml'), 'utf8');
  const broken = metro.replace(/^(\s+lane: )petugas\b/m, '$1lane-yang-tidak-ada');
  expect(broken).not.toBe(metro);
  const lines = broken.split('\n');
  const index = lines.findIndex((l) => l.includes('lane-yang-tidak-ada'));
  brokenAt = { line: index + 1, column: lines[index].indexOf('lane-yang-tidak-ada') + 1 };
  writeFileSync(join(sopsDir, 'broken.yaml'), broken);
  writeFileSync(join(sopsDir, 'Bad Name.yaml'), metro);
  await start();
});

afterAll(async () => {
  await stop();
  await db?.drop();
  if (sopsDir) rmSync(sopsDir, { recursive: true, force: true });
});

describe('SOP files that cannot be published', () => {
  it('do not stop the server: GET /api/sops lists every valid SOP (every seed among them) and reports the rejected files with located issues', async () => {
    const res = await client.request('GET', '/api/sops');
    expect(res.status).toBe(200);
    const listed: string[] = res.body.sops.map((s: { id: string }) => s.id);
    expect(listed).toEqual(expect.arrayContaining(SOP_IDS));
    expect(listed).not.toContain('broken');
    expect(res.body.sops.every((s: { version: number }) => s.version === 1)).toBe(true);
    const rejected = res.body.rejected as {
      file: string;
      sopId: string;
      issues: { severity: string; line: number; column: number; message: string; file: string }[];
    }[];
    expect(rejected.map((r) => r.file).sort()).toEqual(['Bad Name.yaml', 'broken.yaml']);
    const broken = rejected.find((r) => r.file === 'broken.yaml')!;
    expect(broken.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'sops/broken.yaml',
        line: brokenAt.line,
        column: brokenAt.column,
        message: expect.stringContaining('"lane-yang-tidak-ada" is not declared'),
      }),
    ]);
    const badName = rejected.find((r) => r.file === 'Bad Name.yaml')!;
    expect(badName.issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'file-name', line: 1, column: 1, message: expect.stringContaining('not a valid SOP id') }),
    ]);
    // neither became an SOP
    expect((await client.request('GET', '/api/sops/broken')).status).toBe(404);
  });

  it('are reported in the logs with file, line and column', () => {
    const logs = parseLogs(api!.logs);
    const errors = logs.filter((l) => l.level >= 50).map((l) => l.msg);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`SOP not published: sops/broken.yaml:${brokenAt.line}:${brokenAt.column}: error: lane "lane-yang-tidak-ada" is not declared`),
        expect.stringContaining('SOP not published: sops/Bad Name.yaml:1:1: error: the file name "Bad Name.yaml" is not a valid SOP id'),
      ]),
    );
    // and the valid ones were published
    const ready = logs.filter((l) => l.msg === 'SOP ready').map((l) => `${l.sop} v${l.version}`);
    expect(ready).toEqual(expect.arrayContaining(SOP_IDS.map((id) => `${id} v1`)));
    expect(ready.filter((r) => !r.endsWith(' v1'))).toEqual([]);
  });
});

describe('the service', () => {
  it('GET /api/health reports the database and its kind', async () => {
    const res = await client.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      database: { status: 'ok', kind: db.kind, latencyMs: expect.any(Number) },
      calendar: { status: expect.stringMatching(/^(ok|degraded)$/), today: expect.any(String) },
    });
    // on the real clock: degraded exactly when the official holiday lists end within 90 days (holidays.int-spec pins the clock)
    expect(res.body.status).toBe(res.body.calendar.status === 'ok' && res.body.deadlines.status === 'ok' ? 'ok' : 'degraded');
  });

  it('GET /api/openapi.json is an OpenAPI 3 document listing the case events and public complaints', async () => {
    const res = await client.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(res.body.paths['/api/cases/{id}/events']).toHaveProperty('post');
    expect(res.body.paths['/api/public/complaints']).toHaveProperty('post');
    expect(res.body.paths['/api/public/complaints/{ticket}']).toHaveProperty('get');
    expect(res.body.components.securitySchemes).toHaveProperty('bearer');
  });

  it('/api/docs serves the documentation as HTML', async () => {
    const res = await fetch(`${api!.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<html/i);
    expect(html).toMatch(/swagger/i);
  });
});

describe('restarting on the same database', () => {
  it('makes no new version when the SOP files are unchanged', async () => {
    await stop();
    await start();
    for (const id of SOP_IDS) expect({ id, versions: await versionsOf(id) }).toEqual({ id, versions: [1] });
  });

  it('makes a new version of a changed SOP file, and only of it', async () => {
    const file = join(sopsDir, 'lumajang.yaml');
    const original = readFileSync(file, 'utf8');
    const changed = original.replace(/^(\s+waktu: )(.+)$/m, '$1"2 Jam"');
    expect(changed).not.toBe(original);
    writeFileSync(file, changed);
    await stop();
    await start();
    expect(await versionsOf('lumajang')).toEqual([2, 1]);
    const latest = await client.request('GET', '/api/sops/lumajang');
    expect(latest.body).toMatchObject({ version: 2, changeNote: 'loaded from sops/lumajang.yaml', yaml: changed });
    for (const id of SOP_IDS.filter((x) => x !== 'lumajang')) expect({ id, versions: await versionsOf(id) }).toEqual({ id, versions: [1] });

    // restarting again with the changed file as it is: still two versions
    await stop();
    await start();
    expect(await versionsOf('lumajang')).toEqual([2, 1]);
  });
});

describe('configurations the process refuses', () => {
  beforeAll(async () => {
    // the embedded database has one session: the refused starts below must not meet a running API
    await stop();
  });

  it('NODE_ENV=production without AUTH_SECRET (or with a short one) exits non-zero naming AUTH_SECRET', async () => {
    const none = await startExpectingFailure({ NODE_ENV: 'production' });
    expect(none.code).not.toBe(0);
    expect(none.code).not.toBeNull();
    expect(messagesOf(none.logs.split('\n'))).toContain('NODE_ENV=production needs AUTH_SECRET set to a random secret of at least 32 characters');
    const short = await startExpectingFailure({ NODE_ENV: 'production', AUTH_SECRET: 'too-short-secret' });
    expect(short.code).not.toBe(0);
    expect(messagesOf(short.logs.split('\n')).join('\n')).toContain('needs AUTH_SECRET');
  });

  it('NODE_ENV=production on a database with seeded demo accounts refuses to start, naming the accounts with the default password', async () => {
    const res = await startExpectingFailure({ NODE_ENV: 'production', AUTH_SECRET: SECRET_40, DATA_KEY: 'cd'.repeat(32) });
    expect(res.code).not.toBe(0);
    expect(res.code).not.toBeNull();
    const refusal = messagesOf(res.logs.split('\n')).find((m) => m.startsWith('refusing to start in production'));
    expect(refusal).toMatch(/^refusing to start in production: demo accounts still have the default password: /);
    const named = refusal!.replace(/^.*default password: /, '').split(', ');
    expect(named).toEqual(expect.arrayContaining(['metro.petugas', 'buleleng.staf-kerjasama', 'pekanbaru.fo-operator', 'lumajang.penyusun', 'reviewer']));
  });

  it.each([
    ['PORT', 'abc', 'PORT="abc" is not valid: write a whole number from 0 to 65535'],
    ['PORT', '70000', 'PORT="70000" is not valid: write a whole number from 0 to 65535'],
    ['PORT', '-1', 'PORT="-1" is not valid'],
    ['PORT', '1e3', 'PORT="1e3" is not valid'],
    ['PORT', '0x50', 'PORT="0x50" is not valid'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL="loud" is not valid: write debug, info, warn or error'],
    ['SOP_CLOCK_START', 'yesterday', 'SOP_CLOCK_START="yesterday" is not an ISO 8601 instant'],
  ])('%s=%s exits non-zero with a clear message', async (name, value, message) => {
    const res = await startExpectingFailure({ [name]: value });
    expect(res.code).toBe(1);
    expect(messagesOf(res.logs.split('\n'))).toEqual([expect.stringContaining(message)]);
    // one structured log line, no stack trace
    expect(res.logs).not.toMatch(/\n\s+at /);
    expect(
      res.logs
        .trim()
        .split('\n')
        .every((line) => line.startsWith('{')),
    ).toBe(true);
  });

  it('still starts afterwards with a good configuration, on the same data', async () => {
    await start();
    expect(await versionsOf('lumajang')).toEqual([2, 1]);
    expect((await client.request('GET', '/api/health')).body.database.status).toBe('ok');
  });
});
