import type { OnApplicationShutdown } from '@nestjs/common';
import { DatabaseError, type Pool, type PoolClient } from 'pg';
import type pino from 'pino';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config';
import { dataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

/**
 * SQLSTATEs that say the driver and the session disagree about a named statement: 42P05 (it
 * already exists: the driver did not know the session had it) and 26000 (it does not exist: the
 * driver thought it had prepared it). Either error comes from Parse or Bind, before Execute, so
 * the statement did not run and may be sent again.
 */
const STATEMENT_MISMATCH = new Set(['42P05', '26000']);

/**
 * The database: PostgreSQL at DATABASE_URL, or an embedded PGlite in DATA_DIR. Opened once at start,
 * migrated, closed on shutdown. Repositories run SQL through `query`.
 */
export class Database implements OnApplicationShutdown {
  /** Hot-path statements are prepared once per session under their name, until the session and the driver ever disagree. */
  private namedStatements = true;

  private constructor(
    readonly dataSource: DataSource,
    readonly kind: 'postgres' | 'embedded',
    private readonly embedded: EmbeddedPostgres | null,
    private readonly logger: pino.Logger,
  ) {}

  static async open(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'> & { poolSize?: number }, logger: pino.Logger): Promise<Database> {
    const started = Date.now();
    const poolSize = config.poolSize ?? 20;
    const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
    const url = config.databaseUrl ?? embedded!.url;
    // PostgreSQL needs two connections at start: one holds the migration lock while the other migrates
    const options = dataSourceOptions(url, embedded ? 1 : Math.max(2, poolSize));
    const dataSource = new DataSource(embedded ? withFreshSessionState(options) : options);
    try {
      await dataSource.initialize();
      await migrate(dataSource, embedded !== null);
    } catch (e) {
      await embedded?.stop();
      throw e;
    }
    const kind = embedded ? 'embedded' : 'postgres';
    logger.info({ kind, dataDir: embedded ? config.dataDir : undefined, ms: Date.now() - started }, 'database ready');
    return new Database(dataSource, kind, embedded, logger);
  }

  /** The connection pool's use, for GET /metrics: its size, connections open and idle, and requests waiting for one. */
  poolStats(): { max: number; total: number; idle: number; waiting: number } | null {
    const pool = (this.dataSource.driver as unknown as { master: Pool | undefined }).master;
    if (!pool) return null;
    return { max: pool.options.max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  /**
   * Runs a hot-path statement as a named prepared statement straight on the driver's pool (parsed
   * and planned once per connection: the per-event path is worth it, see DESIGN.md's reference figures).
   *
   * The connection stays in the pool after an error the database reported (a constraint, a bad
   * value): it is still in step, and so are the statements it prepared. Only a connection that
   * failed (socket closed, protocol error) is retired. On the embedded database this matters: its
   * one session outlives every connection to it, so a replaced connection would meet the
   * statements of the old one (see `withFreshSessionState`). Should the driver and the session
   * still disagree about a statement, it is run unnamed, and every statement from then on.
   */
  async prepared<T = Record<string, unknown>>(name: string, sql: string, params: unknown[]): Promise<T[]> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client: PoolClient = await pool.connect();
    let failed: Error | undefined;
    // the pool listens for a checked-out connection's errors no more: without a listener one would crash the process
    const onError = (e: Error) => (failed = e);
    client.on('error', onError);
    try {
      if (!this.namedStatements) return (await client.query<T & object>({ text: sql, values: params })).rows as T[];
      try {
        return (await client.query<T & object>({ name, text: sql, values: params })).rows as T[];
      } catch (e) {
        if (!(e instanceof DatabaseError && STATEMENT_MISMATCH.has(e.code ?? ''))) throw e;
        this.namedStatements = false;
        this.logger.warn(
          { err: e, statement: name, database: this.kind },
          'a prepared statement was out of step with the database session: statements run unnamed from now on',
        );
        return (await client.query<T & object>({ text: sql, values: params })).rows as T[];
      }
    } catch (e) {
      if (!(e instanceof DatabaseError)) failed ??= e as Error;
      throw Object.assign(e as Error, { query: sql });
    } finally {
      client.removeListener('error', onError);
      client.release(failed);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}

/**
 * On the embedded database every connection of the pool shares PGlite's one session, which keeps
 * the named statements of connections that are gone, while the driver remembers statements per
 * connection. Each new connection therefore starts by dropping them, so that what the driver
 * knows (nothing) is what the session holds.
 */
function withFreshSessionState(options: DataSourceOptions): DataSourceOptions {
  const extra = (options as { extra?: Record<string, unknown> }).extra ?? {};
  return { ...options, extra: { ...extra, onConnect: (client: PoolClient) => client.query('DEALLOCATE ALL') } } as DataSourceOptions;
}

/** Runs pending migrations; on PostgreSQL under an advisory lock, so several processes can start at once. */
async function migrate(dataSource: DataSource, embedded: boolean): Promise<void> {
  if (embedded) {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(7231001)');
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(7231001)').catch(() => undefined);
    await runner.release();
  }
}
