import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { ApiError, refusalText } from '../api';
import { Notice } from '../components/Shell';
import { useI18n, type Translate } from '../i18n';
import { Link, replaceSearch, useLocation } from '../router';
import type { Session } from '../session';
import { formatInstant } from '../simulation/format';
import { fetchInbox, type InboxPage as InboxAnswer, type InboxQuery } from './console-api';
import { readInboxQuery, writeInboxQuery } from './inbox-query';
import { LiveBadge } from './LiveBadge';
import { useLiveCases } from './live';
import { RequireSession } from './RequireSession';
import { IdentitySearchBox } from './IdentitySearchBox';
import { identityLanes } from './intake-api';
import { stepTitle, timeLeftText } from './time-left';
import { useSopLookups, useSopVersion } from './use-sop';

/** How often the inbox asks again while it is open (and on focus). */
const REFRESH_MS = 30_000;

export function InboxPage() {
  return <RequireSession>{(session) => <Inbox session={session} />}</RequireSession>;
}

/** `error`: what the load threw, worded when shown (in the page's language then). */
type Loaded = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; value: InboxAnswer; at: Date };

/**
 * Why the inbox could not be read, in the page's language now. A refused filter (400) names its
 * field in the page's words (the API words its field errors in English: its words in English only);
 * any other failure is worded as a refusal (an unreachable server, a 5xx, a code the app words).
 */
export function inboxFailureText(e: unknown, t: Translate, lang: string): string {
  const fields = e instanceof ApiError ? e.fieldErrors : [];
  if (!fields.length) return t('loadFailed', { message: refusalText(e, lang) });
  return fields
    .map((f) =>
      f.field === 'ticket' ? t('consoleTicketSearchInvalid') : lang === 'en' ? `${f.field}: ${f.message}` : t('consoleFilterInvalid', { field: f.field }),
    )
    .join(' ');
}

function Inbox({ session }: { session: Session }) {
  const { t, lang } = useI18n();
  const { search } = useLocation();
  const query = readInboxQuery(search);
  const key = writeInboxQuery(query);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [ticketInput, setTicketInput] = useState(query.ticket);
  const [tick, setTick] = useState(0);
  const sop = useSopVersion(session.user.regency);
  const sopDetail = sop.state === 'ready' ? sop.value : null;
  const lookups = useSopLookups(sopDetail, t('consoleChannelWeb'));
  // the office's zone; until the SOP is read, the browser's (an operator's browser is in the office)
  const timeZone = sopDetail?.sop.calendar.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  const refresh = useCallback(() => setTick((n) => n + 1), []);
  // another officer's move, claim or a new complaint shows at once (server-sent events, docs/adr/0022)
  const live = useLiveCases(session.token, refresh);
  useEffect(() => {
    const timer = window.setInterval(refresh, REFRESH_MS);
    const onFocus = () => refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh]);

  useEffect(() => {
    const controller = new AbortController();
    fetchInbox(session.token, readInboxQuery(key), controller.signal).then(
      (value) => setLoaded({ state: 'ready', value, at: new Date() }),
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ state: 'error', error: e });
      },
    );
    return () => controller.abort();
  }, [key, tick, session.token]);

  const setQuery = (change: Partial<InboxQuery>) => replaceSearch(writeInboxQuery({ ...query, page: 1, ...change }));
  const onSearch = (e: SubmitEvent) => {
    e.preventDefault();
    setQuery({ ticket: ticketInput.trim() });
  };
  const steps = lookups.stepsIn(session.user.lanes);
  const filtered = query.overdue || query.channel || query.step || query.ticket || query.status !== 'open';
  const canRegister = lookups.intakeLanes.some((l) => session.user.lanes.includes(l));
  // search by NIK or phone: the lanes that may see identity (ADR 0005)
  const seesIdentity = identityLanes(lookups.intakeLanes, sopDetail?.sop.intake?.revealTo).some((l) => session.user.lanes.includes(l));
  const now = loaded.state === 'ready' ? loaded.at : new Date();

  return (
    <div className="page console" data-testid="inbox-page">
      <header className="page-head console-head">
        <div>
          <span className="eyebrow">{sopDetail ? `${sopDetail.sop.identity.regency} · ${sopDetail.title}` : session.user.regency}</span>
          <h1>
            {t('consoleInboxTitle')} <LiveBadge connected={live} />
          </h1>
          <p className="lead">{t('consoleInboxLead', { lanes: session.user.lanes.map((l) => lookups.laneName(l)).join(', ') || '—' })}</p>
        </div>
        {canRegister && (
          <Link href="/cases/new" className="button button-primary" data-testid="register-link">
            {t('consoleRegisterCta')}
          </Link>
        )}
      </header>

      {seesIdentity && <IdentitySearchBox session={session} timeZone={timeZone} />}
      <section className="card console-filters" aria-label={t('consoleFilters')}>
        <form className="console-search" onSubmit={onSearch} role="search">
          <label className="console-field">
            <span className="console-label">{t('consoleSearchTicket')}</span>
            <input
              data-testid="inbox-ticket"
              value={ticketInput}
              onChange={(e) => setTicketInput(e.target.value)}
              placeholder={`${session.user.regency
                .replace(/[^a-z]/g, '')
                .slice(0, 3)
                .toUpperCase()}-7K4Q9P`}
              maxLength={20}
            />
          </label>
          <button type="submit" className="button" data-testid="inbox-search">
            {t('consoleSearch')}
          </button>
        </form>
        <label className="console-field">
          <span className="console-label">{t('consoleFilterStatus')}</span>
          <select data-testid="filter-status" value={query.status} onChange={(e) => setQuery({ status: e.target.value as InboxQuery['status'] })}>
            <option value="open">{t('consoleStatusOpen')}</option>
            <option value="scheduled">{t('consoleStatusScheduled')}</option>
            <option value="done">{t('consoleStatusDone')}</option>
          </select>
        </label>
        <label className="console-field">
          <span className="console-label">{t('consoleFilterOverdue')}</span>
          <select data-testid="filter-overdue" value={query.overdue} onChange={(e) => setQuery({ overdue: e.target.value as InboxQuery['overdue'] })}>
            <option value="">{t('consoleAll')}</option>
            <option value="true">{t('consoleOnlyOverdue')}</option>
            <option value="false">{t('consoleOnlyOnTime')}</option>
          </select>
        </label>
        <label className="console-field">
          <span className="console-label">{t('consoleFilterChannel')}</span>
          <select data-testid="filter-channel" value={query.channel} onChange={(e) => setQuery({ channel: e.target.value })}>
            <option value="">{t('consoleAll')}</option>
            {(sopDetail?.channels ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {lookups.channelLabel(c.id)}
              </option>
            ))}
            <option value="web">{t('consoleChannelWeb')}</option>
          </select>
        </label>
        <label className="console-field console-field-wide">
          <span className="console-label">{t('consoleFilterStep')}</span>
          <select data-testid="filter-step" value={query.step} onChange={(e) => setQuery({ step: e.target.value })}>
            <option value="">{t('consoleAll')}</option>
            {steps.map((s) => (
              <option key={s.id} value={s.id}>
                {stepTitle({ id: s.id, number: s.number, label: s.text, activity: null })}
              </option>
            ))}
          </select>
        </label>
        {filtered && (
          <button
            type="button"
            className="button console-clear"
            data-testid="filter-clear"
            onClick={() => {
              setTicketInput('');
              replaceSearch('');
            }}
          >
            {t('consoleClearFilters')}
          </button>
        )}
      </section>

      {loaded.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {loaded.state === 'error' && <Notice kind="error">{inboxFailureText(loaded.error, t, lang)}</Notice>}
      {loaded.state === 'ready' && loaded.value.items.length === 0 && (
        <div className="card console-empty" data-testid="inbox-empty">
          <strong>{filtered ? t('consoleEmptyFiltered') : t('consoleEmpty')}</strong>
          <p className="muted">{filtered ? t('consoleEmptyFilteredHint') : t('consoleEmptyHint')}</p>
        </div>
      )}
      {loaded.state === 'ready' && loaded.value.items.length > 0 && (
        <>
          <p className="muted console-count" data-testid="inbox-total">
            {t('consoleTotal', { n: loaded.value.total })} · {t('consoleUpdated', { at: formatInstant(loaded.at, timeZone, lang) })}
          </p>
          <div className="console-table-scroll">
            <table className="console-table" data-testid="inbox-table">
              <thead>
                <tr>
                  <th>{t('consoleColTicket')}</th>
                  <th>{t('consoleColStep')}</th>
                  <th>{t('consoleColLane')}</th>
                  <th>{t('consoleColChannel')}</th>
                  <th>{t('consoleColCategory')}</th>
                  <th>{t('consoleColReceived')}</th>
                  <th>{t('consoleColTimeLeft')}</th>
                </tr>
              </thead>
              <tbody>
                {loaded.value.items.map((item) => {
                  const left = timeLeftText(item, now, t);
                  // a citizen who has not answered yet is not the office's delay
                  const overdue = !item.waitingOnCitizen && (item.overdue || left?.overdue === true);
                  return (
                    <tr
                      key={item.id}
                      className={overdue ? 'console-row-overdue' : undefined}
                      data-testid="inbox-row"
                      data-ticket={item.ticket}
                      data-case-id={item.id}
                      data-overdue={String(overdue)}
                    >
                      <td data-label={t('consoleColTicket')}>
                        <Link href={`/cases/${item.id}`} className="console-ticket" data-testid="inbox-open">
                          {item.ticket}
                        </Link>
                        {item.kind === 'periodic' && <span className="chip">{t('consolePeriodic')}</span>}
                      </td>
                      <td data-label={t('consoleColStep')} className="console-step-cell">
                        {stepTitle(item.step)}
                      </td>
                      <td data-label={t('consoleColLane')}>{lookups.laneName(item.lane)}</td>
                      <td data-label={t('consoleColChannel')}>{lookups.channelLabel(item.channel)}</td>
                      <td data-label={t('consoleColCategory')}>{item.category ?? '—'}</td>
                      <td data-label={t('consoleColReceived')}>{formatInstant(new Date(item.createdAt), timeZone, lang)}</td>
                      <td data-label={t('consoleColTimeLeft')} data-testid="inbox-time-left">
                        {left ? (
                          <span className={overdue ? 'console-late' : 'console-left'}>
                            {left.text}
                            {item.dueAtProvisional && (
                              <abbr className="console-provisional" title={t('consoleProvisionalHint')} data-testid="inbox-provisional">
                                {' '}
                                ({t('consoleProvisional')})
                              </abbr>
                            )}
                          </span>
                        ) : (
                          <span className="muted">{item.status === 'done' ? t('consoleStatusDone') : t('consoleNoDeadline')}</span>
                        )}
                        {item.unit && (
                          <span className="chip" data-testid="unit-badge">
                            {item.unit.name}
                          </span>
                        )}
                        {item.assignee && (
                          <span className="chip" data-testid="assignee-badge" data-mine={String(item.assignee.mine)}>
                            {item.assignee.mine ? t('consoleClaimBadgeMine') : t('consoleClaimBadge', { name: item.assignee.name ?? '—' })}
                          </span>
                        )}
                        {item.consultingLane && (
                          <span className="chip" data-testid="consulting-badge">
                            {t('consoleConsultingBadge', { lane: item.consultingLane })}
                          </span>
                        )}
                        {item.waitingOnCitizen && (
                          <span className="chip" data-testid="waiting-badge">
                            {t('consoleWaitingBadge')}
                          </span>
                        )}
                        {overdue && item.status === 'open' && (
                          <span className="console-badge-overdue" data-testid="overdue-badge">
                            {t('consoleOverdue')}
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager
            page={loaded.value.page}
            pageSize={loaded.value.pageSize}
            total={loaded.value.total}
            onPage={(page) => replaceSearch(writeInboxQuery({ ...query, page }))}
          />
        </>
      )}
    </div>
  );
}

function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages === 1) return null;
  return (
    <nav className="console-pager" aria-label={t('consolePages')}>
      <button type="button" className="button" disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid="page-prev">
        {t('consolePrev')}
      </button>
      <span data-testid="page-info">{t('consolePageOf', { page, pages })}</span>
      <button type="button" className="button" disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid="page-next">
        {t('consoleNext')}
      </button>
    </nav>
  );
}
