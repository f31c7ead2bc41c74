import { reject, type Rejection } from './rejection';

export type PhoneCheck = { ok: true; e164: string } | Rejection;

/** The national significant number of an Indonesian mobile number (libphonenumber metadata for ID). */
const MOBILE = /^8[1-35-9]\d{7,10}$/;
const SEPARATORS = /[\s.\-()\u2010-\u2015]/g;
const EXAMPLE = '0812 3456 7890';

/**
 * Normalises an Indonesian mobile number to E.164 (`+628…`).
 *
 * Accepts `08…`, `628…`, `+628…` (also `+62 0812…`, `0062 812…` and a bare `812…`), with spaces,
 * dots, dashes and parentheses anywhere. The national number must match `8[1-35-9]\d{7,10}`, i.e.
 * 10 to 13 digits written with the leading 0. Landlines (`021…`, `0362…`) and foreign numbers are
 * refused with a message saying that only mobile numbers are accepted.
 *
 * @example
 * ```ts
 * normalizePhone('0812-3456-7890');     // { ok: true, e164: '+6281234567890' }
 * normalizePhone('+62 812 3456 7890');  // { ok: true, e164: '+6281234567890' }
 * normalizePhone('(0362) 25887');       // { ok: false, code: 'phone.landline', message: 'Only mobile numbers are accepted; …' }
 * ```
 */
export function normalizePhone(value: unknown): PhoneCheck {
  let s = String(value).replace(SEPARATORS, '');
  if (s === '') {
    return reject('phone.empty', `Write a mobile number, e.g. ${EXAMPLE}.`, `Tulis nomor HP, misalnya ${EXAMPLE}.`);
  }
  const plus = s.startsWith('+');
  if (plus) s = s.slice(1);
  if (!/^\d+$/.test(s)) {
    return reject(
      'phone.not-digits',
      `A mobile number has only digits (spaces, dots, dashes and brackets between them are fine), e.g. ${EXAMPLE}.`,
      `Nomor HP hanya berisi angka (boleh dipisah spasi, titik, tanda hubung atau kurung), misalnya ${EXAMPLE}.`,
    );
  }
  let national: string;
  let bare = false;
  if (plus || s.startsWith('00')) {
    const international = plus ? s : s.slice(2);
    if (!international.startsWith('62')) {
      return reject(
        'phone.country',
        `Only Indonesian mobile numbers (+62) are accepted: write it as 08… or +628…, e.g. ${EXAMPLE}.`,
        `Hanya nomor HP Indonesia (+62) yang diterima: tulis dengan awalan 08… atau +628…, misalnya ${EXAMPLE}.`,
      );
    }
    national = international.slice(2).replace(/^0/, '');
  } else if (s.startsWith('62')) {
    national = s.slice(2).replace(/^0/, '');
  } else if (s.startsWith('0')) {
    national = s.slice(1);
  } else {
    national = s;
    bare = true;
  }
  if (!national.startsWith('8')) {
    if (bare || national === '') {
      return reject(
        'phone.invalid',
        `Write the mobile number with 08, 628 or +628 at the start, e.g. ${EXAMPLE}.`,
        `Tulis nomor HP dengan awalan 08, 628 atau +628, misalnya ${EXAMPLE}.`,
      );
    }
    return reject(
      'phone.landline',
      `Only mobile numbers are accepted; this looks like a landline number (mobile numbers start with 08): write a mobile number, e.g. ${EXAMPLE}.`,
      `Hanya nomor HP yang diterima; nomor ini tampaknya nomor telepon rumah atau kantor (nomor HP diawali 08): tulis nomor HP, misalnya ${EXAMPLE}.`,
    );
  }
  if (national.length >= 2 && !/^8[1-35-9]/.test(national)) {
    return reject(
      'phone.prefix',
      `Indonesian mobile numbers start with 081, 082, 083, 085, 086, 087, 088 or 089; this one starts with 0${national.slice(0, 2)}: check the number.`,
      `Nomor HP Indonesia diawali 081, 082, 083, 085, 086, 087, 088 atau 089, sedangkan nomor ini diawali 0${national.slice(0, 2)}: periksa kembali nomornya.`,
    );
  }
  if (!MOBILE.test(national)) {
    const written = national.length + 1;
    return reject(
      'phone.length',
      `A mobile number has 10 to 13 digits when written with 08; this one has ${written}: check the number.`,
      `Nomor HP terdiri atas 10 sampai 13 digit jika ditulis dengan awalan 08, sedangkan yang ditulis ${written} digit: periksa kembali nomornya.`,
    );
  }
  return { ok: true, e164: `+62${national}` };
}
