import { parseDuration } from './parse-duration';

describe('parseDuration', () => {
  describe('Indonesian literals as written in the seed SOPs', () => {
    it.each([
      ['5 menit', 5, 'minute', 'working'],
      ['5 Menit', 5, 'minute', 'working'],
      ['1 Menit', 1, 'minute', 'working'],
      ['1 menit', 1, 'minute', 'working'],
      ['30 menit', 30, 'minute', 'working'],
      ['2menit', 2, 'minute', 'working'],
      ['1 jam', 1, 'hour', 'working'],
      ['1 Jam', 1, 'hour', 'working'],
      ['1,5 jam', 1.5, 'hour', 'working'],
      ['3 hari kerja', 3, 'workingDay', 'working'],
      ['3 Hari Kerja', 3, 'workingDay', 'working'],
      ['3   HARI    kerja', 3, 'workingDay', 'working'],
      ['3 harikerja', 3, 'workingDay', 'working'],
      ['1 hari', 1, 'day', 'calendar'],
      ['1 minggu', 1, 'week', 'calendar'],
      ['1 Bulan', 1, 'month', 'calendar'],
      ['  15 Menit.  ', 15, 'minute', 'working'],
      ['20 Menit;', 20, 'minute', 'working'],
    ] as const)('%j is %d %s (%s basis)', (text, amount, unit, basis) => {
      expect(parseDuration(text)).toEqual({ known: true, duration: { amount, unit, basis, text } });
    });
  });

  describe('Indonesian literals as other offices print them (ADR 0001, addendum)', () => {
    it.each([
      // the number in digits and in words, as letters and decrees write it
      ['1 (satu) hari kerja', 1, 'workingDay'],
      ['3 (tiga) Hari Kerja', 3, 'workingDay'],
      ['14 (empat belas ) hari kerja.', 14, 'workingDay'],
      ['60 (enam puluh) hari', 60, 'day'],
      ['1,5 (satu setengah) jam', 1.5, 'hour'],
      // the number in words alone
      ['tiga hari kerja', 3, 'workingDay'],
      ['satu hari', 1, 'day'],
      ['dua puluh lima menit', 25, 'minute'],
      ['sebelas hari', 11, 'day'],
      ['seratus dua puluh menit', 120, 'minute'],
      ['sehari', 1, 'day'],
      ['seminggu', 1, 'week'],
      ['sebulan', 1, 'month'],
      ['sejam', 1, 'hour'],
      // "at most" and "about": the amount is the limit
      ['paling lama 14 (empat belas) hari kerja', 14, 'workingDay'],
      ['Paling lambat 3 hari kerja', 3, 'workingDay'],
      ['selambat-lambatnya 7 (tujuh) hari kerja', 7, 'workingDay'],
      ['maksimal 5 menit', 5, 'minute'],
      ['maks. 5 menit', 5, 'minute'],
      ['± 15 menit', 15, 'minute'],
      ['+/- 10 menit', 10, 'minute'],
      ['kurang lebih 30 menit', 30, 'minute'],
      ['dalam waktu paling lama 2 hari', 2, 'day'],
      // per file, per complaint: one case is one of them
      ['5 menit/berkas', 5, 'minute'],
      ['5 Menit / Pengaduan', 5, 'minute'],
      ['10 menit per pengaduan', 10, 'minute'],
      // the "x 24 jam" idiom is days
      ['1 x 24 jam', 1, 'day'],
      ['2×24 jam', 2, 'day'],
      ['3 X 24 Jam', 3, 'day'],
      ['1 (satu) x 24 jam', 1, 'day'],
      ['dalam waktu 3 x 24 jam', 3, 'day'],
      // fractions of an hour, hours and minutes, the other names of the units
      ['½ jam', 0.5, 'hour'],
      ['1½ jam', 1.5, 'hour'],
      ['1 1/2 jam', 1.5, 'hour'],
      ['setengah jam', 0.5, 'hour'],
      ['satu setengah jam', 1.5, 'hour'],
      ['1 jam 30 menit', 90, 'minute'],
      ['2 jam kerja', 2, 'hour'],
      ['3 hari kalender', 3, 'day'],
      ['1 pekan', 1, 'week'],
      ['seperempat jam', 0.25, 'hour'],
      // the abbreviations of a narrow Waktu column, and a footnote's mark
      ['15 mnt', 15, 'minute'],
      ['15 Mnt.', 15, 'minute'],
      ['1 jam 30 mnt', 90, 'minute'],
      ["30'", 30, 'minute'],
      ['30’', 30, 'minute'],
      ['2 hr', 2, 'day'],
      ['1 hr. kerja', 1, 'workingDay'],
      ['3 HK', 3, 'workingDay'],
      ['3 (tiga) HK', 3, 'workingDay'],
      ['1 hari*', 1, 'day'],
      ['3 hari kerja **', 3, 'workingDay'],
      // "up to" and "less than": the amount is the limit
      ['s.d. 3 hari kerja', 3, 'workingDay'],
      ['s/d 3 hari kerja', 3, 'workingDay'],
      ['sd 2 jam', 2, 'hour'],
      ['sampai dengan 5 hari kerja', 5, 'workingDay'],
      ['hingga 14 hari', 14, 'day'],
      ['< 1 hari', 1, 'day'],
      ['≤ 3 hari kerja', 3, 'workingDay'],
    ] as const)('%j is %d %s', (text, amount, unit) => {
      const parsed = parseDuration(text);
      expect(parsed).toMatchObject({ known: true, duration: { amount, unit, text } });
    });

    it('reads a dash, an empty text or words that say there is no fixed time as "no time stated", not as a damaged value', () => {
      for (const text of ['-', '–', '—', '', '   ', '-.', '...', 'sesuai kebutuhan', 'Sesuai Kebutuhan.', 'tentatif', 'Insidentil', 'menyesuaikan']) {
        expect(parseDuration(text)).toMatchObject({ known: false, code: 'not-written', text });
      }
    });

    it('names why a text is unknown with a code a translated message can use', () => {
      expect(parseDuration('segera')).toMatchObject({ known: false, code: 'at-once' });
      expect(parseDuration('1-2 hari')).toMatchObject({ known: false, code: 'range' });
      expect(parseDuration('½ hari')).toMatchObject({ known: false, code: 'not-whole', params: { unit: 'hari' } });
      expect(parseDuration('2 (tiga) hari')).toMatchObject({ known: false, code: 'words-disagree', params: { number: '2', words: 'tiga' } });
      expect(parseDuration('Sahaja')).toMatchObject({ known: false, code: 'not-a-duration' });
    });

    it('keeps a range unknown however its "up to" is written, and a footnote mark alone states nothing it can read', () => {
      for (const text of ['1 s.d 3 hari', '1 sd 3 hari', '1 s/d 3 hari kerja', '2 sampai dengan 3 hari']) {
        expect(parseDuration(text)).toMatchObject({ known: false, code: 'range', text });
      }
      // the footnote may give the time: not "no time stated"
      expect(parseDuration('*')).toMatchObject({ known: false, code: 'not-a-duration' });
      // "more than" is no limit, abbreviated or not
      expect(parseDuration('> 1 hari')).toMatchObject({ known: false });
      expect(parseDuration('lebih dari 3 HK')).toMatchObject({ known: false });
    });
  });

  describe('ISO 8601 durations', () => {
    it.each([
      ['PT5M', 5, 'minute', 'working'],
      ['pt5m', 5, 'minute', 'working'],
      ['PT2H', 2, 'hour', 'working'],
      ['PT1.5H', 1.5, 'hour', 'working'],
      ['PT1,5H', 1.5, 'hour', 'working'],
      ['PT1H30M', 90, 'minute', 'working'],
      ['P3D', 3, 'day', 'calendar'],
      ['P2W', 2, 'week', 'calendar'],
      ['P1M', 1, 'month', 'calendar'],
    ] as const)('%j is %d %s (%s basis)', (text, amount, unit, basis) => {
      expect(parseDuration(text)).toEqual({ known: true, duration: { amount, unit, basis, text } });
    });
  });

  it('keeps "Sahaja" unknown and says what would be accepted', () => {
    expect(parseDuration('Sahaja')).toEqual({
      known: false,
      text: 'Sahaja',
      code: 'not-a-duration',
      reason: '"Sahaja" is not a duration: write a number and a unit (menit, jam, hari, hari kerja, minggu, bulan) or an ISO 8601 duration such as PT5M',
    });
  });

  it.each([
    ['segera', /"segera" says "at once" and names no amount of time/],
    ['1-2 hari', /"1-2 hari" is a range/],
    ['1 s/d 2 hari', /is a range/],
    ['0 menit', /"0 menit" is zero/],
    ['PT0M', /is zero/],
    ['1,5 hari', /not a whole number of hari/],
    ['2,5 hari kerja', /not a whole number of hari kerja/],
    ['1.5 jam', /ambiguous/],
    ['seharian', /is not a duration/],
    ['lebih dari 3 hari', /is not a duration/],
    ['secepat-cepatnya 3 hari', /is not a duration/],
    ['1 jam atau 2 jam', /is a range/],
    ['½ hari', /not a whole number of hari/],
    ['setengah hari kerja', /not a whole number of hari kerja/],
    ['1,5 x 24 jam', /not a whole number of x 24 jam/],
    ['2 (tiga) hari', /gives the number 2 and the words "tiga" \(3\), which disagree/],
    ['nol menit', /is zero/],
    ['paling lama', /is not a duration/],
    ['1 hari/a b c d', /is not a duration/],
    ['constructor menit', /is not a duration/],
    ['paling lama __proto__ hari kerja', /is not a duration/],
    ['__proto__ puluh menit', /is not a duration/],
    ['1 (constructor) hari', /is not a duration/],
    ['5 menit/10 berkas', /is not a duration/],
    ['11/2 jam', /is not a duration/],
    ['1 jam 90 menit', /is not a duration/],
    ['3 hari - 5 hari', /is a range/],
    ['2 jam atau 3 jam', /is a range/],
    [`${'.'.repeat(100_000)}x`, /is not a duration/],
    [`1 hari/${'a '.repeat(10_000)}`, /is not a duration/],
    [`${'paling lama '.repeat(2_000)}1 hari`, /is not a duration/],
    ['5 detik', /is not a duration/],
    ['menit', /is not a duration/],
    ['5', /is not a duration/],
    ['5 menit 30 detik', /is not a duration/],
    ['P', /has no amount/],
    ['PT', /has no amount/],
    ['P1Y', /has years/],
    ['PT30S', /has seconds/],
    ['P1DT2H', /mixes calendar days and working hours/],
    ['P1M2D', /mixes months and days/],
    ['PT1.5H30M', /fraction before its last part/],
    ['P1.5D', /is not a duration/],
    ['PT-5M', /is not a duration/],
    ['@@garbage##', /is not a duration/],
  ])('%j is unknown (%s)', (text, reason) => {
    const parsed = parseDuration(text);
    expect(parsed).toMatchObject({ known: false, text });
    if (parsed.known) throw new Error('expected unknown');
    expect(parsed.reason).toMatch(reason);
  });
});
