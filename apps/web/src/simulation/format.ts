import { parseDuration, type Duration } from '@sop/business-time';
import type { KartuEntry } from '@sop/case-engine';
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
  // a dash in the Waktu column states no time, as an empty one does (the parser's own reading)
  if (meta.waktu == null) return 'simNoDeadlineNoWaktu';
  const parsed = parseDuration(meta.waktu);
  return !parsed.known && parsed.code === 'not-written' ? 'simNoDeadlineNoWaktu' : 'simNoDeadlineUnreadWaktu';
}

/** A stretch of wall-clock time as "1 hari 2 jam 5 menit" (days of 24 hours; what the clock on the wall shows). */
export function formatElapsed(ms: number, t: Translate): string {
  const total = Math.max(0, Math.round(ms / 60_000));
  const d = Math.floor(total / (24 * 60));
  const h = Math.floor((total % (24 * 60)) / 60);
  const m = total % 60;
  const parts = [d ? t('unitDay', { n: d }) : null, h ? t('unitHour', { n: h }) : null, m || (!d && !h) ? t('unitMinute', { n: m }) : null].filter(Boolean);
  return parts.join(' ');
}

/**
 * How a step's Waktu is counted on the office's calendar (ADR 0001), in words: minutes and hours in
 * working time; hari kerja from the next working day to the close of the N-th; hari, minggu, bulan in
 * calendar time to the close of that date, moved to the next working day when it is not one.
 */
export function limitRule(limit: Pick<Duration, 'amount' | 'unit' | 'basis' | 'text'>, t: Translate): string {
  if (limit.unit === 'workingDay') return t('simLimitRuleWorkingDay', { limit: limit.text, n: limit.amount });
  if (limit.basis === 'working') return t('simLimitRuleWorking', { limit: limit.text });
  return t('simLimitRuleCalendar', { limit: limit.text });
}

/**
 * Why a kartu kendali line is late, in words: how its Waktu is counted, the deadline that gives,
 * when the line was written and by how much it passed the deadline (wall-clock time: the working
 * time spent, shown beside it, can look under the Waktu when the limit is calendar days).
 * Null when the line is not late.
 *
 * @example
 * lateReason(entry, { amount: 1, unit: 'day', basis: 'calendar', text: '1 hari' }, 'Asia/Jakarta', 'id', t)
 * // '"1 hari" adalah waktu kalender, … Batas Sel, 24 Nov 2026, 16.00; tercatat Sel, 24 Nov 2026, 16.01 → terlambat 1 menit.'
 */
export function lateReason(
  entry: Pick<KartuEntry, 'overLimit' | 'dueAt' | 'handedOverAt'>,
  limit: Pick<Duration, 'amount' | 'unit' | 'basis' | 'text'> | null,
  timeZone: string,
  lang: Lang,
  t: Translate,
): string | null {
  if (!entry.overLimit || !entry.dueAt) return null;
  return t('simLateReason', {
    rule: limit ? limitRule(limit, t) : '',
    due: formatInstant(entry.dueAt, timeZone, lang),
    at: formatInstant(entry.handedOverAt, timeZone, lang),
    late: formatElapsed(entry.handedOverAt.getTime() - entry.dueAt.getTime(), t),
  }).replace(/^\s+/, '');
}
