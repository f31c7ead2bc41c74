import { officerWords } from '@sop/api-contract';
import { useI18n, type MessageKey } from '../i18n';
import { formatInstant, formatWorkingMinutes } from '../simulation/format';
import type { KartuLine } from './console-api';
import { stepTitle } from './time-left';

/** A kartu kendali line's event in words (the machine's events, coordination and scheduled waits). */
export function kartuEventText(event: string, t: (key: MessageKey) => string): string {
  return t(EVENT_KEYS[event] ?? 'simEventCOMPLETE');
}

/**
 * What a kartu kendali line may say about punctuality: `late` or `on-time` only when the line was
 * measured against a deadline (`overLimit` true or false); `no-deadline` when the step printed a
 * Waktu but had no deadline (the Waktu could not be read as a time, or the calendar could not count
 * it: `overLimit` null), so nothing is said about being on time; null for the opening line and for a
 * step without a Waktu.
 */
export function punctuality(line: Pick<KartuLine, 'event' | 'overLimit' | 'limit'>): 'late' | 'on-time' | 'no-deadline' | null {
  if (line.event === 'START') return null;
  if (line.overLimit === true) return 'late';
  if (line.overLimit === false) return 'on-time';
  return line.limit ? 'no-deadline' : null;
}

const EVENT_KEYS: Record<string, MessageKey> = {
  START: 'simEventSTART',
  COMPLETE: 'simEventCOMPLETE',
  CHOOSE: 'simEventCHOOSE',
  ESCALATE: 'simEventESCALATE',
  REJECT: 'simEventREJECT',
  EXPIRE: 'simEventEXPIRE',
  CONSULT: 'consoleEventCONSULT',
  ANSWER: 'consoleEventANSWER',
  SCHEDULE: 'consoleEventSCHEDULE',
  RESUME: 'consoleEventRESUME',
};

/** The kartu kendali as a timeline: who handed the case over, to whom, when, and time spent against the limit. */
export function KartuTimeline({ lines, timeZone }: { lines: KartuLine[]; timeZone: string }) {
  const { t, lang } = useI18n();
  return (
    <section className="card sim-kartu console-kartu" data-testid="kartu">
      <h2>{t('consoleKartuTitle')}</h2>
      <ol className="sim-kartu-list">
        {lines.map((k) => {
          // the opening line's "from" is the start symbol: shown only when the SOP wrote something in it
          const from = k.from.step && (k.event !== 'START' || k.from.step.label || k.from.step.activity) ? k.from.step : null;
          return (
            <li
              key={k.seq}
              className={`sim-kartu-row${k.overLimit ? ' sim-kartu-over' : ''}${k.event === 'EXPIRE' ? ' sim-kartu-expire' : ''}`}
              data-testid="kartu-line"
              data-event={k.event}
              data-from={k.from.step?.id ?? ''}
              data-to={k.to.step?.id ?? ''}
            >
              <div className="sim-kartu-head">
                <span className="sim-kartu-no">{k.seq}</span>
                <strong>
                  {/* a completed step hands the case on; only the last hand-over, into an end, finishes it */}
                  {k.event === 'COMPLETE' && k.to.step?.kind !== 'end' ? t('consoleEventHandedOn') : t(EVENT_KEYS[k.event] ?? 'simEventCOMPLETE')}
                  {k.outcomeLabel ? `: ${k.outcomeLabel}` : ''}
                </strong>
                {k.overLimit && <span className="sim-overdue">{t('simOverdue')}</span>}
              </div>
              <dl>
                {from && (
                  <>
                    <dt>{t('simKkFrom')}</dt>
                    <dd>
                      {stepTitle(from)} <span className="muted">({k.from.laneName})</span>
                    </dd>
                  </>
                )}
                <dt>{t('simKkTo')}</dt>
                <dd>
                  {stepTitle(k.to.step, t('consoleEndStep'))} <span className="muted">({k.to.laneName})</span>
                </dd>
                <dt>{t('consoleKkBy')}</dt>
                <dd data-testid="kartu-officer">
                  {officerWords(k.officer, lang)}
                  {k.onBehalfOfCitizen && (
                    <span className="chip" data-testid="kartu-on-behalf">
                      {' '}
                      {t('consoleKkOnBehalf')}
                    </span>
                  )}
                </dd>
                {k.event !== 'START' && (
                  <>
                    <dt>{t('simKkReceived')}</dt>
                    <dd>{formatInstant(new Date(k.receivedAt), timeZone, lang)}</dd>
                  </>
                )}
                <dt>{t('simKkHanded')}</dt>
                <dd>{formatInstant(new Date(k.handedOverAt), timeZone, lang)}</dd>
                {k.event !== 'START' && (
                  <>
                    <dt>{t('simKkSpent')}</dt>
                    <dd>
                      {k.spentWorkingMinutes === null ? t('blank') : formatWorkingMinutes(k.spentWorkingMinutes, t)} / {k.limit ?? t('blank')}
                      {punctuality(k) === 'no-deadline' && (
                        <span className="muted" data-testid="kartu-no-deadline">
                          {' '}
                          ({t('kartuPrintNoDeadline')})
                        </span>
                      )}
                    </dd>
                  </>
                )}
                {k.document && (
                  <>
                    <dt>{t('consoleKkDocument')}</dt>
                    <dd data-testid="kartu-document">{k.document}</dd>
                  </>
                )}
                {k.scheduledFor && (
                  <>
                    <dt>{t('consoleKkScheduledFor')}</dt>
                    <dd data-testid="kartu-scheduled">{formatInstant(new Date(k.scheduledFor), timeZone, lang)}</dd>
                  </>
                )}
                {k.note && (
                  <>
                    <dt>{t('consoleKkNote')}</dt>
                    <dd className="console-note" data-testid="kartu-note">
                      {k.note}
                    </dd>
                  </>
                )}
                {k.reply && (
                  <>
                    <dt>{t('consoleKkReply')}</dt>
                    <dd className="console-note" data-testid="kartu-reply">
                      <q>{k.reply}</q>
                    </dd>
                  </>
                )}
              </dl>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
