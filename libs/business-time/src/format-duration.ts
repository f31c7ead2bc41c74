import type { Duration, DurationUnit } from './duration';

const WORDS: Readonly<Record<'id' | 'en', Readonly<Record<DurationUnit, readonly [string, string]>>>> = {
  id: {
    minute: ['menit', 'menit'],
    hour: ['jam', 'jam'],
    workingDay: ['hari kerja', 'hari kerja'],
    day: ['hari', 'hari'],
    week: ['minggu', 'minggu'],
    month: ['bulan', 'bulan'],
  },
  en: {
    minute: ['minute', 'minutes'],
    hour: ['hour', 'hours'],
    workingDay: ['working day', 'working days'],
    day: ['day', 'days'],
    week: ['week', 'weeks'],
    month: ['month', 'months'],
  },
};

/**
 * Writes a duration back as words, in Indonesian (the default) or English. Indonesian decimals use
 * a comma.
 *
 * @example
 * ```ts
 * formatDuration({ amount: 3, unit: 'workingDay', basis: 'working', text: '3 Hari Kerja' }); // '3 hari kerja'
 * formatDuration({ amount: 1.5, unit: 'hour', basis: 'working', text: 'PT1.5H' }, 'en');  // '1.5 hours'
 * ```
 */
export function formatDuration(d: Duration, lang: 'id' | 'en' = 'id'): string {
  // JavaScript callers may pass any unit or language: look them up as plain strings
  const unit: unknown = d.unit;
  const language: unknown = lang;
  const table: Partial<Record<string, Partial<Record<string, readonly [string, string]>>>> = WORDS;
  const words = table[String(language)]?.[String(unit)];
  if (!words) {
    throw new Error(`Cannot format duration unit "${String(unit)}" in language "${String(language)}"`);
  }
  const number = lang === 'id' ? String(d.amount).replace('.', ',') : String(d.amount);
  return `${number} ${d.amount === 1 ? words[0] : words[1]}`;
}
