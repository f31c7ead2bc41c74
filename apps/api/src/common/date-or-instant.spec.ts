import { dateOrInstantOf } from './date-or-instant';

describe('a date or instant in a query', () => {
  it.each([
    ['2026-12-01', '2026-12-01T00:00:00.000Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z'],
    ['2026-12-01T07:00+07:00', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01T23:59:59.999Z', '2026-12-01T23:59:59.999Z'],
  ])('reads %s', (text, iso) => {
    expect(dateOrInstantOf(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '20261201',
    '2026-W49',
    '2026-335',
    '2026-12-01T10:00',
    '2027-02-29',
    '2026-13-01',
    '2026-12-01T24:00Z',
    '2026-12-01T10:60Z',
    '2026-12-01T10:00+24:00',
    'kemarin',
  ])('refuses %s (a form new Date reads otherwise, or a day or time that does not exist)', (text) => {
    expect(dateOrInstantOf(text)).toBeNull();
  });
});
