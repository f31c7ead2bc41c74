// npm run bench:runtime — events per second through one API process on the real PostgreSQL, beside
// a baseline that runs the same SQL per event with plain `pg`, measured in the same run.
//
//   DATABASE_URL   the PostgreSQL to use (default postgres://postgres@127.0.0.1:5432/test); the
//                  benchmark creates and drops its own database there
//   CLIENTS        concurrent clients (default 16)
//   CASES          cases per client (default 40; each takes 6 events: Metro's escalation ladder)
//   API_MAIN       the API to start (default apps/api/dist/main.js), e.g. an older build to compare
//   API_NODE_ARGS  node options for the API process, e.g. --cpu-prof
//   WEB_CONCURRENCY  API worker processes behind the one port (node:cluster); CPU counts them all
//
// The peer: bpmn-engine (the Node BPMN engine a team would otherwise pick) runs the same six-step flow
// as six user tasks, each case's state read from and saved to PostgreSQL at every step (recover,
// resume, signal, getState, one conditional UPDATE), with the same clients in the same run.
// A third reference: the baseline's statements behind a bare node:http server (no framework, auth or
// validation), which shows what HTTP alone costs on the machine: the bound of any HTTP API. And two
// more: the same behind Nest with one controller, on Express (the API's adapter) and on Fastify,
// which show what the framework alone costs on each (scripts/lib/nest-http-server.js).
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const { EventEmitter } = require('node:events');
const { Engine } = require('bpmn-engine');
const { Pool } = require('pg');
const { spawn } = require('node:child_process');
const { seedCases, baselineEvent, EVENTS_PER_CASE } = require('./lib/baseline-event');
const { withDatabase, startApi } = require('./lib/bench-db');

const CLIENTS = Number(process.env.CLIENTS || 16);
const CASES = Number(process.env.CASES || 40);
const LADDER = [
  { type: 'CHOOSE', outcome: 'diterima', as: 'metro.petugas' },
  { type: 'ESCALATE', as: 'metro.petugas' },
  { type: 'ESCALATE', as: 'metro.kasi' },
  { type: 'ESCALATE', as: 'metro.kabid' },
  { type: 'ESCALATE', as: 'metro.sekretaris' },
  { type: 'COMPLETE', as: 'metro.kepala-dinas' },
];

// The load generator uses node:http with keep-alive (lighter than fetch), so that the client's own
// cost takes as little as possible of the two cores from the API under test.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function post(url, headers, body) {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(body);
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length, ...headers } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Runs each client's cases one event after another, all clients at once; each event timed. */
async function timeClients(ids, events, send) {
  const latencies = [];
  const started = performance.now();
  await Promise.all(
    ids.map(async (mine) => {
      for (const id of mine) {
        for (let v = 0; v < events; v++) {
          const t = performance.now();
          await send(id, v);
          latencies.push(performance.now() - t);
        }
      }
    }),
  );
  return { events: latencies.length, seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

async function apiBench(url) {
  const { child, listening } = startApi({
    DATABASE_URL: url,
    LOG_LEVEL: 'info',
    SWEEP_INTERVAL_MS: '600000',
    ...(process.env.WEB_CONCURRENCY ? { WEB_CONCURRENCY: process.env.WEB_CONCURRENCY } : {}),
  });
  const api = await listening;
  const tokens = {};
  for (const step of LADDER) {
    if (tokens[step.as]) continue;
    const r = await fetch(`${api}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: step.as, password: 'demo-sop-2026' }),
    });
    tokens[step.as] = (await r.json()).token;
  }
  // set-up (not timed): each client files its cases through the API
  const ids = [];
  for (let c = 0; c < CLIENTS; c++) {
    const mine = [];
    for (let i = 0; i < CASES; i++) {
      const r = await fetch(`${api}/api/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens['metro.petugas']}` },
        body: JSON.stringify({ sop: 'metro', channel: 'telepon', data: { nama: 'Warga Uji', isi: `bench ${c}-${i}` } }),
      });
      mine.push((await r.json()).id);
    }
    ids.push(mine);
  }
  const cpuBefore = cpuMs(child.pid);
  const timed = await timeClients(ids, LADDER.length, async (id, v) => {
    const step = LADDER[v];
    const r = await post(
      `${api}/api/cases/${id}/events`,
      { authorization: `Bearer ${tokens[step.as]}`, 'idempotency-key': `${id}-${v}` },
      JSON.stringify({ type: step.type, ...(step.outcome ? { outcome: step.outcome } : {}), version: v + 1 }),
    );
    if (r.status !== 200) throw new Error(`event failed: ${r.status} ${r.text}`);
  });
  const apiCpuMs = cpuMs(child.pid) - cpuBefore;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { ...timed, apiCpuMs };
}

/** CPU time (user + system) a process and its running children (the cluster's workers) have used, from /proc (Linux). */
function cpuMs(pid) {
  const fs = require('node:fs');
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const own = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
    let children = [];
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      // no list of children on this kernel: the process alone
    }
    return own + children.reduce((sum, child) => sum + (cpuMs(Number(child)) || 0), 0);
  } catch {
    return NaN;
  }
}

/** A pool whose connections may be terminated by the final DROP DATABASE … WITH (FORCE) without crashing the run. */
function quietPool(url) {
  const pool = new Pool({ connectionString: url, max: CLIENTS });
  pool.on('error', () => undefined);
  return pool;
}

/** The same two statements per event (read the case, one conditional write), named and prepared as in the API, with plain pg. */
async function baselineBench(url) {
  const pool = quietPool(url);
  const ids = await seedCases(pool, 'BAS', CLIENTS, CASES);
  const timed = await timeClients(ids, EVENTS_PER_CASE, (id, v) => baselineEvent(pool, id, v + 1));
  await pool.end();
  return timed;
}

/**
 * The baseline's statements behind an HTTP server in its own process, with the API's clients:
 * `script` is scripts/lib/bare-http-server.js (no framework, no auth, no validation: what HTTP alone
 * costs on this machine, the bound any HTTP API meets) or nest-http-server.js (Nest and one
 * controller on the adapter `args` names: what the framework alone costs).
 */
async function serverBench(url, prefix, script, args = []) {
  const pool = quietPool(url);
  const ids = await seedCases(pool, prefix, CLIENTS, CASES);
  await pool.end();
  const child = spawn(process.execPath, [require.resolve(script), ...args], {
    env: { ...process.env, DATABASE_URL: url, POOL_SIZE: String(CLIENTS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const server = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      const m = /listening (\d+)/.exec(String(d));
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.once('exit', (code) => reject(new Error(`${script} ${args.join(' ')} stopped (${code})`)));
  });
  const cpuBefore = cpuMs(child.pid);
  const timed = await timeClients(ids, EVENTS_PER_CASE, async (id, v) => {
    const r = await post(`${server}/events/${id}/${v + 1}`, {}, JSON.stringify({ type: 'ESCALATE', version: v + 1 }));
    if (r.status !== 200) throw new Error(`${script} ${args.join(' ')}: event failed: ${r.status} ${r.text}`);
  });
  const cpu = cpuMs(child.pid) - cpuBefore;
  child.removeAllListeners('exit');
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { ...timed, cpuMs: cpu };
}

/** The six user tasks of Metro's escalation ladder, in sequence, as BPMN for bpmn-engine. */
const BPMN_STEPS = ['petugas-periksa', 'tim-teknis', 'kasi-periksa', 'kabid-periksa', 'sekretaris-periksa', 'kadis-periksa'];
const BPMN_SOURCE = (() => {
  const nodes = ['start', ...BPMN_STEPS, 'end'];
  const flows = nodes.slice(1).map((to, i) => `<sequenceFlow id="f${i}" sourceRef="${nodes[i]}" targetRef="${to}" />`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="metro-ladder" targetNamespace="http://bpmn.io/schema/bpmn">
  <process id="metro" isExecutable="true">
    <startEvent id="start" />
    ${BPMN_STEPS.map((s) => `<userTask id="${s}" />`).join('\n    ')}
    <endEvent id="end" />
    ${flows.join('\n    ')}
  </process>
</definitions>`;
})();

/** bpmn-engine with its state in PostgreSQL: per event, read the state, recover, resume, signal the waiting task, save. */
async function bpmnEngineBench(url) {
  const pool = quietPool(url);
  await pool.query('CREATE TABLE bpmn_cases (id serial PRIMARY KEY, state jsonb NOT NULL, version int NOT NULL)');
  // set-up (not timed): each case started and waiting at its first user task, its state saved
  const ids = [];
  for (let c = 0; c < CLIENTS; c++) {
    const mine = [];
    for (let i = 0; i < CASES; i++) {
      const engine = new Engine({ name: `bench ${c}-${i}`, source: BPMN_SOURCE });
      await engine.execute({ listener: new EventEmitter() });
      const r = await pool.query('INSERT INTO bpmn_cases (state, version) VALUES ($1, 1) RETURNING id', [JSON.stringify(await engine.getState())]);
      mine.push(r.rows[0].id);
    }
    ids.push(mine);
  }
  const latencies = [];
  const started = performance.now();
  await Promise.all(
    ids.map(async (mine) => {
      for (const id of mine) {
        for (let v = 1; v <= BPMN_STEPS.length; v++) {
          const t = performance.now();
          const read = await pool.query({ name: 'bpmn_read', text: 'SELECT state, version FROM bpmn_cases WHERE id = $1', values: [id] });
          const engine = new Engine().recover(read.rows[0].state);
          const execution = await engine.resume({ listener: new EventEmitter() });
          const [task] = execution.getPostponed();
          if (task?.id !== BPMN_STEPS[v - 1]) throw new Error(`bpmn-engine waits at ${task?.id}, expected ${BPMN_STEPS[v - 1]}`);
          execution.signal({ id: task.id });
          const state = JSON.stringify(await engine.getState());
          const w = await pool.query({
            name: 'bpmn_write',
            text: 'UPDATE bpmn_cases SET state = $3, version = version + 1 WHERE id = $1 AND version = $2',
            values: [id, read.rows[0].version, state],
          });
          if (w.rowCount !== 1) throw new Error('bpmn-engine write lost');
          latencies.push(performance.now() - t);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return { events: latencies.length, seconds, latencies: latencies.sort((a, b) => a - b) };
}

withDatabase('sop_bench', async (url) => {
  const api = await apiBench(url);
  const baseline = await baselineBench(url);
  const bare = await serverBench(url, 'BHT', './lib/bare-http-server.js');
  const nestExpress = await serverBench(url, 'NEX', './lib/nest-http-server.js', ['express']);
  const nestFastify = await serverBench(url, 'NFY', './lib/nest-http-server.js', ['fastify']);
  const bpmn = await bpmnEngineBench(url);
  const rate = (r) => r.events / r.seconds;
  const line = (name, r) =>
    `${name.padEnd(31)} ${String(r.events).padStart(6)} events  ${rate(r).toFixed(0).padStart(6)} events/s  p50 ${pct(r.latencies, 50).toFixed(1).padStart(6)} ms  p99 ${pct(r.latencies, 99).toFixed(1).padStart(6)} ms`;
  console.log(`${CLIENTS} concurrent clients, ${CASES} cases each, 6 events per case (Metro's escalation ladder)`);
  const workers = Number(process.env.WEB_CONCURRENCY || 1);
  console.log(line(workers > 1 ? `API (HTTP, ${workers} workers)` : 'API (HTTP, one process)', api));
  console.log(line('baseline (plain pg, same SQL)', baseline));
  console.log(line('bare HTTP (node:http, same SQL)', bare));
  console.log(line('Nest on Express (same SQL)', nestExpress));
  console.log(line('Nest on Fastify (same SQL)', nestFastify));
  console.log(line('bpmn-engine + PostgreSQL', bpmn));
  const cpu = (r, ms) => `${(ms / r.events).toFixed(2)} ms`;
  console.log(
    `process CPU per event: API ${cpu(api, api.apiCpuMs)}; bare HTTP ${cpu(bare, bare.cpuMs)}; Nest on Express ${cpu(nestExpress, nestExpress.cpuMs)}; Nest on Fastify ${cpu(nestFastify, nestFastify.cpuMs)}`,
  );
  // what HTTP alone costs here, and what the API adds to it (framework, auth, validation, the engine)
  console.log(`ratio bare HTTP / baseline: ${(rate(bare) / rate(baseline)).toFixed(2)}; ratio API / bare HTTP: ${(rate(api) / rate(bare)).toFixed(2)}`);
  // what the framework alone costs, on the API's adapter and on the other
  console.log(
    `ratio Nest on Express / baseline: ${(rate(nestExpress) / rate(baseline)).toFixed(2)}; ratio Nest on Fastify / baseline: ${(rate(nestFastify) / rate(baseline)).toFixed(2)}`,
  );
  console.log(`ratio API / baseline: ${(rate(api) / rate(baseline)).toFixed(2)} (goal ≥ 0.60)`);
  console.log(`ratio API / bpmn-engine: ${(rate(api) / rate(bpmn)).toFixed(1)} (goal ≥ 10)`);
})
  .then(() => agent.destroy())
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
