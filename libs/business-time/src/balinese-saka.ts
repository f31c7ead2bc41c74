import { epochDayOf, formatEpochDay, type EpochDay } from './epoch-day';

/**
 * Nyepi (Hari Suci Nyepi, Tahun Baru Saka) from the arithmetic Balinese Saka calendar, not from the
 * astronomical new moon: the Balinese Tilem is counted, not observed, and lands on the day of the
 * astronomical new moon or up to two days before it. The rule "Nyepi is the WITA date of the new
 * moon" misses 4 of the 14 SKB dates of 2013–2026 by a day (2015, 2020, 2021 and 2024).
 *
 * The calendar as used since the 2003 reform:
 * - Pengalantaka Eka Sungsang ke Paing (since 2000): a lunar month has 30 tithi (penanggal 1–15,
 *   pangelong 1–15; pangelong 15 is Tilem). Every day carries one tithi, except one day in 63
 *   (pangunalatri, ngunaratri) which carries two. 2020-03-24 was such a day, carrying Tilem Kesanga
 *   and penanggal 1 of Kadasa (suarasakingbali.com, "Nyepi Penanggal Kalih, Siklus 44 Warsa", 2020).
 * - Nyepi is the day after Tilem Kesanga (the 9th month) and starts Saka year S = Gregorian year − 78.
 * - Intercalation (nampih sasih) in a 19-year cycle: Saka years with S mod 19 in {0, 6, 11} have a
 *   nampih Desta and those with S mod 19 in {3, 8, 14, 16} a nampih Sadha, so the next Nyepi is 13
 *   months after the last instead of 12.
 *
 * Checked against every Nyepi of the SKB 3 Menteri lists 2013–2026 and the article's predicted
 * penanggal-kalih Nyepi of 2064, 2108 and 2152 (see balinese-saka.spec.ts).
 */

/** The first and last Gregorian years for which {@link nyepiDate} answers. */
export const NYEPI_YEAR_RANGE = { first: 2005, last: 2093 } as const;
// - first: the current intercalation rules apply from Saka 1926 (2004); the 2003 transition year
//   skipped its nampih Desta, so years before are left out rather than guessed.
// - last: the arithmetic month (30 tithi in 29.53125 days) is 57 seconds longer than the synodic
//   month, so Tilem drifts later against the Moon by about a day a century. From 2094 on, Tilem
//   Kesanga starts to fall on the day after the astronomical new moon (moon-phases.ts), which is the
//   kind of drift that made the Balinese reform the Pengalantaka in 2000: a later reform would move
//   Nyepi, so those years are unknown.

const TITHI_PER_MONTH = 30;
const NGUNARATRI_CYCLE_DAYS = 63;
/** A pangunalatri that carried Tilem Kesanga (tithi 0 here) and penanggal 1 of Kadasa (tithi 1). */
const ANCHOR_DAY: EpochDay = epochDayOf(2020, 3, 24);
const ANCHOR_YEAR = 2020;
const LEAP_SAKA_REMAINDERS: ReadonlySet<number> = new Set([0, 3, 6, 8, 11, 14, 16]);

/**
 * The date of Nyepi ("YYYY-MM-DD") in a Gregorian year, or null outside {@link NYEPI_YEAR_RANGE}.
 *
 * @example
 * ```ts
 * nyepiDate(2026); // '2026-03-19'
 * nyepiDate(2020); // '2020-03-25' (Tilem Kesanga and penanggal 1 shared 24 March)
 * nyepiDate(2200); // null
 * ```
 */
export function nyepiDate(year: number): string | null {
  if (!Number.isInteger(year) || year < NYEPI_YEAR_RANGE.first || year > NYEPI_YEAR_RANGE.last) return null;
  return arithmeticNyepi(year);
}

/**
 * Nyepi by the current rules for any whole year, without the range check of {@link nyepiDate}: for
 * tests and for studying the drift, not for holidays.
 *
 * @example
 * ```ts
 * arithmeticNyepi(2108); // '2108-03-14' (a penanggal-kalih Nyepi, if the rules were still in force)
 * ```
 */
export function arithmeticNyepi(year: number): string {
  let months = 0;
  for (let y = ANCHOR_YEAR; y < year; y++) months += monthsInSakaYear(y - 78);
  for (let y = year; y < ANCHOR_YEAR; y++) months -= monthsInSakaYear(y - 78);
  return formatEpochDay(dayOfTithi(months * TITHI_PER_MONTH) + 1);
}

/** 13 for a Saka year with a nampih sasih (leap month), else 12. */
export function monthsInSakaYear(saka: number): number {
  return LEAP_SAKA_REMAINDERS.has(((saka % 19) + 19) % 19) ? 13 : 12;
}

/** The first tithi of a day, counted from Tilem Kesanga 1941 (2020-03-24) as 0. */
function firstTithiOf(day: EpochDay): number {
  const diff = day - ANCHOR_DAY;
  return diff + Math.ceil(diff / NGUNARATRI_CYCLE_DAYS);
}

function isNgunaratri(day: EpochDay): boolean {
  return (day - ANCHOR_DAY) % NGUNARATRI_CYCLE_DAYS === 0;
}

/** The day that carries tithi `tithi` (alone, or as one of the two tithi of a pangunalatri). */
function dayOfTithi(tithi: number): EpochDay {
  // 64 tithi every 63 days; start a little early and walk forward.
  for (let day = ANCHOR_DAY + Math.floor((tithi * NGUNARATRI_CYCLE_DAYS) / 64) - 3; ; day++) {
    const first = firstTithiOf(day);
    if (first === tithi || (isNgunaratri(day) && first + 1 === tithi)) return day;
    if (first > tithi) throw new Error(`no day carries tithi ${tithi}`); // unreachable: tithi are consecutive
  }
}
