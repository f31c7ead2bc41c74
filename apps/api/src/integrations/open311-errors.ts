import { pathOf } from '../common/request-path';
import type { Open311Error } from './open311-mapping';

/** Where Open311's own error shape applies. */
export const OPEN311_PREFIX = '/api/open311/v2/';

/**
 * An error body of the API (`{ statusCode, message, errors?: [{ field, message }] }`, a 429's
 * `{ message, retryAfterSeconds }`) in Open311's shape: `[{ code, description }]`, one per field
 * error; a body already in that shape is kept.
 */
export function toOpen311Errors(status: number, body: unknown): Open311Error[] {
  if (Array.isArray(body)) return body as Open311Error[];
  const b = (body && typeof body === 'object' ? body : { message: String(body) }) as {
    message?: unknown;
    errors?: { field?: unknown; message?: unknown }[];
  };
  const message = Array.isArray(b.message) ? b.message.join('; ') : typeof b.message === 'string' ? b.message : 'the request was refused';
  if (Array.isArray(b.errors) && b.errors.length) {
    const each = b.errors.map((e) => ({ code: status, description: `${typeof e.field === 'string' ? `${e.field}: ` : ''}${String(e.message)}` }));
    // a message that says more than "see errors" (a body that is not JSON) comes first
    return /see errors$/.test(message) ? each : [{ code: status, description: message }, ...each];
  }
  return [{ code: status, description: message }];
}

/**
 * An error answer's body as it leaves the API for a request to `url`: under /api/open311/v2/ in
 * Open311's shape (malformed or hostile bodies, 404, 429, the API's own 400s), elsewhere as it is.
 */
export function errorBodyFor(url: string, status: number, body: unknown): unknown {
  return status >= 400 && pathOf(url).startsWith(OPEN311_PREFIX) ? toOpen311Errors(status, body) : body;
}
