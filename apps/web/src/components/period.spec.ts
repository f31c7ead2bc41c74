import { format, type Lang, type Translate } from '../i18n';
import { allMessages } from '../test-messages';
import { choiceQuery, isReportDate, isReportMonth, periodProblems, readChoice, shownMode, switchMode, today, type ReportChoice } from './period';
import { periodProblemText } from './PeriodControls';

const MESSAGES = allMessages();

const NOW = new Date(2026, 11, 6, 9, 30); // 6 December 2026, in the browser's time zone
const translate =
  (lang: Lang): Translate =>
  (key, params) =>
    format(MESSAGES[lang][key], params, lang);

describe('readChoice: the period of a report page from its query string', () => {
  it.each<[string, Partial<ReportChoice>]>([
    ['', { regency: null, mode: 'month', month: '2026-12', from: '2026-12-01', to: '2026-12-06' }],
    ['?month=2026-11', { mode: 'month', month: '2026-11', from: '2026-11-01' }],
    ['?regency=buleleng&month=2026-11', { regency: 'buleleng', mode: 'month', month: '2026-11' }],
    ['?from=2026-11-01&to=2026-11-15', { mode: 'range', month: '2026-11', from: '2026-11-01', to: '2026-11-15' }],
    ['?from=2026-11-03&to=2026-11-03', { mode: 'day', from: '2026-11-03', to: '2026-11-03' }],
    // a lone end is that one day
    ['?from=2026-11-03', { mode: 'day', from: '2026-11-03', to: '2026-11-03' }],
    ['?to=2026-11-04', { mode: 'day', from: '2026-11-04', to: '2026-11-04' }],
    // both empty: no period asked, the current month
    ['?from=&to=', { mode: 'month', month: '2026-12' }],
  ])('%s', (search, expected) => {
    expect(readChoice(search, NOW)).toEqual(expect.objectContaining(expected));
  });

  it('keeps what it cannot read as written, for periodProblems to name', () => {
    expect(readChoice('?month=2026-13', NOW)).toEqual(expect.objectContaining({ mode: 'month', month: '2026-13' }));
    expect(readChoice('?month=2026-11%00', NOW).month).toBe('2026-11\0');
    expect(readChoice('?from=&to=2026-11-04', NOW)).toEqual(expect.objectContaining({ mode: 'range', from: '', to: '2026-11-04' }));
  });
});

describe('choiceQuery: a choice written back to the query string', () => {
  it.each([
    '?regency=buleleng&month=2026-11',
    '?month=2026-02',
    '?from=2026-11-01&to=2026-11-15',
    '?regency=metro&from=2026-11-03&to=2026-11-03',
    // bad values come back as they were: the address keeps what the reader wrote, and the page says what is wrong
    '?month=2026-13',
    '?from=2026-11-20&to=2026-11-01',
    '?month=%00',
    '?regency=%00&from=2026-11-01%00&to=2026-11-02',
  ])('%s reads back as it was written', (search) => {
    const once = readChoice(search, NOW);
    expect(choiceQuery(once)).toBe(search.slice(1));
    expect(readChoice(`?${choiceQuery(once)}`, NOW)).toEqual(once);
  });

  it('writes a day as from and to, and leaves a missing regency out', () => {
    expect(choiceQuery({ regency: null, mode: 'day', month: '2026-11', from: '2026-11-03', to: '2026-11-09' })).toBe('from=2026-11-03&to=2026-11-03');
    expect(choiceQuery({ regency: '', mode: 'month', month: '2026-11', from: '', to: '' })).toBe('month=2026-11');
  });

  it('escapes what a query string must not hold', () => {
    expect(choiceQuery({ regency: 'a&b=c', mode: 'month', month: '2026-11', from: '', to: '' })).toBe('regency=a%26b%3Dc&month=2026-11');
  });
});

describe("the period rules (the API's, apps/api/src/reports/report-period.ts)", () => {
  it.each([
    ['2026-11', true],
    ['2000-01', true],
    ['2100-12', true],
    ['1999-12', false],
    ['2101-01', false],
    ['2026-13', false],
    ['2026-00', false],
    ['2026-1', false],
    ['2026-11\0', false],
    ['', false],
  ])('month %j: %s', (value, ok) => {
    expect(isReportMonth(value)).toBe(ok);
  });

  it.each([
    ['2026-11-30', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-11-31', false],
    ['2026-11-00', false],
    ['2026-13-01', false],
    ['1999-12-31', false],
    ['2026-11-01\0', false],
    ['2026-11-01T00:00', false],
    ['', false],
  ])('date %j: %s', (value, ok) => {
    expect(isReportDate(value)).toBe(ok);
  });
});

describe('periodProblems: what is wrong with a period, by field', () => {
  it.each([
    ['?month=2026-11', []],
    ['', []],
    ['?from=2026-11-01&to=2026-11-15', []],
    ['?from=2026-11-03', []],
    ['?month=2026-13', [{ field: 'month', reason: 'format' }]],
    ['?month=', [{ field: 'month', reason: 'format' }]],
    ['?month=%00', [{ field: 'month', reason: 'format' }]],
    ['?from=2026-11-20&to=2026-11-01', [{ field: 'to', reason: 'order', first: '2026-11-20', last: '2026-11-01' }]],
    ['?from=2026-11-01&to=2026-11-31', [{ field: 'to', reason: 'format' }]],
    ['?from=&to=2026-11-04', [{ field: 'from', reason: 'format' }]],
    [
      '?from=2026-11-01%00&to=2026-02-30',
      [
        { field: 'from', reason: 'format' },
        { field: 'to', reason: 'format' },
      ],
    ],
    ['?from=kemarin', [{ field: 'from', reason: 'format' }]],
  ])('%s', (search, problems) => {
    expect(periodProblems(readChoice(search, NOW))).toEqual(problems);
  });

  it('says what to write, naming the field by its label, in both languages', () => {
    const problems = periodProblems(readChoice('?month=2026-13', NOW));
    expect(periodProblemText(problems, translate('id'))).toContain('"Bulan" tidak dapat dipakai: tulis bulan sebagai YYYY-MM');
    expect(periodProblemText(problems, translate('en'))).toMatch(/^"Month" cannot be used: write a month as YYYY-MM/);
    const order = periodProblems(readChoice('?from=2026-11-20&to=2026-11-01', NOW));
    expect(periodProblemText(order, translate('id'))).toBe(
      '"Sampai" (2026-11-01) sebelum "Dari" (2026-11-20): pilih hari terakhir yang tidak sebelum hari pertama.',
    );
    expect(periodProblemText(order, translate('en'))).toBe('"To" (2026-11-01) is before "From" (2026-11-20): choose a last day not before the first.');
    // a day is named by its control's label where the page shows a day, by "Dari" where it shows a range
    const day = periodProblems(readChoice('?from=2026-02-30', NOW));
    expect(periodProblemText(day, translate('id'), 'day')).toMatch(/^"Hari" tidak dapat dipakai/);
    expect(periodProblemText(day, translate('id'), 'range')).toMatch(/^"Dari" tidak dapat dipakai/);
    // the bad value itself (a NUL byte here) is never echoed into the page
    expect(periodProblemText(periodProblems(readChoice('?month=%00', NOW)), translate('id'))).not.toContain('\0');
  });
});

describe('shownMode: the mode a page shows a choice in', () => {
  it('shows a day as a range where the page offers no day', () => {
    const day = readChoice('?from=2026-11-03&to=2026-11-03', NOW);
    expect(shownMode(day, ['month', 'day', 'range'])).toBe('day');
    expect(shownMode(day, ['month', 'range'])).toBe('range');
    expect(shownMode(readChoice('', NOW), ['month', 'range'])).toBe('month');
  });
});

describe('switchMode: a click on a period mode', () => {
  const month = readChoice('?month=2026-11', NOW);
  const range = readChoice('?from=2026-11-01&to=2026-11-15', NOW);
  it('starts a day today from a month, on the first day from a range', () => {
    expect(switchMode(month, 'day', NOW)).toEqual({ mode: 'day', from: today(NOW) });
    expect(switchMode(range, 'day', NOW)).toEqual({ mode: 'day', from: '2026-11-01' });
  });
  it('keeps a range in order', () => {
    expect(switchMode({ ...range, to: '2026-10-01' }, 'range', NOW)).toEqual({ mode: 'range', to: '2026-11-01' });
    expect(switchMode(range, 'range', NOW)).toEqual({ mode: 'range', to: '2026-11-15' });
    expect(switchMode(range, 'month', NOW)).toEqual({ mode: 'month' });
  });
  it('gives a query with no problem from a month', () => {
    const day = { ...month, ...switchMode(month, 'day', NOW) };
    expect(choiceQuery(day)).toBe('from=2026-12-06&to=2026-12-06');
    expect(periodProblems(day)).toEqual([]);
  });
});
