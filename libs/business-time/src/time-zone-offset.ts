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

const MS_PER_HOUR = 60 * MS_PER_MINUTE;

/** Per time zone: the offset of each UTC hour (by its index since the epoch) that holds no offset change. */
const hourOffsets = new Map<string, Map<number, number>>();

/** How many hours per time zone are remembered before the memo starts over. */
const MAX_REMEMBERED_HOURS = 50_000;

/**
 * The UTC offset of a time zone at an instant, in milliseconds (local = UTC + offset), read from
 * `Intl.DateTimeFormat` so that offset changes and DST come from the platform's time-zone data.
 *
 * Reading it costs microseconds (a formatToParts), and working-time arithmetic asks for it many
 * times per event, mostly about the same few hours; so the offset of a UTC hour is remembered when
 * the hour's first and last second have the same offset (no time zone changes its offset twice
 * within an hour). An hour whose offset changes is always read second by second.
 */
export function timeZoneOffset(timeZone: string, instantMs: number): number {
  const hour = Math.floor(instantMs / MS_PER_HOUR);
  let memo = hourOffsets.get(timeZone);
  const known = memo?.get(hour);
  if (known !== undefined) return known;
  const start = hour * MS_PER_HOUR;
  const first = exactOffset(timeZone, start);
  if (exactOffset(timeZone, start + MS_PER_HOUR - 1000) !== first) return exactOffset(timeZone, instantMs);
  if (!memo) hourOffsets.set(timeZone, (memo = new Map<number, number>()));
  if (memo.size >= MAX_REMEMBERED_HOURS) memo.clear();
  memo.set(hour, first);
  return first;
}

/** The offset at an instant, read from `Intl` (whole seconds: offsets never change within one). */
export function exactOffset(timeZone: string, instantMs: number): number {
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
