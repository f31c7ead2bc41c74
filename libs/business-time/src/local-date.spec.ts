import { addLocalDays, isLocalDate, localDateOf, localDateTime, localDateTimeOf, localMidnight } from './local-date';
import { zoneAbbreviation } from './indonesian-zones';

describe('local dates of an office', () => {
  it('puts 00:30 WITA on 1 December on 1 December, though it is still 30 November in UTC and WIB', () => {
    const at = new Date('2026-11-30T16:30:00Z');
    expect(localDateOf(at, 'Asia/Makassar')).toBe('2026-12-01');
    expect(localDateOf(at, 'Asia/Jakarta')).toBe('2026-11-30');
    expect(localDateOf(at, 'Asia/Jayapura')).toBe('2026-12-01');
  });

  it('begins a date at local midnight of each zone', () => {
    expect(localMidnight('2026-12-01', 'Asia/Jakarta').toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(localMidnight('2026-12-01', 'Asia/Makassar').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(localMidnight('2026-12-01', 'Asia/Jayapura').toISOString()).toBe('2026-11-30T15:00:00.000Z');
  });

  it('adds days across months, years and the leap day', () => {
    expect(addLocalDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addLocalDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addLocalDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addLocalDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('refuses what is not a date or a time zone, saying what to write', () => {
    expect(() => localMidnight('2026-02-30', 'Asia/Jakarta')).toThrow(/not a date: write YYYY-MM-DD/);
    expect(() => addLocalDays('30/11/2026', 1)).toThrow(/not a date/);
    expect(() => localDateOf(new Date(), 'Asia/Atlantis')).toThrow(/not an IANA time zone/);
  });

  it('tells a date the calendar has from one it has not, as a form checks before sending', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2027-12-31')).toBe(true);
    expect(isLocalDate('2027-02-29')).toBe(false);
    expect(isLocalDate('2027-02-30')).toBe(false);
    expect(isLocalDate('2027-13-01')).toBe(false);
    expect(isLocalDate('2027-1-01')).toBe(false);
    expect(isLocalDate('27-01-01')).toBe(false);
    expect(isLocalDate(20270101)).toBe(false);
  });
});

describe('zoneAbbreviation', () => {
  it('writes the zones as offices do, and any other zone by its name', () => {
    expect(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura', 'Europe/Paris'].map(zoneAbbreviation)).toEqual([
      'WIB',
      'WIB',
      'WITA',
      'WIT',
      'Europe/Paris',
    ]);
  });
});

describe('the wall clock of an office', () => {
  it('reads an instant as the local date and minute, and back', () => {
    const at = new Date('2026-12-06T16:30:00Z');
    expect(localDateTimeOf(at, 'Asia/Jayapura')).toEqual({ date: '2026-12-07', minute: 90 });
    expect(localDateTimeOf(at, 'Asia/Jakarta')).toEqual({ date: '2026-12-06', minute: 23 * 60 + 30 });
    expect(localDateTime('2026-12-07', 90, 'Asia/Jayapura').toISOString()).toBe(at.toISOString());
    expect(() => localDateTime('2026-02-30', 0, 'Asia/Jakarta')).toThrow(RangeError);
  });
});
