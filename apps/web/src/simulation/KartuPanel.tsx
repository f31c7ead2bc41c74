import type { CompiledFlow, StepMeta } from '@sop/compiler';
import { useI18n, type MessageKey } from '../i18n';
import { formatInstant, formatWorkingMinutes, lateReason, stepName } from './format';
import type { Simulation } from './simulation';

const EVENT_KEYS: Record<string, MessageKey> = {
  START: 'simEventSTART',
  COMPLETE: 'simEventCOMPLETE',
  CHOOSE: 'simEventCHOOSE',
  ESCALATE: 'simEventESCALATE',
  REJECT: 'simEventREJECT',
  EXPIRE: 'simEventEXPIRE',
  CONSULT: 'simEventCONSULT',
  ANSWER: 'simEventANSWER',
  SCHEDULE: 'simEventSCHEDULE',
  RESUME: 'simEventRESUME',
};

/** Lines that keep the case at its step (coordination, a scheduled wait): they name lanes, not steps. */
const SIDE_LINES = new Set(['CONSULT', 'ANSWER', 'SCHEDULE', 'RESUME']);

/** The simulated kartu kendali: one line per hand-over, on the virtual clock. */
export function KartuPanel({ flow, sim, timeZone, periodic = false }: { flow: CompiledFlow; sim: Simulation; timeZone: string; periodic?: boolean }) {
  // a kartu line may name a step this flow lacks
  const steps: Readonly<Partial<Record<string, StepMeta>>> = flow.steps;
  const { t, lang } = useI18n();

  // a periodic run is opened by the schedule, not by a complaint
  const eventName = (event: string) => (periodic && event === 'START' ? t('simEventRunOpened') : t(EVENT_KEYS[event]));
  const lane = (step: string | null) => (step ? (steps[step]?.laneName ?? '') : '');
  const laneNames = new Map<string, string>();
  for (const m of Object.values(flow.steps)) {
    laneNames.set(m.lane, m.laneName);
    for (const c of m.coordination ?? []) laneNames.set(c.lane, c.laneName);
  }
  const laneName = (id: string | null) => (id ? (laneNames.get(id) ?? id) : '—');
  return (
    <aside className="card sim-kartu" data-testid="sim-kartu">
      <h2>{t('simKartu')}</h2>
      {sim.kartu.length === 0 && <p className="muted">{t('simKartuEmpty')}</p>}
      <ol className="sim-kartu-list">
        {sim.kartu.map((e, i) => (
          <li
            key={i}
            className={`sim-kartu-row${e.overLimit ? ' sim-kartu-over' : ''}${e.event === 'EXPIRE' ? ' sim-kartu-expire' : ''}`}
            data-testid="kartu-row"
            data-event={e.event}
            data-from={e.fromStep ?? ''}
            data-to={e.toStep}
            data-over={String(!!e.overLimit)}
            data-from-lane={e.fromLane ?? ''}
            data-to-lane={e.toLane}
          >
            <div className="sim-kartu-head">
              <span className="sim-kartu-no">{i + 1}</span>
              <strong>
                {eventName(e.event)}
                {e.outcome ? `: ${steps[e.fromStep ?? '']?.events.find((a) => a.outcome === e.outcome)?.label ?? e.outcome}` : ''}
              </strong>
              {e.overLimit && <span className="sim-overdue">{t('simOverdue')}</span>}
            </div>
            <dl>
              {SIDE_LINES.has(e.event) ? (
                <>
                  <dt>{t('simKkFrom')}</dt>
                  <dd>
                    {laneName(e.fromLane)} <span className="muted">({stepName(flow.steps[e.toStep], e.toStep)})</span>
                  </dd>
                  <dt>{t('simKkTo')}</dt>
                  <dd>{laneName(e.toLane)}</dd>
                </>
              ) : (
                <>
                  <dt>{t('simKkFrom')}</dt>
                  <dd>
                    {stepName(flow.steps[e.fromStep ?? ''], e.fromStep ?? '—')} <span className="muted">({lane(e.fromStep)})</span>
                  </dd>
                  <dt>{t('simKkTo')}</dt>
                  <dd>
                    {stepName(flow.steps[e.toStep], e.toStep)} <span className="muted">({lane(e.toStep)})</span>
                  </dd>
                </>
              )}
              {e.scheduledFor && (
                <>
                  <dt>{t('simKkScheduledFor')}</dt>
                  <dd data-testid="kartu-scheduled-for">{formatInstant(e.scheduledFor, timeZone, lang)}</dd>
                </>
              )}
              {e.document && (
                <>
                  <dt>{t('simKkDocument')}</dt>
                  <dd data-testid="kartu-document">{e.document}</dd>
                </>
              )}
              <dt>{t('simKkReceived')}</dt>
              <dd>{formatInstant(e.receivedAt, timeZone, lang)}</dd>
              <dt>{t('simKkHanded')}</dt>
              <dd>{formatInstant(e.handedOverAt, timeZone, lang)}</dd>
              <dt>{t('simKkSpent')}</dt>
              <dd data-testid="kartu-spent">
                {e.spentWorkingMinutes === null ? t('blank') : formatWorkingMinutes(e.spentWorkingMinutes, t)} / {e.limitText ?? t('blank')}
              </dd>
              {e.dueAt && !SIDE_LINES.has(e.event) && (
                <>
                  <dt>{t('simKkDue')}</dt>
                  <dd data-testid="kartu-due">{formatInstant(e.dueAt, timeZone, lang)}</dd>
                </>
              )}
            </dl>
            {e.overLimit && (
              // the working time spent can look under a Waktu of calendar days: say how the limit is counted
              <p className="sim-kartu-reason" data-testid="kartu-late-reason">
                {lateReason(e, e.fromStep && e.fromStep in flow.steps ? flow.steps[e.fromStep].timeLimit : null, timeZone, lang, t)}
              </p>
            )}
          </li>
        ))}
      </ol>
    </aside>
  );
}
