import type { TimeOfDay } from './calendar';

const HH_MM = /^(\d{2}):(\d{2})$/;

/**
 * Parses a local time written "HH:MM" (24-hour, two digits each; "24:00" means the end of the
 * day). Throws an Error that says what to write when the text is malformed.
 *
 * @example
 * ```ts
 * parseTimeOfDay('07:30'); // { hour: 7, minute: 30 }
 * parseTimeOfDay('7.30');  // throws Error('"7.30" is not a time: write HH:MM from 00:00 to 24:00, e.g. 07:30')
 * ```
 */
export function parseTimeOfDay(text: unknown): TimeOfDay {
  const match = typeof text === 'string' ? HH_MM.exec(text) : null;
  const hour = match ? Number(match[1]) : NaN;
  const minute = match ? Number(match[2]) : NaN;
  const valid = match !== null && minute < 60 && (hour < 24 || (hour === 24 && minute === 0));
  if (!valid) {
    throw new Error(`${JSON.stringify(text)} is not a time: write HH:MM from 00:00 to 24:00, e.g. 07:30`);
  }
  return { hour, minute };
}
