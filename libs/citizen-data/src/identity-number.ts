// What a NIK and a No. KK share: 16 digits, a region of first registration or issue in digits 1–6, a
// date in digits 7–12 and a serial in digits 13–16 (DOMAIN.md, "Identity data").
import { PROVINCE_CODES } from './province-codes';
import { reject, type Rejection } from './rejection';

export type IdentityKind = 'nik' | 'kk' | 'nik-or-kk';

/** The region codes in digits 1–6 of a NIK or a No. KK, in Kemendagri's dotted form. */
export interface RegionCodes {
  /** Digits 1–2, e.g. `'18'` (Lampung). */
  provinceCode: string;
  /** Digits 1–4 with a dot, e.g. `'18.72'` (Kota Metro), as in idn-area-data. */
  regencyCode: string;
  /** Digits 1–6 with dots, e.g. `'18.72.01'`, as in idn-area-data. */
  districtCode: string;
}

/** Notes on a number that was accepted, in English and (same order) in Bahasa Indonesia. */
export interface IdentityNotes {
  warnings: string[];
  warningsId: string[];
}

interface Words {
  en: string;
  id: string;
  docEn: string;
  docId: string;
}

const WORDS: Record<IdentityKind, Words> = {
  nik: { en: 'NIK', id: 'NIK', docEn: 'KTP or KK', docId: 'KTP atau KK' },
  kk: { en: 'KK number', id: 'nomor KK', docEn: 'Kartu Keluarga', docId: 'Kartu Keluarga' },
  'nik-or-kk': { en: 'NIK or KK number', id: 'NIK atau nomor KK', docEn: 'KTP or KK', docId: 'KTP atau KK' },
};

/** Lowest and highest province codes in use: 11 Aceh to 96 Papua Barat Daya. */
const PROVINCE_MIN = 11;
const PROVINCE_MAX = 96;

const SEPARATORS = /[\s.\-\u2010-\u2015]/g;

/** Removes the spaces, dots and dashes people write between the digits. */
export function stripSeparators(value: unknown): string {
  return String(value).replace(SEPARATORS, '');
}

/**
 * Checks what a NIK and a No. KK share: 16 digits, a province code from 11 to 96 and a serial other
 * than 0000. The date in digits 7–12 is checked by the caller, since its rules differ.
 */
export function checkStructure(kind: IdentityKind, value: string): { ok: true; digits: string } | Rejection {
  const w = WORDS[kind];
  const code = (what: string) => `${kind}.${what}`;
  const digits = stripSeparators(value);
  if (digits === '') {
    return reject(code('empty'), `Write the 16-digit ${w.en} printed on the ${w.docEn}.`, `Tulis ${w.id} (16 digit) yang tertera di ${w.docId}.`);
  }
  if (!/^\d+$/.test(digits)) {
    return reject(
      code('not-digits'),
      `A ${w.en} has only digits: write the 16 digits printed on the ${w.docEn} (spaces, dots and dashes between them are fine).`,
      `${capitalize(w.id)} hanya berisi angka: tulis 16 digit yang tertera di ${w.docId} (boleh dipisah spasi, titik atau tanda hubung).`,
    );
  }
  if (digits.length !== 16) {
    return reject(
      code('length'),
      `A ${w.en} has 16 digits; this one has ${digits.length}: check it against the ${w.docEn}.`,
      `${capitalize(w.id)} terdiri atas 16 digit, sedangkan yang ditulis ${digits.length} digit: periksa kembali dengan ${w.docId}.`,
    );
  }
  const province = digits.slice(0, 2);
  if (Number(province) < PROVINCE_MIN || Number(province) > PROVINCE_MAX) {
    return reject(
      code('province'),
      `The first two digits of a ${w.en} are the province code (11 to 96); ${province} is not one: check the number.`,
      `Dua digit pertama ${w.id} adalah kode provinsi (11 sampai 96), dan ${province} bukan kode provinsi: periksa kembali nomornya.`,
    );
  }
  if (digits.slice(12) === '0000') {
    return reject(
      code('serial'),
      `The last four digits of a ${w.en} are a serial number from 0001; 0000 is not valid: check the number.`,
      `Empat digit terakhir ${w.id} adalah nomor urut mulai 0001; 0000 tidak berlaku: periksa kembali nomornya.`,
    );
  }
  return { ok: true, digits };
}

/** The region codes in digits 1–6. */
export function regionCodes(digits: string): RegionCodes {
  return {
    provinceCode: digits.slice(0, 2),
    regencyCode: `${digits.slice(0, 2)}.${digits.slice(2, 4)}`,
    districtCode: `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}`,
  };
}

/**
 * Warnings about the region in digits 1–6. They never refuse the number: the codes are those of
 * first registration and may predate a split of regions.
 */
export function regionNotes(digits: string): IdentityNotes {
  const notes: IdentityNotes = { warnings: [], warningsId: [] };
  const province = digits.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) {
    notes.warnings.push(
      `The province code ${province} is not one of the 38 current provinces; the number may still be right if it was issued before regions changed.`,
    );
    notes.warningsId.push(
      `Kode provinsi ${province} tidak termasuk 38 provinsi saat ini; nomor ini bisa saja benar jika diterbitkan sebelum perubahan wilayah.`,
    );
  }
  if (digits.slice(2, 4) === '00') {
    notes.warnings.push('The regency code (digits 3–4) is 00, which no regency or city has: check the number.');
    notes.warningsId.push('Kode kabupaten/kota (digit ke-3 dan ke-4) adalah 00, yang tidak dipakai kabupaten/kota mana pun: periksa kembali nomornya.');
  }
  if (digits.slice(4, 6) === '00') {
    notes.warnings.push('The district code (digits 5–6) is 00, which no district has: check the number.');
    notes.warningsId.push('Kode kecamatan (digit ke-5 dan ke-6) adalah 00, yang tidak dipakai kecamatan mana pun: periksa kembali nomornya.');
  }
  return notes;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
