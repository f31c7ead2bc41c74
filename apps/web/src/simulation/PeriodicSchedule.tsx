import type { PeriodicProcedure } from '@sop/model/graph';
import { useI18n } from '../i18n';
import { EVERY_WORDS } from '../periodic-words';
import { formatInstant } from './format';
import { ClockRow } from './ClockRow';
import type { RunDue } from './periodic';

export interface PeriodicScheduleProps {
  procedure: PeriodicProcedure;
  timeZone: string;
  /** The run being simulated, once the clock has reached one. */
  run: { period: string; openedAt: Date } | null;
  /** The next run after it (or the first one), on the virtual clock. */
  next: RunDue | null;
  /** Whether the next run can be opened now (no run open, or the open one is finished). */
  canJump: boolean;
  onJump: () => void;
  /** Before a run opens, the clock's own controls (afterwards, the run's controls move it). */
  waiting: {
    clock: Date;
    startInput: string;
    onStartInput: (value: string) => void;
    onRestart: () => void;
    onPlusHour: () => void;
    onPlusDay: () => void;
  } | null;
}

/**
 * A periodic procedure's schedule on the virtual clock: when its next run falls due, the run being
 * simulated, and a jump to the next one (the run opens then, as the server's WorkLoop opens it).
 */
export function PeriodicSchedule({ procedure, timeZone, run, next, canJump, onJump, waiting }: PeriodicScheduleProps) {
  const { t, lang } = useI18n();

  const { every, at } = procedure.schedule;
  return (
    <section className="card sim-schedule" data-testid="sim-schedule" data-periodic-id={procedure.id}>
      <div className="sim-row">
        <div className="sim-schedule-text">
          <span className="sim-clock-label">{t('simScheduleTitle')}</span>
          <span>{t('simScheduleEvery', { every: t(EVERY_WORDS[every] ?? 'everyMonth'), at: t((at ?? 'end') === 'end' ? 'simAtEnd' : 'simAtStart') })}</span>
          {run && (
            <span data-testid="sim-run" data-period={run.period} data-iso={run.openedAt.toISOString()}>
              {t('simRunOpened', { period: run.period, at: formatInstant(run.openedAt, timeZone, lang) })}
            </span>
          )}
        </div>
        {next ? (
          <div className="sim-clock" data-testid="sim-next-run" data-period={next.period} data-iso={next.opensAt.toISOString()}>
            <span className="sim-clock-label">{t('simNextRun', { period: next.period })}</span>
            <strong>{formatInstant(next.opensAt, timeZone, lang)}</strong>
          </div>
        ) : (
          <p className="sim-schedule-text" data-testid="sim-next-run">
            {t('simNoNextRun')}
          </p>
        )}
        <button type="button" className="button button-primary" data-testid="sim-jump-run" disabled={!canJump || !next} onClick={onJump}>
          {t('simJumpRun')}
        </button>
      </div>
      {waiting && (
        <>
          <ClockRow
            className="sim-waiting-clock"
            timeZone={timeZone}
            startInput={waiting.startInput}
            onStartInput={waiting.onStartInput}
            onRestart={waiting.onRestart}
            clock={waiting.clock}
            onPlusHour={waiting.onPlusHour}
            onPlusDay={waiting.onPlusDay}
          />
          <p className="notice" data-testid="sim-waiting">
            {t('simWaitingRun')}
          </p>
        </>
      )}
    </section>
  );
}
