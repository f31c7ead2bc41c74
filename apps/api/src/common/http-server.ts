import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyMiddie from '@fastify/middie';
import fastifyStatic from '@fastify/static';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type pino from 'pino';
import { FORM_BODY_LIMIT, inflated, JSON_BODY_LIMIT, parseFormBody, parseJsonBody, readableMediaType } from './body-parsers';
import { hostileInputHook } from './hostile-input';
import type { HttpExceptionFilter } from './http-exception.filter';
import { pathOf } from './request-path';
import { beginRequest, requestContext } from './request-context';
import { securityHeaders } from './security-headers';

/** The bodies the API parses (and unpacks when compressed); any other is left to its route. */
const PARSED_TYPES = /^\s*application\/(json|x-www-form-urlencoded)\s*(;|$)/i;

/** What every request gets before anything else: its id and tracking, then the security headers. */
function firstHooks(logger: pino.Logger) {
  const headers = securityHeaders();
  return (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void => {
    const context = beginRequest(request, reply, logger);
    headers(request.raw, reply.raw, () => undefined);
    // a Content-Type that is no media type: no body is read from it (as on Express), instead of Fastify's 415
    const type = request.headers['content-type'];
    if (type !== undefined && !readableMediaType(type)) request.raw.headers['content-type'] = 'application/octet-stream';
    requestContext.run(context, done);
  };
}

/**
 * The adapter the API runs on: Fastify (docs/adr/0038-fastify.md), with Express's matching kept
 * (case-insensitive paths, a trailing slash ignored), TRUST_PROXY for the client's address, and
 * Fastify's own `__proto__`/`constructor` refusals off: the hostile-input guard answers those in its
 * own words. A URL the router cannot read (a cut percent sequence, a lone surrogate) is answered by
 * the exception filter, with the request id and security headers every answer carries.
 */
export function createHttpAdapter(options: {
  trustProxy: boolean | number | string[];
  logger: pino.Logger;
  filter: Pick<HttpExceptionFilter, 'answer'>;
}): FastifyAdapter {
  const first = firstHooks(options.logger);
  return new FastifyAdapter({
    // a number trusts that many hops (Fastify reads it as Express did; its types omit it)
    trustProxy: options.trustProxy as boolean | string[],
    bodyLimit: JSON_BODY_LIMIT,
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
    // Nest middleware (the rate limits) runs once the body is read and checked, as it did on Express: see configureHttp
    skipMiddie: true,
    // Express's matching; a path parameter as long as the request line allows (Express had no limit:
    // an over-long id reaches its route and is refused there in the route's words, not with a 414)
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 16 * 1024 },
    // Node's own default, which Fastify turns off: a request must arrive whole within 5 minutes
    requestTimeout: 300_000,
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      first(request, reply, () => options.filter.answer(error, request, reply));
    },
  });
}

/**
 * Everything the API's HTTP layer does around Nest's routes: the body parsers (JSON, forms, and any
 * other body left unread for the route: uploads read their stream), the hooks (request id and
 * security headers first, the hostile-input guard once the body is read), and the web app's files
 * with the single-page fallback.
 */
export async function configureHttp(app: NestFastifyApplication, options: { logger: pino.Logger; webDir: string }): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: JSON_BODY_LIMIT }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_req, body, done) => {
    try {
      done(null, parseFormBody(body as string));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
  // any other body is not read here: a route that takes one reads the stream (attachments' multipart)
  fastify.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
  fastify.addHook('onRequest', firstHooks(options.logger));
  // JSON and form bodies sent compressed are unpacked (body-parser did); uploads are read as sent
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const encoding = request.headers['content-encoding'];
    if (encoding === undefined || !PARSED_TYPES.test(request.headers['content-type'] ?? '')) {
      done(null, payload);
      return;
    }
    try {
      done(null, inflated(payload, encoding));
    } catch (e) {
      done(e as Error, payload);
    }
  });
  // Fastify reads the body inside the request's async context (the log lines keep its id), then the guard
  fastify.addHook('preValidation', hostileInputHook());
  // then Nest middleware (the rate limits): refused input is answered before it counts, as on Express
  await app.register(fastifyMiddie, { hook: 'preValidation' });
  if (existsSync(join(options.webDir, 'index.html'))) {
    // the build's assets carry a content hash in their names: a browser keeps them for good
    await app.register(fastifyStatic, {
      root: options.webDir,
      index: false,
      wildcard: false,
      // the build writes .br and .gz copies of its scripts and styles (apps/web/vite.config.ts): sent to a browser that accepts them
      preCompressed: true,
      setHeaders: (reply, path) => {
        reply.header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // any other page of the web app is its index.html (client-side routes); the API's own paths stay 404
    fastify.get('/*', (request, reply) => {
      const path = pathOf(request.url);
      if (path.startsWith('/api/') || path === '/metrics') reply.callNotFound();
      else void reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    });
  }
}
