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
      { line: 2, text: '1 Mei 2027 Hari Buruh' },
      { line: 3, text: '2027-06-01' },
      { line: 4, text: '17/08/2027 Kemerdekaan' },
    ]);
  });

  it('round-trips with formatHolidayLines', () => {
    const entries = [
      { date: '2027-01-01', name: 'Tahun Baru Masehi' },
      { date: '2027-12-25', name: 'Hari Raya Natal' },
    ];
    expect(parseHolidayLines(formatHolidayLines(entries)).entries).toEqual(entries);
  });
});
