import { MS_PER_DAY, MS_PER_MINUTE, type EpochDay } from './epoch-day';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `Intl` knows an IANA time zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The UTC offset of a time zone at an instant, in milliseconds (local = UTC + offset), read from
 * `Intl.DateTimeFormat` so that offset changes and DST come from the platform's time-zone data.
 */
export function timeZoneOffset(timeZone: string, instantMs: number): number {
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(wholeSecond))) {
    fields[part.type] = part.value;
  }
  let year = Number(fields.year);
  if (fields.era === 'BC' || fields.era === 'B') year = 1 - year;
  const local = new Date(0);
  local.setUTCFullYear(year, Number(fields.month) - 1, Number(fields.day));
  local.setUTCHours(Number(fields.hour) % 24, Number(fields.minute), Number(fields.second), 0);
  return local.getTime() - wholeSecond;
}

/** The local date, in a time zone, of an instant. */
export function localEpochDay(timeZone: string, instantMs: number): EpochDay {
  return Math.floor((instantMs + timeZoneOffset(timeZone, instantMs)) / MS_PER_DAY);
}

/**
 * The instant at which a local date and minute of day occur in a time zone. In a DST gap the
 * earlier offset is used; in an overlap, the first occurrence.
 */
export function localInstant(timeZone: string, day: EpochDay, minuteOfDay: number): number {
  const local = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  const first = timeZoneOffset(timeZone, local);
  const guess = local - first;
  const second = timeZoneOffset(timeZone, guess);
  if (second === first) return guess;
  const other = local - second;
  return timeZoneOffset(timeZone, other) === second ? Math.min(guess, other) : guess;
}
