import { reject, type Rejection } from './rejection';

export type LandlineCheck = { ok: true; e164: string } | Rejection;

const SEPARATORS = /[\s.\-()\u2010-\u2015]/g;
/**
 * The one example of a fixed line the forms and their errors give (hint and error say the same). No
 * office's own area code is derived from its regency: one example everywhere.
 */
export const LANDLINE_EXAMPLE = '(0361) 222333';
const EXAMPLE = LANDLINE_EXAMPLE;
/** An Indonesian fixed-line national number: an area code of 2–4 digits not starting with 8, then the subscriber number; 7–11 digits in all. */
const FIXED = /^[2-79]\d{6,10}$/;

/**
 * Normalises an Indonesian landline number (telepon rumah/kantor) to E.164, for a form field that
 * says "telepon" where the caller may give an office or home line. Ready for a `landline` field type
 * (the schema's `phone` is a mobile number; DOMAIN.md keeps landlines a separate field): the schema
 * does not offer that type yet. Mobile numbers (08…) are refused here with a pointer to the phone field.
 *
 * @example
 * ```ts
 * normalizeLandline('(0362) 25887');   // { ok: true, e164: '+6236225887' }
 * normalizeLandline('021-555-1234');   // { ok: true, e164: '+62215551234' }
 * normalizeLandline('0812 3456 7890'); // { ok: false, code: 'landline.mobile', … }
 * ```
 */
export function normalizeLandline(value: unknown): LandlineCheck {
  let s = String(value).replace(SEPARATORS, '');
  if (s === '')
    return reject(
      'landline.empty',
      `Write a telephone number with its area code, e.g. ${EXAMPLE}.`,
      `Tulis nomor telepon dengan kode wilayahnya, misalnya ${EXAMPLE}.`,
    );
  if (s.startsWith('+')) s = s.slice(1);
  else if (s.startsWith('00')) s = s.slice(2);
  else if (s.startsWith('0')) s = `62${s.slice(1)}`;
  else
    return reject(
      'landline.area-code',
      `Write the number with its area code starting with 0, e.g. ${EXAMPLE}.`,
      `Tulis nomor dengan kode wilayah berawalan 0, misalnya ${EXAMPLE}.`,
    );
  if (!/^\d+$/.test(s)) {
    return reject(
      'landline.not-digits',
      `A telephone number has only digits (spaces, dots, dashes and brackets between them are fine), e.g. ${EXAMPLE}.`,
      `Nomor telepon hanya berisi angka (boleh dipisah spasi, titik, tanda hubung atau kurung), misalnya ${EXAMPLE}.`,
    );
  }
  if (!s.startsWith('62'))
    return reject(
      'landline.country',
      `Only Indonesian numbers (+62) are accepted, e.g. ${EXAMPLE}.`,
      `Hanya nomor Indonesia (+62) yang diterima, misalnya ${EXAMPLE}.`,
    );
  const national = s.slice(2).replace(/^0/, '');
  if (national.startsWith('8'))
    return reject('landline.mobile', 'This is a mobile number: write it in the mobile number field.', 'Ini nomor HP: tulis di isian nomor HP.');
  if (!FIXED.test(national)) {
    return reject(
      'landline.length',
      `A telephone number has 8 to 12 digits with its area code (0…); check the number, e.g. ${EXAMPLE}.`,
      `Nomor telepon terdiri atas 8 sampai 12 digit bersama kode wilayahnya (0…): periksa kembali, misalnya ${EXAMPLE}.`,
    );
  }
  return { ok: true, e164: `+62${national}` };
}
