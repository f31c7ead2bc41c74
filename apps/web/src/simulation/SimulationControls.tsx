import { allowedEventsOf, type KartuEntry } from '@sop/case-engine';
import type { AllowedEvent, CompiledFlow, SopEvent, StepMeta } from '@sop/compiler';
import { useI18n, type Translate } from '../i18n';
import { formatInstant, stepName } from './format';
import { ClockRow } from './ClockRow';
import type { Simulation } from './simulation';

export interface SimulationControlsProps {
  flow: CompiledFlow;
  sim: Simulation;
  timeZone: string;
  startInput: string;
  onStartInput(value: string): void;
  onRestart(): void;
  onEvent(event: SopEvent): void;
  onPlusHour(): void;
  onPlusDay(): void;
  onJumpToDeadline(): void;
  /** The kartu kendali lines the last move added (its expiries are announced). */
  newEntries: KartuEntry[];
}

function eventLabel(e: AllowedEvent, t: Translate): string {
  if (e.label) return e.label;
  if (e.type === 'CHOOSE') return e.outcome ?? '?';
  return t(e.type === 'ESCALATE' ? 'simEscalate' : e.type === 'REJECT' ? 'simReject' : 'simComplete');
}

function toEvent(e: AllowedEvent): SopEvent {
  return e.type === 'CHOOSE' ? { type: 'CHOOSE', outcome: e.outcome! } : { type: e.type };
}

/** The virtual clock, the active step and the actions it offers. */
export function SimulationControls(props: SimulationControlsProps) {
  const { flow, sim, timeZone } = props;
  const { t, lang } = useI18n();
  const { state } = sim;
  const meta = flow.steps[state.step];
  const done = state.status === 'done';
  const events = allowedEventsOf(flow, state);
  const rule = (timeout: NonNullable<StepMeta['onTimeout']>, m: StepMeta | undefined) => {
    if (timeout.action === 'choose') return t('simRuleChoose', { outcome: m?.events.find((e) => e.outcome === timeout.outcome)?.label ?? timeout.outcome ?? '?' });
    return t(timeout.action === 'escalate' ? 'simRuleEscalate' : timeout.action === 'complete' ? 'simRuleComplete' : 'simRuleFlag');
  };
  const expiryRule = (e: KartuEntry) => {
    const from = flow.steps[e.fromStep ?? ''];
    const timeout = from?.onTimeout ?? { action: e.fromStep !== e.toStep ? ('escalate' as const) : ('flag' as const), target: null };
    return e.fromStep !== e.toStep ? `${rule(timeout, from)} → ${stepName(flow.steps[e.toStep], e.toStep)}` : rule(timeout, from);
  };
  const expiries = props.newEntries.filter((e) => e.event === 'EXPIRE');

  return (
    <section className="card sim-controls" data-testid="sim-controls">
      <ClockRow
        timeZone={timeZone}
        startInput={props.startInput}
        onStartInput={props.onStartInput}
        onRestart={props.onRestart}
        clock={sim.clock}
        onPlusHour={props.onPlusHour}
        onPlusDay={props.onPlusDay}
        stopped={done}
      >
        <button
          type="button"
          className="button"
          data-testid="sim-jump-deadline"
          disabled={done || !state.dueAt || !state.deadlinePending}
          onClick={props.onJumpToDeadline}
        >
          {t('simJumpDeadline')}
        </button>
      </ClockRow>

      {expiries.map((e, i) => (
        <div key={i} className="notice sim-expiry" role="status" data-testid="sim-expiry" data-from={e.fromStep ?? ''} data-to={e.toStep}>
          {t('simExpired', {
            step: stepName(flow.steps[e.fromStep ?? ''], e.fromStep ?? ''),
            at: formatInstant(e.handedOverAt, timeZone, lang),
            rule: expiryRule(e),
          })}
        </div>
      ))}

      <div className="sim-row sim-status">
        <div className="sim-current" data-testid="sim-current-step" data-step-id={state.step} data-status={state.status} data-overdue={String(state.overdue)}>
          {done ? (
            <strong className="sim-done" data-testid="sim-done">
              {t('simDone', { step: stepName(meta, state.step) })}
            </strong>
          ) : (
            <>
              <span className="sim-clock-label">{t('simCurrentStep')}</span>
              <strong>{stepName(meta, state.step)}</strong>
              <span>
                {t('simLane')}: {meta?.laneName ?? state.lane}
              </span>
              <span data-testid="sim-deadline">
                {t('simDeadline')}:{' '}
                {state.dueAt ? formatInstant(state.dueAt, timeZone, lang) : state.deadlineNote ? t('simDeadlineNote', { note: state.deadlineNote }) : t('simNoDeadline')}
                {meta?.waktu ? ` (${meta.waktu})` : ''}
              </span>
              {meta?.onTimeout && (
                <span>
                  {t('simTimeoutRule', { rule: rule(meta.onTimeout, meta) })}
                  {meta.onTimeout.inferred && (
                    <span className="chip" title={meta.onTimeout.inferred.note ?? undefined} data-testid="sim-timeout-inferred">
                      {' '}
                      {t('consoleInferredRule')}
                    </span>
                  )}
                </span>
              )}
              {meta?.citizen && (
                <span className="sim-citizen" data-testid="sim-citizen-step">
                  {t('simCitizenStep')}
                </span>
              )}
            </>
          )}
          {state.overdue && (
            <span className="sim-overdue" data-testid="sim-overdue">
              {t('simOverdue')}
            </span>
          )}
        </div>
        {!done && (
          <div className="sim-actions">
            <span className="sim-clock-label">{t('simActions')}</span>
            <div className="toolbar">
              {events.map((e) => (
                <button
                  key={`${e.type}:${e.outcome ?? ''}:${e.target}`}
                  type="button"
                  className={`button ${e.rejects ? 'sim-event-rejects' : e.escalates ? 'sim-event-escalates' : 'button-primary'}`}
                  data-testid="sim-event"
                  data-type={e.type}
                  data-outcome={e.outcome ?? ''}
                  data-target={e.target}
                  title={`→ ${stepName(flow.steps[e.target], e.target)}`}
                  onClick={() => props.onEvent(toEvent(e))}
                >
                  {eventLabel(e, t)}
                  <span className="sim-event-target"> → {stepName(flow.steps[e.target], e.target)}</span>
                </button>
              ))}
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
