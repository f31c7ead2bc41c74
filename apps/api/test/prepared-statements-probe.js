// Test support: runs named prepared statements through the built Database (apps/api/dist) on the
// database given in argv (a PostgreSQL URL, or "embedded:<data folder>") and prints what each step
// answered, as JSON: { step: { rows } | { code, message } }. Run by embedded-db-recovery.int-spec.ts;
// a child process because PGlite does not load inside jest's module sandbox. Two connections on
// PostgreSQL (the embedded database always has one).
const pino = require('pino');
const { Database } = require('../dist/database/database.js');

const SELECT = 'SELECT $1::text AS v';
const INSERT = 'INSERT INTO prepared_probe (k) VALUES ($1) RETURNING k';

(async () => {
  const target = process.argv[2];
  const embedded = target.startsWith('embedded:');
  const db = await Database.open(
    { databaseUrl: embedded ? null : target, dataDir: embedded ? target.slice('embedded:'.length) : null, poolSize: 2 },
    pino({ level: 'silent' }),
  );
  const pool = db.pool;
  const out = {};
  const step = async (name, run) => {
    try {
      out[name] = { rows: await run() };
    } catch (e) {
      out[name] = { code: e.code ?? null, message: e.message };
    }
  };
  /**
   * Closes the pool's connection as a broken one is closed: the next query opens a new one, at once
   * (on the embedded database while its socket server may still be letting the old one go).
   */
  const replaceConnection = async () => {
    const client = await pool.connect();
    client.release(new Error('retired by the test'));
  };
  try {
    await db.query('CREATE TABLE prepared_probe (k text PRIMARY KEY)');
    // a statement the database refuses: a NUL in a parameter (refused at Bind, after Parse)
    await step('select', () => db.prepared('probe_select', SELECT, ['a']));
    await step('select NUL', () => db.prepared('probe_select', SELECT, ['a\u0000b']));
    await step('new statement NUL', () => db.prepared('probe_new', 'SELECT $1::text AS w', ['\u0000']));
    await step('select after NUL', () => db.prepared('probe_select', SELECT, ['b']));
    await step('new statement after NUL', () => db.prepared('probe_new', 'SELECT $1::text AS w', ['c']));
    // a write refused by a constraint
    await step('insert', () => db.prepared('probe_insert', INSERT, ['k1']));
    await step('insert duplicate', () => db.prepared('probe_insert', INSERT, ['k1']));
    await step('insert after duplicate', () => db.prepared('probe_insert', INSERT, ['k2']));
    // the pool replaces its connection (on the embedded database the session stays)
    await replaceConnection();
    await step('select on a new connection', () => db.prepared('probe_select', SELECT, ['f']));
    await step('insert on a new connection', () => db.prepared('probe_insert', INSERT, ['k3']));
    await replaceConnection();
    await replaceConnection();
    await step('select after two more', () => db.prepared('probe_select', SELECT, ['g']));
    // many at once, one in three refused
    const settled = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => db.prepared(i % 2 ? 'probe_select' : 'probe_other', SELECT, [i % 3 === 0 ? `x\u0000${i}` : `v${i}`])),
    );
    out['many at once'] = {
      rows: [{ fulfilled: settled.filter((r) => r.status === 'fulfilled').length, rejected: settled.filter((r) => r.status === 'rejected').length }],
    };
    await step('select after many', () => db.prepared('probe_select', SELECT, ['h']));
    // the session drops every prepared statement behind the driver's back
    const client = await pool.connect();
    await client.query('DEALLOCATE ALL');
    client.release();
    await step('select after DEALLOCATE ALL', () => db.prepared('probe_select', SELECT, ['i']));
    await step('insert after DEALLOCATE ALL', () => db.prepared('probe_insert', INSERT, ['k4']));
  } finally {
    process.stdout.write(JSON.stringify(out));
    await db.onApplicationShutdown();
  }
})().catch((e) => {
  process.stderr.write(String(e && e.stack));
  process.exit(1);
});
