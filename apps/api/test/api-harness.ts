import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export const ROOT = join(__dirname, '../../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');
export const DEMO_PASSWORD = 'demo-sop-2026';

/**
 * A fresh database for one test file: a new database on the PostgreSQL at DATABASE_URL (CI), or a
 * new embedded PGlite data folder (elsewhere).
 */
export interface TestDatabase {
  kind: 'postgres' | 'embedded';
  /** Environment for the API processes. */
  env: Record<string, string>;
  /** A URL other processes can share (PostgreSQL only). */
  url: string | null;
  /** Runs SQL. On the embedded database only while no API process has it open. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** One database that several API processes share, and how to remove it. */
export interface SharedDatabase {
  /** Environment for each API process. */
  env: Record<string, string>;
  /** Runs SQL, also while API processes have the database open. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * A fresh database several API processes can share: a new database on the PostgreSQL at
 * DATABASE_URL (CI), or an embedded PGlite served to them by a test-only host process
 * (`embedded-db-host.js`) elsewhere.
 */
export async function createSharedDatabase(): Promise<SharedDatabase> {
  if (process.env.DATABASE_URL) {
    const db = await createTestDatabase();
    return { env: db.env, sql: (text, params) => db.sql(text, params), drop: () => db.drop() };
  }
  const hostDir = mkdtempSync(join(tmpdir(), 'sop-host-'));
  const host: ChildProcess = spawn(process.execPath, [join(__dirname, 'embedded-db-host.js'), join(hostDir, 'data')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    host.stdout?.on('data', (d: Buffer) => {
      const m = /ready (\S+)/.exec(d.toString());
      if (m) resolve(m[1]);
    });
    host.on('exit', (code) => {
      reject(new Error(`embedded database host exited with ${code}`));
    });
  });
  return {
    env: { DATABASE_URL: url },
    async sql<T>(text: string, params: unknown[] = []) {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(text, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async drop() {
      if (host.exitCode === null) {
        await new Promise((r) => {
          host.once('exit', r);
          host.kill('SIGTERM');
        });
      }
      rmSync(hostDir, { recursive: true, force: true });
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `sop_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    return {
      kind: 'postgres',
      env: { DATABASE_URL: url.toString() },
      url: url.toString(),
      sql: async (text, params) => (await client.query(text, params)).rows,
      async drop() {
        await client.end();
        const a = new Client({ connectionString: base });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'sop-api-'));
  return {
    kind: 'embedded',
    env: { DATA_DIR: join(dir, 'data') },
    url: null,
    sql: (text, params) => embeddedSql(join(dir, 'data'), text, params ?? []),
    async drop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens an embedded data folder in a child process and runs one statement (the API must be stopped). */
function embeddedSql<T>(dataDir: string, text: string, params: unknown[]): Promise<T[]> {
  const script = `
    const { PGlite } = require('@electric-sql/pglite');
    (async () => {
      const db = await PGlite.create(process.argv[1]);
      try {
        const r = await db.query(process.argv[2], JSON.parse(process.argv[3]));
        process.stdout.write(JSON.stringify({ rows: r.rows }));
      } catch (e) {
        process.stdout.write(JSON.stringify({ error: e.message }));
      } finally { await db.close(); }
    })();`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, dataDir, text, JSON.stringify(params)], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', () => {
      try {
        const parsed = JSON.parse(out);
        if (parsed.error) reject(new Error(parsed.error));
        else resolve(parsed.rows);
      } catch (e) {
        reject(new Error(`embedded SQL failed: ${out}`));
      }
    });
  });
}

export interface ApiProcess {
  url: string;
  logs: string[];
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built API (apps/api/dist/main.js) on a free port and waits until it listens. */
export async function startApi(db: TestDatabase, env: Record<string, string> = {}): Promise<ApiProcess> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SWEEP_INTERVAL_MS: '250',
      // a helper's own build of the web app (vite build --outDir …) can be served instead of the shared one
      WEB_DIR: process.env.WEB_DIR ?? join(ROOT, 'apps/web/dist'),
      // the tests log in and file complaints many times from 127.0.0.1: limits out of their way
      // (rate-limits.int-spec.ts sets its own)
      LOGIN_IP_LIMIT: '1000000',
      LOGIN_LOCKOUT_AFTER: '1000000',
      TICKET_LOOKUP_LIMIT: '1000000',
      TICKET_MISS_LIMIT: '1000000',
      COMPLAINT_IP_LIMIT: '1000000',
      PASSWORD_QUEUE: '10000',
      ...db.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never leave a half-started API behind
      reject(new Error(`the API did not start within 90 s:\n${logs.slice(-20).join('\n')}`));
    }, 90_000);
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        logs.push(line);
        const m = /listening on http:\/\/localhost:(\d+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${m[1]}`);
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with ${code} before listening:\n${logs.slice(-20).join('\n')}`));
    });
  });
  return {
    url,
    logs,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** How many deadline sweeps the API's work loop has finished (GET /metrics, read from this machine). */
export async function sweepsDone(api: ApiProcess): Promise<number> {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  return Number(/^sop_sweep_duration_seconds_count (\d+)$/m.exec(text)?.[1] ?? 0);
}

/**
 * Waits until each API process has finished `passes` more sweeps of its work loop than now: what a
 * test waits for before it checks that nothing fired again (rather than sleeping for a guess).
 */
export async function afterSweeps(apis: readonly ApiProcess[], passes = 2, ms = 30_000): Promise<void> {
  const start = await Promise.all(apis.map(sweepsDone));
  const until = Date.now() + ms;
  for (;;) {
    const now = await Promise.all(apis.map(sweepsDone));
    if (now.every((n, i) => n >= start[i] + passes)) return;
    if (Date.now() > until) throw new Error(`the work loop did not finish ${passes} more sweeps in ${ms} ms (${start.join(', ')} → ${now.join(', ')})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts the API expecting it to fail; resolves with its exit code and logs. */
export async function startApiExpectingFailure(db: TestDatabase, env: Record<string, string>): Promise<{ code: number | null; logs: string }> {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...db.env, ...env } });
  let logs = '';
  child.stdout.on('data', (d) => (logs += d));
  child.stderr.on('data', (d) => (logs += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, logs };
}

/** The fixture SOPs of @sop/model (`valid/`, `invalid/`, `warnings/`; see its README). */
export const SOP_FIXTURES = join(ROOT, 'libs/sop-model/src/__fixtures__');

/** A copy of sops/ that a test may change (the caller removes it). */
export function copySops(): string {
  return copySopsWith({});
}

/**
 * A copy of sops/ with fixture SOPs added (or seeds replaced), by the SOP id they take:
 * `copySopsWith({ contoh: 'valid/citizen-confirms.yaml' })` serves that fixture of @sop/model as the
 * SOP `contoh`; `{ contoh: { yaml } }` serves the text given. The caller removes the folder.
 */
export function copySopsWith(fixtures: Readonly<Record<string, string | { yaml: string }>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sop-sops-'));
  cpSync(join(ROOT, 'sops'), dir, { recursive: true });
  for (const [id, source] of Object.entries(fixtures)) {
    const target = join(dir, `${id}.yaml`);
    if (typeof source === 'string') copyFileSync(join(SOP_FIXTURES, source), target);
    else writeFileSync(target, source.yaml);
  }
  return dir;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client for the API. */
export class ApiClient {
  private tokens = new Map<string, string>();
  constructor(readonly url: string) {}

  async request<T = any>(
    method: string,
    path: string,
    options: { as?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.as) headers.authorization = `Bearer ${await this.token(options.as)}`;
    if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(this.url + path, {
      method,
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: body as T, headers: res.headers };
  }

  async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const res = await fetch(this.url + '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    this.tokens.set(username, token);
    return token;
  }
}

/** Valid form data for each seed SOP's intake form (or the platform's default form). */
export const SAMPLE_COMPLAINTS: Record<string, Record<string, string>> = {
  metro: { nama: 'Siti Rahayu', telepon: '0812-3456-7890', isi: 'KTP-el saya belum jadi setelah tiga bulan' },
  brebes: { nama: 'Ahmad Fauzi', telepon: '0857 1234 5678', isi: 'Akta kelahiran anak saya salah tulis nama' },
  lumajang: { nama: 'Dewi Lestari', email: 'dewi@example.id', isi: 'Pendaftaran online tidak bisa diakses' },
  buleleng: {
    'nama-lengkap': 'Ni Made Ayu',
    alamat: 'Jl. Gajah Mada 10, Singaraja',
    'no-hp': '081234567890',
    'sasaran-pengaduan': 'Pelayanan',
    'isi-pengaduan': 'Antrian terlalu lama',
  },
  pekanbaru: { nama: 'Rudi Hartono', 'nomor-telpon': '+62 813 7654 3210', 'nik-no-kk': '1471016107850001', 'jenis-pelayanan': 'kebijakan pelayanan' },
};

/**
 * Like startApiExpectingFailure, but a process still running after `ms` (it started when it should
 * not have) is killed and reported with `timedOut: true` instead of hanging the test.
 */
export async function startApiExpectingFailureWithin(
  db: TestDatabase,
  env: Record<string, string>,
  ms = 30_000,
): Promise<{ code: number | null; logs: string; timedOut: boolean }> {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...db.env, ...env } });
  let logs = '';
  child.stdout.on('data', (d) => (logs += d));
  child.stderr.on('data', (d) => (logs += d));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, ms);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  return { code, logs, timedOut };
}
