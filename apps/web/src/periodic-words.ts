import type { MessageKey } from './i18n';

/** A periodic procedure's period (its schedule's `every`) in words: "bulanan", "triwulanan" … */
export const EVERY_WORDS: Readonly<Partial<Record<string, MessageKey>>> = {
  day: 'everyDay',
  week: 'everyWeek',
  month: 'everyMonth',
  quarter: 'everyQuarter',
  'half-year': 'everyHalfYear',
  year: 'everyYear',
};
