import { checkStructure, regionCodes, regionNotes, type IdentityNotes, type RegionCodes } from './identity-number';
import { nikBirth } from './nik-date';
import type { Rejection } from './rejection';

/** What digits 1–12 of a NIK say. */
export interface NikParts extends RegionCodes {
  /** Day (40 already subtracted for women), month and two-digit year of birth: `DD-MM-YY`. */
  birthDate: string;
  /** `L` (laki-laki, male) or `P` (perempuan, female: the day is written plus 40). */
  sex: 'L' | 'P';
}

/** A NIK that passed the offline checks. It is not proven genuine: only SIAK can tell. */
export interface NikAccepted extends IdentityNotes {
  ok: true;
  /** The 16 digits, without separators. */
  nik: string;
  parts: NikParts;
}

export type NikCheck = NikAccepted | Rejection;

/**
 * Checks a NIK (Nomor Induk Kependudukan) offline, as far as its structure allows.
 *
 * Spaces, dots and dashes are stripped first. Refused (`ok: false`, with a code and a message in
 * English and in Bahasa Indonesia): anything but 16 digits, a province code (digits 1–2) outside
 * 11–96, a month (digits 9–10) outside 01–12, a day (digits 7–8, minus 40 for women) that the month
 * does not have (29 February is always accepted), a serial (digits 13–16) of 0000. A province code
 * that is not one of the 38 provinces, or a regency or district code of 00, is only a warning: region
 * codes are those of first registration and may predate a split.
 *
 * @example
 * ```ts
 * checkNik('1872 0161 0785 0001');
 * // { ok: true, nik: '1872016107850001', warnings: [], warningsId: [],
 * //   parts: { provinceCode: '18', regencyCode: '18.72', districtCode: '18.72.01', birthDate: '21-07-85', sex: 'P' } }
 * checkNik('1872012113850001');
 * // { ok: false, code: 'nik.month', message: 'Digits 9–10 of a NIK are the month of birth (01 to 12); 13 is not a month: …', messageId: '…' }
 * ```
 */
export function checkNik(value: string): NikCheck {
  const structure = checkStructure('nik', value);
  if (!structure.ok) return structure;
  const { digits } = structure;
  const birth = nikBirth(digits);
  if (!birth.ok) return birth;
  return {
    ok: true,
    nik: digits,
    ...regionNotes(digits),
    parts: { ...regionCodes(digits), birthDate: birth.birthDate, sex: birth.sex },
  };
}
