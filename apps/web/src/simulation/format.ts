import type { StepMeta } from '@sop/compiler';
import type { Lang, Translate } from '../i18n';

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/** An instant on the office's wall clock, e.g. "Sel, 24 Nov 2026 09.00". */
export function formatInstant(at: Date, timeZone: string, lang: Lang): string {
  const key = `${lang}|${timeZone}`;
  let f = dateTimeFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormatters.set(key, f);
  }
  return f.format(at);
}

/** Working minutes as "1 jam 30 menit". */
export function formatWorkingMinutes(minutes: number, t: Translate): string {
  const whole = Math.round(minutes);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  const parts = [h ? t('unitHour', { n: h }) : null, m || !h ? t('unitMinute', { n: m }) : null].filter(Boolean);
  return parts.join(' ');
}

/** A step as people name it: its number and label. */
export function stepName(meta: StepMeta | undefined, fallback: string): string {
  if (!meta) return fallback;
  const text = meta.label ?? meta.activity ?? meta.stepId;
  // an activity stands in for a missing label: its first words are enough to recognise the step
  const label = text.length > 60 ? `${text.slice(0, 57).replace(/\s+\S*$/, '')}…` : text;
  return meta.number ? `${meta.number}. ${label}` : label;
}

/** Why a step has no deadline, as a message key of the simulator (null when it has one, or ends the case). */
export type NoDeadlineReason = 'simNoDeadlineEnd' | 'simNoDeadlineWaiting' | 'simNoDeadlineNoWaktu' | 'simNoDeadlineUnreadWaktu' | 'simNoDeadlineCitizen';

/**
 * Why the current step has no deadline: it ends the case, it waits for a scheduled date, the source
 * prints no Waktu for it, or its Waktu is not a duration the calendar can count (kept as written).
 */
export function noDeadlineReason(meta: Pick<StepMeta, 'kind' | 'waktu' | 'timeLimit' | 'citizen'> | undefined, waiting: boolean): NoDeadlineReason | null {
  if (!meta) return null;
  if (meta.kind === 'end') return 'simNoDeadlineEnd';
  if (waiting) return 'simNoDeadlineWaiting';
  if (meta.timeLimit) return null;
  if (meta.citizen) return 'simNoDeadlineCitizen';
  return meta.waktu == null || meta.waktu.trim() === '' ? 'simNoDeadlineNoWaktu' : 'simNoDeadlineUnreadWaktu';
}
