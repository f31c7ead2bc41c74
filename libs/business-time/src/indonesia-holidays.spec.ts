import { INDONESIA_HOLIDAYS } from './indonesia-holidays';

describe('INDONESIA_HOLIDAYS', () => {
  it('has 2025 (17 holidays, 10 cuti bersama) and 2026 (17 holidays, 8 cuti bersama)', () => {
    expect(INDONESIA_HOLIDAYS.map((y) => [y.year, y.holidays.length, y.cutiBersama.length])).toEqual([
      [2025, 17, 10],
      [2026, 17, 8],
    ]);
  });

  it('names the 2026 decree', () => {
    expect(INDONESIA_HOLIDAYS[1].source).toContain('SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025');
    expect(INDONESIA_HOLIDAYS[0].source).toContain('SKB 3 Menteri');
  });

  it('lists each date once, in order, within its own year', () => {
    for (const year of INDONESIA_HOLIDAYS) {
      const dates = [...year.holidays, ...year.cutiBersama].map((e) => e.date);
      expect(new Set(dates).size).toBe(dates.length);
      for (const list of [year.holidays, year.cutiBersama]) {
        const listed = list.map((e) => e.date);
        expect(listed).toEqual([...listed].sort());
        for (const date of listed) expect(date.startsWith(`${year.year}-`)).toBe(true);
      }
    }
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(INDONESIA_HOLIDAYS)).toBe(true);
    expect(Object.isFrozen(INDONESIA_HOLIDAYS[1].holidays[0])).toBe(true);
  });
});
