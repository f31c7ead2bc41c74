import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Settings read once from the environment at start. */
export interface AppConfig {
  port: number;
  host: string;
  /** A PostgreSQL URL; when absent the API runs on an embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  sopsDir: string;
  production: boolean;
  /** Signs the tokens: AUTH_SECRET, or a random one generated on first start and kept in DATA_DIR/auth-secret. */
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
  /** TRUST_PROXY: Express's `trust proxy` (whose X-Forwarded-For to believe); false: the socket's address. */
  trustProxy: boolean | number | string[];
  /** METRICS_TOKEN: the bearer token GET /metrics asks for; without one, /metrics answers this machine only (docs/observability.md). */
  metricsToken: string | null;
  /** Limits against guessing and flooding (README "Rate limits"). */
  limits: RateLimits;
  /** Encrypts confidential form values at rest: DATA_KEY, or a random one kept in DATA_DIR/data-key (32 bytes). */
  dataKey: Buffer;
  /** Where attachments are kept and how large an officer's file may be (docs/adr/0013-attachments.md). */
  attachments: AttachmentSettings;
  /** Messages to complainants: SMTP, the WhatsApp/SMS gateway, retries (docs/adr/0015-notifications-outbox.md). */
  notify: NotifySettings;
  /** DUPLICATE_WINDOW_DAYS: a filing by the same NIK or phone this recent is shown as a possible duplicate (docs/adr/0023). */
  duplicateWindowDays: number;
  /** WEBHOOK_ALLOW_LOCALHOST: webhooks may go to http(s)://localhost and 127.0.0.1 (tests, development; refused in production). */
  webhooks: { allowLocalhost: boolean };
}

/** SMTP_URL, or SMTP_HOST/SMTP_PORT/SMTP_USER/SMTP_PASS/SMTP_SECURE; MAIL_FROM. */
export interface SmtpSettings {
  url: string | null;
  host: string | null;
  port: number;
  secure: boolean;
  user: string | null;
  pass: string | null;
  from: string;
}

export interface NotifySettings {
  /** PUBLIC_URL: the web app's address in messages (the ticket link). */
  publicUrl: string;
  /** Null: e-mails stay pending in the outbox (health says so). */
  smtp: SmtpSettings | null;
  /** NOTIFY_HTTP_URL and NOTIFY_HTTP_TOKEN: the WhatsApp/SMS gateway; null: those messages stay pending. */
  http: { url: string; token: string | null } | null;
  /** NOTIFY_PHONE_CHANNEL: what a mobile number gets (whatsapp, the default, or sms). */
  phoneChannel: 'whatsapp' | 'sms';
  /** NOTIFY_MAX_ATTEMPTS: attempts before a message is marked failed. */
  maxAttempts: number;
  /** NOTIFY_RETRY_BASE_MS: the wait after the first failure, doubled after each further one. */
  retryBaseMs: number;
  /** NOTIFY_INTERVAL_MS: how often the worker looks for messages to deliver. */
  intervalMs: number;
}

/** ATTACHMENTS_S3_*: an S3-compatible bucket for attachments; without it they are kept in DATA_DIR/attachments. */
export interface S3Settings {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface AttachmentSettings {
  s3: S3Settings | null;
  /** ATTACHMENT_EVENT_MAX_MB: the largest file an officer attaches to an event, in megabytes (1–20, default 10). */
  eventMaxMb: number;
}

/** A number of requests per window, per client address (in each API process's memory). */
export interface RateWindow {
  limit: number;
  windowSeconds: number;
}

export interface RateLimits {
  /** Failed log-ins per client address (a successful one is not counted). */
  loginPerIp: RateWindow;
  /** Failed log-ins of one username before it is locked, the first lock, and the longest (each further failure doubles it). */
  lockout: { after: number; baseSeconds: number; maxSeconds: number };
  /** Ticket look-ups per client address, and among them those that find no complaint. */
  ticketLookups: RateWindow;
  ticketMisses: RateWindow;
  /** Complaints accepted from the public form per client address. */
  complaints: RateWindow;
  /** Files uploaded from the public form per client address (accepted or refused: each costs the bytes sent). */
  attachments: RateWindow;
  /** Worker threads checking passwords (bcrypt), and log-ins that may wait for one before 503. */
  passwordWorkers: number;
  passwordQueue: number;
  /** Publications whose SOP text may wait for the checking thread (one check at a time) before 503. */
  sopCheckQueue: number;
}

export class ConfigError extends Error {}

/** The file in DATA_DIR that keeps the generated signing secret when AUTH_SECRET is not set. */
export const AUTH_SECRET_FILE = 'auth-secret';
export const MIN_AUTH_SECRET_LENGTH = 32;
/** The file in DATA_DIR that keeps the generated data key when DATA_KEY is not set. */
export const DATA_KEY_FILE = 'data-key';

/** What a kept file holds, for its messages. */
interface KeptFile {
  file: string;
  what: string;
  variable: string;
  /** What stops working when the file is replaced. */
  loss: string;
}

const AUTH_SECRET_KEPT: KeptFile = {
  file: AUTH_SECRET_FILE,
  what: 'signing secret',
  variable: 'AUTH_SECRET',
  loss: 'tokens signed with the old one stop working',
};
const DATA_KEY_KEPT: KeptFile = {
  file: DATA_KEY_FILE,
  what: 'data key',
  variable: 'DATA_KEY',
  loss: 'confidential values sealed with the old one can no longer be read',
};

/**
 * The key that seals confidential form values (AES-256-GCM, 32 bytes): DATA_KEY as 64 hexadecimal
 * characters, required with NODE_ENV=production (every process and machine of a deployment needs the
 * same key, and a backup of the database is useless without it); otherwise one generated on first
 * start and kept in DATA_DIR/data-key.
 */
function dataKeyOf(env: NodeJS.ProcessEnv, production: boolean, dataDir: string): Buffer {
  const given = env.DATA_KEY;
  if (given !== undefined && given !== '') {
    if (!/^[0-9a-fA-F]{64}$/.test(given)) throw new ConfigError('DATA_KEY must be 64 hexadecimal characters (32 bytes, e.g. openssl rand -hex 32)');
    return Buffer.from(given, 'hex');
  }
  if (production)
    throw new ConfigError(
      'NODE_ENV=production needs DATA_KEY (64 hexadecimal characters: openssl rand -hex 32), the same for every API process; keep a copy apart from the database backups',
    );
  const kept = keptSecret(dataDir, DATA_KEY_KEPT);
  if (!/^[0-9a-fA-F]{64}$/.test(kept))
    throw new ConfigError(`${join(dataDir, DATA_KEY_FILE)} does not hold 64 hexadecimal characters: restore the key it held, or set DATA_KEY`);
  return Buffer.from(kept, 'hex');
}

/**
 * The secret that signs tokens. AUTH_SECRET when set (at least 32 characters); required with
 * NODE_ENV=production. Otherwise a random one (32 bytes) generated on first start and kept in
 * DATA_DIR/auth-secret (mode 0600), so that tokens outlive a restart and the API processes of one
 * machine share it; never a constant of the code, which anyone could use to sign their own token.
 */
function authSecretOf(env: NodeJS.ProcessEnv, production: boolean, dataDir: string): string {
  const given = env.AUTH_SECRET;
  if (production && (given === undefined || given.length < MIN_AUTH_SECRET_LENGTH)) {
    throw new ConfigError(`NODE_ENV=production needs AUTH_SECRET set to a random secret of at least ${MIN_AUTH_SECRET_LENGTH} characters`);
  }
  if (given !== undefined && given !== '') {
    if (given.length < MIN_AUTH_SECRET_LENGTH) {
      throw new ConfigError(
        `AUTH_SECRET is shorter than ${MIN_AUTH_SECRET_LENGTH} characters: set a random secret (openssl rand -hex 32), or unset it to have one generated and kept in ${join(dataDir, AUTH_SECRET_FILE)}`,
      );
    }
    return given;
  }
  return keptSecret(dataDir, AUTH_SECRET_KEPT);
}

/**
 * Reads a kept secret (DATA_DIR/auth-secret, DATA_DIR/data-key), or creates it: 32 random bytes as
 * 64 hexadecimal characters. Several processes may start at once on one DATA_DIR: the secret is
 * written to a file of this process's own ('wx') and linked into place, which succeeds for exactly
 * one of them; the others read the winner's.
 */
export function keptSecret(dataDir: string, kept: KeptFile = AUTH_SECRET_KEPT): string {
  const file = join(dataDir, kept.file);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const existing = readSecretFile(file, kept);
  if (existing !== null) return existing;
  const secret = randomBytes(32).toString('hex');
  const own = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(own, `${secret}\n`, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(own, file);
    return secret;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return readSecretFile(file, kept) ?? secret;
    // a file system without hard links: create the file itself, exclusively
    try {
      writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'EEXIST') return readSecretFile(file, kept) ?? secret;
      throw again;
    }
  } finally {
    unlinkSync(own);
  }
}

/** The kept secret, or null when there is no file; waits a moment for one another process is still writing. */
function readSecretFile(file: string, kept: KeptFile): string | null {
  for (let waited = 0; ; waited += 50) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new ConfigError(
        `${file} cannot be read (${(e as NodeJS.ErrnoException).code}): the API keeps its ${kept.what} there when ${kept.variable} is not set`,
      );
    }
    if (text.length >= MIN_AUTH_SECRET_LENGTH) {
      // only this user reads it: tighten a copy that was made readable to others
      if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      return text;
    }
    if (waited >= 1000) {
      throw new ConfigError(
        `${file} holds no ${kept.what} of at least ${MIN_AUTH_SECRET_LENGTH} characters: delete it to have a new one generated (${kept.loss}), or set ${kept.variable}`,
      );
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}

/** The outbox's delivery settings (docs/adr/0015-notifications-outbox.md). */
function notifySettingsOf(env: NodeJS.ProcessEnv, port: number): NotifySettings {
  const url = (name: string, value: string) => {
    if (!/^https?:\/\/[^\s/]+/.test(value)) throw new ConfigError(`${name}="${value}" is not a URL such as https://pengaduan.example.go.id`);
    return value.replace(/\/+$/, '');
  };
  const publicUrl = env.PUBLIC_URL ? url('PUBLIC_URL', env.PUBLIC_URL) : `http://localhost:${port}`;
  let smtp: SmtpSettings | null = null;
  if (env.SMTP_URL || env.SMTP_HOST) {
    if (env.SMTP_URL && !/^smtps?:\/\/[^\s]+$/.test(env.SMTP_URL))
      throw new ConfigError('SMTP_URL is not a URL such as smtp://user:pass@mail.example.go.id:587 or smtps://…:465');
    smtp = {
      url: env.SMTP_URL || null,
      host: env.SMTP_HOST || null,
      port: integer(env, 'SMTP_PORT', 587, 1, 65535),
      secure: env.SMTP_SECURE === 'true',
      user: env.SMTP_USER || null,
      pass: env.SMTP_PASS || null,
      from: env.MAIL_FROM || 'Pengaduan Disdukcapil <no-reply@localhost>',
    };
  }
  const phone = env.NOTIFY_PHONE_CHANNEL || 'whatsapp';
  if (phone !== 'whatsapp' && phone !== 'sms') throw new ConfigError(`NOTIFY_PHONE_CHANNEL="${phone}" is not valid: write whatsapp or sms`);
  return {
    publicUrl,
    smtp,
    http: env.NOTIFY_HTTP_URL ? { url: url('NOTIFY_HTTP_URL', env.NOTIFY_HTTP_URL), token: env.NOTIFY_HTTP_TOKEN || null } : null,
    phoneChannel: phone,
    maxAttempts: integer(env, 'NOTIFY_MAX_ATTEMPTS', 5, 1, 50),
    retryBaseMs: integer(env, 'NOTIFY_RETRY_BASE_MS', 60_000, 50, 86_400_000),
    intervalMs: integer(env, 'NOTIFY_INTERVAL_MS', 5000, 50, 3_600_000),
  };
}

/** WEBHOOK_ALLOW_LOCALHOST (docs/adr/0019-webhooks.md): true or false (the default); never in production. */
function webhookLocalhostOf(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const value = env.WEBHOOK_ALLOW_LOCALHOST ?? 'false';
  if (value !== 'true' && value !== 'false') throw new ConfigError(`WEBHOOK_ALLOW_LOCALHOST="${value}" is not valid: write true or false`);
  if (value === 'true' && production)
    throw new ConfigError('WEBHOOK_ALLOW_LOCALHOST lets webhooks reach this machine (tests, development); it is refused when NODE_ENV=production');
  return value === 'true';
}

/** ATTACHMENTS_S3_*: all of endpoint, bucket and keys, or none (files on the local disk). */
function s3SettingsOf(env: NodeJS.ProcessEnv): S3Settings | null {
  const names = ['ENDPOINT', 'BUCKET', 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY'] as const;
  const given = names.filter((n) => (env[`ATTACHMENTS_S3_${n}`] ?? '') !== '');
  if (given.length === 0) return null;
  if (given.length < names.length) {
    const missing = names.filter((n) => !given.includes(n)).map((n) => `ATTACHMENTS_S3_${n}`);
    throw new ConfigError(
      `attachments in S3 need ${missing.join(', ')} as well (or unset every ATTACHMENTS_S3_ variable to keep them in DATA_DIR/attachments)`,
    );
  }
  const endpoint = env.ATTACHMENTS_S3_ENDPOINT!;
  if (!/^https?:\/\/[^\s/]+/.test(endpoint))
    throw new ConfigError(`ATTACHMENTS_S3_ENDPOINT="${endpoint}" is not a URL such as https://s3.ap-southeast-3.amazonaws.com or http://127.0.0.1:9000`);
  return {
    endpoint,
    bucket: env.ATTACHMENTS_S3_BUCKET!,
    accessKeyId: env.ATTACHMENTS_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.ATTACHMENTS_S3_SECRET_ACCESS_KEY!,
    region: env.ATTACHMENTS_S3_REGION || 'us-east-1',
  };
}

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

/**
 * TRUST_PROXY as Express's `trust proxy`: unset or "false", the socket's address (X-Forwarded-For is
 * ignored); a number, that many proxies in front; "loopback", "uniquelocal" or addresses and subnets
 * separated by commas, the proxies to believe; "true", every X-Forwarded-For (only behind a proxy that
 * overwrites the header: anyone could pick their own address).
 */
function trustProxyOf(env: NodeJS.ProcessEnv): AppConfig['trustProxy'] {
  const raw = env.TRUST_PROXY;
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  const parts = value.split(',').map((p) => p.trim());
  const named = ['loopback', 'linklocal', 'uniquelocal'];
  const address = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)(\/\d{1,3})?$/;
  const bad = parts.find((p) => !named.includes(p) && !address.test(p));
  if (bad !== undefined) {
    throw new ConfigError(
      `TRUST_PROXY="${raw}" is not valid: write false, true, a number of proxies, or addresses and subnets such as loopback,10.0.0.0/8 ("${bad}" is none of these)`,
    );
  }
  return parts;
}

function rateLimitsOf(env: NodeJS.ProcessEnv): RateLimits {
  const window = (name: string, limit: number, seconds: number): RateWindow => ({
    limit: integer(env, `${name}_LIMIT`, limit, 1, 1_000_000),
    windowSeconds: integer(env, `${name}_WINDOW_SECONDS`, seconds, 1, 7 * 24 * 3600),
  });
  const baseSeconds = integer(env, 'LOGIN_LOCKOUT_SECONDS', 60, 1, 24 * 3600);
  const maxSeconds = integer(env, 'LOGIN_LOCKOUT_MAX_SECONDS', 3600, 1, 30 * 24 * 3600);
  if (maxSeconds < baseSeconds)
    throw new ConfigError(`LOGIN_LOCKOUT_MAX_SECONDS (${maxSeconds}) must not be shorter than LOGIN_LOCKOUT_SECONDS (${baseSeconds})`);
  return {
    loginPerIp: window('LOGIN_IP', 20, 900),
    lockout: { after: integer(env, 'LOGIN_LOCKOUT_AFTER', 5, 1, 1_000_000), baseSeconds, maxSeconds },
    ticketLookups: window('TICKET_LOOKUP', 60, 60),
    ticketMisses: window('TICKET_MISS', 30, 3600),
    complaints: window('COMPLAINT_IP', 30, 3600),
    attachments: window('ATTACHMENT_IP', 60, 3600),
    passwordWorkers: integer(env, 'PASSWORD_WORKERS', 1, 1, 16),
    passwordQueue: integer(env, 'PASSWORD_QUEUE', 32, 0, 10_000),
    sopCheckQueue: integer(env, 'SOP_CHECK_QUEUE', 16, 0, 1_000),
  };
}

/** Reads the configuration; throws ConfigError with what to fix. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(cwd, env.DATA_DIR ?? './data');
  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL="${env.LOG_LEVEL}" is not valid: write debug, info, warn or error`);
  }
  let clockStart: Date | null = null;
  if (env.SOP_CLOCK_START) {
    if (production) throw new ConfigError('SOP_CLOCK_START moves the clock for demos and tests; it is refused when NODE_ENV=production');
    clockStart = new Date(env.SOP_CLOCK_START);
    if (Number.isNaN(clockStart.getTime()))
      throw new ConfigError(`SOP_CLOCK_START="${env.SOP_CLOCK_START}" is not an ISO 8601 instant such as 2026-03-19T08:00:00+07:00`);
  }
  return {
    clockStart,
    poolSize: integer(env, 'DB_POOL_SIZE', 20, 1, 500),
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    dataDir,
    sopsDir: resolve(cwd, env.SOPS_DIR ?? './sops'),
    production,
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    sweepIntervalMs: integer(env, 'SWEEP_INTERVAL_MS', 5000, 100, 3600_000),
    seedDemoUsers: !production && env.SEED_DEMO_USERS !== 'false',
    webDir: resolve(cwd, env.WEB_DIR ?? './apps/web/dist'),
    logLevel,
    trustProxy: trustProxyOf(env),
    metricsToken: metricsTokenOf(env),
    limits: rateLimitsOf(env),
    attachments: { s3: s3SettingsOf(env), eventMaxMb: integer(env, 'ATTACHMENT_EVENT_MAX_MB', 10, 1, 20) },
    notify: notifySettingsOf(env, integer(env, 'PORT', 3000, 0, 65535)),
    duplicateWindowDays: integer(env, 'DUPLICATE_WINDOW_DAYS', 30, 1, 366),
    webhooks: { allowLocalhost: webhookLocalhostOf(env, production) },
    // last: every other setting is checked before a secret file is created
    authSecret: authSecretOf(env, production, dataDir),
    dataKey: dataKeyOf(env, production, dataDir),
  };
}

/** METRICS_TOKEN: unset (metrics for this machine only) or at least 16 characters. */
function metricsTokenOf(env: NodeJS.ProcessEnv): string | null {
  const token = env.METRICS_TOKEN;
  if (token === undefined || token === '') return null;
  if (token.length < 16 || /\s/.test(token))
    throw new ConfigError('METRICS_TOKEN must be at least 16 characters without spaces (e.g. openssl rand -hex 24), or unset');
  return token;
}
