import type { TimeTotal } from '@sop/model';
import type { MessageKey, Translate } from './i18n';

const UNITS: [keyof TimeTotal['parts'], MessageKey][] = [
  ['month', 'unitMonth'],
  ['week', 'unitWeek'],
  ['day', 'unitDay'],
  ['workingDay', 'unitWorkingDay'],
  ['hour', 'unitHour'],
  ['minute', 'unitMinute'],
];

/** A path's total time in the UI language, e.g. "3 hari kerja + 30 menit". */
export function formatTotal(total: Pick<TimeTotal, 'parts' | 'unknownSteps'>, t: Translate): string {
  const shown = UNITS.filter(([u]) => total.parts[u]).map(([u, key]) => t(key, { n: total.parts[u]! }));
  const text = shown.length ? shown.join(' + ') : total.unknownSteps.length ? t('figNone') : t('zeroTime');
  return total.unknownSteps.length ? `${text} ${t('unknownSteps', { n: total.unknownSteps.length })}` : text;
}
