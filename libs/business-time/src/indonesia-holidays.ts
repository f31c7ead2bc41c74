import type { HolidayYear } from './calendar';
import { deepFreeze } from './deep-freeze';

/**
 * Indonesia's national holidays (hari libur nasional) and cuti bersama for 2025 and 2026, as set by
 * the yearly joint decree of three ministers (SKB 3 Menteri: Agama, Ketenagakerjaan, PANRB).
 *
 * The decree can be amended during the year (Idulfitri is fixed after the sidang isbat): treat this
 * as data and pass an updated list in `CalendarConfig.holidayYears` when it changes. Years not
 * listed here make every computation that touches them throw `CalendarRangeError`.
 *
 * @example
 * ```ts
 * const years = INDONESIA_HOLIDAYS.map((y) => y.year); // [2025, 2026]
 * const calendar = createCalendar({ timeZone: 'Asia/Jakarta', holidayYears: INDONESIA_HOLIDAYS });
 * ```
 */
export const INDONESIA_HOLIDAYS: HolidayYear[] = deepFreeze([
  {
    year: 2025,
    source:
      'SKB 3 Menteri (Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB) tentang Hari Libur Nasional dan Cuti Bersama Tahun 2025: 17 hari libur nasional dan 10 hari cuti bersama (menpan.go.id)',
    holidays: [
      { date: '2025-01-01', name: 'Tahun Baru Masehi' },
      { date: '2025-01-27', name: 'Isra Mikraj Nabi Muhammad SAW' },
      { date: '2025-01-29', name: 'Tahun Baru Imlek' },
      { date: '2025-03-29', name: 'Hari Raya Nyepi' },
      { date: '2025-03-31', name: 'Hari Raya Idulfitri' },
      { date: '2025-04-01', name: 'Hari Raya Idulfitri' },
      { date: '2025-04-18', name: 'Wafat Yesus Kristus' },
      { date: '2025-04-20', name: 'Kebangkitan Yesus Kristus (Paskah)' },
      { date: '2025-05-01', name: 'Hari Buruh Internasional' },
      { date: '2025-05-12', name: 'Hari Raya Waisak' },
      { date: '2025-05-29', name: 'Kenaikan Yesus Kristus' },
      { date: '2025-06-01', name: 'Hari Lahir Pancasila' },
      { date: '2025-06-06', name: 'Hari Raya Iduladha' },
      { date: '2025-06-27', name: 'Tahun Baru Islam (1 Muharam)' },
      { date: '2025-08-17', name: 'Hari Kemerdekaan Republik Indonesia' },
      { date: '2025-09-05', name: 'Maulid Nabi Muhammad SAW' },
      { date: '2025-12-25', name: 'Hari Raya Natal' },
    ],
    cutiBersama: [
      { date: '2025-01-28', name: 'Cuti bersama Tahun Baru Imlek' },
      { date: '2025-03-28', name: 'Cuti bersama Hari Raya Nyepi' },
      { date: '2025-04-02', name: 'Cuti bersama Idulfitri' },
      { date: '2025-04-03', name: 'Cuti bersama Idulfitri' },
      { date: '2025-04-04', name: 'Cuti bersama Idulfitri' },
      { date: '2025-04-07', name: 'Cuti bersama Idulfitri' },
      { date: '2025-05-13', name: 'Cuti bersama Hari Raya Waisak' },
      { date: '2025-05-30', name: 'Cuti bersama Kenaikan Yesus Kristus' },
      { date: '2025-06-09', name: 'Cuti bersama Iduladha' },
      { date: '2025-12-26', name: 'Cuti bersama Hari Raya Natal' },
    ],
  },
  {
    year: 2026,
    source:
      'SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025 (Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB) tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026: 17 hari libur nasional dan 8 hari cuti bersama',
    holidays: [
      { date: '2026-01-01', name: 'Tahun Baru Masehi' },
      { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW' },
      { date: '2026-02-17', name: 'Tahun Baru Imlek' },
      { date: '2026-03-19', name: 'Hari Raya Nyepi' },
      { date: '2026-03-21', name: 'Hari Raya Idulfitri' },
      { date: '2026-03-22', name: 'Hari Raya Idulfitri' },
      { date: '2026-04-03', name: 'Wafat Yesus Kristus' },
      { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)' },
      { date: '2026-05-01', name: 'Hari Buruh Internasional' },
      { date: '2026-05-14', name: 'Kenaikan Yesus Kristus' },
      { date: '2026-05-27', name: 'Hari Raya Iduladha' },
      { date: '2026-05-31', name: 'Hari Raya Waisak' },
      { date: '2026-06-01', name: 'Hari Lahir Pancasila' },
      { date: '2026-06-16', name: 'Tahun Baru Islam (1 Muharam)' },
      { date: '2026-08-17', name: 'Hari Kemerdekaan Republik Indonesia' },
      { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW' },
      { date: '2026-12-25', name: 'Hari Raya Natal' },
    ],
    cutiBersama: [
      { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek' },
      { date: '2026-03-18', name: 'Cuti bersama Hari Raya Nyepi' },
      { date: '2026-03-20', name: 'Cuti bersama Idulfitri' },
      { date: '2026-03-23', name: 'Cuti bersama Idulfitri' },
      { date: '2026-03-24', name: 'Cuti bersama Idulfitri' },
      { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus' },
      { date: '2026-05-28', name: 'Cuti bersama Iduladha' },
      { date: '2026-12-24', name: 'Cuti bersama Hari Raya Natal' },
    ],
  },
]);
