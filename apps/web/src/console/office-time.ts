import { zoneAbbreviation } from '@sop/business-time';

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a time zone: year, month (1–12), day, hour, minute. */
function wallClock(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    partsFormatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

/**
 * An instant as the value of a datetime-local input on the office's wall clock (its SOP's time zone),
 * not the browser's: a desk in Makassar registers in WITA even on a laptop set to WIB.
 *
 * @example
 * officeInputValue(new Date('2026-12-07T01:30:00Z'), 'Asia/Makassar') // '2026-12-07T09:30'
 */
export function officeInputValue(at: Date, timeZone: string): string {
  const w = wallClock(at, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant a datetime-local value means on the office's wall clock; null when it is not one.
 *
 * @example
 * officeInstant('2026-12-07T09:30', 'Asia/Makassar')?.toISOString() // '2026-12-07T01:30:00.000Z'
 */
export function officeInstant(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asUtc)) return null;
  // the zone's offset at that moment (Indonesia's zones keep one all year; any zone is read right but for a DST change's hour)
  let at = asUtc;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(at), timeZone);
    at = asUtc - (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - at);
  }
  const check = wallClock(new Date(at), timeZone);
  return check.year === year && check.month === month && check.day === day && check.hour === hour && check.minute === minute ? new Date(at) : null;
}

/** The office's zone as people say it: WIB, WITA, WIT (another zone by its name). */
export const officeZone = zoneAbbreviation;
