import { checkNikOrKk } from './check-nik-or-kk';

describe('checkNikOrKk', () => {
  it("takes a woman's NIK as a NIK, unambiguously", () => {
    expect(checkNikOrKk('1471.0261.0785.0001')).toEqual({
      ok: true,
      kind: 'nik',
      ambiguous: false,
      nik: '1471026107850001',
      warnings: [],
      warningsId: [],
      parts: { provinceCode: '14', regencyCode: '14.71', districtCode: '14.71.02', birthDate: '21-07-85', sex: 'P' },
    });
  });

  it('takes a number valid as a KK (and so as a man’s NIK) as a NIK, and says it is ambiguous', () => {
    expect(checkNikOrKk('1471021503200003')).toMatchObject({
      ok: true,
      kind: 'nik',
      ambiguous: true,
      nik: '1471021503200003',
      parts: { birthDate: '15-03-20', sex: 'L' },
    });
  });

  it('29 February of a year not divisible by 4 can only be a NIK', () => {
    expect(checkNikOrKk('1471022902210003')).toMatchObject({ ok: true, kind: 'nik', ambiguous: false });
    expect(checkNikOrKk('1471022902200003')).toMatchObject({ ok: true, kind: 'nik', ambiguous: true });
  });

  it('keeps the region warnings', () => {
    const result = checkNikOrKk('1400001503200003');
    expect(result.ok && result.warnings).toHaveLength(2);
  });

  it('refuses a number that is neither, naming both readings of the date', () => {
    expect(checkNikOrKk('1471023513850001')).toEqual({
      ok: false,
      code: 'nik-or-kk.date',
      message:
        'Digits 7–12 of a NIK or KK number are a date DDMMYY (in a NIK the date of birth, with 40 added to the day for women; in a KK the date it was recorded); 35-13-85 is neither: check the number.',
      messageId:
        'Digit ke-7 sampai ke-12 NIK atau nomor KK adalah tanggal HHBBTT (pada NIK tanggal lahir, ditambah 40 untuk perempuan; pada KK tanggal pencatatan); 35-13-85 bukan keduanya: periksa kembali nomornya.',
    });
  });

  it.each([
    ['', 'nik-or-kk.empty', 'Write the 16-digit NIK or KK number printed on the KTP or KK.'],
    [
      '1471-02x1-0785-0001',
      'nik-or-kk.not-digits',
      'A NIK or KK number has only digits: write the 16 digits printed on the KTP or KK (spaces, dots and dashes between them are fine).',
    ],
    ['147102610785', 'nik-or-kk.length', 'A NIK or KK number has 16 digits; this one has 12: check it against the KTP or KK.'],
    ['0071026107850001', 'nik-or-kk.province', 'The first two digits of a NIK or KK number are the province code (11 to 96); 00 is not one: check the number.'],
    ['1471026107850000', 'nik-or-kk.serial', 'The last four digits of a NIK or KK number are a serial number from 0001; 0000 is not valid: check the number.'],
    ['1471023104850001', 'nik-or-kk.date', expect.stringContaining('31-04-85 is neither')],
  ])('%j is refused as %s', (value, code, message) => {
    const result = checkNikOrKk(value);
    expect(result).toEqual({ ok: false, code, message, messageId: expect.any(String) });
    expect(!result.ok && result.messageId).toMatch(/NIK atau nomor KK/);
  });
});
