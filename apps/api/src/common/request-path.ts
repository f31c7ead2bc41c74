/** `scheme://authority` at the start of an absolute-form request target (`GET http://host/api/x HTTP/1.1`). */
const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

/**
 * The path of a request target, without its query string: as sent, not decoded (Express's
 * `req.path`). An absolute-form target (which proxies send, and Fastify routes) gives its path too.
 */
export function pathOf(url: string): string {
  const target = url.charCodeAt(0) === 47 /* '/' */ ? url : url.replace(ABSOLUTE_FORM, '') || '/';
  const query = target.indexOf('?');
  return query < 0 ? target : target.slice(0, query);
}
