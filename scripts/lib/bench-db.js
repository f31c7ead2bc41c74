// The set-up the benchmarks share: a PostgreSQL database of their own, created and dropped around
// the run, and the built API started on it (a free port, read from its "listening on" line).
//
//   DATABASE_URL   the PostgreSQL to use (default postgres://postgres@127.0.0.1:5432/test)
//   API_MAIN       the API to start (default apps/api/dist/main.js), where a benchmark lets it
//   API_NODE_ARGS  node options for the API processes (e.g. --cpu-prof), where a benchmark lets them
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { Client } = require('pg');

const root = join(__dirname, '..', '..');
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const BUILT_API = join(root, 'apps/api/dist/main.js');

/**
 * Runs `fn(url, name)` on a new database named `prefix_<time>` on `base` (DATABASE_URL by default),
 * dropped afterwards `WITH (FORCE)`, whatever is still connected. `reuse` names an existing
 * database to run on instead (neither created nor dropped); `keep` leaves the new one; `onKept(name)`
 * is told of a database left in place.
 */
async function withDatabase(prefix, fn, { base = process.env.DATABASE_URL || DEFAULT_DATABASE_URL, reuse = null, keep = false, onKept = null } = {}) {
  const name = reuse || `${prefix}_${Date.now()}`;
  const admin = new Client({ connectionString: base });
  // DROP DATABASE … WITH (FORCE) ends every session on the database: a benchmark that measured must
  // not then die of a pg 'error' event nobody listens to
  admin.on('error', () => undefined);
  await admin.connect();
  if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString(), name);
  } finally {
    if (reuse || keep) onKept?.(name);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** API_NODE_ARGS as a list of node options. */
function apiNodeArgs() {
  return process.env.API_NODE_ARGS ? process.env.API_NODE_ARGS.split(' ') : [];
}

/**
 * Starts the built API (`main`: API_MAIN, else apps/api/dist/main.js) with `env` over PATH, PORT=0 and
 * HOST=127.0.0.1. `listening` resolves to its base URL once it listens (rejects if it exits first,
 * with the end of its output); its output is drained from then on, not kept. `stop()` ends it
 * (SIGTERM) and waits for it to exit; `exited` resolves when it does.
 */
function startApi(env, { main = process.env.API_MAIN || BUILT_API, nodeArgs = apiNodeArgs() } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const listening = new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d) => {
      buf = (buf + d).slice(-4096);
      const m = /listening on http:\/\/localhost:(\d+)/.exec(buf);
      if (m) {
        child.stdout.off('data', onData);
        child.stdout.resume(); // the logs go on and are drained, not kept
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`the API exited with ${code ?? signal} before listening: ${buf.slice(-2000)}`)));
  });
  listening.catch(() => undefined); // a process started and never awaited (killed early) is no unhandled rejection
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return { child, listening, exited, stop };
}

module.exports = { root, BUILT_API, DEFAULT_DATABASE_URL, withDatabase, startApi, apiNodeArgs };
