/**
 * A value as the client sent it, in quotes, to repeat in a refusal: cut at `max` characters, with its
 * length when it was cut, so that a megabyte sent back is never answered with a megabyte.
 *
 * @example
 * quoted('2026-02-30'); // '"2026-02-30"'
 * quoted('x'.repeat(101)); // '"xxxx…x…" (101 characters)'
 */
export function quoted(value: string, max = 40): string {
  return value.length > max ? `"${value.slice(0, max)}…" (${value.length} characters)` : `"${value}"`;
}
