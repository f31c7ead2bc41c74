import { DURATION_BASIS, type Duration, type DurationUnit, type ParsedDuration } from './duration';

const INDONESIAN_UNITS: Readonly<Record<string, DurationUnit>> = {
  menit: 'minute',
  jam: 'hour',
  'hari kerja': 'workingDay',
  hari: 'day',
  minggu: 'week',
  bulan: 'month',
};

const FRACTIONAL_UNITS: ReadonlySet<DurationUnit> = new Set<DurationUnit>(['minute', 'hour']);

const INDONESIAN = /^(\d+)(?:,(\d+))?\s*(menit|jam|hari\s*kerja|hari|minggu|bulan)$/;
const DOT_DECIMAL = /^\d+\.\d+\s*(menit|jam|hari\s*kerja|hari|minggu|bulan)$/;
const RANGE = /^\d+(?:[.,]\d+)?\s*(?:-|–|—|s\.?\/d\.?|sampai|hingga|atau)\s*\d+/;
const ISO_WEEK = /^P(\d+)W$/;
const ISO = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const ACCEPTED = 'write a number and a unit (menit, jam, hari, hari kerja, minggu, bulan) or an ISO 8601 duration such as PT5M';

/**
 * Parses a time limit as SOP authors write it ("5 Menit", "1 jam", "3 hari kerja", "1 Bulan") or
 * as an ISO 8601 duration (`PT5M`, `PT1.5H`, `PT1H30M`, `P3D`, `P1W`, `P1M`).
 *
 * Indonesian literals are case-insensitive, may have any spacing (also none: "2menit") and a
 * trailing punctuation mark. Minutes and hours may have a comma decimal ("1,5 jam"); days, weeks
 * and months must be whole numbers. Anything else (a word such as "Sahaja" or "segera", a range
 * such as "1-2 hari", zero, an empty text) is returned as unknown with a reason: the parser never
 * guesses.
 *
 * @example
 * ```ts
 * parseDuration('3 Hari Kerja');
 * // { known: true, duration: { amount: 3, unit: 'workingDay', basis: 'working', text: '3 Hari Kerja' } }
 * parseDuration('Sahaja');
 * // { known: false, text: 'Sahaja', reason: '"Sahaja" is not a duration: write a number and a unit …' }
 * ```
 */
export function parseDuration(text: string): ParsedDuration {
  // SOP files may give a number (YAML `5`), so the text is read as unknown
  const raw: unknown = text;
  const normalized = String(raw)
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*[.,;:!?]+$/, '')
    .trim();
  if (normalized === '') {
    return unknown(text, `${quote(text)} is empty: ${ACCEPTED}`);
  }
  if (/^p/i.test(normalized)) {
    return parseIso(text, normalized.toUpperCase());
  }
  return parseIndonesian(text, normalized.toLowerCase());
}

function parseIndonesian(text: string, s: string): ParsedDuration {
  const match = INDONESIAN.exec(s);
  if (!match) {
    if (RANGE.test(s)) {
      return unknown(text, `${quote(text)} is a range: a time limit needs one number and a unit, e.g. "2 hari", or an ISO 8601 duration such as P2D`);
    }
    if (DOT_DECIMAL.test(s)) {
      return unknown(
        text,
        `${quote(text)} is ambiguous (a dot may be a thousands separator): write a decimal with a comma, e.g. "1,5 jam", or an ISO 8601 duration such as PT1.5H`,
      );
    }
    return unknown(text, `${quote(text)} is not a duration: ${ACCEPTED}`);
  }
  const [, whole, , written] = match;
  const fraction = optionalGroup(match, 2);
  const unitWord = written.replace(/^hari\s*kerja$/, 'hari kerja');
  const unit = INDONESIAN_UNITS[unitWord];
  if (fraction !== undefined && !FRACTIONAL_UNITS.has(unit)) {
    return unknown(
      text,
      `${quote(text)} is not a whole number of ${unitWord}: days, weeks and months must be whole numbers; write parts of a day in jam or menit`,
    );
  }
  const amount = Number(fraction === undefined ? whole : `${whole}.${fraction}`);
  return known(text, amount, unit);
}

function parseIso(text: string, s: string): ParsedDuration {
  const week = ISO_WEEK.exec(s);
  if (week) {
    return known(text, Number(week[1]), 'week');
  }
  const match = ISO.exec(s);
  if (!match) {
    return unknown(text, `${quote(text)} is not a duration: ${ACCEPTED}`);
  }
  const [years, months, days, hours, minutes, seconds] = [1, 2, 3, 4, 5, 6].map((index) => optionalGroup(match, index));
  const dateParts = [months, days].filter((p) => p !== undefined).length;
  const timeParts = [hours, minutes].filter((p) => p !== undefined).length;
  if (years !== undefined) {
    return unknown(text, `${quote(text)} has years: write months instead, e.g. P12M, or "12 bulan"`);
  }
  if (seconds !== undefined) {
    return unknown(text, `${quote(text)} has seconds: a time limit is written in minutes or more, e.g. PT1M`);
  }
  if (dateParts + timeParts === 0) {
    return unknown(text, `${quote(text)} has no amount: ${ACCEPTED}`);
  }
  if (dateParts > 0 && timeParts > 0) {
    return unknown(text, `${quote(text)} mixes calendar days and working hours: write one of them, e.g. P1D or PT8H`);
  }
  if (dateParts > 1) {
    return unknown(text, `${quote(text)} mixes months and days: write one unit, e.g. P1M or P30D`);
  }
  if (months !== undefined) return known(text, Number(months), 'month');
  if (days !== undefined) return known(text, Number(days), 'day');
  const h = hours === undefined ? undefined : Number(hours.replace(',', '.'));
  const m = minutes === undefined ? undefined : Number(minutes.replace(',', '.'));
  if (h !== undefined && m !== undefined) {
    if (!Number.isInteger(h)) {
      return unknown(text, `${quote(text)} has a fraction before its last part: write e.g. PT1H30M or PT1.5H`);
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
    return unknown(text, `${quote(text)} is too large to be a time limit`);
  }
  if (amount <= 0) {
    return unknown(text, `${quote(text)} is zero: a time limit must be more than zero; ${ACCEPTED}`);
  }
  const duration: Duration = { amount, unit, basis: DURATION_BASIS[unit], text };
  return { known: true, duration };
}

function unknown(text: string, reason: string): ParsedDuration {
  return { known: false, text, reason };
}

function quote(text: string): string {
  const raw: unknown = text;
  return JSON.stringify(String(raw));
}
