import { formatHolidayLines, parseHolidayLines } from './holiday-lines';

describe('parseHolidayLines', () => {
  it('reads one day per line, with the separators a pasted table brings', () => {
    const text = [
      '2027-01-01 Tahun Baru Masehi',
      '',
      '2027-02-06\tTahun Baru Imlek',
      '2027-03-09, Hari Raya Nyepi',
      '2027-05-01 – Hari Buruh Internasional',
      '  2027-08-17;Hari Kemerdekaan Republik Indonesia  ',
    ].join('\n');
    expect(parseHolidayLines(text)).toEqual({
      entries: [
        { date: '2027-01-01', name: 'Tahun Baru Masehi' },
        { date: '2027-02-06', name: 'Tahun Baru Imlek' },
        { date: '2027-03-09', name: 'Hari Raya Nyepi' },
        { date: '2027-05-01', name: 'Hari Buruh Internasional' },
        { date: '2027-08-17', name: 'Hari Kemerdekaan Republik Indonesia' },
      ],
      issues: [],
    });
  });

  it('names the lines it cannot read, by number', () => {
    const { entries, issues } = parseHolidayLines('2027-01-01 Tahun Baru Masehi\n1 Mei 2027 Hari Buruh\n2027-06-01\n17/08/2027 Kemerdekaan');
    expect(entries).toHaveLength(1);
    expect(issues).toEqual([
      { line: 2, text: '1 Mei 2027 Hari Buruh', reason: 'unreadable' },
      { line: 3, text: '2027-06-01', reason: 'unreadable' },
      { line: 4, text: '17/08/2027 Kemerdekaan', reason: 'unreadable' },
    ]);
  });

  it('names a date no calendar has, and (given the year) a day of another year, before the server is asked', () => {
    const { entries, issues } = parseHolidayLines(
      '2027-01-01 Tahun Baru Masehi\n2027-02-30 Isra Mikraj\n2027-13-01 x\n2026-12-25 Natal\n2028-02-29 Kabisat',
      2027,
    );
    expect(entries).toEqual([{ date: '2027-01-01', name: 'Tahun Baru Masehi' }]);
    expect(issues).toEqual([
      { line: 2, text: '2027-02-30 Isra Mikraj', reason: 'not-a-date' },
      { line: 3, text: '2027-13-01 x', reason: 'not-a-date' },
      { line: 4, text: '2026-12-25 Natal', reason: 'other-year' },
      { line: 5, text: '2028-02-29 Kabisat', reason: 'other-year' },
    ]);
    // without a year only the calendar is checked; 29 February of a leap year is a day
    expect(parseHolidayLines('2028-02-29 Kabisat\n2027-02-29 x').issues).toEqual([{ line: 2, text: '2027-02-29 x', reason: 'not-a-date' }]);
  });

  it('round-trips with formatHolidayLines', () => {
    const entries = [
      { date: '2027-01-01', name: 'Tahun Baru Masehi' },
      { date: '2027-12-25', name: 'Hari Raya Natal' },
    ];
    expect(parseHolidayLines(formatHolidayLines(entries)).entries).toEqual(entries);
  });
});
