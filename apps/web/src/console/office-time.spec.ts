import { officeInputValue, officeInstant } from './office-time';

describe("'Diterima pada' on the office's wall clock, whatever the browser's zone", () => {
  it('shows an instant in WIB, WITA, WIT and Pontianak', () => {
    const at = new Date('2026-12-07T01:30:00Z');
    expect(officeInputValue(at, 'Asia/Jakarta')).toBe('2026-12-07T08:30');
    expect(officeInputValue(at, 'Asia/Pontianak')).toBe('2026-12-07T08:30');
    expect(officeInputValue(at, 'Asia/Makassar')).toBe('2026-12-07T09:30');
    expect(officeInputValue(at, 'Asia/Jayapura')).toBe('2026-12-07T10:30');
    // across midnight
    expect(officeInputValue(new Date('2026-12-06T16:30:00Z'), 'Asia/Jayapura')).toBe('2026-12-07T01:30');
  });

  it('reads a typed time in the office zone, not the browser’s', () => {
    expect(officeInstant('2026-12-07T09:30', 'Asia/Makassar')?.toISOString()).toBe('2026-12-07T01:30:00.000Z');
    expect(officeInstant('2026-12-07T01:30', 'Asia/Jayapura')?.toISOString()).toBe('2026-12-06T16:30:00.000Z');
    expect(officeInstant('2026-12-07T08:30', 'Asia/Jakarta')?.toISOString()).toBe('2026-12-07T01:30:00.000Z');
    expect(officeInstant('', 'Asia/Jakarta')).toBeNull();
    expect(officeInstant('2026-02-30T08:00', 'Asia/Jakarta')).toBeNull();
  });
});
