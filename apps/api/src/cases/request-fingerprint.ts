import { createHash } from 'node:crypto';

/**
 * A digest of a request's body that two sends of the same request share, whatever the order of its
 * keys: an Idempotency-Key replays its first answer only to the request it was first sent with.
 *
 * @example
 * requestFingerprint({ type: 'CHOOSE', outcome: 'diterima', version: 1 }) === requestFingerprint({ version: 1, outcome: 'diterima', type: 'CHOOSE' }); // true
 */
export function requestFingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('base64url');
}

/** JSON with each object's keys sorted and undefined values left out (the body is validated and shallow). */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
