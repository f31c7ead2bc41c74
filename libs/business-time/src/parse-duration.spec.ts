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
      reason: '"Sahaja" is not a duration: write a number and a unit (menit, jam, hari, hari kerja, minggu, bulan) or an ISO 8601 duration such as PT5M',
    });
  });

  it.each([
    ['', /is empty/],
    ['   ', /is empty/],
    ['segera', /"segera" is not a duration: write a number and a unit/],
    ['1-2 hari', /"1-2 hari" is a range/],
    ['1 s/d 2 hari', /is a range/],
    ['0 menit', /"0 menit" is zero/],
    ['PT0M', /is zero/],
    ['1,5 hari', /not a whole number of hari/],
    ['2,5 hari kerja', /not a whole number of hari kerja/],
    ['1.5 jam', /ambiguous/],
    ['satu hari', /is not a duration/],
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
