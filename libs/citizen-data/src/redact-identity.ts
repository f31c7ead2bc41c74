/** What replaces a complainant's identity in free text (a complaint's text, an officer's note). */
export const REDACTED = '[identitas disamarkan]';

// 8 or more digits, with the spaces, dots, dashes or a leading + people write in numbers: NIK, No. KK, phone
const LONG_NUMBER = /\+?\d(?:[\s.-]?\d){7,}/g;
const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Free text without the complainant's identity: the given confidential values (the case's name,
 * address… as filed), and anything shaped like a NIK, No. KK, phone number or e-mail address, are
 * struck out. Citizens write their NIK or number into the complaint itself, and officers into notes.
 *
 * @example
 * redactIdentity('Sudah ditelepon ke 0812-3456-7890, Ni Made Ayu puas', ['Ni Made Ayu'])
 * // 'Sudah ditelepon ke [identitas disamarkan], [identitas disamarkan] puas'
 */
export function redactIdentity(text: string, confidential: readonly string[] = []): string {
  let out = text;
  // longest first, so that a full address is struck before a shorter value inside it
  for (const value of [...confidential].map((v) => v.trim()).filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escape(value), 'gi'), REDACTED);
  }
  return out.replace(EMAIL, REDACTED).replace(LONG_NUMBER, REDACTED);
}
