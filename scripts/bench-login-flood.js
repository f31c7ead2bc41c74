// npm run bench:login-flood — how long an operator waits for the inbox (GET /api/cases) while the API
// is flooded with log-in guesses, against the same inbox without a flood, measured in the same run.
//
// Two floods, each FLOOD_SECONDS long with FLOOD_CONCURRENCY guesses in flight:
//   - "many addresses": every guess from another address (X-Forwarded-For, with TRUST_PROXY=loopback)
//     and for another username, so that no per-address limit or lockout applies: every guess reaches
//     the password check. The worst case for the API.
//   - "one address": every guess (each for another username) from the benchmark's own address, which
//     the per-address limit stops.
//
//   DATABASE_URL        a PostgreSQL to use (a database is created and dropped there); unset: embedded PGlite
//   API_MAIN            the API to start (default apps/api/dist/main.js), e.g. an older build to compare
//   FLOOD_SECONDS       default 8
//   FLOOD_CONCURRENCY   default 64
const { mkdtempSync, rmSync } = require('node:fs');
const http = require('node:http');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { root, withDatabase: withPgDatabase, startApi: start } = require('./lib/bench-db');

const MAIN = process.env.API_MAIN || join(root, 'apps/api/dist/main.js');
const FLOOD_SECONDS = Number(process.env.FLOOD_SECONDS || 8);
const CONCURRENCY = Number(process.env.FLOOD_CONCURRENCY || 64);
const PASSWORD = 'demo-sop-2026';

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY + 8 });
function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const req = http.request(
      url,
      { method, agent, headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}), ...headers } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(payload ?? undefined);
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (v) => `${v.toFixed(1)} ms`;

async function withDatabase(fn) {
  if (process.env.DATABASE_URL) return withPgDatabase('sop_bench_flood', (url) => fn({ DATABASE_URL: url }, 'PostgreSQL'));
  const dir = mkdtempSync(join(tmpdir(), 'sop-bench-flood-'));
  try {
    return await fn({ DATA_DIR: join(dir, 'data') }, 'embedded PGlite');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function startApi(env) {
  const api = start({ LOG_LEVEL: 'info', SWEEP_INTERVAL_MS: '600000', TRUST_PROXY: 'loopback', ...env }, { main: MAIN, nodeArgs: [] });
  return { url: await api.listening, stop: api.stop };
}

/** Inbox requests one after another until `until` (or `count` of them): their latencies, sorted. */
async function inbox(api, token, { until, count }) {
  const times = [];
  let failed = 0;
  while (until ? performance.now() < until : times.length < count) {
    const t = performance.now();
    // a kept-alive socket the server closed while the answer was awaited counts as a failed request, with its time
    const res = await request(`${api}/api/cases?pageSize=20`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': '192.0.2.10' } }).catch(() => ({
      status: 'error',
    }));
    times.push(performance.now() - t);
    if (res.status !== 200) failed++;
  }
  return { sorted: times.sort((a, b) => a - b), failed };
}

/** Log-in guesses with CONCURRENCY in flight until `until`; counts of the answers by status. */
async function flood(api, until, spread) {
  const statuses = {};
  let n = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const i = n++;
      const headers = spread ? { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } : {};
      const res = await request(`${api}/api/auth/login`, { method: 'POST', headers, body: { username: `guess.${i}`, password: `tebakan-${i}` } }).catch(() => ({
        status: 'error',
      }));
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { statuses, total: n };
}

function line(name, { sorted, failed }, baseline) {
  const ratio = (p) => (baseline ? ` (${(pct(sorted, p) / pct(baseline.sorted, p)).toFixed(1)}× baseline)` : '');
  return `  ${name.padEnd(38)} n=${String(sorted.length).padStart(4)}  p50 ${ms(pct(sorted, 50))}${ratio(50)}  p95 ${ms(pct(sorted, 95))}${ratio(95)}  p99 ${ms(pct(sorted, 99))}${ratio(99)}  max ${ms(sorted[sorted.length - 1])}${failed ? `  (${failed} not 200)` : ''}`;
}

async function main() {
  await withDatabase(async (dbEnv, kind) => {
    const api = await startApi(dbEnv);
    try {
      const login = await request(`${api.url}/api/auth/login`, {
        method: 'POST',
        body: { username: 'metro.petugas', password: PASSWORD },
        headers: { 'x-forwarded-for': '192.0.2.10' },
      });
      if (login.status !== 200) throw new Error(`the operator could not log in: ${login.status} ${login.text}`);
      const token = JSON.parse(login.text).token;
      for (let i = 0; i < 20; i++) {
        await request(`${api.url}/api/public/complaints`, {
          method: 'POST',
          headers: { 'x-forwarded-for': `192.0.2.${100 + i}` },
          body: { sop: 'metro', data: { nama: 'Siti Rahayu', telepon: '0812-3456-7890', isi: `Keluhan nomor ${i}` } },
        });
      }
      await inbox(api.url, token, { count: 50 }); // warm-up
      const baseline = await inbox(api.url, token, { count: 300 });
      console.log(`login flood vs. the inbox (GET /api/cases as metro.petugas), ${kind}, ${MAIN.replace(root + '/', '')}`);
      console.log(`  flood: ${CONCURRENCY} guesses in flight for ${FLOOD_SECONDS} s`);
      console.log(line('baseline (no flood)', baseline));
      const results = {};
      for (const [name, spread] of [
        ['flood from many addresses', true],
        ['flood from one address', false],
      ]) {
        await new Promise((r) => setTimeout(r, 1000));
        const until = performance.now() + FLOOD_SECONDS * 1000;
        const [guesses, during] = await Promise.all([
          flood(api.url, until, spread),
          new Promise((r) => setTimeout(r, 300)).then(() => inbox(api.url, token, { until })),
        ]);
        results[name] = { guesses, during };
        console.log(line(`inbox during ${name}`, during, baseline));
        const answers = Object.entries(guesses.statuses)
          .map(([s, c]) => `${c}×${s}`)
          .join(', ');
        const checked = (guesses.statuses[401] ?? 0) + (guesses.statuses[200] ?? 0);
        console.log(
          `  ${''.padEnd(38)} guesses: ${guesses.total} (${(guesses.total / FLOOD_SECONDS).toFixed(0)}/s): ${answers}; passwords checked ${(checked / FLOOD_SECONDS).toFixed(1)}/s`,
        );
      }
    } finally {
      await api.stop();
      agent.destroy();
    }
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
