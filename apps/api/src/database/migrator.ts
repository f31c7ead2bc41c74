import { DatabaseError, type ClientBase, type QueryResult } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A migration class, as listed in `MIGRATIONS` (data-source-options.ts). */
export type MigrationClass = new () => MigrationInterface;

/**
 * The table of applied migrations, as TypeORM creates it: the migrations of a database migrated
 * before are the same rows, and the `typeorm` CLI (migration:show, migration:revert, with
 * `dataSourceOptions`) reads the rows written here as its own.
 */
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "migrations" ("id" SERIAL NOT NULL, "timestamp" bigint NOT NULL, "name" character varying NOT NULL, CONSTRAINT "PK_8c82d7f526340ab734260ea46be" PRIMARY KEY ("id"))`;

interface Migration {
  name: string;
  timestamp: number;
  instance: MigrationInterface;
}

/**
 * Runs the migrations not yet in the table, in the order of their timestamps, each in its own
 * transaction with the row that records it (unless it sets `transaction = false`), on the one
 * connection given: the pool's own, so the embedded database never sees a second connection
 * (docs/adr/0028-persistence-pg.md). The same rules as TypeORM's `runMigrations({ transaction: 'each' })`:
 * a migration is known by its name (its `name`, or its class's), whose last 13 digits are its
 * timestamp. Answers the names of the migrations it ran.
 */
export async function runMigrations(client: ClientBase, classes: readonly MigrationClass[]): Promise<string[]> {
  const migrations = ordered(classes);
  await client.query(MIGRATIONS_TABLE);
  const done = new Set((await client.query<{ name: string }>('SELECT "name" FROM "migrations"')).rows.map((r) => r.name));
  const ran: string[] = [];
  for (const migration of migrations.filter((m) => !done.has(m.name))) {
    const transaction = migration.instance.transaction !== false;
    if (transaction) await client.query('START TRANSACTION');
    try {
      await migration.instance.up(queryRunnerOn(client, migration.name));
      await client.query('INSERT INTO "migrations"("timestamp", "name") VALUES ($1, $2)', [migration.timestamp, migration.name]);
      if (transaction) await client.query('COMMIT');
    } catch (e) {
      if (transaction) await client.query('ROLLBACK').catch(() => undefined);
      throw e instanceof Error ? Object.assign(e, { message: `migration ${migration.name} failed: ${e.message}` }) : e;
    }
    ran.push(migration.name);
  }
  return ran;
}

/** The migrations by timestamp; a name without a 13-digit timestamp at its end, or one listed twice, is refused. */
function ordered(classes: readonly MigrationClass[]): Migration[] {
  const migrations = classes.map((Class) => {
    const instance = new Class();
    const name = instance.name ?? Class.name;
    const timestamp = Number(name.slice(-13));
    if (!/\d{13}$/.test(name) || !timestamp) throw new Error(`migration ${name}: its name must end with its 13-digit JavaScript timestamp`);
    return { name, timestamp, instance };
  });
  const twice = migrations.filter((m, i) => migrations.findIndex((o) => o.name === m.name) !== i).map((m) => m.name);
  if (twice.length) throw new Error(`migrations listed twice: ${[...new Set(twice)].join(', ')}`);
  return migrations.sort((a, b) => a.timestamp - b.timestamp);
}

/**
 * What a migration's `up` is given: a `QueryRunner` with `query` alone, answering as TypeORM's does
 * (the rows; `[rows, rowCount]` for an UPDATE or DELETE). A database error keeps the statement as
 * `query`. Any other member is refused by name, so a migration using TypeORM's schema builder
 * fails at once, saying so, instead of doing half its work.
 */
function queryRunnerOn(client: ClientBase, migration: string): QueryRunner {
  const query = async (sql: string, params?: unknown[]): Promise<unknown> => {
    try {
      return answer(await client.query(sql, params));
    } catch (e) {
      throw e instanceof DatabaseError ? Object.assign(e, { query: sql }) : e;
    }
  };
  return new Proxy(
    { query },
    {
      get(_, key) {
        if (key === 'query') return query;
        if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return undefined;
        throw new Error(
          `migration ${migration} used queryRunner.${key}: migrations are run by database/migrator.ts, which gives them query() only: write the change as SQL`,
        );
      },
    },
  ) as unknown as QueryRunner;
}

function answer(result: QueryResult | QueryResult[]): unknown {
  const last = Array.isArray(result) ? result.at(-1) : result;
  if (!last) return [];
  return last.command === 'UPDATE' || last.command === 'DELETE' ? [last.rows, last.rowCount] : last.rows;
}
