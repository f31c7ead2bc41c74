import 'reflect-metadata';
import { resolve } from 'node:path';
import { createLogger } from './common/logger';
import { Database } from './database/database';

/**
 * Brings the database to the newest schema and exits: the first step of the image's entrypoint
 * (docker/entrypoint.sh). On PostgreSQL under the same advisory lock as the API's own start, so
 * several containers may run it at once; the API checks again when it starts (nothing left to do).
 */
async function main(): Promise<number> {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
  try {
    const db = await Database.open({ databaseUrl: process.env.DATABASE_URL || null, dataDir: resolve(process.env.DATA_DIR ?? './data'), poolSize: 1 }, logger);
    await db.onApplicationShutdown();
    logger.info('migrations done');
    return 0;
  } catch (e) {
    logger.fatal({ err: e }, 'the migrations failed');
    return 1;
  }
}

if (require.main === module) {
  void main().then((code) => process.exit(code));
}
