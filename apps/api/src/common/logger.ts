import type { LoggerService } from '@nestjs/common';
import pino from 'pino';

/** Structured JSON logs (one object per line) for Nest and for our own services. */
export function createLogger(level: string): pino.Logger {
  // asynchronous, buffered writes: logging must not cost the request path a system call per line
  const destination = pino.destination({ dest: 1, sync: false });
  const logger = pino({ level, base: { service: 'sop-api' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
  const flush = () => destination.flushSync();
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
    this.logger.error({ context, trace }, String(message));
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
