import { HttpException, HttpStatus, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { FastifyReply } from 'fastify';
import { catchError, throwError, type Observable } from 'rxjs';
import type { RateWindow } from '../config';
import { writeErrorAnswer } from './http-exception.filter';

/** A wait as people read it: "45 s", "3 min", "1 h 5 min" (and in Bahasa Indonesia). */
export function waitText(seconds: number, lang: 'en' | 'id' = 'en'): string {
  const [s, m, h] = lang === 'id' ? ['detik', 'menit', 'jam'] : ['s', 'min', 'h'];
  if (seconds < 60) return `${seconds} ${s}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} ${m}`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} ${h} ${minutes % 60} ${m}` : `${hours} ${h}`;
}

/** The body of every 429 of the API. `messageId` is the same in Bahasa Indonesia, for citizens' pages. */
export interface TooManyRequestsBody {
  statusCode: 429;
  /** The error's stable code (the same the error filter gives every 429, docs/adr/0024). */
  code: 'too-many-requests';
  error: 'Too Many Requests';
  message: string;
  messageId: string;
  retryAfterSeconds: number;
}

export function tooManyRequestsBody(retryAfterSeconds: number, message: (wait: string) => string, messageId: (wait: string) => string): TooManyRequestsBody {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return {
    statusCode: 429,
    code: 'too-many-requests',
    error: 'Too Many Requests',
    message: message(waitText(seconds)),
    messageId: messageId(waitText(seconds, 'id')),
    retryAfterSeconds: seconds,
  };
}

/** A 429 thrown by a route; {@link RetryAfterHeader} turns its `retryAfterSeconds` into the header. */
export class TooManyRequestsException extends HttpException {
  constructor(body: TooManyRequestsBody) {
    super(body, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * The client's address as the limits count it: the socket's remote address, or the one X-Forwarded-For
 * names when TRUST_PROXY says which proxies to believe (Fastify's `request.ip`, which Nest's middleware
 * layer copies onto the Node.js request). IPv6 addresses are counted by their /56 subnet, which one
 * subscriber usually holds whole.
 */
export function clientKey(req: IncomingMessage & { ip?: string }): string {
  const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  return ipKeyGenerator(ip, 56);
}

export interface ClientLimitOptions {
  window: RateWindow;
  /**
   * Which answers count: every request; only refused ones (status 400 or more: wrong passwords, tickets
   * that match nothing); only denied ones (401 and 403: a wrong or missing access code, not a file of
   * the wrong kind); or only accepted ones (complaints filed). Each request is counted when it
   * arrives and given back when its answer is not of the kind counted, so that requests sent at the same
   * moment cannot pass the limit together.
   */
  count: 'all' | 'refused' | 'denied' | 'accepted';
  message: (wait: string) => string;
  messageId: (wait: string) => string;
  /** A request that is not counted nor refused (a retry of a filing already made: it files nothing). */
  skip?: (req: IncomingMessage) => boolean | Promise<boolean>;
}

const REPLAYED = Symbol('answered from an Idempotency-Key');

/** Marks a request answered with the first answer of its Idempotency-Key: a limit of accepted requests does not count it again. */
export function markReplayed(req: IncomingMessage): void {
  (req as IncomingMessage & { [REPLAYED]?: true })[REPLAYED] = true;
}

/** Middleware as Nest runs it on Fastify: Node's own request and response. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/**
 * Middleware (express-rate-limit, on Node's request and response) allowing `window.limit` requests per client address in
 * `window.windowSeconds`; past it, 429 with Retry-After and {@link TooManyRequestsBody}. The counts are
 * in this process's memory: each API process counts on its own, and a restart forgets them.
 */
export function clientLimit(options: ClientLimitOptions): Middleware {
  return rateLimit({
    windowMs: options.window.windowSeconds * 1000,
    limit: options.window.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skipSuccessfulRequests: options.count === 'refused' || options.count === 'denied',
    skipFailedRequests: options.count === 'accepted',
    // a complaint answered again for its Idempotency-Key (markReplayed) was accepted once, and counted then
    requestWasSuccessful: (req: IncomingMessage, res: ServerResponse) =>
      options.count === 'denied'
        ? res.statusCode !== 401 && res.statusCode !== 403
        : res.statusCode < 400 && !(options.count === 'accepted' && (req as IncomingMessage & { [REPLAYED]?: true })[REPLAYED]),
    keyGenerator: (req: IncomingMessage) => clientKey(req),
    ...(options.skip ? { skip: options.skip } : {}),
    handler: (req: IncomingMessage & { rateLimit?: { resetTime?: Date }; originalUrl?: string }, raw: ServerResponse) => {
      const resetTime = req.rateLimit?.resetTime;
      const seconds = resetTime ? (resetTime.getTime() - Date.now()) / 1000 : options.window.windowSeconds;
      const body = tooManyRequestsBody(seconds, options.message, options.messageId);
      raw.setHeader('Retry-After', String(body.retryAfterSeconds));
      writeErrorAnswer(req, raw, 429, body);
    },
  }) as unknown as Middleware;
}

/** 503 with Retry-After: the server is too busy to do this now (the password workers, for a log-in). */
export class ServiceBusyException extends HttpException {
  constructor(retryAfterSeconds: number, message: string, messageId: string) {
    super({ statusCode: 503, error: 'Service Unavailable', message, messageId, retryAfterSeconds }, HttpStatus.SERVICE_UNAVAILABLE);
  }
}

/** Sets `Retry-After` on an error answer whose body carries `retryAfterSeconds` (429, 503). */
@Injectable()
export class RetryAfterHeader implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((e: unknown) => {
        const body = e instanceof HttpException ? e.getResponse() : null;
        const seconds = body && typeof body === 'object' ? (body as { retryAfterSeconds?: unknown }).retryAfterSeconds : undefined;
        if (typeof seconds === 'number') context.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(seconds));
        return throwError(() => e);
      }),
    );
  }
}
