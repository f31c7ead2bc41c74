import { spawn } from 'node:child_process';
import { ApiClient, createTestDatabase, DEMO_PASSWORD, ROOT, SAMPLE_COMPLAINTS, startApi, type ApiProcess, type Reply, type TestDatabase } from './api-harness';

/**
 * Issue 9, "Rate limits and abuse": log-in guesses per address and per username (a lockout kept in
 * the database), ticket guessing and complaint filing per address, and the rest of the API answering
 * during a flood. The test's requests come from 127.0.0.1; with TRUST_PROXY=loopback the API believes
 * their X-Forwarded-For, which stands for the client addresses of a real proxy.
 */

const LIMITS = {
  TRUST_PROXY: 'loopback',
  LOGIN_IP_LIMIT: '8',
  LOGIN_IP_WINDOW_SECONDS: '600',
  LOGIN_LOCKOUT_AFTER: '3',
  LOGIN_LOCKOUT_SECONDS: '60',
  LOGIN_LOCKOUT_MAX_SECONDS: '3600',
  TICKET_LOOKUP_LIMIT: '20',
  TICKET_LOOKUP_WINDOW_SECONDS: '600',
  TICKET_MISS_LIMIT: '5',
  TICKET_MISS_WINDOW_SECONDS: '600',
  COMPLAINT_IP_LIMIT: '3',
  COMPLAINT_IP_WINDOW_SECONDS: '600',
  // one SOP check at a time and none waiting: a second publication meanwhile is refused
  SOP_CHECK_QUEUE: '0',
};

let db: TestDatabase;
let api: ApiProcess;
let client: ApiClient;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApi(db, LIMITS);
  client = new ApiClient(api.url);
});

afterAll(async () => {
  await api?.stop();
  await db?.drop();
});

const from = (ip: string) => ({ 'x-forwarded-for': ip });
const login = (username: string, password: string, ip?: string) =>
  client.request('POST', '/api/auth/login', { body: { username, password }, headers: ip ? from(ip) : {} });
const lookup = (ticket: string, ip: string) => client.request('GET', `/api/public/complaints/${ticket}`, { headers: from(ip) });
const file = (ip: string, data: Record<string, string> = SAMPLE_COMPLAINTS.metro) =>
  client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data }, headers: from(ip) });

/** A 429 as every limit answers it: Retry-After in whole seconds, and the same in the JSON body. */
function expectTooMany(res: Reply, message: RegExp, maxSeconds: number): number {
  expect(res.status).toBe(429);
  const header = res.headers.get('retry-after');
  expect(header).toMatch(/^\d+$/);
  const seconds = Number(header);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(maxSeconds);
  expect(res.body).toEqual({
    statusCode: 429,
    code: 'too-many-requests',
    error: 'Too Many Requests',
    message: expect.stringMatching(message),
    messageId: expect.any(String),
    retryAfterSeconds: seconds,
  });
  return seconds;
}

/** A ticket of the right shape that no complaint has (odds of a real one: 1 in 32^5). */
const missing = (n: number) => `MET-ZZZZZ${n % 10}`;

/** A lock's answer without its wait, which is all that may differ between two names. */
const withoutWait = (body: { message: string; messageId: string }) => ({
  ...body,
  retryAfterSeconds: 0,
  message: body.message.replace(/\d+ (s|min|h)( \d+ min)?/, ''),
  messageId: body.messageId.replace(/\d+ (detik|menit|jam)( \d+ menit)?/, ''),
});

describe('publications while the SOP checker is busy', () => {
  it('one is checked; one sent meanwhile, past the queue, is refused at once with 503 and Retry-After in both languages', async () => {
    const token = (await login('metro.penyusun', DEMO_PASSWORD, '10.9.0.1')).body.token as string;
    const publish = (yaml: string) =>
      client.request('POST', '/api/sops/metro/versions', {
        body: { yaml, changeNote: 'uji' },
        headers: { authorization: `Bearer ${token}`, ...from('10.9.0.1') },
      });
    // a text that keeps the thread busy for a second or more (each key an issue)
    const slow = Array.from({ length: 40_000 }, (_, i) => `k${i}: 1`).join('\n') + '\n';
    const checked = publish(slow);
    await new Promise((r) => setTimeout(r, 300));
    const refused = await publish('schemaVersion: 1\n');
    expect(refused.status).toBe(503);
    const header = refused.headers.get('retry-after');
    expect(header).toMatch(/^\d+$/);
    const seconds = Number(header);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(refused.body).toEqual({
      statusCode: 503,
      code: 'internal',
      error: 'Service Unavailable',
      message: `the server is busy checking other SOPs: try again in ${seconds} s (nothing was published)`,
      messageId: `server sedang sibuk memeriksa SOP lain: coba lagi dalam ${seconds} detik; SOP belum diterbitkan`,
      retryAfterSeconds: seconds,
    });
    expect((await checked).status).toBe(422);
    // the thread is free again: the next publication is checked
    expect((await publish('schemaVersion: 1\n')).status).toBe(422);
  });
});

describe('log-in guesses from one address', () => {
  it('get 429 with Retry-After past the limit (failed log-ins only), whatever username they try; other addresses log in', async () => {
    for (let i = 0; i < 8; i++) expect((await login(`spray.${i}`, 'tebakan', '10.0.0.1')).status).toBe(401);
    expectTooMany(await login('spray.8', 'tebakan', '10.0.0.1'), /^too many failed log-ins from your address: try again in \d+ min$/, 600);
    // the address is held back even with a right password; another address is not
    expect((await login('metro.petugas', DEMO_PASSWORD, '10.0.0.1')).status).toBe(429);
    expect((await login('metro.petugas', DEMO_PASSWORD, '10.0.0.2')).status).toBe(200);
  });

  it('do not count successful log-ins: an office behind one address logs in all day', async () => {
    for (let i = 0; i < 12; i++) expect((await login('metro.petugas', DEMO_PASSWORD, '10.0.1.1')).status).toBe(200);
    expect((await login('metro.petugas', 'salah', '10.0.1.1')).status).toBe(401);
  });
});

describe('a username', () => {
  it('is locked after repeated failures, even from different addresses; the right password is then refused, with the answer a name without an account gets', async () => {
    for (const ip of ['10.1.0.1', '10.1.0.2', '10.1.0.3']) {
      const res = await login('metro.kasi', 'bukan-sandinya', ip);
      expect(res).toMatchObject({ status: 401, body: { message: 'wrong username or password' } });
    }
    const locked = await login('metro.kasi', DEMO_PASSWORD, '10.1.0.4');
    const seconds = expectTooMany(
      locked,
      /^too many failed log-ins for this username: it is locked for \d+ (s|min); try again then, or ask an administrator to lift the lock$/,
      60,
    );

    for (const ip of ['10.1.1.1', '10.1.1.2', '10.1.1.3']) expect((await login('tidak.ada', 'bukan-sandinya', ip)).status).toBe(401);
    const unknown = await login('tidak.ada', DEMO_PASSWORD, '10.1.1.4');
    expectTooMany(unknown, /for this username/, 60);
    // nothing in the answer tells the two apart but the seconds left
    expect(withoutWait(unknown.body)).toEqual(withoutWait(locked.body));
    expect(Math.abs(Number(unknown.headers.get('retry-after')) - seconds)).toBeLessThanOrEqual(5);
    // the lock is the username's: another account logs in from the same address
    expect((await login('metro.kabid', DEMO_PASSWORD, '10.1.0.4')).status).toBe(200);
  });

  it('is not locked by failures that a success came between', async () => {
    for (let round = 0; round < 3; round++) {
      expect((await login('metro.sekretaris', 'salah', `10.1.2.${round}`)).status).toBe(401);
      expect((await login('metro.sekretaris', 'salah', `10.1.3.${round}`)).status).toBe(401);
      expect((await login('metro.sekretaris', DEMO_PASSWORD, `10.1.4.${round}`)).status).toBe(200);
    }
  });

  it('is locked by guesses sent at the same moment as by guesses one after another', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login('metro.kepala-dinas', `tebakan-${i}`, `10.1.5.${i}`)));
    const statuses = answers.map((r) => r.status).sort();
    // three were checked (and wrong), the rest refused unchecked
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });
});

describe('ticket look-ups from one address', () => {
  let ticket: string;
  beforeAll(async () => {
    const filed = await client.request('POST', '/api/public/complaints', { body: { sop: 'metro', data: SAMPLE_COMPLAINTS.metro }, headers: from('10.2.9.9') });
    expect(filed.status).toBe(201);
    ticket = filed.body.ticket;
  });

  it('get 429 after a few tickets that match nothing, even for a real ticket then; other addresses look theirs up', async () => {
    for (let i = 0; i < 5; i++) expect((await lookup(missing(i), '10.2.0.1')).status).toBe(404);
    expectTooMany(await lookup(missing(5), '10.2.0.1'), /matched no complaint: check the number on your receipt and try again in \d+ min$/, 600);
    expect((await lookup(ticket, '10.2.0.1')).status).toBe(429);
    expect((await lookup(ticket, '10.2.0.2')).status).toBe(200);
  });

  it('get 429 past the limit of look-ups, found or not', async () => {
    for (let i = 0; i < 20; i++) expect((await lookup(ticket, '10.2.1.1')).status).toBe(200);
    expectTooMany(await lookup(ticket, '10.2.1.1'), /^too many ticket look-ups from your address/, 600);
  });
});

describe('complaints filed from one address', () => {
  it('get 429 with Retry-After past the limit; a form sent back for corrections does not count; other addresses file', async () => {
    expect((await file('10.3.0.1', { nama: 'Siti' })).status).toBe(400);
    for (let i = 0; i < 3; i++) expect((await file('10.3.0.1')).status).toBe(201);
    expectTooMany(await file('10.3.0.1'), /^too many complaints were filed from your address: try again in \d+ min/, 600);
    expect((await file('10.3.0.2')).status).toBe(201);
  });
});

describe('during a flood of log-in guesses', () => {
  it('the rest of the API answers other addresses as usual', async () => {
    const token = await client.token('metro.petugas');
    const flood = (async () => {
      const statuses: number[] = [];
      for (let batch = 0; batch < 10; batch++) {
        const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(`flood.${batch}.${i}`, 'tebakan', '10.4.0.1')));
        statuses.push(...answers.map((r) => r.status));
      }
      return statuses;
    })();
    const others: string[] = [];
    for (let i = 0; i < 10; i++) {
      others.push(`inbox ${(await client.request('GET', '/api/cases', { headers: { authorization: `Bearer ${token}`, ...from('10.4.0.2') } })).status}`);
      others.push(`sops ${(await client.request('GET', '/api/sops', { headers: from('10.4.0.3') })).status}`);
    }
    others.push(`wrong password ${(await login('metro.petugas', 'salah', '10.4.0.4')).status}`);
    others.push(`login ${(await login('metro.petugas', DEMO_PASSWORD, '10.4.0.5')).status}`);
    const statuses = await flood;
    expect(others).toEqual([...Array.from({ length: 10 }, () => ['inbox 200', 'sops 200']).flat(), 'wrong password 401', 'login 200']);
    expect(statuses.filter((s) => s === 401)).toHaveLength(8);
    expect(statuses.filter((s) => s === 429)).toHaveLength(192);
  });
});

/** Runs LoginThrottle (the built one) on the test's database in a child process, as the administrators' API would. */
function throttle(calls: Array<['status' | 'lift', string]>): Promise<unknown[]> {
  const script = `
    const { Database } = require('./apps/api/dist/database/database');
    const { LoginThrottle } = require('./apps/api/dist/auth/login-throttle');
    const { createLogger } = require('./apps/api/dist/common/logger');
    (async () => {
      const logger = createLogger('error');
      const db = await Database.open({ databaseUrl: process.env.DATABASE_URL || null, dataDir: process.env.DATA_DIR }, logger);
      const out = [];
      try {
        const throttle = new LoginThrottle(db, { after: 3, baseSeconds: 60, maxSeconds: 3600 });
        for (const [method, name] of JSON.parse(process.argv[1])) out.push(await throttle[method](name));
      } finally { await db.onApplicationShutdown(); }
      process.stdout.write('RESULT' + JSON.stringify(out));
    })().catch((e) => { process.stdout.write('ERROR' + e.message); process.exitCode = 1; });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, JSON.stringify(calls)], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...db.env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', () => {
      const at = out.indexOf('RESULT');
      if (at >= 0) resolve(JSON.parse(out.slice(at + 'RESULT'.length)));
      else reject(new Error(`the throttle script failed: ${out}`));
    });
  });
}

describe('a lockout', () => {
  it('is in the database: LoginThrottle.status and lift see and lift it while the API is stopped, and it survives a restart', async () => {
    await api.stop();
    const [kasi, unknown, lifted, again, after] = (await throttle([
      ['status', 'metro.kasi'],
      ['status', 'tidak.ada'],
      ['lift', 'tidak.ada'],
      ['lift', 'tidak.ada'],
      ['status', 'tidak.ada'],
    ])) as [any, any, boolean, boolean, any];
    expect(kasi).toMatchObject({ username: 'metro.kasi', failures: 3, locked: true, retryAfterSeconds: expect.any(Number) });
    expect(kasi.retryAfterSeconds).toBeGreaterThan(0);
    expect(kasi.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(unknown).toMatchObject({ locked: true, failures: 3 });
    expect([lifted, again]).toEqual([true, false]);
    expect(after).toEqual({ username: 'tidak.ada', failures: 0, locked: false, lockedUntil: null, retryAfterSeconds: 0 });

    // another start, without a trusted proxy now, and locks of 1 s doubling up to 2 s
    api = await startApi(db, { ...LIMITS, TRUST_PROXY: 'false', LOGIN_IP_LIMIT: '12', LOGIN_LOCKOUT_SECONDS: '1', LOGIN_LOCKOUT_MAX_SECONDS: '2' });
    client = new ApiClient(api.url);
    expectTooMany(await login('metro.kasi', DEMO_PASSWORD), /for this username/, 60);
    expect((await login('tidak.ada', 'bukan-sandinya')).status).toBe(401);
  });

  it('is lifted by an administrator (the accounts API calls LoginThrottle.lift)', async () => {
    const unlock = await client.request('POST', '/api/admin/users/metro.kasi/unlock', { as: 'admin' });
    expect(unlock).toMatchObject({ status: 200, body: { username: 'metro.kasi', unlocked: true } });
    expect((await login('metro.kasi', DEMO_PASSWORD)).status).toBe(200);
    const again = await client.request('POST', '/api/admin/users/metro.kasi/unlock', { as: 'admin' });
    expect(again.body).toMatchObject({ unlocked: false });
  });

  it('grows with each further failure, doubling up to the longest', async () => {
    for (let i = 0; i < 3; i++) expect((await login('metro.kabid', 'salah')).status).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const locked = await login('metro.kabid', DEMO_PASSWORD);
      waits.push(expectTooMany(locked, /for this username/, 2));
      await new Promise((r) => setTimeout(r, locked.body.retryAfterSeconds * 1000 + 250));
      expect((await login('metro.kabid', 'salah')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 2]);
  });

  it('does not let X-Forwarded-For pick a new address when TRUST_PROXY is off', async () => {
    // each guess names another address: believed, none would reach the limit of 12 failures
    const statuses: number[] = [];
    let refused: Reply | null = null;
    for (let i = 0; i < 14 && !refused; i++) {
      const res = await login(`spoof.${i}`, 'x', `10.9.0.${i}`);
      statuses.push(res.status);
      if (res.status === 429) refused = res;
    }
    expect(refused).not.toBeNull();
    expectTooMany(refused!, /from your address/, 600);
  });
});
