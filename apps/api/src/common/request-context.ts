import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/** The route pattern a request matched (`/api/cases/:id/events`), never its raw URL; `unmatched` otherwise. */
function routeOf(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  return typeof pattern === 'string' && pattern !== '/*' ? pattern : 'unmatched';
}

/**
 * Each request, first of all: its id (the caller's X-Request-Id if sane, else a new one), echoed in
 * the response (on the Node.js response, so that answers written to it directly carry it too) and
 * carried by every log line written while it is served; and, once answered, its duration in
 * `http_request_duration_seconds` under its route pattern, and a debug log line. The request is
 * then served inside the context returned (`requestContext.run`): Fastify keeps it while it reads
 * the body.
 */
export function beginRequest(request: FastifyRequest, reply: FastifyReply, logger: pino.Logger): RequestContext {
  const requestId = requestIdOf(request.headers['x-request-id']);
  const res = reply.raw;
  res.setHeader('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  res.once('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = routeOf(request);
    httpDuration.observe({ method: request.method, route, status: String(res.statusCode) }, seconds);
    if (logger.isLevelEnabled('debug')) {
      logger.debug({ requestId, method: request.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    }
  });
  return { requestId };
}
