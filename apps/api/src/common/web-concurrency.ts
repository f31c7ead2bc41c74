import { ConfigError } from '../config';

/** The most worker processes WEB_CONCURRENCY may ask for. */
export const MAX_WEB_CONCURRENCY = 64;

/**
 * How many API worker processes to run behind one port (node:cluster), from WEB_CONCURRENCY: 1 (no
 * workers: the process serves by itself) when unset. Workers need PostgreSQL (DATABASE_URL): the
 * embedded database lives in one process and cannot be shared by several.
 */
export function webConcurrency(env: NodeJS.ProcessEnv): number {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (!raw) return 1;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_WEB_CONCURRENCY) {
    throw new ConfigError(`WEB_CONCURRENCY must be a whole number of worker processes from 1 to ${MAX_WEB_CONCURRENCY}; it is "${env.WEB_CONCURRENCY}"`);
  }
  const workers = Number(raw);
  if (workers > 1 && !env.DATABASE_URL) {
    throw new ConfigError(
      `WEB_CONCURRENCY=${workers} needs PostgreSQL (DATABASE_URL): the embedded database (DATA_DIR) is one process's and cannot be shared by ${workers} workers`,
    );
  }
  return workers;
}
