import { checkKk } from './check-kk';

describe('checkKk', () => {
  it('accepts a family card of Kab. Buleleng recorded on 15-03-2020', () => {
    expect(checkKk('5108 0315 0320 0003')).toEqual({
      ok: true,
      kk: '5108031503200003',
      warnings: [],
      warningsId: [],
      parts: { provinceCode: '51', regencyCode: '51.08', districtCode: '51.08.03', recordedDate: '15-03-20' },
    });
  });

  it.each([
    ['1872.0102.0119.0007', '02-01-19'],
    ['3329-0131-1208-0012', '31-12-08'],
    ['3508102902200001', '29-02-20'], // a leap year
    ['3508102902000001', '29-02-00'], // 2000
  ])('accepts %s recorded on %s', (kk, recordedDate) => {
    expect(checkKk(kk)).toMatchObject({ ok: true, parts: { recordedDate } });
  });

  it('warns about a province code that is none of the 38 provinces, and still accepts it', () => {
    const result = checkKk('3701011503200003');
    expect(result).toMatchObject({ ok: true, kk: '3701011503200003' });
    expect(result.ok && result.warnings).toEqual([
      'The province code 37 is not one of the 38 current provinces; the number may still be right if it was issued before regions changed.',
    ]);
  });

  it.each([
    ['', 'kk.empty', 'Write the 16-digit KK number printed on the Kartu Keluarga.', 'Tulis nomor KK (16 digit) yang tertera di Kartu Keluarga.'],
    [
      'KK 5108031503200003',
      'kk.not-digits',
      'A KK number has only digits: write the 16 digits printed on the Kartu Keluarga (spaces, dots and dashes between them are fine).',
      'Nomor KK hanya berisi angka: tulis 16 digit yang tertera di Kartu Keluarga (boleh dipisah spasi, titik atau tanda hubung).',
    ],
    [
      '51080315032000',
      'kk.length',
      'A KK number has 16 digits; this one has 14: check it against the Kartu Keluarga.',
      'Nomor KK terdiri atas 16 digit, sedangkan yang ditulis 14 digit: periksa kembali dengan Kartu Keluarga.',
    ],
    [
      '9908031503200003',
      'kk.province',
      'The first two digits of a KK number are the province code (11 to 96); 99 is not one: check the number.',
      'Dua digit pertama nomor KK adalah kode provinsi (11 sampai 96), dan 99 bukan kode provinsi: periksa kembali nomornya.',
    ],
    [
      '5108033102200003',
      'kk.date',
      'Digits 7–12 of a KK number are the date it was recorded (DDMMYY); 31-02-20 is not a date: check the number.',
      'Digit ke-7 sampai ke-12 nomor KK adalah tanggal pencatatan (HHBBTT); 31-02-20 bukan tanggal yang ada: periksa kembali nomornya.',
    ],
    [
      '1872016107850001',
      'kk.date',
      "Digits 7–12 of a KK number are the date it was recorded (DDMMYY); 61-07-85 is not a date: check the number. A day over 40 is how a woman's NIK is written: if this is a NIK, write it in the NIK field.",
      'Digit ke-7 sampai ke-12 nomor KK adalah tanggal pencatatan (HHBBTT); 61-07-85 bukan tanggal yang ada: periksa kembali nomornya. Tanggal di atas 40 adalah cara penulisan NIK perempuan: jika ini NIK, tulis di kolom NIK.',
    ],
    [
      '5108031503200000',
      'kk.serial',
      'The last four digits of a KK number are a serial number from 0001; 0000 is not valid: check the number.',
      'Empat digit terakhir nomor KK adalah nomor urut mulai 0001; 0000 tidak berlaku: periksa kembali nomornya.',
    ],
  ])('%j is refused as %s', (value, code, message, messageId) => {
    expect(checkKk(value)).toEqual({ ok: false, code, message, messageId });
  });

  it.each([
    ['5108032902210003'], // 29 February 2021: no leap year (no +40 rule and no NIK leniency)
    ['5108030015200003'], // day 00
    ['5108031513200003'], // month 13
    ['5108031500200003'], // month 00
    ['5108033104200003'], // 31 April
    ['5108033215200003'], // day 32
  ])('%s has no real date in digits 7–12', (value) => {
    expect(checkKk(value)).toMatchObject({ ok: false, code: 'kk.date' });
  });

  it('does not add the NIK hint when the day over 40 is no date either', () => {
    const result = checkKk('5108038513200003');
    expect(result).toMatchObject({ ok: false, code: 'kk.date' });
    expect(!result.ok && result.message).not.toMatch(/NIK/);
  });
});
