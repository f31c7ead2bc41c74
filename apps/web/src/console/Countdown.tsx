import { useEffect, useMemo, useState } from 'react';
import { CalendarRangeError, type Calendar } from '@sop/business-time';
import type { SopDocument } from '@sop/model';
import { createSopCalendar, type OperationalHolidays } from '@sop/case-engine';
import { useI18n } from '../i18n';
import { formatInstant } from '../simulation/format';
import { formatOverdue } from './time-left';

/** Working minutes between two instants on the office calendar; clock minutes beyond its holiday data. */
function workingMinutesSince(calendar: Calendar | null, from: Date, to: Date): number {
  if (calendar) {
    try {
      return calendar.workingMinutesBetween(from, to);
    } catch (e) {
      // past the years with holiday data: count clock time, as the API does; anything else is a bug
      if (!(e instanceof CalendarRangeError)) throw e;
    }
  }
  return (to.getTime() - from.getTime()) / 60_000;
}

/**
 * The working time left until the step's deadline, ticking every second. It starts from the API's
 * figure when the case was loaded and counts down the working time that passed since, on the
 * office's calendar (so it stands still at night and on holidays, like the deadline itself).
 */
export function Countdown({
  sop,
  timeZone,
  dueAt,
  provisional = false,
  holidays = null,
  timeLeftMinutes,
  loadedAt,
}: {
  sop: SopDocument | null;
  timeZone: string;
  dueAt: string;
  /** The deadline is an estimate (no official holiday list for its year yet). */
  provisional?: boolean;
  /** The holiday lists the server uses (null: the shipped ones and the provisional estimate). */
  holidays?: OperationalHolidays | null;
  timeLeftMinutes: number | null;
  loadedAt: Date;
}) {
  const { t, lang } = useI18n();
  const calendar = useMemo(() => (sop ? createSopCalendar(sop, holidays ?? {}) : null), [sop, holidays]);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const due = new Date(dueAt);
  const elapsed = workingMinutesSince(calendar, loadedAt, now);
  const left = (timeLeftMinutes ?? (due.getTime() - loadedAt.getTime()) / 60_000) - elapsed;
  const overdue = left <= 0;
  const seconds = Math.max(0, Math.floor(left * 60));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    <div className={`console-countdown${overdue ? ' console-countdown-late' : ''}`} data-testid="countdown" data-overdue={String(overdue)}>
      <span className="console-label">{overdue ? t('consoleDeadlinePassed') : t('consoleTimeLeft')}</span>
      <strong className="console-countdown-value" data-testid="countdown-value">
        {overdue
          ? formatOverdue(due, now, t)
          : h
            ? // an hour or more away: seconds would only flicker
              `${h} ${t('consoleHourAbbr')} ${pad(m)} ${t('consoleMinuteAbbr')}`
            : `${m} ${t('consoleMinuteAbbr')} ${pad(s)} ${t('consoleSecondAbbr')}`}
      </strong>
      <span className="muted">
        {t('consoleDueAt', { at: formatInstant(due, timeZone, lang) })}
        {!overdue && ` · ${t('consoleWorkingTime')}`}
        {provisional && (
          <>
            {' · '}
            <abbr className="console-provisional" title={t('consoleProvisionalHint')} data-testid="countdown-provisional">
              {t('consoleProvisional')}
            </abbr>
          </>
        )}
      </span>
    </div>
  );
}
