import type { LoggerService } from '@nestjs/common';
import pino from 'pino';
import { requestContext } from './request-context';

/**
 * Paths of a log line's object that never reach the output ("[redacted]"): logs carry ids (case,
 * ticket, sop, user), never a complainant's identity (form data, notes, replies, request bodies,
 * database query parameters) nor a secret (passwords, tokens, the signing secret). logger.spec.ts
 * holds this list to what it must keep out.
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
  // secrets
  'password',
  '*.password',
  'newPassword',
  'passwordHash',
  '*.passwordHash',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'authSecret',
  '*.authSecret',
  'authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  // request bodies and what a complainant wrote
  'body',
  '*.body',
  'req.body',
  'data',
  '*.data',
  'form',
  '*.form',
  'formData',
  // a Case logged whole (docs/adr/0033) carries its form as formData
  '*.formData',
  'form_data',
  '*.form_data',
  'values',
  'note',
  '*.note',
  'reply',
  '*.reply',
  // database queries: their parameters are the values written (name, NIK, KK, phone, e-mail)
  'parameters',
  '*.parameters',
  'driverError',
  '*.driverError',
  'detail',
  '*.detail',
];

const MAX_DEPTH = 4;
// a PostgreSQL error's fields that name where it happened, never what was written
const DATABASE_FIELDS = ['code', 'severity', 'table', 'column', 'constraint', 'schema', 'routine', 'dataType'] as const;
// other errors' fields worth keeping: system calls, HTTP status, body-parser's kind
const SAFE_FIELDS = ['code', 'errno', 'syscall', 'status', 'statusCode'] as const;

/** `"what was written"` and `'literal'` in a database message: the values, gone (the names are in its fields). */
function withoutValues(text: string): string {
  return withoutLiterals(text.replace(/"(?:[^"\\]|\\.)*"/g, '"…"'));
}

/** A statement's string literals replaced by '…' (its quoted identifiers stay). */
function withoutLiterals(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, "'…'");
}

/**
 * An error as it is logged: its kind, message, stack and the fields that say where it happened. A
 * database error (TypeORM's QueryFailedError, a pg error) loses its parameters, driver error,
 * `detail` ("Key (nik)=(…) already exists", "Failing row contains (…)") and `where`; the values
 * quoted in its message and statement are replaced by "…". Nothing else of an error is copied: a
 * body-parser error's `body`, an HTTP exception's response, whatever a library attached.
 */
export function serializeError(err: unknown, depth = 0): unknown {
  if (err === null || typeof err !== 'object') return err;
  const e = err as Record<string, unknown>;
  const database = 'query' in e || 'parameters' in e || 'driverError' in e || (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && 'severity' in e);
  const clean = (s: string) => (database ? withoutValues(s) : s);
  const type = (err as { constructor?: { name?: string } }).constructor?.name ?? 'Object';
  const message = typeof e.message === 'string' ? clean(e.message) : undefined;
  const out: Record<string, unknown> = { type, message };
  if (typeof e.stack === 'string') {
    // the stack's first line repeats the message
    const frames = e.stack.split('\n').filter((line) => /^\s+at /.test(line));
    out.stack = [`${type}: ${message ?? ''}`, ...frames].join('\n');
  }
  for (const field of database ? [...new Set([...SAFE_FIELDS, ...DATABASE_FIELDS])] : SAFE_FIELDS) {
    const value = e[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  if (database) {
    if (typeof e.query === 'string') out.query = withoutLiterals(e.query.replace(/\s+/g, ' ').trim()).slice(0, 1000);
    if (Array.isArray(e.parameters)) out.parameterCount = e.parameters.length;
  }
  if (e.cause !== undefined && depth < MAX_DEPTH) out.cause = serializeError(e.cause, depth + 1);
  if (Array.isArray(e.errors) && depth < MAX_DEPTH) out.errors = e.errors.slice(0, 10).map((inner) => serializeError(inner, depth + 1));
  return out;
}

/** The options every logger of the API is made with: levels, time, redaction, error serializer. */
export function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    base: { service: 'sop-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
    // every line written while a request is served carries its id (X-Request-Id, common/request-context.ts)
    mixin: () => {
      const id = requestContext.getStore()?.requestId;
      return id ? { requestId: id } : {};
    },
    hooks: {
      // logger.error(err) and logger.error({ err }) without a message take the error's message as the
      // line's: the serialized one, so a database error's quoted values do not come back that way
      logMethod(args, method) {
        const [first] = args as unknown[];
        const err =
          first instanceof Error
            ? first
            : first !== null && typeof first === 'object'
              ? ((first as { err?: unknown }).err ?? (first as { error?: unknown }).error)
              : undefined;
        if (args.length === 1 && err instanceof Error) {
          const { message } = serializeError(err) as { message?: string };
          method.apply(this, [first as object, message ?? err.constructor.name]);
          return;
        }
        method.apply(this, args);
      },
    },
  };
}

/** Structured JSON logs (one object per line) for Nest and for our own services. */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  if (destination) return pino(loggerOptions(level), destination);
  // asynchronous, buffered writes: logging must not cost the request path a system call per line
  const stdout = pino.destination({ dest: 1, sync: false });
  const logger = pino(loggerOptions(level), stdout);
  const flush = () => stdout.flushSync();
  process.once('beforeExit', flush);
  process.once('exit', flush);
  return logger;
}

export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: pino.Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    // an error handed over as it is goes through the serializer (a database error loses its values)
    if (message instanceof Error) this.logger.error({ context, err: message }, message.constructor.name);
    else this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

export const LOGGER = Symbol('LOGGER');
