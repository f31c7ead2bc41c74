import { resolve } from 'node:path';

/** Settings read once from the environment at start. */
export interface AppConfig {
  port: number;
  host: string;
  /** A PostgreSQL URL; when absent the API runs on an embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  sopsDir: string;
  production: boolean;
  authSecret: string;
  tokenTtlSeconds: number;
  /** How often the deadline sweeper and the periodic scheduler look for due work. */
  sweepIntervalMs: number;
  /** Seed demo accounts (never in production). */
  seedDemoUsers: boolean;
  /** The built web app to serve at `/`, when present. */
  webDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** DB_POOL_SIZE: connections to PostgreSQL per process (the embedded database always uses one). */
  poolSize: number;
  /** SOP_CLOCK_START: the process's clock starts at this instant (demos and tests only). */
  clockStart: Date | null;
}

export const DEFAULT_AUTH_SECRET = 'dev-only-secret-change-me';

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  // digits only: Number() would also take "1e3", "0x50" or " 80 " as numbers nobody meant to write
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}="${raw}" is not valid: write a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Reads the configuration; throws ConfigError with what to fix. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const production = env.NODE_ENV === 'production';
  const authSecret = env.AUTH_SECRET ?? DEFAULT_AUTH_SECRET;
  if (production && (authSecret === DEFAULT_AUTH_SECRET || authSecret.length < 32)) {
    throw new ConfigError('NODE_ENV=production needs AUTH_SECRET set to a random secret of at least 32 characters');
  }
  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL="${env.LOG_LEVEL}" is not valid: write debug, info, warn or error`);
  }
  let clockStart: Date | null = null;
  if (env.SOP_CLOCK_START) {
    if (production) throw new ConfigError('SOP_CLOCK_START moves the clock for demos and tests; it is refused when NODE_ENV=production');
    clockStart = new Date(env.SOP_CLOCK_START);
    if (Number.isNaN(clockStart.getTime())) throw new ConfigError(`SOP_CLOCK_START="${env.SOP_CLOCK_START}" is not an ISO 8601 instant such as 2026-03-19T08:00:00+07:00`);
  }
  return {
    clockStart,
    poolSize: integer(env, 'DB_POOL_SIZE', 20, 1, 500),
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    dataDir: resolve(cwd, env.DATA_DIR ?? './data'),
    sopsDir: resolve(cwd, env.SOPS_DIR ?? './sops'),
    production,
    authSecret,
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    sweepIntervalMs: integer(env, 'SWEEP_INTERVAL_MS', 5000, 100, 3600_000),
    seedDemoUsers: !production && env.SEED_DEMO_USERS !== 'false',
    webDir: resolve(cwd, env.WEB_DIR ?? './apps/web/dist'),
    logLevel,
  };
}
