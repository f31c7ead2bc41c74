import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

// Crockford's base32, as tickets: no I, L, O, U, so a code read over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters of an access code: 12 drawn at random, 60 bits, shown in groups of four. */
export const ACCESS_CODE_LENGTH = 12;

/**
 * A complainant's access code (docs/adr/0010-the-citizen-acts.md): shown once to whoever filed the
 * complaint, e.g. "7K4Q-9PXM-3D2A". A capability, not an account: with the ticket it lets the
 * complainant work the SOP's citizen steps. Only its hash is stored.
 */
export function newAccessCode(): string {
  let code = '';
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** A code as typed: case, spaces and dashes dropped; the letters people confuse with digits read as digits. */
export function normalizeAccessCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/**
 * The stored form of a code: SHA-256 over the ticket and the normalised code. 60 random bits need no
 * slow hash; the ticket keeps one code's hash from matching another complaint's.
 */
export function hashAccessCode(ticket: string, code: string): string {
  return createHash('sha256')
    .update(`${ticket}:${normalizeAccessCode(code)}`)
    .digest('hex');
}

/** Whether `code` is the access code of the complaint `ticket` whose stored hash is `hash` (constant time). */
export function accessCodeMatches(ticket: string, code: string, hash: string | null): boolean {
  if (hash === null) return false;
  const given = Buffer.from(hashAccessCode(ticket, code), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
