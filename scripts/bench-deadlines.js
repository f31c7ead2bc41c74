// npm run bench:deadlines — how fast three API processes on one PostgreSQL fire a backlog of passed
// deadlines, one of them killed (SIGKILL) in the middle of the sweep, and whether each deadline
// fired exactly once, counted from the kartu kendali in the database.
//
//   DATABASE_URL   the PostgreSQL to use (default postgres://postgres@127.0.0.1:5432/test); the
//                  benchmark creates and drops its own database there
//   DEADLINES      passed deadlines to fire (default 100000)
//   PROCESSES      API processes sweeping at once (default 3; the second is killed)
//   API_MAIN       the API to start (default apps/api/dist/main.js), e.g. an older build to compare
//   API_NODE_ARGS  node options for the API processes, e.g. --cpu-prof
//
// Set-up (not timed): one API files a few Lumajang complaints on Monday 23 November 2026, 09:00 WIB,
// through the public endpoint; their rows (the case and its first kartu kendali line, exactly as the
// runtime wrote them) are copied in SQL up to DEADLINES cases. Each waits at the verification step,
// whose limit is 5 minutes. Then PROCESSES API processes start on Tuesday, 09:00 WIB: every one of
// those deadlines has passed. The clock runs from the first deadline fired to the last.
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { withDatabase, startApi: start } = require('./lib/bench-db');

const DEADLINES = Number(process.env.DEADLINES || 100000);
const PROCESSES = Number(process.env.PROCESSES || 3);
const TEMPLATES = 10;
const KILL_AT = 0.3; // share of the deadlines fired when the second process is killed

/** Starts the built API with the clock at `clock` (`listening` resolves once it listens). */
function startApi(url, clock, extraEnv = {}) {
  return start({ DATABASE_URL: url, LOG_LEVEL: 'info', SOP_CLOCK_START: clock, COMPLAINT_IP_LIMIT: '1000000', ...extraEnv });
}

async function setUp(url, db) {
  const api = startApi(url, '2026-11-23T02:00:00Z', { SWEEP_INTERVAL_MS: '3600000' });
  const at = await api.listening;
  for (let i = 0; i < TEMPLATES; i++) {
    const r = await fetch(`${at}/api/public/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sop: 'lumajang', data: { nama: 'Dewi Lestari', email: 'dewi@example.id', isi: `Pengaduan uji ${i}` } }),
    });
    if (r.status !== 201) throw new Error(`filing failed: ${r.status} ${await r.text()}`);
  }
  await api.stop();
  const columns = async (table, except) =>
    (
      await db.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND NOT (column_name = ANY($2)) ORDER BY ordinal_position`,
        [table, except],
      )
    ).rows.map((r) => r.column_name);
  const caseCols = await columns('cases', ['id', 'ticket']);
  const lineCols = await columns('kartu_kendali', ['id', 'case_id']);
  const copies = Math.ceil(DEADLINES / TEMPLATES) - 1;
  const templates = (await db.query(`SELECT id FROM cases WHERE sop_id = 'lumajang' AND kind = 'complaint'`)).rows.map((r) => r.id);
  // each filed case and its first kartu kendali line, copied (new id and ticket)
  await db.query(
    `INSERT INTO cases (ticket, ${caseCols.join(', ')})
     SELECT t.ticket || '-' || g, ${caseCols.map((c) => `t.${c}`).join(', ')}
     FROM cases t, generate_series(1, $1) g WHERE t.id = ANY($2::uuid[])`,
    [copies, templates],
  );
  await db.query(
    `INSERT INTO kartu_kendali (case_id, ${lineCols.join(', ')})
     SELECT c.id, ${lineCols.map((c) => `k.${c}`).join(', ')}
     FROM cases c JOIN cases t ON c.ticket LIKE t.ticket || '-%' JOIN kartu_kendali k ON k.case_id = t.id
     WHERE t.id = ANY($1::uuid[])`,
    [templates],
  );
  await db.query('ANALYZE');
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM cases WHERE sop_id = 'lumajang' AND kind = 'complaint' AND deadline_pending`);
  return rows[0].n;
}

// The EXPIRE lines of the benchmark's complaints among the kartu kendali lines after `$1` (up to `$2`).
const FIRED_SQL = `SELECT count(*)::int AS n FROM kartu_kendali k JOIN cases c ON c.id = k.case_id
                   WHERE k.id > $1 AND ($2::bigint IS NULL OR k.id <= $2) AND k.event = 'EXPIRE' AND c.sop_id = 'lumajang' AND c.kind = 'complaint'`;
// The last line id, this poll's own transaction id, and the oldest transaction still running.
const MARK_SQL = `SELECT (SELECT max(id) FROM kartu_kendali)::text AS top, pg_current_xact_id()::text AS xid,
                         pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`;

/**
 * Counts the deadlines fired so far from the kartu kendali, reading only the lines written since the
 * last settled point: a count of all of them took a growing share of the two cores the benchmark
 * measures on (over a second a poll by the end of 100,000, polled back to back). The lines up to
 * the last id a poll saw are settled once every transaction older than that poll's own has ended: a
 * line's id is taken after its transaction got its id (the statement updates the case first), and
 * ids are taken in order, so a line not yet committed below that id belongs to such a transaction.
 */
function firedCounter(db) {
  let settled = 0;
  let settledTop = '0';
  let mark = null;
  return async () => {
    const fired = settled + (await db.query(FIRED_SQL, [settledTop, null])).rows[0].n;
    const now = (await db.query(MARK_SQL)).rows[0];
    if (mark && BigInt(now.xmin) > BigInt(mark.xid)) {
      settled += (await db.query(FIRED_SQL, [settledTop, mark.top])).rows[0].n;
      settledTop = mark.top;
      mark = null;
    }
    if (!mark && now.top !== null) mark = now;
    return fired;
  };
}

withDatabase('sop_bench_deadlines', async (url) => {
  const db = new Client({ connectionString: url });
  db.on('error', () => undefined);
  await db.connect();
  try {
    const pending = await setUp(url, db);
    // Tuesday 24 November 2026, 09:00 WIB: all of them have passed
    const apis = Array.from({ length: PROCESSES }, () => startApi(url, '2026-11-24T02:00:00Z', { SWEEP_INTERVAL_MS: '1000' }));
    await db.query('SET synchronous_commit = off'); // the polls' own transaction ids need no flush
    const countFired = firedCounter(db);
    let first = null;
    let last = null;
    let fired = 0;
    let killedAt = null;
    let lastProgress = performance.now();
    while (fired < pending && performance.now() - lastProgress < 60_000) {
      await new Promise((r) => setTimeout(r, 100));
      const n = await countFired();
      const now = performance.now();
      if (n > fired) {
        if (first === null) first = now;
        last = now;
        lastProgress = now;
      }
      fired = n;
      if (killedAt === null && PROCESSES > 1 && fired >= KILL_AT * pending) {
        apis[1].child.kill('SIGKILL');
        killedAt = fired;
      }
    }
    await Promise.all(apis.map((a) => a.stop()));
    const counts = (
      await db.query(
        `SELECT count(*) FILTER (WHERE n = 1)::int AS once, count(*) FILTER (WHERE n > 1)::int AS twice, count(*) FILTER (WHERE n = 0)::int AS never
         FROM (SELECT c.id, count(k.id) FILTER (WHERE k.event = 'EXPIRE') AS n
               FROM cases c LEFT JOIN kartu_kendali k ON k.case_id = c.id
               WHERE c.sop_id = 'lumajang' AND c.kind = 'complaint' GROUP BY c.id) x`,
      )
    ).rows[0];
    const seconds = first === null ? NaN : Math.max(0.1, (last - first) / 1000);
    console.log(`${pending} passed deadlines, ${PROCESSES} API processes on PostgreSQL, one killed (SIGKILL) after ${killedAt ?? '-'} had fired`);
    console.log(`fired ${fired} in ${seconds.toFixed(1)} s (first to last, polled every 100 ms)`);
    console.log(`deadlines: ${Math.round(fired / seconds)} fired/s; ${counts.once} fired once, ${counts.twice} twice, ${counts.never} never`);
  } finally {
    await db.end();
  }
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
