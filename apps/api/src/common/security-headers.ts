import { IncomingMessage, type ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { pathOf } from './request-path';

/**
 * The Content-Security-Policy of every answer: the web app, the Swagger UI at /api/docs and the API.
 * - scripts only from the server itself: no inline script, no eval (index.html loads its SOP preload
 *   from /sop-preload.js; @nestjs/swagger serves its init script as a file);
 * - styles also inline: React sets style attributes, the flowchart sheet is markup with style
 *   attributes, CodeMirror and Swagger UI add <style> elements;
 * - images also from data: and blob: URLs: the PNG/SVG export of a flowchart draws its image from
 *   one, Swagger UI's icons are data: URLs;
 * - never in a frame of another site (frame-ancestors 'none'), no plugins, forms only to the server.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

/**
 * The web app's policy: the same, and its scripts may evaluate strings ('unsafe-eval'), because the
 * SOP editor and the simulation validate an SOP in the browser with ajv (@sop/model), which compiles
 * the schema with `new Function`. Still no inline script or event handler. The app is one document
 * for every page (client-side routes), so the policy cannot differ per page. To drop 'unsafe-eval',
 * @sop/model would ship ajv's standalone (precompiled) validator instead.
 */
export const WEB_APP_CONTENT_SECURITY_POLICY = { ...CONTENT_SECURITY_POLICY, 'script-src': ["'self'", "'unsafe-eval'"] } as const;

function helmetFor(directives: Record<string, readonly string[]>) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...directives } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** What a middleware does to a response's headers: the headers it sets, in order, and those it removes. */
interface HeaderWrites {
  set: [name: string, value: string | number | readonly string[]][];
  removed: string[];
}

/** The headers `middleware` writes for `url`, read from a recording response. */
function recordHeaders(middleware: ReturnType<typeof helmet>, url: string): HeaderWrites {
  const writes: HeaderWrites = { set: [], removed: [] };
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      writes.set.push([name, value]);
      return res;
    },
    removeHeader(name: string) {
      writes.removed.push(name);
    },
  };
  const req = new IncomingMessage(new Socket());
  req.url = url;
  req.method = 'GET';
  const handedOn = { at: false };
  middleware(req, res as unknown as ServerResponse, () => {
    handedOn.at = true;
  });
  if (!handedOn.at) throw new Error('helmet did not hand the request on at once: its headers cannot be computed once');
  return writes;
}

/**
 * Helmet's headers for `directives`, computed once at start and set by one middleware: helmet
 * itself is twelve middlewares per request, each setting a header that never changes (ADR 0037).
 * Should a version of helmet ever make a header depend on the request, the two readings at start
 * differ and the API does not start.
 */
function headers(directives: Record<string, readonly string[]>) {
  const middleware = helmetFor(directives);
  const writes = recordHeaders(middleware, '/');
  if (JSON.stringify(recordHeaders(middleware, '/api/x?y=1')) !== JSON.stringify(writes)) {
    throw new Error("helmet's headers depend on the request: they cannot be computed once");
  }
  return (_req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
    for (const [name, value] of writes.set) res.setHeader(name, value);
    for (const name of writes.removed) res.removeHeader(name);
    next();
  };
}

/**
 * Security headers (helmet): the policies above (the strict one on /api/…, Swagger UI included; the
 * web app's elsewhere), X-Content-Type-Options: nosniff, X-Frame-Options: DENY, Referrer-Policy:
 * no-referrer, Cross-Origin-Opener/Resource-Policy: same-origin, HSTS (a browser heeds it only over
 * HTTPS). No upgrade-insecure-requests: an office may serve the app over plain HTTP on its own
 * network, where that would break every asset.
 */
export function securityHeaders() {
  const api = headers(CONTENT_SECURITY_POLICY);
  const web = headers(WEB_APP_CONTENT_SECURITY_POLICY);
  return (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => (pathOf(req.url ?? '').startsWith('/api/') ? api : web)(req, res, next);
}

/** Helmet itself, for the test that the headers computed once are exactly its own. */
export const helmetMiddlewareFor = helmetFor;
