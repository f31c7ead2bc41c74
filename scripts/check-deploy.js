// npm run check:deploy — runs what the API image runs (docker/entrypoint.sh, docker/healthcheck.js),
// without Docker, against a PostgreSQL on this machine: migrate a fresh database, start two API
// processes on it as docker/compose.yaml does (NODE_ENV=production, their own AUTH_SECRET and the
// same DATA_KEY), wait until both are healthy, file a complaint through one and read it through the
// other, stop both, drop the database. Exits 0 when all of it worked; prints each step.
//
//   DATABASE_URL   the PostgreSQL server to use (default postgres://postgres@127.0.0.1:5432/postgres);
//                  the check creates and drops its own database there
//   CHECK_FRESH_DATABASE=0  use DATABASE_URL as it is (a database made for the check), create nothing
// Build first (npm run build).
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { createServer } = require('node:net');
const { join } = require('node:path');
const { Client } = require('pg');

const root = join(__dirname, '..');
const entrypoint = join(root, 'docker/entrypoint.sh');
const healthcheck = join(root, 'docker/healthcheck.js');
const base = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const fresh = process.env.CHECK_FRESH_DATABASE !== '0';

const step = (text) => console.log(`check-deploy: ${text}`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a command to its end; resolves with its exit code and output. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

async function main() {
  const key = randomBytes(32).toString('hex');
  let url = base;
  let name = null;
  if (fresh) {
    name = `sop_deploy_check_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    url = u.toString();
    step(`created database ${name}`);
  }
  // as docker/compose.yaml sets it, but for the ports and folders of this machine
  const common = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    APP_DIR: root,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    DATA_KEY: key,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  const apis = [];
  // each process's DATA_DIR (the image's /data: attachments; nothing else with DATABASE_URL set)
  const dataDir = mkdtempSync(join(tmpdir(), 'sop-deploy-check-'));
  try {
    const migrated = await run('sh', [entrypoint, 'migrate'], { ...common, DATA_DIR: join(dataDir, 'migrate') });
    if (migrated.code !== 0) throw new Error(`entrypoint.sh migrate exited with ${migrated.code}:\n${migrated.out}`);
    step('entrypoint.sh migrate: done');

    for (const n of [1, 2]) {
      const port = await freePort();
      const env = { ...common, PORT: String(port), AUTH_SECRET: randomBytes(24).toString('hex'), DATA_DIR: join(dataDir, `api${n}`) };
      const child = spawn('sh', [entrypoint], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let logs = '';
      child.stdout.on('data', (d) => (logs += d));
      child.stderr.on('data', (d) => (logs += d));
      apis.push({ n, port, env, child, logs: () => logs, url: `http://127.0.0.1:${port}` });
    }
    // as compose's healthcheck: docker/healthcheck.js until it exits 0
    for (const api of apis) {
      const until = Date.now() + 90_000;
      for (;;) {
        if (api.child.exitCode !== null) throw new Error(`API ${api.n} exited with ${api.child.exitCode}:\n${api.logs()}`);
        const probe = await run(process.execPath, [healthcheck], { PATH: common.PATH, PORT: String(api.port) });
        if (probe.code === 0) break;
        if (Date.now() > until) throw new Error(`API ${api.n} was not healthy within 90 s:\n${api.logs()}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      step(`API ${api.n} healthy on port ${api.port}`);
    }

    const filed = await fetch(`${apis[0].url}/api/public/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sop: 'metro', data: { nama: 'Siti Rahayu', telepon: '0812-3456-7890', isi: 'KTP-el saya belum jadi' } }),
    });
    const body = await filed.json();
    if (filed.status !== 201) throw new Error(`filing through API 1 answered ${filed.status}: ${JSON.stringify(body)}`);
    step(`filed ${body.ticket} through API 1`);
    const read = await fetch(`${apis[1].url}/api/public/complaints/${encodeURIComponent(body.ticket)}`);
    const seen = await read.json();
    if (read.status !== 200 || seen.ticket !== body.ticket)
      throw new Error(`reading ${body.ticket} through API 2 answered ${read.status}: ${JSON.stringify(seen)}`);
    step(`read ${body.ticket} through API 2: ${seen.status}`);
  } finally {
    await Promise.all(
      apis.map(
        (a) =>
          new Promise((resolve) => {
            if (a.child.exitCode !== null || a.child.signalCode !== null) return resolve();
            a.child.once('exit', resolve);
            a.child.kill('SIGTERM');
          }),
      ),
    );
    if (apis.length) step('both APIs stopped');
    rmSync(dataDir, { recursive: true, force: true });
    if (name) {
      const admin = new Client({ connectionString: base });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      step(`dropped database ${name}`);
    }
  }
}

main().then(
  () => {
    step('ok');
    process.exit(0);
  },
  (e) => {
    console.error(`check-deploy: FAILED: ${e.message}`);
    process.exit(1);
  },
);
