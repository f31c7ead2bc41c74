import type { OnApplicationShutdown } from '@nestjs/common';
import { DatabaseError, Pool, type PoolClient, type QueryResult } from 'pg';
import type pino from 'pino';
import type { AppConfig } from '../config';
import { MIGRATIONS } from './data-source-options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { runMigrations } from './migrator';

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
 * the `pg` pool this class owns (docs/adr/0028-persistence-pg.md). TypeORM is not loaded at run
 * time: the migrations keep its `MigrationInterface` shape and are run by `migrator.ts`.
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
      const ran = await db.migrate();
      logger.info({ kind, dataDir: embedded ? config.dataDir : undefined, migrated: ran, ms: Date.now() - started }, 'database ready');
    } catch (e) {
      await db.onApplicationShutdown().catch(() => undefined);
      throw e;
    }
    return db;
  }

  /**
   * Runs the pending migrations on one connection of the pool: on the embedded database its only
   * one, which the API then goes on using (a second connection right after the first closed would
   * be refused by PGlite's socket server). On PostgreSQL under an advisory lock held by that same
   * connection, so several processes can start at once: the first migrates, the others wait and
   * find nothing left to do.
   */
  private async migrate(): Promise<string[]> {
    const lock = this.kind === 'postgres';
    const client = await this.pool.connect();
    let failed: Error | undefined;
    const onError = (e: Error) => (failed = e);
    client.on('error', onError);
    try {
      if (lock) await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        return await runMigrations(client, MIGRATIONS);
      } finally {
        // a connection that may still hold the lock is closed rather than kept: closing it releases the lock
        if (lock) await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch((e: unknown) => (failed ??= e as Error));
      }
    } catch (e) {
      failed ??= e as Error; // the start fails: the connection goes with it
      throw e;
    } finally {
      client.removeListener('error', onError);
      client.release(failed);
    }
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
