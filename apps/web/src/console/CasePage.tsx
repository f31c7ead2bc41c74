import { officerWords } from '@sop/api-contract';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, NetworkError, refusalText } from '../api';
import { problemText } from '../components/paged-list';
import { Notice } from '../components/Shell';
import { useI18n, type Translate } from '../i18n';
import { Link } from '../router';
import type { Session } from '../session';
import { formatInstant } from '../simulation/format';
import { CaseActions } from './CaseActions';
import { CaseDiagram } from './CaseDiagram';
import { CaseFormData } from './CaseFormData';
import { CaseIntake } from './CaseIntake';
import { fetchCase, fetchInbox, sendCaseEvent, type CaseDetail, type CaseEventInput, type KartuLine } from './console-api';
import { CaseSideActions, ConsultationAnswer } from './CaseSideActions';
import { ClaimBar } from './ClaimBar';
import { NotFound } from '../components/NotFound';
import { LiveBadge } from './LiveBadge';
import { useLiveCases } from './live';
import { EventAttachments } from './EventAttachments';
import { kartuEventText } from './KartuTimeline';
import { useOperationalHolidays } from '../holidays/use-operational-holidays';
import { Countdown } from './Countdown';
import { noDeadlineText, waktuLabelKey } from './deadline-words';
import { takeHandout } from './handout';
import { KartuTimeline } from './KartuTimeline';
import { CaseNotifications } from './CaseNotifications';
import { RequireSession } from './RequireSession';
import { stepTitle } from './time-left';
import { useSopLookups, useSopVersion } from './use-sop';
import { listOfficeTemplates, placeholderValues, templateChoices, type OfficeTemplate } from './reply-templates';

/** Whether the case page's flowchart is unfolded: folded by default, remembered per browser. */
const DIAGRAM_KEY = 'sop.case.diagramOpen';
function wasDiagramOpen(): boolean {
  try {
    return localStorage.getItem(DIAGRAM_KEY) === '1';
  } catch {
    return false; // storage blocked: folded
  }
}
function rememberDiagramOpen(open: boolean): void {
  try {
    localStorage.setItem(DIAGRAM_KEY, open ? '1' : '0');
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

/** The office's own reply templates of the case's regency; none when they cannot be read (the SOP's still are offered). */
function useOfficeTemplates(token: string, regency: string): OfficeTemplate[] {
  const [items, setItems] = useState<OfficeTemplate[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    listOfficeTemplates(token, regency, controller.signal).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
    return () => controller.abort();
  }, [token, regency]);
  return items;
}

export function CasePage({ id }: { id: string }) {
  return <RequireSession>{(session) => <CaseLoader session={session} id={id} />}</RequireSession>;
}

/** `error`: what the load threw, worded when shown (in the page's language then). */
type Loaded =
  | { state: 'loading' }
  | { state: 'error'; status: number | null; error: unknown }
  /** `stale`: reading it again failed for a passing reason (no connection, a 5xx): the case stays as last read, and says so. */
  | { state: 'ready'; detail: CaseDetail; at: Date; stale?: { error: unknown } };

/** A failure that says nothing of the case (the server not reached, a 5xx): trying again may succeed. */
export function isPassingFailure(e: unknown): boolean {
  return e instanceof NetworkError || (e instanceof ApiError && e.status >= 500);
}

/** What the last move did, in words: "Budi (Kasi Kerjasama) handed it over at …: step 2 → step 3 (Bidang Terkait)". */
export function describeMove(k: KartuLine, timeZone: string, lang: 'id' | 'en', t: Translate): string {
  return t('consoleMoveLine', {
    officer: officerWords(k.officer, lang),
    at: formatInstant(new Date(k.handedOverAt), timeZone, lang),
    event: k.outcomeLabel ? `${kartuEventText(k.event, t)} "${k.outcomeLabel}"` : kartuEventText(k.event, t),
    from: stepTitle(k.from.step),
    to: stepTitle(k.to.step, t('consoleEndStep')),
    lane: k.to.laneName ?? '—',
  });
}

function CaseLoader({ session, id }: { session: Session; id: string }) {
  const { t, lang } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const load = useCallback(async (): Promise<CaseDetail | null> => {
    try {
      const detail = await fetchCase(session.token, id);
      setLoaded({ state: 'ready', detail, at: new Date() });
      return detail;
    } catch (e) {
      // a case on screen stays there when reading it again fails for a passing reason: the officer's
      // note and reply are not lost, and the page says it shows the last state read
      setLoaded((now) =>
        now.state === 'ready' && isPassingFailure(e)
          ? { ...now, stale: { error: e } }
          : { state: 'error', status: e instanceof ApiError ? e.status : null, error: e },
      );
      return null;
    }
  }, [session.token, id]);
  useEffect(() => {
    void load();
  }, [load]);
  // another officer acts on this case: read it again (server-sent events, docs/adr/0022)
  const live = useLiveCases(session.token, (signal) => {
    if (signal.kind === 'resync' || signal.id === id) void load();
  });

  return (
    <div className="page console" data-testid="case-page">
      <Link href="/inbox" className="back">
        {t('consoleBackToInbox')}
      </Link>{' '}
      <LiveBadge connected={live} />
      {loaded.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {loaded.state === 'error' && loaded.status === 404 && <NotFound kind="case" />}
      {loaded.state === 'error' && loaded.status !== 404 && (
        <div className="card console-empty" role="alert" data-testid="case-error" data-status={loaded.status ?? ''}>
          <strong>
            {loaded.status === 403
              ? t('consoleCaseForbidden')
              : loaded.status === 404
                ? t('consoleCaseMissing')
                : t('loadFailed', { message: refusalText(loaded.error, lang) })}
          </strong>
          {(loaded.status === 403 || loaded.status === 404) && (
            <p className="muted">{loaded.status === 403 ? t('consoleCaseForbiddenHint') : t('consoleCaseMissingHint')}</p>
          )}
        </div>
      )}
      {loaded.state === 'ready' && loaded.stale && (
        <div className="notice notice-error" role="alert" data-testid="case-reload-failed">
          {t('consoleReloadFailed', { message: refusalText(loaded.stale.error, lang) })}{' '}
          <button type="button" className="button button-small" onClick={() => void load()}>
            {t('consoleReloadAgain')}
          </button>
        </div>
      )}
      {loaded.state === 'ready' && <CaseView session={session} detail={loaded.detail} loadedAt={loaded.at} reload={load} />}
    </div>
  );
}

/**
 * What the last action did, kept as facts and worded when shown (in the page's language then): the
 * move it made (`last`, none known), or the moves someone else made first and where the case is now,
 * or the error itself (refused, or not recorded: the request never got an answer).
 */
type Outcome =
  | { kind: 'moved'; last: KartuLine | null }
  | { kind: 'stale'; moves: KartuLine[]; canAct: boolean; laneName: string }
  | { kind: 'refused'; error: unknown }
  | null;

/** The last action's outcome in the page's language now. */
function outcomeText(outcome: NonNullable<Outcome>, tz: string, lang: 'id' | 'en', t: Translate): string {
  switch (outcome.kind) {
    case 'moved':
      return outcome.last ? t('consoleMoved', { move: describeMove(outcome.last, tz, lang, t) }) : t('consoleMovedShort');
    case 'stale':
      return `${t('consoleStale')} ${outcome.moves.map((k) => describeMove(k, tz, lang, t)).join(' ')} ${
        outcome.canAct ? t('consoleStaleCanAct') : t('consoleStaleGone', { lane: outcome.laneName })
      }`;
    case 'refused':
      // nothing refused an action whose request got no answer: it may or may not be recorded, and the note is kept
      return isPassingFailure(outcome.error)
        ? t('consoleNotRecorded', { message: refusalText(outcome.error, lang) })
        : t('consoleRefused', { message: problemText(outcome.error, lang) });
  }
}

function CaseView({ session, detail, loadedAt, reload }: { session: Session; detail: CaseDetail; loadedAt: Date; reload(): Promise<CaseDetail | null> }) {
  const { t, lang } = useI18n();
  const sop = useSopVersion(detail.sop.id, detail.sop.version);
  const sopDoc = sop.state === 'ready' ? sop.value.sop : null;
  const holidays = useOperationalHolidays(detail.sop.id);
  const lookups = useSopLookups(sop.state === 'ready' ? sop.value : null, t('consoleChannelWeb'));
  const [note, setNote] = useState('');
  // files uploaded for the next event (their tokens); the box starts empty again after each move
  const [files, setFiles] = useState<string[]>([]);
  const [filesBox, setFilesBox] = useState(0);
  // the ticket and access code of a complaint just registered here: shown once
  const [handout] = useState(() => takeHandout(detail.id));
  const [reply, setReply] = useState('');
  const [diagramOpen, setDiagramOpen] = useState(wasDiagramOpen);
  const officeTemplates = useOfficeTemplates(session.token, detail.sop.id);
  const templates = useMemo(
    () => templateChoices(sopDoc, officeTemplates, placeholderValues(detail.ticket, sopDoc, detail.sop.regency)),
    [sopDoc, officeTemplates, detail.ticket, detail.sop.regency],
  );
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [nextCase, setNextCase] = useState<{ id: string; ticket: string } | null>(null);
  const nextCaseAfter = async (current: string) => {
    try {
      const inbox = await fetchInbox(session.token, { status: 'open', overdue: '', channel: '', step: '', ticket: '', page: 1 });
      const next = inbox.items.find((i) => i.id !== current);
      return next ? { id: next.id, ticket: next.ticket } : null;
    } catch {
      return null; // the link is a convenience: without it, the inbox is one click away
    }
  };
  const noticeRef = useRef<HTMLDivElement>(null);
  const tz = detail.sop.timeZone;

  useEffect(() => {
    if (outcome) noticeRef.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);

  const act = async (event: CaseEventInput) => {
    setBusy(true);
    setOutcome(null);
    setNextCase(null);
    const seen = detail.version;
    try {
      await sendCaseEvent(
        session.token,
        detail.id,
        {
          type: event.type,
          outcome: event.outcome,
          lane: event.lane,
          until: event.until,
          attachments: files.length && !detail.actsForCitizen ? files : undefined,
          note: note.trim() || undefined,
          reply: reply.trim() || undefined,
          version: seen,
        },
        crypto.randomUUID(),
      );
      const fresh = await reload();
      const last = fresh?.kartuKendali[fresh.kartuKendali.length - 1];
      // the case left the user's hands: offer the most urgent one still waiting for them
      if (fresh && !fresh.canAct && !fresh.canAnswer) void nextCaseAfter(detail.id).then(setNextCase);
      setNote('');
      setReply('');
      setFiles([]);
      setFilesBox((n) => n + 1);
      setOutcome({ kind: 'moved', last: last ?? null });
    } catch (e) {
      const status = e instanceof ApiError ? e.status : null;
      const fresh = await reload();
      if (fresh && fresh.version !== seen && (status === 409 || status === 403 || status === 422)) {
        // someone else acted first: say who moved it and where, and keep the note
        setOutcome({ kind: 'stale', moves: fresh.kartuKendali.filter((k) => k.seq > seen), canAct: fresh.canAct, laneName: fresh.step.laneName });
      } else {
        setOutcome({ kind: 'refused', error: e });
      }
    } finally {
      setBusy(false);
    }
  };

  const done = detail.status === 'done';
  return (
    <article
      className="console-case"
      data-testid="case"
      data-case-id={detail.id}
      data-version={detail.version}
      data-step={detail.step.id}
      data-status={detail.status}
    >
      <header className="sop-head console-case-head">
        <div>
          <span className="eyebrow">
            {detail.sop.regency} · {detail.sop.title} · {t('sopVersion', { n: detail.sop.version })}
          </span>
          <h1>
            <span data-testid="case-ticket">{detail.ticket}</span>
            {detail.periodic && (
              <span className="console-periodic">
                {' '}
                · {detail.periodic.name} {detail.periodic.period ?? ''}
              </span>
            )}
          </h1>
          <p className="sop-meta">
            <span className={`badge${done ? ' console-badge-done' : ''}`} data-testid="case-status">
              {done ? t('consoleStatusDone') : t('consoleStatusOpen')}
            </span>
            {detail.overdue && !done && <span className="console-badge-overdue">{t('consoleOverdue')}</span>}
            <span>{t('consoleFiledVia', { channel: lookups.channelLabel(detail.channel), at: formatInstant(new Date(detail.createdAt), tz, lang) })}</span>
            {detail.category && <span className="chip">{detail.category}</span>}
          </p>
        </div>
      </header>

      {handout && (
        <div className="notice console-handout" role="status" data-testid="handout">
          {t('consoleHandout', { ticket: handout.ticket })}{' '}
          <strong className="console-handout-code" data-testid="handout-code">
            {handout.accessCode}
          </strong>
          <span className="muted"> {t('consoleHandoutOnce')}</span>
        </div>
      )}
      <div className="console-case-top">
        <div className="console-case-main" data-testid="case-main">
          <CaseIntake
            session={session}
            caseId={detail.id}
            createdAt={detail.createdAt}
            receivedAt={detail.receivedAt}
            callerWords={detail.callerWords}
            timeZone={tz}
          />
          <CaseFormData session={session} detail={detail} />
          <section className="card console-current" data-testid="current-step" data-step-id={detail.step.id}>
            <span className="console-label">{done ? t('consoleEndedAt') : t('simCurrentStep')}</span>
            <h2>{stepTitle(done && detail.endStep ? detail.endStep : detail.step, t('consoleEndStep'))}</h2>
            {!done && (
              <p className="muted">
                {t('simLane')}: <strong>{detail.step.laneName}</strong>
                {detail.step.waktu && ` · ${t(waktuLabelKey(detail))}: ${detail.step.waktu}`}
              </p>
            )}
            {!done && detail.step.activity && <p className="console-activity">{detail.step.activity}</p>}
            {detail.unit && (
              <p className="muted" data-testid="case-unit">
                {t('consoleUnit')}: <strong>{detail.unit.name}</strong>
              </p>
            )}
            {detail.consulting && (
              <p className="notice" data-testid="consulting">
                {t('consoleConsulting', {
                  lane: detail.consulting.laneName,
                  at: detail.consulting.since ? formatInstant(new Date(detail.consulting.since), tz, lang) : '',
                })}
              </p>
            )}
            {detail.schedule?.until && (
              <p className="notice" data-testid="scheduled">
                {t('consoleScheduled', { label: detail.schedule.label ?? t('consoleSchedule'), at: formatInstant(new Date(detail.schedule.until), tz, lang) })}
              </p>
            )}
            {!done && !detail.waitingOnCitizen && detail.onTimeout && detail.onTimeout.action !== 'flag' && (
              <p className="muted" data-testid="timeout-rule">
                {t('consoleTimeoutRule', {
                  rule:
                    detail.onTimeout.action === 'escalate'
                      ? t('consoleTimeoutEscalate', { step: stepTitle(detail.onTimeout.to) })
                      : detail.onTimeout.action === 'choose'
                        ? t('consoleCitizenTimeoutChoose', { outcome: detail.onTimeout.outcomeLabel ?? '' })
                        : t('consoleCitizenTimeoutComplete'),
                })}
                {detail.onTimeout.inferred && (
                  <span className="chip console-inferred" title={detail.onTimeout.inferred.note ?? undefined} data-testid="timeout-inferred">
                    {t('consoleInferredRule')}
                  </span>
                )}
              </p>
            )}
            {detail.waitingOnCitizen && (
              <p className="notice console-waiting-citizen" data-testid="waiting-on-citizen">
                {t('consoleWaitingOnCitizen')}
                {detail.onTimeout?.action === 'choose' &&
                  detail.onTimeout.outcomeLabel &&
                  ` ${t('consoleCitizenTimeoutChoose', { outcome: detail.onTimeout.outcomeLabel })}`}
                {detail.onTimeout?.action === 'complete' && ` ${t('consoleCitizenTimeoutComplete')}`}
                {detail.onTimeout?.action === 'escalate' && ` ${t('consoleCitizenTimeoutEscalate')}`}
              </p>
            )}
            {!done && detail.step.keterangan && <p className="muted">{detail.step.keterangan}</p>}
            {done && detail.closedAt && <p className="muted">{t('consoleClosedAt', { at: formatInstant(new Date(detail.closedAt), tz, lang) })}</p>}
            {!done && detail.dueAt && (
              <Countdown
                sop={sopDoc}
                timeZone={detail.sop.timeZone}
                dueAt={detail.dueAt}
                provisional={detail.dueAtProvisional}
                holidays={holidays}
                timeLeftMinutes={detail.timeLeftMinutes}
                loadedAt={loadedAt}
              />
            )}
            {!done && !detail.dueAt && (
              <p className="muted" data-testid="no-deadline">
                {noDeadlineText(detail, t)}
              </p>
            )}
          </section>
        </div>
        <div className="console-side">
          {outcome && (
            <div
              ref={noticeRef}
              className={`notice console-outcome-${outcome.kind}${outcome.kind === 'moved' ? '' : ' notice-error'}`}
              role={outcome.kind === 'moved' ? 'status' : 'alert'}
              data-testid={`case-${outcome.kind}`}
            >
              {outcomeText(outcome, tz, lang, t)}
              {outcome.kind === 'moved' && nextCase && (
                <>
                  {' '}
                  <Link href={`/cases/${nextCase.id}`} className="console-next-case" data-testid="next-case">
                    {t('consoleNextCase', { ticket: nextCase.ticket })} →
                  </Link>
                </>
              )}
            </div>
          )}
          {detail.step.template && !done && (
            <section className="card console-template">
              <h2>{detail.step.template.name}</h2>
              <p className="console-note">{detail.step.template.text}</p>
            </section>
          )}
          {!done && <ClaimBar session={session} detail={detail} onChanged={() => void reload()} />}
          {detail.canAnswer && !detail.canAct ? (
            <ConsultationAnswer detail={detail} note={note} onNote={setNote} busy={busy} onAnswer={() => void act({ type: 'ANSWER' })} />
          ) : detail.canAct && detail.allowedEvents.length > 0 && !(detail.assignee && !detail.assignee.mine) ? (
            <>
              <CaseActions
                key={`${detail.version}`}
                detail={detail}
                note={note}
                onNote={setNote}
                reply={reply}
                onReply={detail.actsForCitizen ? undefined : setReply}
                busy={busy}
                onAct={(event) => void act(event)}
                templates={templates}
              />
              {!detail.actsForCitizen && (
                <section className="card console-files" data-testid="event-files">
                  <EventAttachments key={filesBox} session={session} onChange={setFiles} disabled={busy} />
                </section>
              )}
              <CaseSideActions detail={detail} busy={busy} onAct={(e) => void act(e)} />
            </>
          ) : (
            <section className="card console-actions" data-testid="no-actions">
              <h2>{t('simActions')}</h2>
              <p className="muted">{done ? t('consoleNoActionsDone') : t('consoleNoActionsLane', { lane: detail.step.laneName })}</p>
              {note.trim() && (
                <label className="console-field">
                  <span className="console-label">{t('consoleYourNote')}</span>
                  <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} data-testid="action-note" />
                </label>
              )}
              {reply.trim() && (
                <label className="console-field">
                  <span className="console-label">{t('consoleYourReply')}</span>
                  <textarea rows={3} value={reply} onChange={(e) => setReply(e.target.value)} data-testid="action-reply" />
                </label>
              )}
            </section>
          )}
        </div>
      </div>

      {sop.state === 'error' && <Notice kind="error">{t('loadFailed', { message: sop.message })}</Notice>}
      <details
        className="console-diagram-fold"
        data-testid="case-diagram-fold"
        open={diagramOpen}
        onToggle={(e) => {
          const open = e.currentTarget.open;
          setDiagramOpen(open);
          rememberDiagramOpen(open);
        }}
      >
        <summary data-testid="case-diagram-toggle">{t('caseDiagramSummary')}</summary>
        {/* drawn only when unfolded: the page opens on the work, not on the layout of the whole SOP */}
        {diagramOpen && sopDoc && (
          <CaseDiagram
            sop={sopDoc}
            flow={detail.periodic?.id ?? 'main'}
            current={done && detail.endStep ? detail.endStep.id : detail.step.id}
            done={done}
            kartu={detail.kartuKendali}
          />
        )}
      </details>

      <div className="console-case-bottom">
        <KartuTimeline lines={detail.kartuKendali} timeZone={tz} />
        <Link href={`/cases/${detail.id}/kartu`} className="button console-kartu-print" data-testid="kartu-print-link">
          {t('kartuPrintLink')}
        </Link>
        {detail.kind === 'complaint' && <CaseNotifications session={session} caseId={detail.id} version={detail.version} timeZone={tz} />}
      </div>
    </article>
  );
}
