import type { OnApplicationShutdown } from '@nestjs/common';
import { DatabaseError, Pool, type PoolClient, type QueryResult } from 'pg';
import type pino from 'pino';
import type { AppConfig } from '../config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

/**
 * SQLSTATEs that say the driver and the session disagree about a named statement: 42P05 (it
 * already exists: the driver did not know the session had it) and 26000 (it does not exist: the
 * driver thought it had prepared it). Either error comes from Parse or Bind, before Execute, so
 * the statement did not run and may be sent again.
 */
const STATEMENT_MISMATCH = new Set(['42P05', '26000']);

/** The advisory lock the processes starting at once on one PostgreSQL take in turn to migrate. */
const MIGRATION_LOCK = 7231001;

/**
 * The database: PostgreSQL at DATABASE_URL, or an embedded PGlite in DATA_DIR. Opened once at start,
 * migrated, closed on shutdown. Repositories run SQL through `query`; both it and `prepared` run on
 * the `pg` pool this class owns (docs/adr/0028-persistence-pg.md). TypeORM runs the migrations at
 * start, on connections of its own that are closed before the pool opens its first.
 */
export class Database implements OnApplicationShutdown {
  /** Hot-path statements are prepared once per session under their name, until the session and the driver ever disagree. */
  private namedStatements = true;
  private closed = false;

  private constructor(
    /** The connection pool (`pg`'s public API). Test support reads it to take or retire a connection. */
    readonly pool: Pool,
    readonly kind: 'postgres' | 'embedded',
    private readonly embedded: EmbeddedPostgres | null,
    private readonly logger: pino.Logger,
  ) {}

  static async open(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'> & { poolSize?: number }, logger: pino.Logger): Promise<Database> {
    const started = Date.now();
    const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
    const kind = embedded ? 'embedded' : 'postgres';
    const pool = new Pool({
      connectionString: config.databaseUrl ?? embedded?.url,
      // PGlite has one session: one connection, which serialises transactions (docs/adr/0004-embedded-database-and-single-statement-writes.md)
      max: embedded ? 1 : (config.poolSize ?? 20),
      idleTimeoutMillis: 0,
      // pg-pool awaits `onConnect` before it hands the connection out (its types say it returns void)
      // eslint-disable-next-line @typescript-eslint/no-misused-promises
      ...(embedded ? { Client: embedded.Client, onConnect: dropStatementsOfGoneConnections } : {}),
    });
    // an idle connection that fails is dropped by the pool; without a listener its error would end the process
    pool.on('error', (err) => logger.warn({ err, database: kind }, 'an idle database connection failed: the pool opens another when one is needed'));
    const db = new Database(pool, kind, embedded, logger);
    try {
      const ran = await migrate(config.databaseUrl ?? embedded?.url ?? '', embedded);
      logger.info({ kind, dataDir: embedded ? config.dataDir : undefined, migrated: ran, ms: Date.now() - started }, 'database ready');
    } catch (e) {
      await db.onApplicationShutdown().catch(() => undefined);
      throw e;
    }
    return db;
  }

  /** The connection pool's use, for GET /metrics: its size, connections open and idle, and requests waiting for one. */
  poolStats(): { max: number; total: number; idle: number; waiting: number } {
    const pool = this.pool;
    return { max: pool.options.max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
  }

  /**
   * Runs one statement (several without parameters: the rows of the last) and answers its rows:
   * those of a SELECT, or of an INSERT, UPDATE or DELETE with RETURNING.
   */
  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.withClient(sql, async (client) => rowsOf<T>(await client.query<T & object>(sql, params)));
  }

  /**
   * Runs a hot-path statement as a named prepared statement (parsed and planned once per
   * connection: the per-event path is worth it, see DESIGN.md's reference figures). Should the
   * driver and the session ever disagree about a statement, it is run unnamed, and every statement
   * from then on.
   */
  prepared<T = Record<string, unknown>>(name: string, sql: string, params: unknown[]): Promise<T[]> {
    return this.withClient(sql, async (client) => {
      if (!this.namedStatements) return (await client.query<T & object>({ text: sql, values: params })).rows;
      try {
        return (await client.query<T & object>({ name, text: sql, values: params })).rows;
      } catch (e) {
        if (!(e instanceof DatabaseError && STATEMENT_MISMATCH.has(e.code ?? ''))) throw e;
        this.namedStatements = false;
        this.logger.warn(
          { err: e, statement: name, database: this.kind },
          'a prepared statement was out of step with the database session: statements run unnamed from now on',
        );
        return (await client.query<T & object>({ text: sql, values: params })).rows;
      }
    });
  }

  /**
   * Runs `work` on a connection of the pool and gives it back. A database error (`DatabaseError`,
   * with the statement as `query`, as TypeORM's QueryFailedError had it) leaves the connection in
   * the pool: it is still in step, and so are the statements it prepared. Only a connection that
   * failed (socket closed, protocol error) is retired. On the embedded database this matters: its
   * one session outlives every connection to it, so a replaced connection would meet the
   * statements of the old one (see `dropStatementsOfGoneConnections`).
   */
  private async withClient<T>(sql: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let failed: Error | undefined;
    // the pool listens for a checked-out connection's errors no more: without a listener one would crash the process
    const onError = (e: Error) => (failed = e);
    client.on('error', onError);
    try {
      return await work(client);
    } catch (e) {
      if (!(e instanceof DatabaseError)) failed ??= e as Error;
      throw Object.assign(e as Error, { query: sql });
    } finally {
      client.removeListener('error', onError);
      client.release(failed);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.pool.end();
    } finally {
      await this.embedded?.stop();
    }
  }
}

/** The rows of a statement's answer; of the last statement when several were sent at once. */
function rowsOf<T>(result: QueryResult | QueryResult[]): T[] {
  const last = Array.isArray(result) ? result.at(-1) : result;
  return (last?.rows ?? []) as T[];
}

/**
 * On the embedded database every connection shares PGlite's one session, which keeps the named
 * statements of connections that are gone, while the driver remembers statements per connection.
 * Each new connection therefore starts by dropping them (the pool's `onConnect`), so that what the
 * driver knows (nothing) is what the session holds.
 */
async function dropStatementsOfGoneConnections(client: { query(sql: string): Promise<unknown> }): Promise<void> {
  await client.query('DEALLOCATE ALL');
}

/**
 * Runs the pending migrations with TypeORM (`runMigrations`, each in its own transaction) and
 * closes TypeORM's connections before the pool opens its first. On the embedded database TypeORM
 * has its one connection, made with the embedded `Client`, and the pool's first connection waits
 * until the socket server has let it go (embedded-postgres.ts). On PostgreSQL two connections:
 * one holds an advisory lock while the other migrates, so several processes can start at once (the
 * first migrates, the others wait and find nothing left to do). Answers the names of the
 * migrations run.
 */
async function migrate(url: string, embedded: EmbeddedPostgres | null): Promise<string[]> {
  const options = dataSourceOptions(url, embedded ? 1 : 2, embedded ? { Client: embedded.Client, onConnect: dropStatementsOfGoneConnections } : {});
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    if (embedded) return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}
