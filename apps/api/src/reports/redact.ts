/** What replaces a complainant's identity in an officer's note shown in a report. */
export const REDACTED = '[identitas disamarkan]';

// 8 or more digits, with the spaces, dots, dashes or a leading + people write in numbers: NIK, No. KK, phone
const LONG_NUMBER = /\+?\d(?:[\s.-]?\d){7,}/g;
const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An officer's note without the complainant's identity: the case's confidential form values as
 * filed, and anything shaped like a NIK, No. KK, phone number or e-mail address, are struck out.
 *
 * @example
 * redactNote('Sudah ditelepon ke 0812-3456-7890, Ni Made Ayu puas', ['Ni Made Ayu']) // 'Sudah ditelepon ke [identitas disamarkan], [identitas disamarkan] puas'
 */
export function redactNote(note: string, confidential: string[]): string {
  let text = note;
  // longest first, so that a full address is struck before a shorter value inside it
  for (const value of [...confidential].map((v) => v.trim()).filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)) {
    text = text.replace(new RegExp(escape(value), 'gi'), REDACTED);
  }
  return text.replace(EMAIL, REDACTED).replace(LONG_NUMBER, REDACTED);
}
