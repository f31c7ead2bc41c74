import { DURATION_BASIS, type Duration, type DurationUnit, type ParsedDuration, type UnknownDurationCode } from './duration';
import { readIndonesianNumber } from './indonesian-number';

const INDONESIAN_UNITS: Readonly<Record<string, DurationUnit>> = {
  menit: 'minute',
  jam: 'hour',
  'jam kerja': 'hour',
  'hari kerja': 'workingDay',
  hari: 'day',
  'hari kalender': 'day',
  minggu: 'week',
  pekan: 'week',
  bulan: 'month',
};

const FRACTIONAL_UNITS: ReadonlySet<DurationUnit> = new Set<DurationUnit>(['minute', 'hour']);

const UNIT = String.raw`(menit|jam\s*kerja|jam|hari\s*kerja|hari\s*kalender|hari|minggu|pekan|bulan)`;
// "5 menit/berkas", "10 menit per pengaduan", "1 hari setiap laporan": each case is one of them (a
// number after it, "5 menit/10 berkas", is a batch's limit, not one case's: not read)
const PER = String.raw`(?:\s*(?:\/|\bper\s|\bsetiap\s|\btiap\s)\s*[a-z][a-z-]*(?:\s[a-z0-9-]+){0,2})?`;
// the amount, then the unit: "3 hari kerja", "1 (satu) hari", "dua puluh menit", "1½ jam"
const AMOUNT_UNIT = new RegExp(String.raw`^(.+?)\s*${UNIT}${PER}$`);
// "1 x 24 jam", "2×24 jam": the idiom for N days
const TIMES_24_HOURS = new RegExp(String.raw`^(.+?)\s*[x×]\s*24\s*jam${PER}$`);
const HOURS_AND_MINUTES = /^(\d+)\s*jam\s*(\d+)\s*menit$/;
// "sehari", "seminggu", "sebulan", "sejam", "sepekan": one of the unit
const ONE_OF = /^se(?=(?:hari|minggu|pekan|bulan|jam)\b)/;
// what says the limit is at most, or about, the amount that follows: the amount is the limit
const QUALIFIER =
  /^(?:s\.?\/?d\.?|sampai\s+dengan|sampai|hingga|<=|≤|<|paling\s+lama|paling\s+lambat|selambat-lambatnya|selama-lamanya|maksimal|maksimum|maks\.?|max\.?|tidak\s+lebih\s+dari|kurang\s+dari|dalam\s+waktu|dalam|±|\+\/-|\+-|kurang\s+lebih|lebih\s+kurang|kurleb|sekitar|kira-kira|lebih\s+cepat\s+dari)\s*/;
const DIGITS = /^(\d+)(?:,(\d+))?$/;
const DIGITS_AND_WORDS = /^(\d+(?:,\d+)?)\s*\(\s*([^()]+?)\s*\)$/;
const FRACTION = /^(?:(\d+)?\s*(½|¼|¾)|(?:(\d+)\s+)?(1\/2|1\/4|3\/4))$/;
const FRACTIONS: Readonly<Record<string, number>> = { '½': 0.5, '¼': 0.25, '¾': 0.75, '1/2': 0.5, '1/4': 0.25, '3/4': 0.75 };
const DOT_DECIMAL = /^\d+\.\d+\s*(menit|jam|hari\s*kerja|hari|minggu|bulan)$/;
const RANGE = /^\d+(?:[.,]\d+)?\s*(?:(?:menit|jam|hari|kerja|minggu|pekan|bulan)\s*){0,2}(?:-|–|—|s\.?\/?d\.?|sampai\s+dengan|sampai|hingga|atau)\s*\d+/;
const NOT_WRITTEN = /^(?:-+|–|—|\.+)$/;
// words that say on purpose that the step has no fixed time ("as needed", "tentative", "by the situation")
const NO_FIXED_TIME =
  /^(?:sesuai\s+(?:kebutuhan|keperluan|kondisi|situasi)|menyesuaikan|tentatif|kondisional|situasional|insident[ai]l|tidak\s+(?:ditentukan|terbatas|dibatasi))$/;
const AT_ONCE = /^(?:segera|secepatnya|sesegera\s+mungkin|langsung|saat\s+itu\s+juga|seketika|pada\s+saat\s+itu\s+juga|real\s*time)$/;
// the abbreviations offices type in a table's narrow Waktu column: "15 mnt", "2 hr", "3 HK" (hari
// kerja), and the minute mark "30'"
const ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bmnt\b\.?/g, 'menit'],
  [/\bhr\b\.?/g, 'hari'],
  [/\bhk\b\.?/g, 'hari kerja'],
  [/(\d)\s*['’′]$/, '$1 menit'],
];
const ISO_WEEK = /^P(\d+)W$/;
const ISO = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const MAX_LENGTH = 120;

const ACCEPTED = 'write a number and a unit (menit, jam, hari, hari kerja, minggu, bulan) or an ISO 8601 duration such as PT5M';

/**
 * Parses a time limit as SOP authors write it ("5 Menit", "1 jam", "3 hari kerja", "1 Bulan") or
 * as an ISO 8601 duration (`PT5M`, `PT1.5H`, `PT1H30M`, `P3D`, `P1W`, `P1M`).
 *
 * Indonesian literals are case-insensitive, may have any spacing (also none: "2menit") and a
 * trailing punctuation mark. They are read as Indonesian SOP documents print them (ADR 0001,
 * addendum):
 * - the number in digits, in words ("tiga hari kerja", "sehari"), or both, the words in brackets
 *   ("14 (empat belas) hari kerja"; digits and words that disagree are a damaged source: unknown);
 * - "paling lama", "paling lambat", "selambat-lambatnya", "maksimal", "±", "kurang lebih" … before
 *   the amount: the amount is the limit;
 * - "/ berkas", "per pengaduan", "setiap laporan" after the unit: one case is one of them;
 * - "N x 24 jam" is the idiom for N days (`day`), not 24·N working hours;
 * - "hari kalender" is `day`, "jam kerja" is `hour`, "pekan" is `week`; "1 jam 30 menit" is 90 minutes.
 *
 * Minutes and hours may have a fraction ("1,5 jam", "1½ jam", "setengah jam"); days, weeks and
 * months must be whole numbers. Anything else (a word such as "Sahaja" or "segera", a range such as
 * "1-2 hari", zero, "-" or an empty text) is returned as unknown with a reason and its `code`: the
 * parser never guesses. A dash, an empty text, or words that say on purpose there is no fixed time
 * ("sesuai kebutuhan", "tentatif", "insidentil") are `not-written` (the source states no time).
 *
 * @example
 * ```ts
 * parseDuration('3 Hari Kerja');
 * // { known: true, duration: { amount: 3, unit: 'workingDay', basis: 'working', text: '3 Hari Kerja' } }
 * parseDuration('paling lama 14 (empat belas) hari kerja');
 * // { known: true, duration: { amount: 14, unit: 'workingDay', basis: 'working', text: 'paling lama 14 (empat belas) hari kerja' } }
 * parseDuration('Sahaja');
 * // { known: false, code: 'not-a-duration', text: 'Sahaja', reason: '"Sahaja" is not a duration: write a number and a unit …' }
 * ```
 */
export function parseDuration(text: string): ParsedDuration {
  // SOP files may give a number (YAML `5`), so the text is read as unknown
  const raw: unknown = text;
  // no Waktu column holds a sentence: a long text is not read (and costs nothing to refuse)
  if (String(raw).length > MAX_LENGTH) return notADuration(text);
  const normalized = String(raw)
    .trim()
    .replace(/\s+/g, ' ')
    // a footnote's mark after the amount ("1 hari*"): the footnote is the source's, the amount stands
    .replace(/(\S)\s*\*+$/, '$1')
    .replace(/\s*[.,;:!?]+$/, '')
    .trim();
  if (normalized === '' || NOT_WRITTEN.test(normalized) || NO_FIXED_TIME.test(normalized.toLowerCase())) {
    return unknown(text, 'not-written', `${quote(text)} states no time: the step has no deadline; ${ACCEPTED} to give it one`);
  }
  if (/^p(?:t|\d|$)/i.test(normalized)) {
    return parseIso(text, normalized.toUpperCase());
  }
  return parseIndonesian(text, normalized.toLowerCase());
}

function parseIndonesian(text: string, written: string): ParsedDuration {
  let s = ABBREVIATIONS.reduce((t, [pattern, word]) => t.replace(pattern, word), written);
  // "dalam waktu paling lama 3 hari": a qualifier or two
  for (let i = 0, m = QUALIFIER.exec(s); i < 3 && m && m[0].length > 0; i++, m = QUALIFIER.exec(s)) s = s.slice(m[0].length);
  s = s.replace(ONE_OF, '1 ');
  if (AT_ONCE.test(s)) {
    return unknown(
      text,
      'at-once',
      `${quote(text)} says "at once" and names no amount of time: the step has no deadline; write an amount, e.g. "5 menit", to give it one`,
    );
  }
  const hoursAndMinutes = HOURS_AND_MINUTES.exec(s);
  // "1 jam 30 menit"; "1 jam 90 menit" is no way to write a time, and is not read
  if (hoursAndMinutes && Number(hoursAndMinutes[2]) < 60) return known(text, Number(hoursAndMinutes[1]) * 60 + Number(hoursAndMinutes[2]), 'minute');
  const days = TIMES_24_HOURS.exec(s);
  if (days) {
    const amount = readAmount(text, days[1]);
    if (typeof amount !== 'number') return amount ?? notADuration(text);
    if (!Number.isInteger(amount)) return notWhole(text, 'x 24 jam');
    return known(text, amount, 'day');
  }
  const match = AMOUNT_UNIT.exec(s);
  if (!match) {
    if (RANGE.test(s)) {
      return unknown(text, 'range', `${quote(text)} is a range: a time limit needs one number and a unit, e.g. "2 hari", or an ISO 8601 duration such as P2D`);
    }
    if (DOT_DECIMAL.test(s)) return ambiguousDot(text);
    return notADuration(text);
  }
  const [, phrase, unitWritten] = match;
  if (RANGE.test(`${phrase} `) || RANGE.test(s)) {
    return unknown(text, 'range', `${quote(text)} is a range: a time limit needs one number and a unit, e.g. "2 hari", or an ISO 8601 duration such as P2D`);
  }
  if (/^\d+\.\d+$/.test(phrase)) return ambiguousDot(text);
  const amount = readAmount(text, phrase);
  if (typeof amount !== 'number') return amount ?? notADuration(text);
  const unitWord = unitWritten.replace(/\s+/g, '').replace(/^(hari|jam)(kerja|kalender)$/, '$1 $2');
  const unit = INDONESIAN_UNITS[unitWord];
  if (!Number.isInteger(amount) && !FRACTIONAL_UNITS.has(unit)) return notWhole(text, unitWord);
  return known(text, amount, unit);
}

/** The amount before the unit, or the reason it is not one (null: not an amount at all). */
function readAmount(text: string, phrase: string): number | ParsedDuration | null {
  const digits = DIGITS.exec(phrase);
  if (digits) {
    const decimals = optionalGroup(digits, 2);
    return Number(decimals === undefined ? digits[1] : `${digits[1]}.${decimals}`);
  }
  const fraction = FRACTION.exec(phrase);
  if (fraction) {
    const glyph = optionalGroup(fraction, 2);
    const whole = glyph === undefined ? optionalGroup(fraction, 3) : optionalGroup(fraction, 1);
    return Number(whole ?? 0) + FRACTIONS[glyph ?? fraction[4]];
  }
  const both = DIGITS_AND_WORDS.exec(phrase);
  if (both) {
    const number = Number(both[1].replace(',', '.'));
    const words = readIndonesianNumber(both[2]);
    if (words === null) return null;
    if (words !== number) {
      return unknown(
        text,
        'words-disagree',
        `${quote(text)} gives the number ${both[1]} and the words "${both[2]}" (${String(words).replace('.', ',')}), which disagree: the source is damaged; check it and write the one it means`,
        { number: both[1], words: both[2] },
      );
    }
    return number;
  }
  return readIndonesianNumber(phrase);
}

function parseIso(text: string, s: string): ParsedDuration {
  const week = ISO_WEEK.exec(s);
  if (week) {
    return known(text, Number(week[1]), 'week');
  }
  const match = ISO.exec(s);
  if (!match) {
    return notADuration(text);
  }
  const [years, months, days, hours, minutes, seconds] = [1, 2, 3, 4, 5, 6].map((index) => optionalGroup(match, index));
  const dateParts = [months, days].filter((p) => p !== undefined).length;
  const timeParts = [hours, minutes].filter((p) => p !== undefined).length;
  if (years !== undefined) {
    return unknown(text, 'iso-years', `${quote(text)} has years: write months instead, e.g. P12M, or "12 bulan"`);
  }
  if (seconds !== undefined) {
    return unknown(text, 'iso-seconds', `${quote(text)} has seconds: a time limit is written in minutes or more, e.g. PT1M`);
  }
  if (dateParts + timeParts === 0) {
    return unknown(text, 'no-amount', `${quote(text)} has no amount: ${ACCEPTED}`);
  }
  if (dateParts > 0 && timeParts > 0) {
    return unknown(text, 'iso-mixed', `${quote(text)} mixes calendar days and working hours: write one of them, e.g. P1D or PT8H`);
  }
  if (dateParts > 1) {
    return unknown(text, 'iso-mixed', `${quote(text)} mixes months and days: write one unit, e.g. P1M or P30D`);
  }
  if (months !== undefined) return known(text, Number(months), 'month');
  if (days !== undefined) return known(text, Number(days), 'day');
  const h = hours === undefined ? undefined : Number(hours.replace(',', '.'));
  const m = minutes === undefined ? undefined : Number(minutes.replace(',', '.'));
  if (h !== undefined && m !== undefined) {
    if (!Number.isInteger(h)) {
      return unknown(text, 'iso-fraction', `${quote(text)} has a fraction before its last part: write e.g. PT1H30M or PT1.5H`);
    }
    return known(text, h * 60 + m, 'minute');
  }
  return h !== undefined ? known(text, h, 'hour') : known(text, m as number, 'minute');
}

/** An optional group that took no part in the match is undefined (RegExpExecArray types it as a string). */
function optionalGroup(match: RegExpExecArray, index: number): string | undefined {
  return match[index];
}

function known(text: string, amount: number, unit: DurationUnit): ParsedDuration {
  if (!Number.isFinite(amount) || amount > Number.MAX_SAFE_INTEGER) {
    return unknown(text, 'too-large', `${quote(text)} is too large to be a time limit`);
  }
  if (amount <= 0) {
    return unknown(text, 'zero', `${quote(text)} is zero: a time limit must be more than zero; ${ACCEPTED}`);
  }
  const duration: Duration = { amount, unit, basis: DURATION_BASIS[unit], text };
  return { known: true, duration };
}

function notADuration(text: string): ParsedDuration {
  return unknown(text, 'not-a-duration', `${quote(text)} is not a duration: ${ACCEPTED}`);
}

function notWhole(text: string, unitWord: string): ParsedDuration {
  return unknown(
    text,
    'not-whole',
    `${quote(text)} is not a whole number of ${unitWord}: days, weeks and months must be whole numbers; write parts of a day in jam or menit`,
    { unit: unitWord },
  );
}

function ambiguousDot(text: string): ParsedDuration {
  return unknown(
    text,
    'ambiguous-dot',
    `${quote(text)} is ambiguous (a dot may be a thousands separator): write a decimal with a comma, e.g. "1,5 jam", or an ISO 8601 duration such as PT1.5H`,
  );
}

function unknown(text: string, code: UnknownDurationCode, reason: string, params?: Record<string, string>): ParsedDuration {
  return { known: false, text, code, reason, ...(params ? { params } : {}) };
}

function quote(text: string): string {
  const raw: unknown = text;
  return JSON.stringify(String(raw));
}
