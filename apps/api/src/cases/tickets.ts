import { randomInt } from 'node:crypto';

// Crockford's base32: no I, L, O, U, so a ticket read over the phone is not misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Characters of a ticket's code, each drawn at random (crypto.randomInt) from the 32 of the alphabet. */
export const TICKET_CODE_LENGTH = 6;

/**
 * How many codes a regency's tickets are drawn from: 32^6 = 1,073,741,824 (30 bits; the prefix is the
 * regency's and adds nothing). A guessed ticket finds one of N live tickets with odds N / TICKET_CODES:
 * 1 in 107,374 at 10,000. The public look-up's per-address limit on tickets that match nothing (README
 * "Rate limits") is what keeps guessing from adding up.
 */
export const TICKET_CODES = ALPHABET.length ** TICKET_CODE_LENGTH;

/**
 * A ticket a citizen can read over the phone: the regency's first three letters and six characters,
 * e.g. "BUL-7K4Q9P".
 */
export function newTicket(sopId: string): string {
  const prefix = sopId
    .replace(/[^a-z]/g, '')
    .slice(0, 3)
    .toUpperCase()
    .padEnd(3, 'X');
  let code = '';
  for (let i = 0; i < TICKET_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${code}`;
}

/** Normalises a ticket as typed: case, spaces, and the letters people confuse with digits. */
export function normalizeTicket(input: string): string {
  const upper = input.trim().toUpperCase().replace(/\s+/g, '');
  // at the first dash: whatever follows a second one stays part of the code (and so no ticket), not cut off
  const dash = upper.indexOf('-');
  const [prefix, code] = dash >= 0 ? [upper.slice(0, dash), upper.slice(dash + 1)] : [upper.slice(0, 3), upper.slice(3)];
  return `${prefix}-${(code ?? '').replace(/O/g, '0').replace(/[IL]/g, '1')}`;
}

export const TICKET_PATTERN = /^[A-Z]{3}-[0-9A-HJKMNP-TV-Z]{6}$/;

/**
 * A ticket, or part of one, as typed into the inbox search: upper case, without spaces, and the
 * letters people confuse with digits read as digits in the code part ("bul-7k4q" → "BUL-7K4Q").
 */
export function ticketSearchTerm(input: string): string {
  const upper = input.toUpperCase().replace(/\s+/g, '');
  const dash = upper.indexOf('-');
  const fix = (code: string) => code.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (dash >= 0) return `${upper.slice(0, dash + 1)}${fix(upper.slice(dash + 1))}`;
  // "BUL7K4Q9P": a whole ticket typed without its dash
  if (/^[A-Z]{3}[0-9A-Z]{6}$/.test(upper)) return normalizeTicket(upper);
  // a part of the code alone ("7k4q"), unless it is only letters (a regency prefix such as "bul")
  return /\d/.test(upper) ? fix(upper) : upper;
}
