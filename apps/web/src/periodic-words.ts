import type { SopDetail } from './api';
import type { MessageKey, Translate } from './i18n';

/** A periodic procedure's period (its schedule's `every`) in words: "bulanan", "triwulanan" … */
export const EVERY_WORDS: Readonly<Partial<Record<string, MessageKey>>> = {
  day: 'everyDay',
  week: 'everyWeek',
  month: 'everyMonth',
  quarter: 'everyQuarter',
  'half-year': 'everyHalfYear',
  year: 'everyYear',
};

/** A flow's name: the complaint flow, or a periodic procedure with its period ("Rekap harian (harian)"). */
export function flowName(detail: SopDetail, flowId: string, t: Translate): string {
  if (flowId === 'main') return t('flowMain');
  const p = detail.sop.periodic?.find((f) => f.id === flowId);
  return p ? t('flowPeriodic', { name: p.name, every: t(EVERY_WORDS[p.schedule.every] ?? 'everyMonth') }) : flowId;
}
