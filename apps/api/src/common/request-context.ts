import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pino from 'pino';
import { httpDuration } from '../metrics/metrics';

/** What every log line written while serving a request carries (see `loggerOptions`' mixin). */
export interface RequestContext {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** An incoming X-Request-Id is kept when it is 1–128 characters of letters, digits and `._:-/+=@`; anything else is replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:\-/+=@]{1,128}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

type Request = IncomingMessage & { route?: { path?: unknown }; routePattern?: string; baseUrl?: string };

/** The route pattern a request matched (`/api/cases/:id/events`), never its raw URL; `unmatched` otherwise. */
function routeOf(req: Request): string {
  if (typeof req.routePattern === 'string') return req.routePattern;
  if (req.route && typeof req.route.path === 'string') return (req.baseUrl ?? '') + req.route.path;
  return 'unmatched';
}

/**
 * Each request: its id (the caller's X-Request-Id if sane, else a new one), echoed in the response
 * and carried by every log line written while it is served; and, once answered, its duration in
 * `http_request_duration_seconds` under its route pattern, and a debug log line.
 */
export function requestTracking(logger: pino.Logger) {
  return (req: Request, res: ServerResponse, next: () => void): void => {
    const requestId = requestIdOf(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req);
      httpDuration.observe({ method: req.method ?? 'GET', route, status: String(res.statusCode) }, seconds);
      if (logger.isLevelEnabled('debug')) {
        logger.debug({ requestId, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
      }
    });
    requestContext.run({ requestId }, next);
  };
}
