import { useState } from 'react';
import { allowedEventsOf, suggestedOutcome, unitFor, type KartuEntry } from '@sop/case-engine';
import type { FormField } from '@sop/model';
import type { AllowedEvent, CompiledFlow, SopEvent, StepMeta } from '@sop/compiler';
import { useI18n, type Translate } from '../i18n';
import { formatInstant, noDeadlineReason, stepName } from './format';
import { ClockRow } from './ClockRow';
import { DAY, fromLocalInput, localDate, type Simulation } from './simulation';

export interface SimulationControlsProps {
  flow: CompiledFlow;
  sim: Simulation;
  timeZone: string;
  startInput: string;
  onStartInput: (value: string) => void;
  onRestart: () => void;
  onEvent: (event: SopEvent) => void;
  onPlusHour: () => void;
  onPlusDay: () => void;
  onJumpToDeadline: () => void;
  /** The kartu kendali lines the last move added (its expiries are announced). */
  newEntries: KartuEntry[];
  /** Ask a lane of the step's coordination; the asked lane answers (ADR 0014). */
  onConsult: (lane: string) => void;
  onAnswer: () => void;
  /** Wait until the start of a date (office time). */
  onSchedule: (until: Date) => void;
  /** The simulated complaint's form values, picked here, and the form's choice fields. */
  values: Record<string, string>;
  onValue: (field: string, value: string) => void;
  choiceFields: FormField[];
}

function eventLabel(e: AllowedEvent, t: Translate): string {
  if (e.label) return e.label;
  if (e.type === 'CHOOSE') return e.outcome ?? '?';
  return t(e.type === 'ESCALATE' ? 'simEscalate' : e.type === 'REJECT' ? 'simReject' : 'simComplete');
}

function toEvent(e: AllowedEvent): SopEvent {
  if (e.type !== 'CHOOSE') return { type: e.type };
  if (e.outcome === undefined) throw new Error('a CHOOSE the step offers names its outcome');
  return { type: 'CHOOSE', outcome: e.outcome };
}

/** The virtual clock, the active step and the actions it offers. */
export function SimulationControls(props: SimulationControlsProps) {
  const { flow, sim, timeZone } = props;
  const { t, lang } = useI18n();
  const { state } = sim;
  // steps looked up by a name from the case (or a kartu line) may be missing from this flow
  const steps: Readonly<Partial<Record<string, StepMeta>>> = flow.steps;
  const meta = steps[state.step];
  const done = state.status === 'done';
  const events = allowedEventsOf(flow, state);
  const rule = (timeout: NonNullable<StepMeta['onTimeout']>, m: StepMeta | undefined) => {
    if (timeout.action === 'choose')
      return t('simRuleChoose', { outcome: m?.events.find((e) => e.outcome === timeout.outcome)?.label ?? timeout.outcome ?? '?' });
    return t(timeout.action === 'escalate' ? 'simRuleEscalate' : timeout.action === 'complete' ? 'simRuleComplete' : 'simRuleFlag');
  };
  const expiryRule = (e: KartuEntry) => {
    const from = steps[e.fromStep ?? ''];
    const timeout = from?.onTimeout ?? { action: e.fromStep !== e.toStep ? ('escalate' as const) : ('flag' as const), target: null };
    return e.fromStep !== e.toStep ? `${rule(timeout, from)} → ${stepName(flow.steps[e.toStep], e.toStep)}` : rule(timeout, from);
  };
  const expiries = props.newEntries.filter((e) => e.event === 'EXPIRE');
  const resumed = props.newEntries.filter((e) => e.event === 'RESUME');
  // the form values the current step depends on: the field a decision follows, the one that picks the lane's unit
  const needed = [meta?.routeBy?.field, meta?.units?.field].filter((f, i, all): f is string => !!f && all.indexOf(f) === i);
  const suggested = suggestedOutcome(meta, props.values);
  const unitId = unitFor(meta, props.values);
  const unit = meta?.units ? (meta.units.units.find((u) => u.id === unitId)?.name ?? null) : undefined;
  const laneNames = new Map<string, string>();
  for (const m of Object.values(flow.steps)) {
    laneNames.set(m.lane, m.laneName);
    for (const c of m.coordination ?? []) laneNames.set(c.lane, c.laneName);
  }
  const laneName = (id: string) => laneNames.get(id) ?? id;
  const waiting = state.waitingUntil ?? null;
  // a step without a deadline says why (no Waktu in the source, one the calendar cannot count, a wait…)
  const noDeadline = state.dueAt ? null : noDeadlineReason(meta, !!waiting);
  const consulting = state.consulting ?? null;

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

      {resumed.map((e, i) => (
        <div key={i} className="notice sim-expiry" role="status" data-testid="sim-resumed">
          {t('simResumed', { at: formatInstant(e.handedOverAt, timeZone, lang), lane: laneName(e.toLane) })}
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
                {state.dueAt
                  ? formatInstant(state.dueAt, timeZone, lang)
                  : state.deadlineNote
                    ? t('simDeadlineNote', { note: state.deadlineNote })
                    : noDeadline
                      ? t(noDeadline, { waktu: meta?.waktu ?? '' })
                      : t('simNoDeadline')}
                {meta?.waktu && !noDeadline ? ` (${meta.waktu})` : ''}
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
              {unit !== undefined && (
                <span data-testid="sim-unit">
                  {t('simUnit')}: {unit ?? t('simUnitWhole')}
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
        {!done && needed.length > 0 && (
          <div className="sim-values">
            {needed.map((id) => {
              const field = props.choiceFields.find((f) => f.id === id);
              return (
                <label key={id} className="sim-field">
                  <span>{t('simFieldValue', { field: field?.label ?? id })}</span>
                  <select data-testid="sim-field-value" data-field={id} value={props.values[id] ?? ''} onChange={(e) => props.onValue(id, e.target.value)}>
                    <option value="">{t('simFieldPick')}</option>
                    {(field?.options ?? []).map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                </label>
              );
            })}
          </div>
        )}
        {!done && (
          <div className="sim-actions">
            <span className="sim-clock-label">{t('simActions')}</span>
            <div className="toolbar">
              {events.map((e) => (
                <button
                  key={`${e.type}:${e.outcome ?? ''}:${e.target}`}
                  type="button"
                  className={`button ${e.rejects ? 'sim-event-rejects' : e.escalates ? 'sim-event-escalates' : 'button-primary'}${suggested && e.outcome === suggested ? ' sim-event-suggested' : ''}`}
                  data-testid="sim-event"
                  data-type={e.type}
                  data-outcome={e.outcome ?? ''}
                  data-suggested={suggested && e.outcome === suggested ? 'true' : undefined}
                  data-target={e.target}
                  title={`→ ${stepName(flow.steps[e.target], e.target)}`}
                  onClick={() => props.onEvent(toEvent(e))}
                >
                  {eventLabel(e, t)}
                  {e.when?.length ? <span className="sim-event-when"> ({e.when.join(', ')})</span> : null}
                  <span className="sim-event-target"> → {stepName(flow.steps[e.target], e.target)}</span>
                  {suggested && e.outcome === suggested && (
                    <span className="chip sim-suggested" data-testid="sim-suggested">
                      {t('simSuggested')}
                    </span>
                  )}
                </button>
              ))}
            </div>
          </div>
        )}
      </div>
      {!done && (meta?.coordination?.length || meta?.schedule) ? (
        <div className="sim-row sim-side" data-testid="sim-side">
          {meta?.coordination?.length ? (
            <div className="sim-coordination">
              <span className="sim-clock-label">{t('simCoordination')}</span>
              {consulting ? (
                <>
                  <span className="notice sim-consulting" data-testid="sim-consulting" data-lane={consulting.lane}>
                    {t('simConsulting', { lane: laneName(consulting.lane), at: formatInstant(consulting.since, timeZone, lang) })}
                  </span>
                  <button type="button" className="button button-primary" data-testid="sim-answer" onClick={props.onAnswer}>
                    {t('simAnswer', { lane: laneName(consulting.lane) })}
                  </button>
                </>
              ) : (
                <div className="toolbar">
                  {meta.coordination.map((c) => (
                    <button
                      key={c.lane}
                      type="button"
                      className="button"
                      data-testid="sim-consult"
                      data-lane={c.lane}
                      title={c.label ?? undefined}
                      onClick={() => props.onConsult(c.lane)}
                    >
                      {t('simConsult', { lane: c.laneName })}
                    </button>
                  ))}
                </div>
              )}
            </div>
          ) : null}
          {meta?.schedule ? (
            waiting ? (
              <span className="notice sim-waiting" data-testid="sim-waiting" data-until={waiting.toISOString()}>
                {t('simWaiting', { at: formatInstant(waiting, timeZone, lang) })}
              </span>
            ) : (
              <ScheduleForm clock={sim.clock} timeZone={timeZone} label={meta.schedule.label} onSchedule={props.onSchedule} />
            )
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** A date to wait for (the step's schedule): the start of that day in the office's time zone, as the server takes it. */
function ScheduleForm({ clock, timeZone, label, onSchedule }: { clock: Date; timeZone: string; label: string | null; onSchedule: (until: Date) => void }) {
  const { t } = useI18n();
  const [date, setDate] = useState(() => localDate(new Date(clock.getTime() + 2 * DAY), timeZone));
  const until = fromLocalInput(`${date}T00:00`, timeZone);
  return (
    <div className="sim-schedule">
      <label className="sim-field">
        <span>{t('simScheduleAt', { label: label ?? t('blank') })}</span>
        <input type="date" data-testid="sim-schedule-at" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <button
        type="button"
        className="button"
        data-testid="sim-schedule"
        disabled={!until || until.getTime() <= clock.getTime()}
        onClick={() => until && onSchedule(until)}
      >
        {t('simScheduleButton')}
      </button>
    </div>
  );
}
