import { normalizePhone } from './normalize-phone';

describe('normalizePhone', () => {
  it.each([
    ['0812-3456-7890'],
    ['+62 812 3456 7890'],
    ['6281234567890'],
    ['+6281234567890'],
    ['0812 3456 7890'],
    ['0812.3456.7890'],
    ['(0812) 3456-7890'],
    ['+62 (0) 812 3456 7890'],
    ['+62 0812 3456 7890'],
    ['62 0812 3456 7890'],
    ['0062 812 3456 7890'],
    ['812 3456 7890'],
    ['  0812–3456–7890  '],
  ])('%j is +6281234567890', (written) => {
    expect(normalizePhone(written)).toEqual({ ok: true, e164: '+6281234567890' });
  });

  it.each([
    ['0812345678', '+62812345678'], // the shortest: 10 digits with 08
    ['0813 1234 5678', '+6281312345678'],
    ['0821 4567 8901', '+6282145678901'],
    ['0838-1234-567', '+628381234567'],
    ['0852 3456 7890', '+6285234567890'],
    ['0877 1234 5678', '+6287712345678'],
    ['0881 234 5678', '+628812345678'],
    ['0896 1234 5678', '+6289612345678'],
    ['0812 3456 78901', '+62812345678901'], // the longest: 13 digits with 08
  ])('%j is %s', (written, e164) => {
    expect(normalizePhone(written)).toEqual({ ok: true, e164 });
  });

  describe('landlines are refused: only mobile numbers are accepted', () => {
    const landline = {
      ok: false,
      code: 'phone.landline',
      message:
        'Only mobile numbers are accepted; this looks like a landline number (mobile numbers start with 08): write a mobile number, e.g. 0812 3456 7890.',
      messageId:
        'Hanya nomor HP yang diterima; nomor ini tampaknya nomor telepon rumah atau kantor (nomor HP diawali 08): tulis nomor HP, misalnya 0812 3456 7890.',
    };
    it.each([['021-5551234'], ['0362 25887'], ['(0362) 25887'], ['+62 21 5551234'], ['62 362 25887'], ['0725 41234']])('%j', (written) => {
      expect(normalizePhone(written)).toEqual(landline);
    });
  });

  it.each([
    ['', 'phone.empty', 'Write a mobile number, e.g. 0812 3456 7890.', 'Tulis nomor HP, misalnya 0812 3456 7890.'],
    [
      '0812 3456 789O',
      'phone.not-digits',
      'A mobile number has only digits (spaces, dots, dashes and brackets between them are fine), e.g. 0812 3456 7890.',
      'Nomor HP hanya berisi angka (boleh dipisah spasi, titik, tanda hubung atau kurung), misalnya 0812 3456 7890.',
    ],
    [
      '+1 415 555 0100',
      'phone.country',
      'Only Indonesian mobile numbers (+62) are accepted: write it as 08… or +628…, e.g. 0812 3456 7890.',
      'Hanya nomor HP Indonesia (+62) yang diterima: tulis dengan awalan 08… atau +628…, misalnya 0812 3456 7890.',
    ],
    [
      '0060 12 345 6789',
      'phone.country',
      'Only Indonesian mobile numbers (+62) are accepted: write it as 08… or +628…, e.g. 0812 3456 7890.',
      'Hanya nomor HP Indonesia (+62) yang diterima: tulis dengan awalan 08… atau +628…, misalnya 0812 3456 7890.',
    ],
    [
      '0841 2345 6789',
      'phone.prefix',
      'Indonesian mobile numbers start with 081, 082, 083, 085, 086, 087, 088 or 089; this one starts with 084: check the number.',
      'Nomor HP Indonesia diawali 081, 082, 083, 085, 086, 087, 088 atau 089, sedangkan nomor ini diawali 084: periksa kembali nomornya.',
    ],
    [
      '0800 1234 567',
      'phone.prefix',
      'Indonesian mobile numbers start with 081, 082, 083, 085, 086, 087, 088 or 089; this one starts with 080: check the number.',
      'Nomor HP Indonesia diawali 081, 082, 083, 085, 086, 087, 088 atau 089, sedangkan nomor ini diawali 080: periksa kembali nomornya.',
    ],
    [
      '0812 3456 7',
      'phone.length',
      'A mobile number has 10 to 13 digits when written with 08; this one has 9: check the number.',
      'Nomor HP terdiri atas 10 sampai 13 digit jika ditulis dengan awalan 08, sedangkan yang ditulis 9 digit: periksa kembali nomornya.',
    ],
    [
      '+62 812 3456 789012',
      'phone.length',
      'A mobile number has 10 to 13 digits when written with 08; this one has 14: check the number.',
      'Nomor HP terdiri atas 10 sampai 13 digit jika ditulis dengan awalan 08, sedangkan yang ditulis 14 digit: periksa kembali nomornya.',
    ],
    [
      '12345',
      'phone.invalid',
      'Write the mobile number with 08, 628 or +628 at the start, e.g. 0812 3456 7890.',
      'Tulis nomor HP dengan awalan 08, 628 atau +628, misalnya 0812 3456 7890.',
    ],
    [
      '+62',
      'phone.invalid',
      'Write the mobile number with 08, 628 or +628 at the start, e.g. 0812 3456 7890.',
      'Tulis nomor HP dengan awalan 08, 628 atau +628, misalnya 0812 3456 7890.',
    ],
  ])('%j is refused as %s', (value, code, message, messageId) => {
    expect(normalizePhone(value)).toEqual({ ok: false, code, message, messageId });
  });

  it('refuses a short number starting with 8 for its length', () => {
    expect(normalizePhone('08')).toMatchObject({ ok: false, code: 'phone.length' });
  });
});
