import type { DatedEntry, HolidayYear } from './calendar';
import { nyepiDate, NYEPI_YEAR_RANGE } from './balinese-saka';
import { deepFreeze } from './deep-freeze';
import { epochDayOf, formatEpochDay, MS_PER_DAY, type EpochDay } from './epoch-day';
import { fullMoonsBetween } from './moon-phases';

/** The years {@link provisionalHolidayYear} computes; others throw a RangeError. */
export const PROVISIONAL_HOLIDAY_YEARS = { first: 1900, last: 2200 } as const;

/**
 * A full moon closer than this to midnight WIB makes the Waisak date doubtful: the SKB may take the
 * other day (the full moon of 12 May 2025 was at 23:56 WIB, and the SKB took 12 May).
 */
const WAISAK_MIDNIGHT_MARGIN_MINUTES = 30;
const WIB_OFFSET_MS = 7 * 3_600_000;
/**
 * ICU's Umm al-Qura table ends with 1600 AH (2174-11-25); after it ICU falls back to the tabular
 * (civil) Islamic calendar, so from 2174 some Hijri dates are arithmetic.
 */
const LAST_YEAR_INSIDE_UMM_AL_QURA_TABLE = 2173;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/**
 * A numeric formatter for a calendar of Intl, or null when the runtime does not have that calendar
 * (Intl then silently falls back to the Gregorian one, which would give wrong holidays).
 */
function calendarFormat(calendar: 'islamic-umalqura' | 'chinese'): Intl.DateTimeFormat | null {
  if (!formatters.has(calendar)) {
    const format = new Intl.DateTimeFormat(`en-u-ca-${calendar}`, {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(calendar, format.resolvedOptions().calendar === calendar ? format : null);
  }
  return formatters.get(calendar) ?? null;
}

const cache = new Map<number, HolidayYear>();

/**
 * A provisional list of Indonesia's national holidays for a year that has no SKB 3 Menteri yet,
 * computed from rules instead of the decree: fixed dates, the Umm al-Qura Hijri calendar, Intl's
 * Chinese calendar, the Easter computus, the arithmetic Balinese Saka calendar (Nyepi) and the
 * astronomical full moon (Waisak). It has no cuti bersama: they cannot be predicted.
 *
 * The result is marked `provisional: true`, says in `notes` what it estimates or leaves out, and is
 * frozen and shared between calls (one computation per year). Replace it with the official list
 * as soon as the SKB is published.
 *
 * @param year a whole year in 1900–2200
 * @throws RangeError for any other year
 *
 * @example
 * ```ts
 * const y2027 = provisionalHolidayYear(2027);
 * y2027.provisional;  // true
 * y2027.cutiBersama;  // []
 * y2027.holidays.find((h) => h.name === 'Hari Raya Nyepi')?.date; // '2027-03-08'
 * const calendar = createCalendar({ timeZone: 'Asia/Jakarta', holidayYears: [...INDONESIA_HOLIDAYS, y2027] });
 * ```
 */
export function provisionalHolidayYear(year: number): HolidayYear {
  if (!Number.isInteger(year) || year < PROVISIONAL_HOLIDAY_YEARS.first || year > PROVISIONAL_HOLIDAY_YEARS.last) {
    throw new RangeError(`no provisional holidays for ${year}: give a whole year in ${PROVISIONAL_HOLIDAY_YEARS.first}–${PROVISIONAL_HOLIDAY_YEARS.last}`);
  }
  let result = cache.get(year);
  if (!result) {
    result = deepFreeze(computeYear(year));
    cache.set(year, result);
  }
  return result;
}

function computeYear(year: number): HolidayYear {
  const holidays: DatedEntry[] = [];
  // each note in English and in Bahasa Indonesia (the holidays page speaks the reader's language)
  const notes: string[] = [];
  const notesId: string[] = [];
  const note = (en: string, id: string) => {
    notes.push(en);
    notesId.push(id);
  };
  note(
    `Provisional: computed by rule, not the SKB 3 Menteri for ${year}; replace it with the official list once it is published.`,
    `Perkiraan: dihitung menurut aturan, bukan SKB 3 Menteri ${year}; ganti dengan daftar resmi setelah terbit.`,
  );
  note(
    `Cuti bersama cannot be predicted (the SKB chooses them): this year has none.`,
    `Cuti bersama tidak dapat diperkirakan (SKB yang menetapkannya): perkiraan ini tidak memuat cuti bersama.`,
  );
  const islamic = calendarFormat('islamic-umalqura');
  const chinese = calendarFormat('chinese');
  if (islamic)
    note(
      'Isra Mikraj, Idulfitri, Iduladha, 1 Muharam and Maulid follow the Umm al-Qura calendar; Indonesia fixes them by sidang isbat, which can differ by a day (in 2025 and 2026 Idulfitri, and in 2025 1 Muharam and Maulid, were a day later in the SKB).',
      'Isra Mikraj, Idulfitri, Iduladha, 1 Muharam dan Maulid mengikuti kalender Umm al-Qura; Indonesia menetapkannya lewat sidang isbat, yang dapat berbeda sehari (pada 2025 dan 2026 Idulfitri, dan pada 2025 1 Muharam dan Maulid, jatuh sehari lebih lambat dalam SKB).',
    );
  else
    note(
      'Isra Mikraj, Idulfitri, Iduladha, 1 Muharam and Maulid are left out (unknown): this runtime has no Umm al-Qura calendar in Intl.',
      'Isra Mikraj, Idulfitri, Iduladha, 1 Muharam dan Maulid tidak dicantumkan (belum diketahui): lingkungan ini tidak memiliki kalender Umm al-Qura pada Intl.',
    );
  const add = (day: EpochDay, name: string) => holidays.push({ date: formatEpochDay(day), name });

  add(epochDayOf(year, 1, 1), 'Tahun Baru Masehi');
  add(epochDayOf(year, 5, 1), 'Hari Buruh Internasional');
  add(epochDayOf(year, 6, 1), 'Hari Lahir Pancasila');
  add(epochDayOf(year, 8, 17), 'Hari Kemerdekaan Republik Indonesia');
  add(epochDayOf(year, 12, 25), 'Hari Raya Natal');

  const easter = easterSunday(year);
  add(easter - 2, 'Wafat Yesus Kristus');
  add(easter, 'Kebangkitan Yesus Kristus (Paskah)');
  add(easter + 39, 'Kenaikan Yesus Kristus');

  const first = epochDayOf(year, 1, 1);
  const last = epochDayOf(year, 12, 31);
  let imlek: EpochDay | null = null;
  let chineseMonth4Day15: EpochDay | null = null;
  for (let day = first; day <= last; day++) {
    const noon = new Date(day * MS_PER_DAY + MS_PER_DAY / 2);
    if (islamic) {
      const hijri = numericParts(islamic, noon);
      const hijriName = HIJRI_HOLIDAYS.get(`${hijri.month}-${hijri.day}`);
      if (hijriName) add(day, hijriName);
    }

    // Only two windows of the Chinese calendar matter: in 1900–2200 its new year falls on day 20–50
    // of the year (21 Jan–20 Feb) and day 15 of the 4th month on day 124–155 (4 May–5 Jun), as a
    // scan of every day showed. The windows keep a wide margin and cut the cost of a year by about half.
    if (chinese && (day - first < 60 || (day - first >= 110 && day - first < 200))) {
      const parts = chinese.formatToParts(noon);
      const month = parts.find((p) => p.type === 'month')?.value;
      const dayOfMonth = parts.find((p) => p.type === 'day')?.value;
      // TypeScript's lib does not list the 'relatedYear' part type yet.
      const relatedYear = parts.find((p) => (p.type as string) === 'relatedYear')?.value;
      // A leap month is reported as e.g. "4bis": only the plain number is the regular month.
      if (relatedYear === String(year) && month === '1' && dayOfMonth === '1') imlek = day;
      if (relatedYear === String(year) && month === '4' && dayOfMonth === '15') chineseMonth4Day15 = day;
    }
  }

  if (imlek !== null) {
    add(imlek, 'Tahun Baru Imlek');
  } else {
    note(
      'Imlek is left out (unknown): the Chinese calendar of Intl is missing or gave no new year in this year.',
      'Imlek tidak dicantumkan (belum diketahui): kalender Tionghoa pada Intl tidak ada atau tidak memberi tahun baru pada tahun ini.',
    );
  }

  const nyepi = nyepiDate(year);
  if (nyepi !== null) {
    holidays.push({ date: nyepi, name: 'Hari Raya Nyepi' });
    note(
      'Nyepi is the day after Tilem Kesanga of the arithmetic Balinese Saka calendar (Pengalantaka Eka Sungsang ke Paing, leap months in a 19-year cycle), which reproduces every SKB Nyepi of 2013–2026; a reform of that calendar or a decision of PHDI would move it.',
      'Nyepi adalah sehari setelah Tilem Kesanga menurut kalender Saka Bali aritmetis (Pengalantaka Eka Sungsang ke Paing, bulan kabisat dalam siklus 19 tahun), yang sama dengan setiap Nyepi SKB 2013–2026; perubahan kalender itu atau keputusan PHDI dapat menggesernya.',
    );
  } else {
    note(
      `Nyepi is left out (unknown): the Balinese Saka calendar is only computed for ${NYEPI_YEAR_RANGE.first}–${NYEPI_YEAR_RANGE.last}, the span in which its current rules are known to hold.`,
      `Nyepi tidak dicantumkan (belum diketahui): kalender Saka Bali hanya dihitung untuk ${NYEPI_YEAR_RANGE.first}–${NYEPI_YEAR_RANGE.last}, rentang yang aturannya diketahui berlaku.`,
    );
  }

  const waisak = chineseMonth4Day15 === null ? null : waisakFullMoon(chineseMonth4Day15);
  if (waisak !== null && waisak.day >= first && waisak.day <= last) {
    add(waisak.day, 'Hari Raya Waisak');
    note(
      'Waisak is an astronomical estimate: the date in WIB of the full moon (Meeus) of the 4th month of the Chinese calendar; the Buddhist councils and the SKB may choose another day.',
      'Waisak adalah perkiraan astronomis: tanggal (WIB) bulan purnama (Meeus) bulan ke-4 kalender Tionghoa; majelis umat Buddha dan SKB dapat memilih hari lain.',
    );
    if (waisak.minutesFromMidnight < WAISAK_MIDNIGHT_MARGIN_MINUTES) {
      note(
        `Waisak is doubtful: the full moon is ${waisak.minutesFromMidnight} minutes from midnight WIB, so the SKB may take the neighbouring day.`,
        `Tanggal Waisak belum pasti: bulan purnama hanya ${waisak.minutesFromMidnight} menit dari tengah malam WIB, sehingga SKB dapat memilih hari di sebelahnya.`,
      );
    }
  } else {
    note(
      'Waisak is left out (unknown): the Chinese calendar of Intl is missing or gave no 4th month in this year.',
      'Waisak tidak dicantumkan (belum diketahui): kalender Tionghoa pada Intl tidak ada atau tidak memberi bulan ke-4 pada tahun ini.',
    );
  }

  if (islamic && year > LAST_YEAR_INSIDE_UMM_AL_QURA_TABLE) {
    note(
      'After 1600 AH (2174) Intl has no Umm al-Qura table and uses the tabular Islamic calendar: the Hijri dates can be a day or two off.',
      'Setelah 1600 H (2174) Intl tidak memiliki tabel Umm al-Qura dan memakai kalender Islam tabular: tanggal Hijriah dapat meleset satu atau dua hari.',
    );
  }

  holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    year,
    provisional: true,
    source: `Perkiraan (bukan SKB 3 Menteri): hari libur nasional ${year} dihitung dari tanggal tetap, kalender Hijriah Umm al-Qura, kalender Tionghoa, perhitungan Paskah, kalender Saka Bali dan bulan purnama astronomis; tanpa cuti bersama. Ganti dengan SKB 3 Menteri tahun ${year} setelah terbit.`,
    holidays,
    cutiBersama: [],
    notes,
    notesId,
  };
}

/** Hijri "month-day" (Umm al-Qura month numbers 1–12) → holiday name. */
const HIJRI_HOLIDAYS: ReadonlyMap<string, string> = new Map([
  ['7-27', 'Isra Mikraj Nabi Muhammad SAW'],
  ['10-1', 'Hari Raya Idulfitri'],
  ['10-2', 'Hari Raya Idulfitri'],
  ['12-10', 'Hari Raya Iduladha'],
  ['1-1', 'Tahun Baru Islam (1 Muharam)'],
  ['3-12', 'Maulid Nabi Muhammad SAW'],
]);

function numericParts(format: Intl.DateTimeFormat, instant: Date): { month: number; day: number } {
  const parts = format.formatToParts(instant);
  return {
    month: Number(parts.find((p) => p.type === 'month')?.value),
    day: Number(parts.find((p) => p.type === 'day')?.value),
  };
}

/**
 * Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus, also known as the
 * Meeus/Jones/Butcher algorithm), as an epoch day.
 *
 * @example
 * ```ts
 * formatEpochDay(easterSunday(2026)); // '2026-04-05'
 * ```
 */
export function easterSunday(year: number): EpochDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return epochDayOf(year, month, day);
}

/** The full moon nearest to noon WIB of `day`, as a WIB date and its distance from midnight. */
function waisakFullMoon(day: EpochDay): { day: EpochDay; minutesFromMidnight: number } | null {
  const noonWib = day * MS_PER_DAY + MS_PER_DAY / 2 - WIB_OFFSET_MS;
  const moons = fullMoonsBetween(new Date(noonWib - 20 * MS_PER_DAY), new Date(noonWib + 20 * MS_PER_DAY));
  if (moons.length === 0) return null;
  const nearest = moons.reduce((best, m) => (Math.abs(m.getTime() - noonWib) < Math.abs(best.getTime() - noonWib) ? m : best));
  const localMs = nearest.getTime() + WIB_OFFSET_MS;
  const localDay = Math.floor(localMs / MS_PER_DAY);
  const minutesIntoDay = (localMs - localDay * MS_PER_DAY) / 60_000;
  return { day: localDay, minutesFromMidnight: Math.round(Math.min(minutesIntoDay, 24 * 60 - minutesIntoDay)) };
}
