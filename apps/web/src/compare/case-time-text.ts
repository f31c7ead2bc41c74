import { zoneAbbreviation } from '@sop/business-time';
import type { CaseTime, ComparedSop } from '@sop/compare';
import type { Lang, Translate } from '../i18n';

/** An instant on the office's own clock, e.g. "Sel, 3 Feb, 16.00 WITA". */
export function officeInstant(iso: string, timeZone: string, lang: Lang): string {
  const when = new Date(iso).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return `${when} ${zoneAbbreviation(timeZone)}`;
}

/**
 * The example finish under a working-time cell, with the arrival it counts from (the office's
 * opening on the reference date), both on the office's real calendar: e.g. "selesai paling lambat
 * Sel, 3 Feb, 16.00 WITA, bila masuk Sen, 2 Feb, 08.00 WITA". When a step on the path has no known
 * Waktu the finish is only the known steps' and says so; when none has one there is no finish to
 * show (null), as there is no path (null).
 */
export function finishText(s: Pick<ComparedSop, 'timeZone'>, time: CaseTime | null, t: Translate, lang: Lang): string | null {
  if (!time?.endsAt) return null;
  const params = { date: officeInstant(time.endsAt, s.timeZone, lang), start: officeInstant(time.startsAt, s.timeZone, lang) };
  return time.unknownSteps.length ? t('compareEndsAtLowerBound', { ...params, n: time.unknownSteps.length }) : t('compareEndsAt', params);
}
