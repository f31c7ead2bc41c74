// Test support: opens the built Database (apps/api/dist) on the database given in argv (a PostgreSQL
// URL, or "embedded:<data folder>") and prints what each step answered, as JSON. Run by
// database-open.int-spec.ts; a child process because PGlite does not load inside jest's module
// sandbox. The database starts as one migrated before the API ran its own migrations: TypeORM's
// runner applies the older half of them first.
require('reflect-metadata');
const pino = require('pino');
const { DataSource } = require('typeorm');
const { Database } = require('../dist/database/database.js');
const { MIGRATIONS, dataSourceOptions } = require('../dist/database/data-source-options.js');
const { startEmbeddedPostgres } = require('../dist/database/embedded-postgres.js');

const nameOf = (Class) => new Class().name ?? Class.name;
const byTimestamp = [...MIGRATIONS].sort((a, b) => Number(nameOf(a).slice(-13)) - Number(nameOf(b).slice(-13)));

/** Runs `work` with a TypeORM DataSource on the target, as the `typeorm` CLI would (the API is stopped). */
async function withTypeorm(target, migrations, work) {
  const embedded = target.startsWith('embedded:') ? await startEmbeddedPostgres(target.slice('embedded:'.length)) : null;
  const dataSource = new DataSource({ ...dataSourceOptions(embedded ? embedded.url : target, 1), migrations });
  try {
    await dataSource.initialize();
    return await work(dataSource);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

async function open(target, lines) {
  const embedded = target.startsWith('embedded:');
  const logger = pino({ level: 'info' }, { write: (line) => lines.push(JSON.parse(line)) });
  return Database.open({ databaseUrl: embedded ? null : target, dataDir: embedded ? target.slice('embedded:'.length) : null, poolSize: 4 }, logger);
}

(async () => {
  const target = process.argv[2];
  const out = {};
  const step = async (name, run) => {
    try {
      out[name] = await run();
    } catch (e) {
      out[name] = { failed: e.message, code: e.code ?? null };
    }
  };
  const older = byTimestamp.slice(0, Math.floor(byTimestamp.length / 2));
  out.all = byTimestamp.map(nameOf);
  out.older = older.map(nameOf);
  await step('typeorm ran the older half', () =>
    withTypeorm(target, older, (ds) => ds.runMigrations({ transaction: 'each' }).then((ran) => ran.map((m) => m.name))),
  );

  const lines = [];
  const db = await open(target, lines);
  try {
    // the very first statement after the migrations, on the pool the migrations ran on
    await step('first statement', () => db.query('SELECT count(*)::int AS n FROM migrations'));
    await step('first prepared statement', () => db.prepared('probe_first', 'SELECT $1::text AS v', ['a']));
    out['ready line'] = lines.filter((l) => l.msg === 'database ready').map((l) => ({ kind: l.kind, migrated: l.migrated }));
    out['pool after start'] = db.poolStats();

    // a database error keeps its statement, and the connection stays
    const pid = async () => (await db.query('SELECT pg_backend_pid() AS pid'))[0].pid;
    const before = await pid();
    await step('refused', async () => {
      try {
        await db.query('SELECT * FROM no_such_table WHERE id = $1', [1]);
        return { refused: false };
      } catch (e) {
        return { type: e.constructor.name, code: e.code, query: e.query };
      }
    });
    out['same connection after the error'] = { same: (await pid()) === before, total: db.poolStats().total };

    // a plain UPDATE … RETURNING answers its rows
    await db.query('CREATE TABLE open_probe (k text PRIMARY KEY, n int NOT NULL)');
    await db.query("INSERT INTO open_probe VALUES ('a', 1), ('b', 1)");
    await step('update returning', () => db.query("UPDATE open_probe SET n = n + 1 WHERE k = 'a' RETURNING k, n"));
    await step('delete', () => db.query("DELETE FROM open_probe WHERE k = 'b'"));

    // a connection retired, and a statement at once: on the embedded database the socket server
    // may still be letting the old connection go
    const replaced = [];
    for (let i = 0; i < 5; i++) {
      const client = await db.pool.connect();
      client.release(new Error('retired by the test'));
      try {
        replaced.push((await db.query('SELECT $1::int AS i', [i]))[0].i);
      } catch (e) {
        replaced.push(e.message);
      }
    }
    out['statements right after a retired connection'] = replaced;
  } finally {
    await db.onApplicationShutdown();
  }

  // the typeorm CLI reads the table as its own: nothing pending
  await step('typeorm sees pending migrations', () => withTypeorm(target, MIGRATIONS, (ds) => ds.showMigrations()));
  await step('migrations table', () =>
    withTypeorm(target, MIGRATIONS, (ds) => ds.query('SELECT "timestamp"::text AS timestamp, name FROM migrations ORDER BY id')),
  );

  // opened again: nothing left to run
  const again = [];
  const second = await open(target, again);
  await step('second open', async () => ({
    ready: again.filter((l) => l.msg === 'database ready').map((l) => l.migrated),
    rows: await second.query('SELECT 1 AS one'),
  }));
  await second.onApplicationShutdown();
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  process.stderr.write(String(e && e.stack));
  process.exit(1);
});
