import { daysInMonth } from './calendar-date';
import { reject, type Rejection } from './rejection';

/** Digits 7–12 of a No. KK: the date it was recorded, as `DD-MM-YY`. */
export interface KkRecorded {
  ok: true;
  recordedDate: string;
}

/**
 * Reads digits 7–12 of a No. KK as a date DDMMYY. There is no +40 rule. February 29 needs a
 * year divisible by 4 (a KK is recorded by SIAK, so 00 is taken as 2000, a leap year).
 */
export function kkRecorded(digits: string): KkRecorded | Rejection {
  const dd = digits.slice(6, 8);
  const mm = digits.slice(8, 10);
  const yy = digits.slice(10, 12);
  const day = Number(dd);
  const month = Number(mm);
  if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, Number(yy) % 4 === 0)) {
    return { ok: true, recordedDate: `${dd}-${mm}-${yy}` };
  }
  const looksLikeNik = day > 40 && day - 40 <= 31 && month >= 1 && month <= 12;
  return reject(
    'kk.date',
    `Digits 7–12 of a KK number are the date it was recorded (DDMMYY); ${dd}-${mm}-${yy} is not a date: check the number.` +
      (looksLikeNik ? " A day over 40 is how a woman's NIK is written: if this is a NIK, write it in the NIK field." : ''),
    `Digit ke-7 sampai ke-12 nomor KK adalah tanggal pencatatan (HHBBTT); ${dd}-${mm}-${yy} bukan tanggal yang ada: periksa kembali nomornya.` +
      (looksLikeNik ? ' Tanggal di atas 40 adalah cara penulisan NIK perempuan: jika ini NIK, tulis di kolom NIK.' : ''),
  );
}
