/** The path of a request target, without its query string: as sent, not decoded (Express's `req.path`). */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}
