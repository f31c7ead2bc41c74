import { checkNik } from './check-nik';

describe('checkNik', () => {
  describe('accepts real-looking NIKs and reads their parts', () => {
    it('a woman born 21-07-1985, first registered in Kota Metro (18.72): day 61 - 40 = 21', () => {
      expect(checkNik('187201610785 0001')).toEqual({
        ok: true,
        nik: '1872016107850001',
        warnings: [],
        warningsId: [],
        parts: { provinceCode: '18', regencyCode: '18.72', districtCode: '18.72.01', birthDate: '21-07-85', sex: 'P' },
      });
    });

    it.each([
      ['3329011503900002', '33.29.01', '15-03-90', 'L'], // Kab. Brebes, a man
      ['3508104112010045', '35.08.10', '01-12-01', 'P'], // Kab. Lumajang, a woman born on the 1st
      ['5108027101990003', '51.08.02', '31-01-99', 'P'], // Kab. Buleleng, a woman born on the 31st
      ['1471023112780001', '14.71.02', '31-12-78', 'L'], // Kota Pekanbaru
      ['9501011003150001', '95.01.01', '10-03-15', 'L'], // Papua Pegunungan (2022)
      ['9671011003150001', '96.71.01', '10-03-15', 'L'], // Papua Barat Daya, Kota Sorong (2022)
    ] as const)('%s: district %s, born %s, sex %s', (nik, districtCode, birthDate, sex) => {
      const result = checkNik(nik);
      expect(result).toMatchObject({ ok: true, nik, warnings: [], parts: { districtCode, birthDate, sex } });
    });

    it.each([
      ['1872.0161.0785.0001'],
      ['18.72.01.610785.0001'],
      ['1872-0161-0785-0001'],
      ['  1872 0161 0785 0001  '],
      ['1872\u00a00161\u00a00785\u00a00001'],
      ['1872–0161–0785–0001'],
    ])('strips the spaces, dots and dashes of %j', (written) => {
      expect(checkNik(written)).toMatchObject({ ok: true, nik: '1872016107850001' });
    });

    it.each([
      ['1872012902840001', '29-02-84', 'L'],
      ['1872016902850001', '29-02-85', 'P'],
    ])('accepts 29 February whatever the year (%s): the century is not written', (nik, birthDate, sex) => {
      expect(checkNik(nik)).toMatchObject({ ok: true, parts: { birthDate, sex } });
    });

    it('accepts the last day of each month for men and women', () => {
      const last = ['31', '29', '31', '30', '31', '30', '31', '31', '30', '31', '30', '31'];
      last.forEach((day, i) => {
        const mm = String(i + 1).padStart(2, '0');
        expect(checkNik(`187201${day}${mm}850001`).ok).toBe(true);
        expect(checkNik(`187201${Number(day) + 40}${mm}850001`).ok).toBe(true);
      });
    });
  });

  describe('unknown regions are warnings only', () => {
    it('a province code between 11 and 96 that is none of the 38 provinces', () => {
      const result = checkNik('2001016107850001');
      expect(result).toMatchObject({ ok: true, parts: { provinceCode: '20' } });
      expect(result.ok && result.warnings).toEqual([
        'The province code 20 is not one of the 38 current provinces; the number may still be right if it was issued before regions changed.',
      ]);
      expect(result.ok && result.warningsId).toEqual([
        'Kode provinsi 20 tidak termasuk 38 provinsi saat ini; nomor ini bisa saja benar jika diterbitkan sebelum perubahan wilayah.',
      ]);
    });

    it('a regency or district code of 00', () => {
      const result = checkNik('1800006107850001');
      expect(result.ok).toBe(true);
      expect(result.ok && result.warnings).toEqual([
        'The regency code (digits 3–4) is 00, which no regency or city has: check the number.',
        'The district code (digits 5–6) is 00, which no district has: check the number.',
      ]);
      expect(result.ok && result.warningsId).toHaveLength(2);
    });
  });

  describe('refusals say what is wrong and what to write, in English and in Indonesian', () => {
    it.each([
      ['', 'nik.empty', 'Write the 16-digit NIK printed on the KTP or KK.', 'Tulis NIK (16 digit) yang tertera di KTP atau KK.'],
      ['   ', 'nik.empty', 'Write the 16-digit NIK printed on the KTP or KK.', 'Tulis NIK (16 digit) yang tertera di KTP atau KK.'],
      [
        '18720161O7850001',
        'nik.not-digits',
        'A NIK has only digits: write the 16 digits printed on the KTP or KK (spaces, dots and dashes between them are fine).',
        'NIK hanya berisi angka: tulis 16 digit yang tertera di KTP atau KK (boleh dipisah spasi, titik atau tanda hubung).',
      ],
      [
        '187201610785001',
        'nik.length',
        'A NIK has 16 digits; this one has 15: check it against the KTP or KK.',
        'NIK terdiri atas 16 digit, sedangkan yang ditulis 15 digit: periksa kembali dengan KTP atau KK.',
      ],
      [
        '18720161078500011',
        'nik.length',
        'A NIK has 16 digits; this one has 17: check it against the KTP or KK.',
        'NIK terdiri atas 16 digit, sedangkan yang ditulis 17 digit: periksa kembali dengan KTP atau KK.',
      ],
      [
        '0972016107850001',
        'nik.province',
        'The first two digits of a NIK are the province code (11 to 96); 09 is not one: check the number.',
        'Dua digit pertama NIK adalah kode provinsi (11 sampai 96), dan 09 bukan kode provinsi: periksa kembali nomornya.',
      ],
      [
        '1872012113850001',
        'nik.month',
        'Digits 9–10 of a NIK are the month of birth (01 to 12); 13 is not a month: check the number.',
        'Digit ke-9 dan ke-10 NIK adalah bulan lahir (01 sampai 12), dan 13 bukan bulan: periksa kembali nomornya.',
      ],
      [
        '1872013507850001',
        'nik.day',
        'Digits 7–8 of a NIK are the day of birth: 01 to 31, or 41 to 71 for women (the day plus 40); 35 is neither: check the number.',
        'Digit ke-7 dan ke-8 NIK adalah tanggal lahir: 01 sampai 31, atau 41 sampai 71 untuk perempuan (tanggal ditambah 40); 35 bukan keduanya: periksa kembali nomornya.',
      ],
      [
        '1872017104850001',
        'nik.day',
        'The date of birth in this NIK, 31-04, does not exist: April has 30 days. Check the number.',
        'Tanggal lahir dalam NIK ini, 31-04, tidak ada: bulan April hanya 30 hari. Periksa kembali nomornya.',
      ],
      [
        '1872016107850000',
        'nik.serial',
        'The last four digits of a NIK are a serial number from 0001; 0000 is not valid: check the number.',
        'Empat digit terakhir NIK adalah nomor urut mulai 0001; 0000 tidak berlaku: periksa kembali nomornya.',
      ],
    ])('%j is refused as %s', (value, code, message, messageId) => {
      expect(checkNik(value)).toEqual({ ok: false, code, message, messageId });
    });

    it.each([
      ['1072016107850001', 'nik.province'], // 10: below Aceh
      ['9772016107850001', 'nik.province'], // 97: above Papua Barat Daya
      ['1872016100850001', 'nik.month'],
      ['1872010007850001', 'nik.day'], // day 00
      ['1872014007850001', 'nik.day'], // 40: day 0 of a woman
      ['1872013207850001', 'nik.day'],
      ['1872017207850001', 'nik.day'], // 72: day 32 of a woman
      ['1872019907850001', 'nik.day'],
      ['1872013002850001', 'nik.day'], // 30 February
      ['1872017002850001', 'nik.day'], // 30 February, a woman
      ['1872013106850001', 'nik.day'], // 31 June
    ])('%s is refused as %s', (value, code) => {
      const result = checkNik(value);
      expect(result).toMatchObject({ ok: false, code });
      expect(!result.ok && result.messageId).toMatch(/periksa kembali/i);
    });

    it('names the month that is too short, in both languages', () => {
      expect(checkNik('1872017002850001')).toMatchObject({
        message: 'The date of birth in this NIK, 30-02, does not exist: February has 29 days. Check the number.',
        messageId: 'Tanggal lahir dalam NIK ini, 30-02, tidak ada: bulan Februari hanya 29 hari. Periksa kembali nomornya.',
      });
    });
  });
});
