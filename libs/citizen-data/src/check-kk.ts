import { checkStructure, regionCodes, regionNotes, type IdentityNotes, type RegionCodes } from './identity-number';
import { kkRecorded } from './kk-date';
import type { Rejection } from './rejection';

/** What digits 1–12 of a No. KK say. */
export interface KkParts extends RegionCodes {
  /** The date the family card was recorded: `DD-MM-YY`. */
  recordedDate: string;
}

/** A No. KK that passed the offline checks. It is not proven genuine: only SIAK can tell. */
export interface KkAccepted extends IdentityNotes {
  ok: true;
  /** The 16 digits, without separators. */
  kk: string;
  parts: KkParts;
}

export type KkCheck = KkAccepted | Rejection;

/**
 * Checks a family-card number (No. KK, Nomor Kartu Keluarga) offline, as far as its structure
 * allows.
 *
 * Spaces, dots and dashes are stripped first. Refused: anything but 16 digits, a province code
 * (digits 1–2) outside 11–96, digits 7–12 that are not a date DDMMYY (there is no +40 rule), a serial
 * (digits 13–16) of 0000. Region codes give warnings only, as for {@link checkNik}. The KK is not
 * cross-checked against any NIK.
 *
 * @example
 * ```ts
 * checkKk('5108 0315 0320 0003');
 * // { ok: true, kk: '5108031503200003', warnings: [], warningsId: [],
 * //   parts: { provinceCode: '51', regencyCode: '51.08', districtCode: '51.08.03', recordedDate: '15-03-20' } }
 * checkKk('5108033102200003');
 * // { ok: false, code: 'kk.date', message: 'Digits 7–12 of a KK number are the date it was recorded (DDMMYY); 31-02-20 is not a date: …' }
 * ```
 */
export function checkKk(value: string): KkCheck {
  const structure = checkStructure('kk', value);
  if (!structure.ok) return structure;
  const { digits } = structure;
  const recorded = kkRecorded(digits);
  if (!recorded.ok) return recorded;
  return {
    ok: true,
    kk: digits,
    ...regionNotes(digits),
    parts: { ...regionCodes(digits), recordedDate: recorded.recordedDate },
  };
}
