import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { formatInstant } from './format';

/** The virtual clock of a simulation: where it starts, restart, the time now, and steps forward. */
export function ClockRow(props: {
  timeZone: string;
  startInput: string;
  onStartInput: (value: string) => void;
  onRestart: () => void;
  clock: Date;
  onPlusHour: () => void;
  onPlusDay: () => void;
  /** The clock stands still (the case is finished). */
  stopped?: boolean;
  className?: string;
  /** More buttons after +1 hour and +1 day. */
  children?: ReactNode;
}) {
  const { t, lang } = useI18n();
  return (
    <div className={`sim-row${props.className ? ` ${props.className}` : ''}`}>
      <label className="sim-field">
        <span>{t('simStartAt', { tz: props.timeZone })}</span>
        <input
          type="datetime-local"
          data-testid="sim-start-input"
          value={props.startInput}
          min="1900-01-01T00:00"
          max="2199-12-31T23:59"
          onChange={(e) => props.onStartInput(e.target.value)}
        />
      </label>
      <button type="button" className="button" data-testid="sim-restart" onClick={props.onRestart}>
        {t('simRestart')}
      </button>
      <div className="sim-clock" data-testid="sim-clock" data-iso={props.clock.toISOString()}>
        <span className="sim-clock-label">{t('simClock')}</span>
        <strong>{formatInstant(props.clock, props.timeZone, lang)}</strong>
      </div>
      <div className="toolbar">
        <button type="button" className="button" data-testid="sim-plus-hour" disabled={props.stopped} onClick={props.onPlusHour}>
          {t('simPlusHour')}
        </button>
        <button type="button" className="button" data-testid="sim-plus-day" disabled={props.stopped} onClick={props.onPlusDay}>
          {t('simPlusDay')}
        </button>
        {props.children}
      </div>
    </div>
  );
}
