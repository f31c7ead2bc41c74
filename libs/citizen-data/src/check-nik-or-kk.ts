import type { NikAccepted } from './check-nik';
import { checkStructure, regionCodes, regionNotes } from './identity-number';
import { kkRecorded } from './kk-date';
import { nikBirth } from './nik-date';
import { reject, type Rejection } from './rejection';

/** A number accepted by {@link checkNikOrKk}: always read as a NIK (see there why). */
export interface NikOrKkAccepted extends NikAccepted {
  /** Which reading was taken. Only `'nik'` occurs: every valid No. KK is also a valid NIK. */
  kind: 'nik';
  /**
   * True when the number is also a valid No. KK (digits 7–12 a real date DDMMYY), so it may as well
   * be a family-card number; false when only a NIK fits (a woman's NIK, day 41–71, or 29 February
   * of a year not divisible by 4).
   */
  ambiguous: boolean;
}

export type NikOrKkCheck = NikOrKkAccepted | Rejection;

/**
 * Checks a number that may be a NIK or a No. KK (a form field "NIK/NO KK") and says how it read it.
 *
 * The two share their structure but for digits 7–12: the date of birth with 40 added to the day for
 * women in a NIK, the recording date in a KK. The KK's rule is the stricter one, so every valid KK is
 * also a valid NIK: the number is taken as a NIK (`kind: 'nik'`, with the NIK's `parts`), and
 * `ambiguous` says whether it could be a KK as well. Refused when it is valid as neither; the
 * codes of refusals start with `nik-or-kk.`.
 *
 * @example
 * ```ts
 * checkNikOrKk('1872016107850001'); // { ok: true, kind: 'nik', ambiguous: false, nik: '1872016107850001', parts: { …, sex: 'P' }, … }
 * checkNikOrKk('5108031503200003'); // { ok: true, kind: 'nik', ambiguous: true, … } (a man's NIK or a KK)
 * checkNikOrKk('1872013513850001'); // { ok: false, code: 'nik-or-kk.date', … }
 * ```
 */
export function checkNikOrKk(value: string): NikOrKkCheck {
  const structure = checkStructure('nik-or-kk', value);
  if (!structure.ok) return structure;
  const { digits } = structure;
  const birth = nikBirth(digits);
  if (!birth.ok) return notADate(digits);
  return {
    ok: true,
    kind: 'nik',
    ambiguous: kkRecorded(digits).ok,
    nik: digits,
    ...regionNotes(digits),
    parts: { ...regionCodes(digits), birthDate: birth.birthDate, sex: birth.sex },
  };
}

function notADate(digits: string): Rejection {
  const shown = `${digits.slice(6, 8)}-${digits.slice(8, 10)}-${digits.slice(10, 12)}`;
  return reject(
    'nik-or-kk.date',
    `Digits 7–12 of a NIK or KK number are a date DDMMYY (in a NIK the date of birth, with 40 added to the day for women; in a KK the date it was recorded); ${shown} is neither: check the number.`,
    `Digit ke-7 sampai ke-12 NIK atau nomor KK adalah tanggal HHBBTT (pada NIK tanggal lahir, ditambah 40 untuk perempuan; pada KK tanggal pencatatan); ${shown} bukan keduanya: periksa kembali nomornya.`,
  );
}
