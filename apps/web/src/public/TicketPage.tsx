import { useState } from 'react';
import { fetchSop } from '../api';
import { Notice } from '../components/Shell';
import { useI18n, type MessageKey } from '../i18n';
import { Link } from '../router';
import { useFetch } from '../use-fetch';
import { fetchPublicComplaint, type PublicComplaint } from './public-api';
import { formatInstant, stepTitle } from './public-format';
import { CitizenAnswerPanel } from './CitizenAnswerPanel';
import { TicketLookup } from './TicketLookup';
import './public.css';

interface TicketView {
  complaint: PublicComplaint;
  /** The office as the SOP names it, and its time zone (null when the SOP could not be read). */
  office: { name: string | null; timeZone: string } | null;
}

async function loadTicket(ticket: string, signal: AbortSignal): Promise<TicketView> {
  // a refusal (too many look-ups) is worded in the page's language where it is shown (useFetch)
  const complaint: PublicComplaint = await fetchPublicComplaint(ticket, signal);
  if (complaint.sop.timeZone) return { complaint, office: { name: complaint.sop.office ?? null, timeZone: complaint.sop.timeZone } };
  try {
    const detail = await fetchSop(complaint.sop.id, signal);
    return { complaint, office: { name: detail.sop.identity.office ?? null, timeZone: detail.sop.calendar.timeZone } };
  } catch {
    if (signal.aborted) throw new DOMException('aborted', 'AbortError');
    return { complaint, office: null };
  }
}

/** `/tiket/{ticket}`: a complaint's status and history, without anyone's personal data. */
export function TicketPage({ ticket }: { ticket: string }) {
  const { t } = useI18n();
  if (!ticket) {
    // `/tiket`: only the lookup (and the tickets remembered on this device)
    return (
      <div className="page pub-page" data-testid="ticket-page" data-ticket="">
        <header className="page-head pub-head">
          <span className="eyebrow">{t('publicTicketTitle')}</span>
          <h1>{t('publicLookupTitle')}</h1>
        </header>
        <TicketLookup current="" />
      </div>
    );
  }
  return <TicketFound ticket={ticket} />;
}

function TicketFound({ ticket }: { ticket: string }) {
  const { t } = useI18n();
  const [reload, setReload] = useState(0);
  const view = useFetch(`ticket:${ticket}:${reload}`, (signal) => loadTicket(ticket, signal));
  return (
    <div className="page pub-page" data-testid="ticket-page" data-ticket={ticket}>
      <header className="page-head pub-head">
        <span className="eyebrow">{t('publicTicketTitle')}</span>
        <h1>{t('publicTicketHeading', { ticket })}</h1>
      </header>
      {view.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {view.state === 'error' &&
        (view.status === 404 || view.status === 400 ? (
          <div className="notice pub-not-found" role="alert" data-testid="ticket-not-found">
            {view.status === 404 ? t('publicTicketNotFound', { ticket }) : t('publicTicketInvalid', { ticket })}
          </div>
        ) : (
          <Notice kind="error">{t('loadFailed', { message: view.message })}</Notice>
        ))}
      {view.state === 'ready' && <TicketStatus view={view.value} onReload={() => setReload((n) => n + 1)} />}
      <TicketLookup current={ticket} />
    </div>
  );
}

function TicketStatus({ view, onReload }: { view: TicketView; onReload: () => void }) {
  const { t, lang } = useI18n();
  const { complaint, office } = view;
  const zone = office?.timeZone ?? null;
  const when = (iso: string) => formatInstant(iso, lang, zone);
  const open = complaint.status === 'open';
  const current = stepTitle(complaint.currentStep, t);
  const ended = complaint.endStep ? stepTitle(complaint.endStep, t) : null;
  return (
    <>
      <section className={`card pub-status pub-status-${complaint.status}`} data-testid="ticket-status" data-status={complaint.status}>
        <div className="pub-status-row">
          <span className="pub-status-badge" data-testid="ticket-status-text">
            {open ? t('publicStatusOpen') : t('publicStatusDone')}
          </span>
          <button type="button" className="button pub-button-small" onClick={onReload} data-testid="ticket-reload">
            {t('publicRefresh')}
          </button>
        </div>
        <p className="pub-status-lead">{open ? t('publicStatusOpenLead') : t('publicStatusDoneLead')}</p>
        {!open && ended?.title && complaint.endStep?.label && <p className="pub-status-lead">{t('publicEndedAt', { step: ended.title })}</p>}
        {complaint.referral && (
          <p className="notice pub-referral" data-testid="ticket-referral">
            {complaint.referral.label ? t('publicReferredAs', { outcome: complaint.referral.label }) : t('publicReferred')}{' '}
            <time dateTime={complaint.referral.at}>({when(complaint.referral.at)})</time>
          </p>
        )}
        <dl className="pub-facts">
          <div>
            <dt>{t('publicFiledAt')}</dt>
            <dd>{when(complaint.createdAt)}</dd>
          </div>
          {complaint.closedAt && (
            <div>
              <dt>{t('publicClosedAt')}</dt>
              <dd>{when(complaint.closedAt)}</dd>
            </div>
          )}
          {complaint.promisedBy && (
            <div className="pub-promise" data-testid="ticket-promise" data-basis={complaint.promisedBasis ?? undefined}>
              <dt>{t('publicPromisedBy')}</dt>
              <dd>
                <strong data-testid="ticket-promised-by">{when(complaint.promisedBy)}</strong>
                <span className="pub-promise-basis muted">
                  {' '}
                  (
                  {complaint.promisedBasis === 'lapor'
                    ? t('publicPromisedLapor')
                    : complaint.promisedBasis === 'standard'
                      ? complaint.promisedCondition
                        ? t('publicPromisedStandardWhen', { condition: complaint.promisedCondition })
                        : t('publicPromisedStandard')
                      : t('publicPromisedSop')}
                  {complaint.provisional ? `; ${t('publicPromisedProvisional')}` : ''})
                </span>
                {complaint.promisePassed && (
                  <span className="pub-promise-passed" data-testid="ticket-promise-passed">
                    {' '}
                    {t('publicPromisePassed')}
                  </span>
                )}
              </dd>
            </div>
          )}
          {open && complaint.dueAt && (
            <div>
              <dt>{t('publicDueAt')}</dt>
              <dd data-testid="ticket-due">
                {when(complaint.dueAt)}
                {complaint.dueAtProvisional && (
                  <span className="muted" data-testid="ticket-due-provisional">
                    {' '}
                    ({t('publicDueProvisional')})
                  </span>
                )}
              </dd>
            </div>
          )}
        </dl>
      </section>

      {complaint.latestReply && (
        <section className="card pub-reply" data-testid="ticket-reply" aria-labelledby="ticket-reply-title">
          <h2 className="pub-card-title" id="ticket-reply-title">
            {t('publicReplyTitle')}
          </h2>
          <p className="pub-reply-text" data-testid="ticket-reply-text">
            {complaint.latestReply.text}
          </p>
          <p className="pub-reply-meta">
            <time dateTime={complaint.latestReply.at}>{t('publicReplySent', { at: when(complaint.latestReply.at) })}</time>
            {complaint.timeline.filter((e) => e.reply).length > 1 && ` · ${t('publicReplyEarlier')}`}
          </p>
        </section>
      )}

      {open && complaint.scheduled && (
        <section className="card pub-stage pub-scheduled" data-testid="ticket-scheduled">
          <h2 className="pub-card-title">{complaint.scheduled.label ?? t('publicScheduledTitle')}</h2>
          <p className="pub-stage-title">{when(complaint.scheduled.until)}</p>
          <p className="pub-stage-activity">{t('publicScheduledLead')}</p>
        </section>
      )}

      {open && complaint.citizenStep && <CitizenAnswerPanel complaint={complaint} step={complaint.citizenStep} when={when} onAnswered={onReload} />}

      {open && !complaint.citizenStep && (
        <section className="card pub-stage" data-testid="ticket-current-step">
          <h2 className="pub-card-title">{t('publicCurrentStage')}</h2>
          {current.title && <p className="pub-stage-title">{current.title}</p>}
          {current.activity && <p className="pub-stage-activity">{current.activity}</p>}
          {complaint.currentStep.laneName && (
            <p className="pub-stage-lane">
              {t('publicHandledBy')}: <strong data-testid="ticket-lane">{complaint.currentStep.laneName}</strong>
            </p>
          )}
        </section>
      )}

      {complaint.stages && complaint.stages.length > 0 && (
        <section className="card" data-testid="ticket-stages" aria-labelledby="ticket-stages-title">
          <h2 className="pub-card-title" id="ticket-stages-title">
            {t('publicStagesTitle')}
          </h2>
          <ol className="pub-stages">
            {complaint.stages.map((stage, i) => (
              <li
                key={`${stage.step}-${i}`}
                className={`pub-stage-item pub-stage-${stage.state}`}
                data-testid="ticket-stage"
                data-state={stage.state}
                aria-current={stage.state === 'current' ? 'step' : undefined}
              >
                <span className="pub-stage-mark" aria-hidden="true">
                  {stage.state === 'done' ? '✓' : stage.state === 'current' ? '●' : '○'}
                </span>
                <span className="pub-stage-label">{stage.label}</span>
                <span className="pub-stage-state">
                  {stage.state === 'done' ? t('publicStageDone') : stage.state === 'current' ? t('publicStageCurrent') : t('publicStageNext')}
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}

      <section className="card" data-testid="ticket-timeline">
        <h2 className="pub-card-title">{t('publicTimeline')}</h2>
        <ol className="pub-timeline">
          {complaint.timeline.map((entry, i) => {
            const to = entry.to ? stepTitle(entry.to, t) : null;
            const last = i === complaint.timeline.length - 1;
            return (
              <li key={`${entry.at}-${i}`} className={last ? 'pub-timeline-last' : undefined} data-testid="timeline-entry" data-event={entry.event}>
                <span className="pub-timeline-dot" aria-hidden="true" />
                <time dateTime={entry.at} className="pub-timeline-time">
                  {when(entry.at)}
                </time>
                <span className="pub-timeline-event">
                  {entry.event === 'COMPLETE' && entry.to?.kind === 'end' ? t('publicEventFinished') : eventText(entry.event, entry.outcomeLabel, t)}
                </span>
                {to && (to.title || entry.toLaneName) && !SIDE_EVENTS.has(entry.event) && (
                  <span className="pub-timeline-to">
                    {t('publicTimelineTo', { step: [to.title, entry.to?.kind === 'end' ? null : entry.toLaneName].filter(Boolean).join(' · ') })}
                  </span>
                )}
                {to?.activity && !SIDE_EVENTS.has(entry.event) && <span className="pub-timeline-activity">{to.activity}</span>}
                {entry.scheduledFor && <span className="pub-timeline-activity">{when(entry.scheduledFor)}</span>}
                {entry.document && (
                  <span className="pub-timeline-activity" data-testid="timeline-document">
                    {t('publicDocument', { document: entry.document })}
                  </span>
                )}
                {entry.reply && (
                  <blockquote className="pub-timeline-reply" data-testid="timeline-reply">
                    <span className="pub-timeline-reply-label">{t('publicTimelineReply')}</span>
                    {entry.reply}
                  </blockquote>
                )}
              </li>
            );
          })}
        </ol>
      </section>

      <section className="card pub-office" data-testid="ticket-office">
        <dl className="pub-facts">
          <div>
            <dt>{t('publicOffice')}</dt>
            <dd>
              {office?.name ? `${office.name}, ` : ''}
              {complaint.sop.regency}
            </dd>
          </div>
          <div>
            <dt>{t('publicSopTitle')}</dt>
            <dd data-testid="ticket-sop-title">{complaint.sop.title}</dd>
          </div>
        </dl>
        <Link href={`/lapor/${complaint.sop.id}`} className="pub-link">
          {t('publicFileNew')} →
        </Link>
      </section>
    </>
  );
}

const EVENTS: Partial<Record<string, MessageKey>> = {
  START: 'publicEventSTART',
  COMPLETE: 'publicEventCOMPLETE',
  ESCALATE: 'publicEventESCALATE',
  REJECT: 'publicEventREJECT',
  EXPIRE: 'publicEventEXPIRE',
  CONSULT: 'publicEventCONSULT',
  ANSWER: 'publicEventANSWER',
  SCHEDULE: 'publicEventSCHEDULE',
  RESUME: 'publicEventRESUME',
};

/** Lines that keep the complaint at its step: no move to show. */
const SIDE_EVENTS = new Set(['CONSULT', 'ANSWER', 'SCHEDULE', 'RESUME']);

function eventText(event: string, outcomeLabel: string | null, t: (key: MessageKey, params?: Record<string, string>) => string): string {
  if (event === 'CHOOSE') return outcomeLabel ? t('publicEventCHOOSE', { outcome: outcomeLabel }) : t('publicEventCHOOSEPlain');
  if (event === 'EXPIRE' && outcomeLabel) return t('publicEventEXPIREOutcome', { outcome: outcomeLabel });
  const key = EVENTS[event];
  return key ? t(key) : event;
}
