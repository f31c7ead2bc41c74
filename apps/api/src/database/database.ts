import type { OnApplicationShutdown } from '@nestjs/common';
import type pino from 'pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import { dataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

/**
 * The database: PostgreSQL at DATABASE_URL, or an embedded PGlite in DATA_DIR. Opened once at start,
 * migrated, closed on shutdown. Repositories run SQL through `query`.
 */
export class Database implements OnApplicationShutdown {
  private constructor(
    readonly dataSource: DataSource,
    readonly kind: 'postgres' | 'embedded',
    private readonly embedded: EmbeddedPostgres | null,
  ) {}

  static async open(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'> & { poolSize?: number }, logger: pino.Logger): Promise<Database> {
    const started = Date.now();
    const poolSize = config.poolSize ?? 20;
    const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
    const url = config.databaseUrl ?? embedded!.url;
    const dataSource = new DataSource(dataSourceOptions(url, embedded ? 1 : poolSize));
    try {
      await dataSource.initialize();
      await migrate(dataSource, embedded !== null);
    } catch (e) {
      await embedded?.stop();
      throw e;
    }
    const kind = embedded ? 'embedded' : 'postgres';
    logger.info({ kind, dataDir: embedded ? config.dataDir : undefined, ms: Date.now() - started }, 'database ready');
    return new Database(dataSource, kind, embedded);
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  /**
   * Runs a hot-path statement as a named prepared statement straight on the driver's pool (parsed
   * and planned once per connection: the per-event path is worth it, see DESIGN.md's reference figures).
   */
  async prepared<T = Record<string, unknown>>(name: string, sql: string, params: unknown[]): Promise<T[]> {
    const pool = (this.dataSource.driver as unknown as { master: { query: (q: { name: string; text: string; values: unknown[] }) => Promise<{ rows: T[] }> } }).master;
    try {
      return (await pool.query({ name, text: sql, values: params })).rows;
    } catch (e) {
      throw Object.assign(e as Error, { query: sql });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
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
