import { daysInMonth, monthName } from './calendar-date';
import { reject, type Rejection } from './rejection';

/** The date of birth in digits 7–12 of a NIK, as `DD-MM-YY`, and the sex it encodes. */
export interface NikBirth {
  ok: true;
  birthDate: string;
  sex: 'L' | 'P';
}

/**
 * Reads digits 7–12 of a NIK: the day of birth (plus 40 for women), the month and the two-digit
 * year. February 29 is always accepted: the century is not written.
 */
export function nikBirth(digits: string): NikBirth | Rejection {
  const dd = digits.slice(6, 8);
  const mm = digits.slice(8, 10);
  const yy = digits.slice(10, 12);
  const month = Number(mm);
  if (month < 1 || month > 12) {
    return reject(
      'nik.month',
      `Digits 9–10 of a NIK are the month of birth (01 to 12); ${mm} is not a month: check the number.`,
      `Digit ke-9 dan ke-10 NIK adalah bulan lahir (01 sampai 12), dan ${mm} bukan bulan: periksa kembali nomornya.`,
    );
  }
  const written = Number(dd);
  const female = written > 40;
  const day = female ? written - 40 : written;
  if (day < 1 || day > 31) {
    return reject(
      'nik.day',
      `Digits 7–8 of a NIK are the day of birth: 01 to 31, or 41 to 71 for women (the day plus 40); ${dd} is neither: check the number.`,
      `Digit ke-7 dan ke-8 NIK adalah tanggal lahir: 01 sampai 31, atau 41 sampai 71 untuk perempuan (tanggal ditambah 40); ${dd} bukan keduanya: periksa kembali nomornya.`,
    );
  }
  const max = daysInMonth(month, true);
  if (day > max) {
    const shown = `${pad(day)}-${mm}`;
    const name = monthName(month);
    return reject(
      'nik.day',
      `The date of birth in this NIK, ${shown}, does not exist: ${name.en} has ${max} days. Check the number.`,
      `Tanggal lahir dalam NIK ini, ${shown}, tidak ada: bulan ${name.id} hanya ${max} hari. Periksa kembali nomornya.`,
    );
  }
  return { ok: true, birthDate: `${pad(day)}-${mm}-${yy}`, sex: female ? 'P' : 'L' };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
