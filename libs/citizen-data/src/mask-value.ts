import type { FormField } from '@sop/model';
import { normalizePhone } from './normalize-phone';

const BULLET = '•';

/**
 * Masks a value of a form field for people who may not see the citizen's personal data.
 *
 * - `nik`, `kk`, `nik-or-kk`: the region (first 6 digits) and the last 2 stay:
 *   `187201••••••••01`;
 * - `phone`: `+62 8` and the last 3 digits stay: `+62 8•••••••890`;
 * - `email`: the first letter of the name and the domain stay: `w•••@gmail.com`;
 * - `date`: nothing stays: `••••-••-••`;
 * - `text`, `textarea`, `choice` (names, addresses): the first letter of each word stays:
 *   `N••• L••• S•••`.
 *
 * An empty (or blank) value stays empty.
 *
 * @example
 * ```ts
 * maskValue('nik', '1872016107850001');       // '187201••••••••01'
 * maskValue('phone', '+6281234567890');       // '+62 8•••••••890'
 * maskValue('email', 'wayan.sari@gmail.com'); // 'w•••@gmail.com'
 * maskValue('text', 'Ni Luh Putu Sari');      // 'N••• L••• P••• S•••'
 * ```
 */
export function maskValue(type: FormField['type'], value: unknown): string {
  const text = String(value).trim();
  if (text === '') return '';
  switch (type) {
    case 'nik':
    case 'kk':
    case 'nik-or-kk':
      return maskIdentity(text);
    case 'phone':
      return maskPhone(text);
    case 'email':
      return maskEmail(text);
    case 'date':
      return `${BULLET.repeat(4)}-${BULLET.repeat(2)}-${BULLET.repeat(2)}`;
    default:
      return maskWords(text);
  }
}

function maskIdentity(text: string): string {
  const digits = text.replace(/\D/g, '');
  if (digits.length <= 8) return BULLET.repeat(Math.max(digits.length, 3));
  return digits.slice(0, 6) + BULLET.repeat(digits.length - 8) + digits.slice(-2);
}

function maskPhone(text: string): string {
  const phone = normalizePhone(text);
  if (phone.ok) {
    const national = phone.e164.slice(3);
    return `+62 8${BULLET.repeat(national.length - 4)}${national.slice(-3)}`;
  }
  const digits = text.replace(/\D/g, '');
  if (digits.length <= 3) return BULLET.repeat(3);
  return BULLET.repeat(digits.length - 3) + digits.slice(-3);
}

function maskEmail(text: string): string {
  const at = text.lastIndexOf('@');
  if (at <= 0) return maskWords(text);
  return `${Array.from(text)[0]}${BULLET.repeat(3)}@${text.slice(at + 1)}`;
}

function maskWords(text: string): string {
  return text
    .split(/\s+/)
    .map((word) => `${Array.from(word)[0]}${BULLET.repeat(3)}`)
    .join(' ');
}
