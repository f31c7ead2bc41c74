import type { Calendar, CalendarConfig, HolidayYear } from './calendar';
import { CalendarRangeError } from './calendar-range-error';
import { createCalendar } from './create-calendar';
import type { Duration } from './duration';
import { INDONESIA_HOLIDAYS } from './indonesia-holidays';
import { parseDuration } from './parse-duration';
import { PERPRES_21_2023_HOURS } from './perpres-21-2023-hours';

// Instants are written in UTC; comments give the office's local time.
// WIB (Asia/Jakarta) = UTC+7, WITA (Asia/Makassar) = UTC+8, WIT (Asia/Jayapura) = UTC+9.

function duration(text: string): Duration {
  const parsed = parseDuration(text);
  if (!parsed.known) throw new Error(parsed.reason);
  return parsed.duration;
}

function due(calendar: Calendar, startIso: string, text: string): string {
  return calendar.dueAt(new Date(startIso), duration(text)).toISOString();
}

const jakarta = createCalendar({ timeZone: 'Asia/Jakarta' });
const buleleng = createCalendar({ timeZone: 'Asia/Makassar' });

describe('createCalendar defaults', () => {
  it('uses the Perpres 21/2023 hours and the 2025–2026 SKB lists', () => {
    expect(jakarta.timeZone).toBe('Asia/Jakarta');
    // A normal week, Monday 9 to Saturday 14 February 2026: 37.5 hours.
    expect(jakarta.workingMinutesBetween(new Date('2026-02-08T17:00:00Z'), new Date('2026-02-13T17:00:00Z'))).toBe(37.5 * 60);
  });
});

describe('working days and reasons', () => {
  it.each([
    ['2026-03-17', null], // Tuesday
    ['2026-03-18', 'Cuti bersama Hari Raya Nyepi'],
    ['2026-03-19', 'Hari Raya Nyepi'],
    ['2026-03-20', 'Cuti bersama Idulfitri'],
    ['2026-03-21', 'Hari Raya Idulfitri'],
    ['2026-03-22', 'Hari Raya Idulfitri'], // a Sunday: the holiday is the more useful reason
    ['2026-03-23', 'Cuti bersama Idulfitri'],
    ['2026-03-24', 'Cuti bersama Idulfitri'],
    ['2026-03-25', null],
    ['2026-02-07', 'Sabtu'],
    ['2026-02-08', 'Minggu'],
    ['2025-03-29', 'Hari Raya Nyepi'],
    ['2025-04-07', 'Cuti bersama Idulfitri'],
    ['2025-12-26', 'Cuti bersama Hari Raya Natal'],
  ])('%s: %j', (date, reason) => {
    expect(jakarta.nonWorkingReason(date)).toBe(reason);
    expect(jakarta.isWorkingDay(date)).toBe(reason === null);
  });

  it('rejects a malformed date with a plain Error', () => {
    expect(() => jakarta.isWorkingDay('2026-3-19')).toThrow('"2026-3-19" is not a date: write YYYY-MM-DD');
    expect(() => jakarta.nonWorkingReason('2026-02-30')).toThrow(/is not a date/);
    expect(() => jakarta.isWorkingDay('2026-3-19')).not.toThrow(CalendarRangeError);
  });
});

describe('hari kerja (working days, start day not counted)', () => {
  it('"3 hari kerja" filed in Jakarta on Nyepi 2026 at 15:00 WIB is due Friday 27 March 16:30 WIB', () => {
    // Counted: 25, 26, 27 March. 20, 23, 24 cuti bersama; 21–22 Idulfitri.
    expect(due(jakarta, '2026-03-19T08:00:00Z', '3 hari kerja')).toBe('2026-03-27T09:30:00.000Z');
    expect(due(jakarta, '2026-03-19T08:00:00Z', '3 Hari Kerja')).toBe('2026-03-27T09:30:00.000Z');
  });

  it('ignores the time of day of the start: filed at 07:00 or 23:59 the deadline is the same', () => {
    // Monday 9 February 2026: 3 working days are 10, 11, 12 → Thursday 16:00 WIB.
    expect(due(jakarta, '2026-02-09T00:00:00Z', '3 hari kerja')).toBe('2026-02-12T09:00:00.000Z');
    expect(due(jakarta, '2026-02-09T16:59:00Z', '3 hari kerja')).toBe('2026-02-12T09:00:00.000Z');
  });

  it('counts from the next working day when filed on a weekend', () => {
    // Saturday 7 February 2026 10:00 WIB → Mon 9 is day 1.
    expect(due(jakarta, '2026-02-07T03:00:00Z', '1 hari kerja')).toBe('2026-02-09T09:00:00.000Z');
  });

  it('takes the local date in WITA, not the UTC date', () => {
    // Tuesday 10 February 2026 07:45 WITA is still Monday in UTC; day 1 is Wednesday 11, 16:00 WITA.
    expect(due(buleleng, '2026-02-09T23:45:00Z', '1 hari kerja')).toBe('2026-02-11T08:00:00.000Z');
  });

  it('runs the LAPOR! 5 and 10 working-day limits over Idulfitri 2025', () => {
    // Thursday 27 March 2025 10:00 WIB. Not worked: 28 (cuti), 29 (Nyepi), 30 Sun, 31 Mar–1 Apr
    // (Idulfitri), 2–4 and 7 Apr (cuti), 5–6 weekend. Working days: 8, 9, 10, 11, 14, ...
    expect(due(jakarta, '2025-03-27T03:00:00Z', '5 hari kerja')).toBe('2025-04-14T09:00:00.000Z');
    // 15, 16, 17 count, 18 Apr is Wafat Yesus Kristus, then 21 and 22 → Tuesday 22 April.
    expect(due(jakarta, '2025-03-27T03:00:00Z', '10 hari kerja')).toBe('2025-04-22T09:00:00.000Z');
  });
});

describe('menit and jam (working minutes)', () => {
  it('"10 menit" filed Friday 16:25 WIB continues Monday 07:30 and is due 07:35', () => {
    expect(due(jakarta, '2026-02-06T09:25:00Z', '10 menit')).toBe('2026-02-09T00:35:00.000Z');
  });

  it('"1 jam" in Buleleng across midnight UTC', () => {
    // Tuesday 10 February 2026 07:45 WITA = Monday 23:45 UTC → 08:45 WITA.
    expect(due(buleleng, '2026-02-09T23:45:00Z', '1 jam')).toBe('2026-02-10T00:45:00.000Z');
  });

  it('"2 jam" started 15:30 WITA on a Tuesday ends Wednesday 09:00 WITA', () => {
    expect(due(buleleng, '2026-02-10T07:30:00Z', '2 jam')).toBe('2026-02-11T01:00:00.000Z');
  });

  it('"1 jam" in Jayapura (WIT)', () => {
    // Tuesday 10 February 2026 07:30 WIT = Monday 22:30 UTC.
    const jayapura = createCalendar({ timeZone: 'Asia/Jayapura' });
    expect(due(jayapura, '2026-02-09T22:30:00Z', '1 jam')).toBe('2026-02-09T23:30:00.000Z');
  });

  it('skips the lunch break (12:00–13:00 Monday to Thursday)', () => {
    // Monday 9 February 2026 11:45 WIB + 30 min = 15 before the break + 15 after → 13:15.
    expect(due(jakarta, '2026-02-09T04:45:00Z', '30 menit')).toBe('2026-02-09T06:15:00.000Z');
    // 11:00 + 1 jam ends exactly at 12:00: the end of the period, not 13:00.
    expect(due(jakarta, '2026-02-09T04:00:00Z', '1 jam')).toBe('2026-02-09T05:00:00.000Z');
    expect(due(jakarta, '2026-02-09T04:30:00Z', '30 menit')).toBe('2026-02-09T05:00:00.000Z');
  });

  it("skips Friday's longer break (11:30–13:00)", () => {
    // Friday 6 February 2026 11:15 WIB + 30 min → 11:30, then 13:00 → 13:15.
    expect(due(jakarta, '2026-02-06T04:15:00Z', '30 menit')).toBe('2026-02-06T06:15:00.000Z');
    // 11:00 + 1 jam: 30 min before the break, 30 after → 13:30 (a Monday would give 12:00).
    expect(due(jakarta, '2026-02-06T04:00:00Z', '1 jam')).toBe('2026-02-06T06:30:00.000Z');
  });

  it('starts counting at the next working instant when filed outside working time', () => {
    // In the break: Monday 12:30 → counting starts 13:00.
    expect(due(jakarta, '2026-02-09T05:30:00Z', '5 menit')).toBe('2026-02-09T06:05:00.000Z');
    // Before opening: Monday 06:00 → 07:35.
    expect(due(jakarta, '2026-02-08T23:00:00Z', '5 menit')).toBe('2026-02-09T00:35:00.000Z');
    // At closing: Monday 16:00 → Tuesday 07:35.
    expect(due(jakarta, '2026-02-09T09:00:00Z', '5 menit')).toBe('2026-02-10T00:35:00.000Z');
    // On a holiday: Nyepi 2026 10:00 → Wednesday 25 March 07:35.
    expect(due(jakarta, '2026-03-19T03:00:00Z', '5 menit')).toBe('2026-03-25T00:35:00.000Z');
  });

  it('handles fractional hours and combined ISO durations', () => {
    // Monday 07:30 WIB + 1.5 h → 09:00.
    expect(due(jakarta, '2026-02-09T00:30:00Z', 'PT1.5H')).toBe('2026-02-09T02:00:00.000Z');
    expect(due(jakarta, '2026-02-09T00:30:00Z', 'PT1H30M')).toBe('2026-02-09T02:00:00.000Z');
  });

  it('a full working day of minutes spans to the next day', () => {
    // Monday 07:30 WIB + 450 min = Monday 16:00 exactly.
    expect(due(jakarta, '2026-02-09T00:30:00Z', '450 menit')).toBe('2026-02-09T09:00:00.000Z');
    expect(due(jakarta, '2026-02-09T00:30:00Z', '451 menit')).toBe('2026-02-10T00:31:00.000Z');
  });

  it('keeps seconds of the start instant', () => {
    expect(due(jakarta, '2026-02-09T01:00:30.250Z', '5 menit')).toBe('2026-02-09T01:05:30.250Z');
  });
});

describe('hari, minggu, bulan (calendar basis)', () => {
  it('"1 hari" started on the Friday before a Monday holiday moves to the next working day', () => {
    // Friday 13 Feb 2026 10:00 WIB + 1 day = Saturday 14; 15 Sun, 16 cuti Imlek, 17 Imlek → Wed 18, 16:00.
    expect(due(jakarta, '2026-02-13T03:00:00Z', '1 hari')).toBe('2026-02-18T09:00:00.000Z');
  });

  it('"1 hari" on a normal day is the end of the next day, whatever the hour', () => {
    // Monday 9 Feb 2026 at 15:59 WIB → Tuesday 16:00 WIB.
    expect(due(jakarta, '2026-02-09T08:59:00Z', '1 hari')).toBe('2026-02-10T09:00:00.000Z');
    // Thursday → Friday ends at 16:30.
    expect(due(jakarta, '2026-02-12T03:00:00Z', '1 hari')).toBe('2026-02-13T09:30:00.000Z');
  });

  it('"P3D" counts calendar days, weekends included', () => {
    // Wednesday 4 Feb 2026 + 3 days = Saturday 7 → Monday 9, 16:00 WIB.
    expect(due(jakarta, '2026-02-04T03:00:00Z', 'P3D')).toBe('2026-02-09T09:00:00.000Z');
  });

  it('"1 minggu" landing on Kenaikan moves past the cuti bersama and the weekend', () => {
    // Thursday 7 May 2026 + 7 days = Thursday 14 (Kenaikan); 15 cuti; 16–17 weekend → Monday 18 May.
    expect(due(jakarta, '2026-05-07T03:00:00Z', '1 minggu')).toBe('2026-05-18T09:00:00.000Z');
  });

  it.each([
    // 31 Jan 2025 + 1 month = Friday 28 Feb 2025 → 16:30 WIB.
    ['2025-01-31T03:00:00Z', '2025-02-28T09:30:00.000Z'],
    // 30 Jan 2026 + 1 month = 28 Feb 2026 (clamped; a Saturday) → Monday 2 March 16:00 WIB.
    ['2026-01-30T03:00:00Z', '2026-03-02T09:00:00.000Z'],
    // 31 Jan 2026 (Saturday) → 28 Feb → Monday 2 March.
    ['2026-01-31T03:00:00Z', '2026-03-02T09:00:00.000Z'],
    // 31 Dec 2025 + 1 month = Saturday 31 Jan 2026 → Monday 2 Feb.
    ['2025-12-31T03:00:00Z', '2026-02-02T09:00:00.000Z'],
    // 31 Mar 2026 + 1 month = Thursday 30 Apr.
    ['2026-03-31T03:00:00Z', '2026-04-30T09:00:00.000Z'],
  ])('"1 Bulan" from %s is due %s', (start, expected) => {
    expect(due(jakarta, start, '1 Bulan')).toBe(expected);
  });

  it('"1 Bulan" from 31 January of a leap year is 29 February', () => {
    const leap = createCalendar({
      timeZone: 'Asia/Jakarta',
      holidayYears: [{ year: 2024, source: 'test: no holidays', holidays: [], cutiBersama: [] }],
    });
    // Thursday 29 Feb 2024, 16:00 WIB.
    expect(due(leap, '2024-01-31T03:00:00Z', '1 Bulan')).toBe('2024-02-29T09:00:00.000Z');
  });
});

describe('time zones come from Intl, not a fixed offset', () => {
  it('follows a DST change (Europe/Berlin, 29 March 2026) although Indonesia has none', () => {
    const berlin = createCalendar({
      timeZone: 'Europe/Berlin',
      holidayYears: [{ year: 2026, source: 'test: no holidays', holidays: [], cutiBersama: [] }],
    });
    // Friday 27 March 16:25 CET (UTC+1) + 10 menit → Monday 30 March 07:35 CEST (UTC+2).
    expect(due(berlin, '2026-03-27T15:25:00Z', '10 menit')).toBe('2026-03-30T05:35:00.000Z');
  });
});

describe('per-office overrides', () => {
  it('an extra holiday is not worked and gives its name', () => {
    const office = createCalendar({
      timeZone: 'Asia/Jakarta',
      extraHolidays: [{ date: '2026-02-10', name: 'HUT Kabupaten' }],
    });
    expect(office.nonWorkingReason('2026-02-10')).toBe('HUT Kabupaten');
    // Monday 9 Feb + 1 hari kerja skips Tuesday 10 → Wednesday 11.
    expect(due(office, '2026-02-09T03:00:00Z', '1 hari kerja')).toBe('2026-02-11T09:00:00.000Z');
    // Monday 15:55 + 10 menit → Wednesday 07:35.
    expect(due(office, '2026-02-09T08:55:00Z', '10 menit')).toBe('2026-02-11T00:35:00.000Z');
  });

  it("an extra working Saturday is worked with Monday's hours", () => {
    const office = createCalendar({
      timeZone: 'Asia/Jakarta',
      extraWorkingDays: [{ date: '2026-02-14', name: 'Pelayanan Sabtu' }],
    });
    expect(office.isWorkingDay('2026-02-14')).toBe(true);
    expect(office.nonWorkingReason('2026-02-14')).toBeNull();
    // Friday 13 Feb 16:25 WIB + 10 menit → Saturday 07:35.
    expect(due(office, '2026-02-13T09:25:00Z', '10 menit')).toBe('2026-02-14T00:35:00.000Z');
    // Monday's hours: 07:30–12:00, 13:00–16:00.
    expect(office.workingMinutesBetween(new Date('2026-02-13T17:00:00Z'), new Date('2026-02-14T17:00:00Z'))).toBe(450);
    expect(due(office, '2026-02-13T03:00:00Z', '1 hari kerja')).toBe('2026-02-14T09:00:00.000Z');
  });

  it('an extra working day overrides a cuti bersama and keeps its own weekday hours', () => {
    const office = createCalendar({
      timeZone: 'Asia/Jakarta',
      extraWorkingDays: [{ date: '2026-03-20', name: 'Piket pelayanan' }],
    });
    expect(office.isWorkingDay('2026-03-20')).toBe(true);
    // Nyepi 2026 + 1 hari kerja → Friday 20 March, which ends at 16:30 like every Friday.
    expect(due(office, '2026-03-19T08:00:00Z', '1 hari kerja')).toBe('2026-03-20T09:30:00.000Z');
  });

  it('custom working hours: a Saturday service day', () => {
    const office = createCalendar({
      timeZone: 'Asia/Makassar',
      workingHours: { ...PERPRES_21_2023_HOURS, sat: [{ start: '08:00', end: '12:00' }] },
    });
    expect(office.isWorkingDay('2026-02-07')).toBe(true);
    expect(office.nonWorkingReason('2026-02-08')).toBe('Minggu');
    // Friday 6 Feb 16:25 WITA + 10 menit → Saturday 08:05 WITA.
    expect(due(office, '2026-02-06T08:25:00Z', '10 menit')).toBe('2026-02-07T00:05:00.000Z');
    // Thursday 5 Feb + 2 hari kerja → Friday, Saturday → Saturday 12:00 WITA.
    expect(due(office, '2026-02-05T02:00:00Z', '2 hari kerja')).toBe('2026-02-07T04:00:00.000Z');
    // A holiday on a Saturday is still a holiday: Saturday 21 March 2026 (Idulfitri).
    expect(office.nonWorkingReason('2026-03-21')).toBe('Hari Raya Idulfitri');
  });

  it('custom hours without Wednesday name the weekday as the reason', () => {
    const office = createCalendar({
      timeZone: 'Asia/Jakarta',
      workingHours: { mon: [{ start: '08:00', end: '12:00' }], tue: [{ start: '08:00', end: '12:00' }] },
    });
    expect(office.nonWorkingReason('2026-02-04')).toBe('Rabu');
    // Tuesday 3 Feb 2026 11:55 + 10 menit → Monday 9 Feb 08:05 WIB.
    expect(due(office, '2026-02-03T04:55:00Z', '10 menit')).toBe('2026-02-09T01:05:00.000Z');
    // Tuesday 10 Feb 11:55: Monday 16 is cuti bersama (Imlek), Tuesday 17 is Imlek → Monday 23.
    expect(due(office, '2026-02-10T04:55:00Z', '10 menit')).toBe('2026-02-23T01:05:00.000Z');
  });

  it('does not change the default data', () => {
    createCalendar({ timeZone: 'Asia/Jakarta', extraHolidays: [{ date: '2026-02-10', name: 'HUT Kabupaten' }] });
    expect(jakarta.isWorkingDay('2026-02-10')).toBe(true);
    expect(Object.isFrozen(PERPRES_21_2023_HOURS)).toBe(true);
  });
});

describe('workingMinutesBetween', () => {
  it('counts across a weekend and the Imlek holidays', () => {
    // Friday 13 Feb 2026 15:00 WIB → Wednesday 18 Feb 09:00 WIB: 90 (Friday) + 90 (Wednesday).
    expect(jakarta.workingMinutesBetween(new Date('2026-02-13T08:00:00Z'), new Date('2026-02-18T02:00:00Z'))).toBe(180);
  });

  it('counts across the Idulfitri 2026 closure', () => {
    // Tuesday 17 March 15:00 WIB → Wednesday 25 March 08:30 WIB: 60 + 60.
    expect(jakarta.workingMinutesBetween(new Date('2026-03-17T08:00:00Z'), new Date('2026-03-25T01:30:00Z'))).toBe(120);
  });

  it('leaves out the lunch break and is 0 when to <= from', () => {
    // Monday 11:00 → 14:00 WIB = 60 + 60.
    expect(jakarta.workingMinutesBetween(new Date('2026-02-09T04:00:00Z'), new Date('2026-02-09T07:00:00Z'))).toBe(120);
    expect(jakarta.workingMinutesBetween(new Date('2026-02-09T07:00:00Z'), new Date('2026-02-09T04:00:00Z'))).toBe(0);
    expect(jakarta.workingMinutesBetween(new Date('2026-02-09T07:00:00Z'), new Date('2026-02-09T07:00:00Z'))).toBe(0);
  });

  it('is fractional below a minute', () => {
    expect(jakarta.workingMinutesBetween(new Date('2026-02-09T01:00:00Z'), new Date('2026-02-09T01:00:30Z'))).toBe(0.5);
  });

  it.each(['2026-02-06T09:25:00Z', '2026-03-19T08:00:00Z', '2026-02-09T04:45:00Z', '2025-12-30T08:59:00Z'])(
    'agrees with dueAt for minutes started at %s',
    (start) => {
      for (const text of ['1 menit', '10 menit', '1 jam', '3 jam', '1000 menit']) {
        const dueDate = jakarta.dueAt(new Date(start), duration(text));
        const expected = text.endsWith('jam') ? Number(text.split(' ')[0]) * 60 : Number(text.split(' ')[0]);
        expect(jakarta.workingMinutesBetween(new Date(start), dueDate)).toBe(expected);
      }
    },
  );
});

describe("CalendarRangeError (missingYears: 'error')", () => {
  const strict = createCalendar({ timeZone: 'Asia/Jakarta', missingYears: 'error' });
  const message2027 = 'no holiday data for 2027 (have 2025, 2026): add the SKB 3 Menteri list for 2027 to the calendar';

  it('is thrown when a deadline runs into 2027', () => {
    // Wednesday 30 December 2026: day 1 is Thursday 31, day 2 would be in 2027.
    expect(() => due(strict, '2026-12-30T03:00:00Z', '2 hari kerja')).toThrow(CalendarRangeError);
    expect(() => due(strict, '2026-12-30T03:00:00Z', '2 hari kerja')).toThrow(message2027);
    expect(due(strict, '2026-12-30T03:00:00Z', '1 hari kerja')).toBe('2026-12-31T09:00:00.000Z');
    // Thursday 31 December 2026 16:00 WIB + 5 menit needs 2027.
    expect(() => due(strict, '2026-12-31T09:00:00Z', '5 menit')).toThrow(message2027);
    expect(() => due(strict, '2026-12-15T03:00:00Z', '1 Bulan')).toThrow(message2027);
    expect(() => strict.isWorkingDay('2027-01-04')).toThrow(message2027);
  });

  it('is thrown for 2024 and carries the years', () => {
    expect(() => strict.nonWorkingReason('2024-12-31')).toThrow(
      'no holiday data for 2024 (have 2025, 2026): add the SKB 3 Menteri list for 2024 to the calendar',
    );
    expect(() => due(strict, '2024-12-31T03:00:00Z', '1 hari')).toThrow(CalendarRangeError);
    expect(() => strict.workingMinutesBetween(new Date('2024-12-31T03:00:00Z'), new Date('2025-01-02T03:00:00Z'))).toThrow(CalendarRangeError);
    try {
      strict.isWorkingDay('2024-06-03');
      throw new Error('expected CalendarRangeError');
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarRangeError);
      expect(error).toBeInstanceOf(Error);
      expect((error as CalendarRangeError).year).toBe(2024);
      expect((error as CalendarRangeError).availableYears).toEqual([2025, 2026]);
      expect((error as CalendarRangeError).name).toBe('CalendarRangeError');
    }
  });

  it('goes away when the 2027 list is added', () => {
    const y2027: HolidayYear = {
      year: 2027,
      source: 'test: only New Year',
      holidays: [{ date: '2027-01-01', name: 'Tahun Baru Masehi' }],
      cutiBersama: [],
    };
    const office = createCalendar({ timeZone: 'Asia/Jakarta', holidayYears: [...INDONESIA_HOLIDAYS, y2027] });
    // Wednesday 30 Dec 2026 + 2 hari kerja: 31 Dec, (1 Jan holiday), Monday 4 Jan 2027.
    expect(due(office, '2026-12-30T03:00:00Z', '2 hari kerja')).toBe('2027-01-04T09:00:00.000Z');
  });

  it('says so when there is no holiday data at all', () => {
    const empty = createCalendar({ timeZone: 'Asia/Jakarta', holidayYears: [], missingYears: 'error' });
    expect(() => empty.isWorkingDay('2026-02-09')).toThrow('no holiday data for 2026 (have none)');
  });
});

describe('years without an official list (the default: provisional)', () => {
  it('go on past the last list instead of stopping: a deadline into 2027 is computed and marked provisional', () => {
    // Wednesday 30 December 2026 + 2 hari kerja: Thursday 31, (Friday 1 January 2027: Tahun Baru), Monday 4 January
    expect(due(jakarta, '2026-12-30T03:00:00Z', '2 hari kerja')).toBe('2027-01-04T09:00:00.000Z');
    expect(jakarta.nonWorkingReason('2027-01-01')).toBe('Tahun Baru Masehi');
    expect(jakarta.nonWorkingReason('2027-08-17')).toBe('Hari Kemerdekaan Republik Indonesia');
    expect(jakarta.isProvisional('2027-03-01')).toBe(true);
    expect(jakarta.isProvisional('2026-12-31')).toBe(false);
    expect(jakarta.isProvisionalBetween(new Date('2026-12-30T03:00:00Z'), new Date('2027-01-04T09:00:00Z'))).toBe(true);
    expect(jakarta.isProvisionalBetween(new Date('2026-12-30T03:00:00Z'), new Date('2026-12-31T09:00:00Z'))).toBe(false);
    expect(jakarta.officialYears).toEqual([2025, 2026]);
    expect(jakarta.lastOfficialDate()).toBe('2026-12-31');
  });

  it('stop being provisional when the official list is passed in, which wins over the estimate', () => {
    const y2027: HolidayYear = {
      year: 2027,
      source: 'test',
      holidays: [{ date: '2027-01-01', name: 'Tahun Baru Masehi' }],
      cutiBersama: [{ date: '2027-01-04', name: 'Cuti bersama (test)' }],
    };
    const office = createCalendar({ timeZone: 'Asia/Jakarta', holidayYears: [...INDONESIA_HOLIDAYS, y2027] });
    expect(office.isProvisional('2027-06-01')).toBe(false);
    expect(office.lastOfficialDate()).toBe('2027-12-31');
    expect(due(office, '2026-12-30T03:00:00Z', '2 hari kerja')).toBe('2027-01-05T09:00:00.000Z');
    // a day the estimate would call a holiday is worked when the official list does not name it
    expect(office.isWorkingDay('2027-08-17')).toBe(true);
  });

  it('reach back before the shipped lists too, and refuse years no method can place', () => {
    expect(jakarta.isProvisional('2024-06-03')).toBe(true);
    expect(jakarta.nonWorkingReason('2024-08-17')).toBe('Hari Kemerdekaan Republik Indonesia');
    expect(() => jakarta.isWorkingDay('1850-01-02')).toThrow(CalendarRangeError);
    expect(() => jakarta.isWorkingDay('2201-01-02')).toThrow(CalendarRangeError);
  });
});

describe('invalid arguments', () => {
  it('rejects invalid instants and durations', () => {
    expect(() => jakarta.dueAt(new Date('not a date'), duration('5 menit'))).toThrow('start must be a valid Date');
    expect(() => jakarta.dueAt(new Date('2026-02-09T03:00:00Z'), { amount: 0, unit: 'minute', basis: 'working', text: '0' })).toThrow(
      /amount must be a number above zero/,
    );
    expect(() => jakarta.dueAt(new Date('2026-02-09T03:00:00Z'), { amount: 1.5, unit: 'day', basis: 'calendar', text: 'x' })).toThrow(/whole number/);
    expect(() => jakarta.dueAt(new Date('2026-02-09T03:00:00Z'), { amount: 1, unit: 'day', basis: 'working', text: 'x' })).toThrow(/basis/);
    expect(() => jakarta.workingMinutesBetween(new Date('2026-02-09T03:00:00Z'), new Date(NaN))).toThrow('to must be a valid Date');
  });
});

describe('config validation', () => {
  function configError(config: Partial<CalendarConfig>): string {
    try {
      createCalendar({ timeZone: 'Asia/Jakarta', ...config });
    } catch (error) {
      expect(error).not.toBeInstanceOf(CalendarRangeError);
      return (error as Error).message;
    }
    throw new Error('expected createCalendar to throw');
  }

  it.each([
    [{ timeZone: 'Asia/Bali' }, /timeZone "Asia\/Bali" is not a known IANA time zone/],
    [{ timeZone: 'WIB' }, /timeZone "WIB" is not a known IANA time zone/],
    [{ timeZone: '' }, /timeZone "" is not a known IANA time zone/],
    [{ workingHours: { mon: [{ start: '7:30', end: '12:00' }] } }, /workingHours.mon\[0\].start: "7:30" is not a time/],
    [{ workingHours: { mon: [{ start: '07.30', end: '12:00' }] } }, /"07.30" is not a time/],
    [{ workingHours: { mon: [{ start: '07:30', end: '25:00' }] } }, /"25:00" is not a time/],
    [{ workingHours: { mon: [{ start: '12:00', end: '07:30' }] } }, /workingHours.mon\[0\] ends \(07:30\) before or when it starts \(12:00\)/],
    [
      {
        workingHours: {
          tue: [
            { start: '07:30', end: '12:00' },
            { start: '11:00', end: '16:00' },
          ],
        },
      },
      /workingHours.tue has overlapping periods 07:30–12:00 and 11:00–16:00/,
    ],
    [{ workingHours: { monday: [{ start: '07:30', end: '12:00' }] } as never }, /workingHours.monday is not a weekday/],
    [{ workingHours: {} }, /no working period on any weekday/],
    [{ extraHolidays: [{ date: '2026-02-30', name: 'x' }] }, /extraHolidays\[0\].date "2026-02-30" is not a date/],
    [{ extraWorkingDays: [{ date: '14/02/2026', name: 'x' }] }, /extraWorkingDays\[0\].date "14\/02\/2026" is not a date/],
    [{ extraHolidays: [{ date: '2026-02-10', name: '' }] }, /extraHolidays\[0\].name must say what the day is/],
    [
      {
        extraHolidays: [{ date: '2026-02-14', name: 'Tutup' }],
        extraWorkingDays: [{ date: '2026-02-14', name: 'Pelayanan Sabtu' }],
      },
      /2026-02-14 is both an extra holiday/,
    ],
    [
      {
        workingHours: { tue: [{ start: '08:00', end: '12:00' }] },
        extraWorkingDays: [{ date: '2026-02-14', name: 'Pelayanan Sabtu' }],
      },
      /extraWorkingDays 2026-02-14 is a Saturday, and workingHours defines neither Saturday nor Monday/,
    ],
    [
      { holidayYears: [{ year: 2026, source: 'x', holidays: [{ date: '2025-12-25', name: 'Natal' }], cutiBersama: [] }] },
      /holidayYears\[0\].holidays\[0\].date 2025-12-25 is not in 2026/,
    ],
    [
      {
        holidayYears: [
          { year: 2026, source: 'x', holidays: [], cutiBersama: [] },
          { year: 2026, source: 'y', holidays: [], cutiBersama: [] },
        ],
      },
      /2026 is listed twice/,
    ],
    [{ holidayYears: [{ year: 2026, source: '', holidays: [], cutiBersama: [] }] }, /source must name the decree/],
  ])('rejects %j', (config, message) => {
    expect(configError(config as Partial<CalendarConfig>)).toMatch(message);
  });

  it('reports every problem at once', () => {
    const message = configError({
      timeZone: 'Mars/Olympus',
      workingHours: { mon: [{ start: '7:30', end: '12:00' }], fri: [{ start: '13:00', end: '12:00' }] },
      extraHolidays: [{ date: 'besok', name: 'x' }],
    });
    expect(message.split('\n')).toEqual([
      'Invalid calendar config:',
      expect.stringMatching(/^- timeZone "Mars\/Olympus"/),
      expect.stringMatching(/^- workingHours.mon\[0\].start/),
      expect.stringMatching(/^- workingHours.fri\[0\] ends/),
      expect.stringMatching(/^- extraHolidays\[0\].date "besok"/),
    ]);
  });

  it('accepts adjacent periods and 24:00 as an end', () => {
    const office = createCalendar({
      timeZone: 'Asia/Jakarta',
      workingHours: {
        mon: [
          { start: '00:00', end: '12:00' },
          { start: '12:00', end: '24:00' },
        ],
      },
    });
    // Monday 9 Feb 2026 23:00 WIB + 2 jam: 1 h Monday, then the next Monday 16 Feb is cuti bersama,
    // so Monday 23 Feb from 00:00 → 01:00 WIB.
    expect(due(office, '2026-02-09T16:00:00Z', '2 jam')).toBe('2026-02-22T18:00:00.000Z');
  });
});
