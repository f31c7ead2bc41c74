import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, createTestDatabase, DEMO_PASSWORD, ROOT, startApi, type ApiProcess, type TestDatabase } from './api-harness';

/**
 * The secret that signs tokens is nobody's to know: without AUTH_SECRET the API generates one and
 * keeps it in DATA_DIR (never a constant of the code); and the logs carry no password.
 */
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

/** The constant the API signed tokens with when AUTH_SECRET was not set. */
const OLD_CONSTANT = 'dev-only-secret-change-me';
const dataDir = () => db.env.DATA_DIR ?? join(ROOT, 'data');

const base64url = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

/** An HS256 token with these claims, signed with `secret`, as @nestjs/jwt would sign it. */
function sign(claims: object, secret: string): string {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ ...claims, iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${base64url(createHmac('sha256', secret).update(unsigned).digest())}`;
}

async function claimsOf(username: string) {
  const res = await client.request('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
  expect(res.status).toBe(200);
  return { sub: res.body.user.userId, ...res.body.user };
}

const inbox = (token: string) => client.request('GET', '/api/cases', { headers: { authorization: `Bearer ${token}` } });

describe('the signing secret', () => {
  it('refuses a token signed with the old constant (401), and takes the same claims signed with the kept secret', async () => {
    const claims = await claimsOf('metro.kepala-dinas');
    // what anyone who read the code could do: sign the Kepala Dinas' claims, or more, themselves
    expect((await inbox(sign(claims, OLD_CONSTANT))).status).toBe(401);
    expect((await inbox(sign({ ...claims, permissions: ['*'], regency: 'buleleng' }, OLD_CONSTANT))).status).toBe(401);
    const kept = readFileSync(join(dataDir(), 'auth-secret'), 'utf8').trim();
    expect(kept).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dataDir(), 'auth-secret')).mode & 0o777).toBe(0o600);
    expect((await inbox(sign(claims, kept))).status).toBe(200);
  });

  it('keeps the secret across a restart: a token issued before still works after', async () => {
    const token = await client.token('metro.petugas');
    await api.stop();
    api = await startApi(db);
    client = new ApiClient(api.url);
    expect((await inbox(token)).status).toBe(200);
  });

  it('several processes starting at once on one DATA_DIR all keep the same secret', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sop-secret-'));
    try {
      const script = `const { readConfig } = require(${JSON.stringify(join(ROOT, 'apps/api/dist/config.js'))}); process.stdout.write(readConfig({ DATA_DIR: process.argv[1], DATABASE_URL: 'postgres://db/sop' }).authSecret);`;
      const secrets = await Promise.all(
        Array.from(
          { length: 6 },
          () =>
            new Promise<string>((resolve, reject) => {
              const child = spawn(process.execPath, ['-e', script, join(dir, 'data')], { cwd: ROOT });
              let out = '';
              child.stdout.on('data', (d: Buffer) => (out += d.toString()));
              child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exited with ${code}`))));
            }),
        ),
      );
      expect(new Set(secrets).size).toBe(1);
      expect(secrets[0]).toBe(readFileSync(join(dir, 'data', 'auth-secret'), 'utf8').trim());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the logs', () => {
  it('never show a password typed into the username box, nor the demo password', async () => {
    const typed = 'Kucing-Oren-1987!';
    const res = await client.request('POST', '/api/auth/login', { body: { username: typed, password: 'salah' } });
    expect(res.status).toBe(401);
    const wrong = await client.request('POST', '/api/auth/login', { body: { username: 'metro.petugas', password: typed } });
    expect(wrong.status).toBe(401);
    // the lines are written asynchronously: wait for both
    const deadline = Date.now() + 5000;
    while (api.logs.filter((l) => l.includes('login refused')).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const refused = api.logs.filter((l) => l.includes('login refused')).map((l) => JSON.parse(l));
    expect(refused).toEqual([
      expect.objectContaining({ unknownUser: expect.stringMatching(/^[0-9a-f]{12}$/) }),
      expect.objectContaining({ user: 'metro.petugas' }),
    ]);
    const all = api.logs.join('\n');
    expect(all).not.toContain(typed);
    expect(all).not.toContain(DEMO_PASSWORD);
  });
});
