import type { Translate } from '../i18n';

/** Working minutes as "2 j 15 m" (hours and minutes of working time). */
export function formatWorkingLeft(minutes: number, t: Translate): string {
  const whole = Math.max(0, Math.round(minutes));
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return t('consoleMinutesShort', { m });
  return m === 0 ? t('consoleHoursShort', { h }) : t('consoleHoursMinutesShort', { h, m });
}

/** How long ago a deadline passed, on the wall clock: "lewat 25 m", "lewat 3 j 10 m", "lewat 2 hari". */
export function formatOverdue(dueAt: Date, now: Date, t: Translate): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - dueAt.getTime()) / 60_000));
  if (minutes >= 24 * 60) return t('consoleOverdueDays', { n: Math.floor(minutes / (24 * 60)) });
  return t('consoleOverdueBy', { time: formatWorkingLeft(minutes, t) });
}

/**
 * The time left as the inbox and the case page show it: working time left before the deadline
 * (the API's figure), or how long ago it passed; null when the step has no deadline.
 */
export function timeLeftText(
  item: { dueAt: string | null; timeLeftMinutes: number | null; status: string },
  now: Date,
  t: Translate,
): { text: string; overdue: boolean } | null {
  if (item.status !== 'open' || !item.dueAt) return null;
  const due = new Date(item.dueAt);
  if (due <= now || (item.timeLeftMinutes !== null && item.timeLeftMinutes < 0)) return { text: formatOverdue(due, now, t), overdue: true };
  return { text: formatWorkingLeft(item.timeLeftMinutes ?? (due.getTime() - now.getTime()) / 60_000, t), overdue: false };
}

/** A case's step as people name it: "2. Menerima pengaduan…" (the activity's first words when it has no label). */
export function stepTitle(
  step: { id: string; number: string | null; label: string | null; activity: string | null; kind?: string | null } | null,
  endText?: string,
): string {
  if (!step) return '—';
  // an end symbol the SOP left blank is named for what it is
  const text = step.label ?? step.activity ?? (step.kind === 'end' && endText ? endText : step.id);
  const short = text.length > 70 ? `${text.slice(0, 67).replace(/\s+\S*$/, '')}…` : text;
  return step.number ? `${step.number}. ${short}` : short;
}
