import { officerWords } from '@sop/api-contract';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, refusalText } from '../api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NotFound } from '../components/NotFound';
import { Notice } from '../components/Shell';
import { useI18n } from '../i18n';
import { Link } from '../router';
import type { Session } from '../session';
import { formatInstant, formatWorkingMinutes } from '../simulation/format';
import { fetchCase, type CaseDetail, type KartuLine, type StepRef } from './console-api';
import { kartuEventText, punctuality } from './KartuTimeline';
import { RequireSession } from './RequireSession';
import { useSopLookups, useSopVersion } from './use-sop';
import './kartu-print.css';

/** A step's full name for paper: its number and whole label or activity, never cut off. */
function fullStep(step: StepRef | null, endText: string): string {
  if (!step) return '—';
  const text = step.label ?? step.activity ?? (step.kind === 'end' ? endText : step.id);
  return step.number ? `${step.number}. ${text}` : text;
}

/**
 * The kartu kendali of one complaint, laid out as the paper card that travels with the file (issue
 * 11; Pekanbaru's SOP: "setiap petugas/pelaksana wajib melakukan paraf dan tanggal penyerahan dan
 * penerimaan"): the office, the complaint, then one row per step worked, with the lane and the
 * officer, received and handed over, the standard time against the time taken, and room for a paraf.
 */
export function KartuPrintPage({ id }: { id: string }) {
  return <RequireSession>{(session) => <KartuLoader session={session} id={id} />}</RequireSession>;
}

function KartuLoader({ session, id }: { session: Session; id: string }) {
  const { t, lang } = useI18n();
  // `error`: what the load threw, worded when shown (in the page's language then)
  const [loaded, setLoaded] = useState<
    { state: 'loading' } | { state: 'error'; status: number | null; error: unknown } | { state: 'ready'; detail: CaseDetail }
  >({
    state: 'loading',
  });
  const load = useCallback(
    (signal: AbortSignal) =>
      fetchCase(session.token, id).then(
        (detail) => {
          if (!signal.aborted) setLoaded({ state: 'ready', detail });
        },
        (e: unknown) => {
          if (!signal.aborted) setLoaded({ state: 'error', status: e instanceof ApiError ? e.status : null, error: e });
        },
      ),
    [session.token, id],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    document.body.classList.add('printing');
    return () => {
      controller.abort();
      document.body.classList.remove('printing');
    };
  }, [load]);
  return (
    <div className="print-page kartu-print-page">
      <div className="print-bar no-print">
        <Link href={`/cases/${id}`} className="back" data-testid="kartu-back">
          {t('kartuPrintBack')}
        </Link>
        <span className="print-hint" />
        <LanguageSwitch />
        <button type="button" className="button button-primary" onClick={() => window.print()} data-testid="kartu-print-now">
          {t('kartuPrintButton')}
        </button>
      </div>
      {loaded.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {loaded.state === 'error' &&
        (loaded.status === 404 || loaded.status === 400 ? (
          <NotFound kind="case" />
        ) : (
          <Notice kind="error">{loaded.status === 403 ? t('consoleCaseForbidden') : t('loadFailed', { message: refusalText(loaded.error, lang) })}</Notice>
        ))}
      {loaded.state === 'ready' && <KartuDocument detail={loaded.detail} />}
    </div>
  );
}

function KartuDocument({ detail }: { detail: CaseDetail }) {
  const { t, lang } = useI18n();
  const sop = useSopVersion(detail.sop.id, detail.sop.version);
  const sopDoc = sop.state === 'ready' ? sop.value.sop : null;
  const lookups = useSopLookups(sop.state === 'ready' ? sop.value : null, t('consoleChannelWeb'));
  const tz = detail.sop.timeZone;
  const at = (iso: string) => formatInstant(new Date(iso), tz, lang);
  const endText = t('consoleEndStep');
  const subject = detail.category ?? '—';
  const last = detail.kartuKendali[detail.kartuKendali.length - 1] as KartuLine | undefined;
  // one row per step worked: the step a line hands over from, by its lane and officer; the filing opens the card
  const rows = detail.kartuKendali.map((k) => {
    const opening = k.event === 'START';
    const step = opening ? `${kartuEventText(k.event, t)} → ${fullStep(k.to.step, endText)}` : fullStep(k.from.step, endText);
    const remarks = [
      k.outcomeLabel ? `${kartuEventText(k.event, t)}: ${k.outcomeLabel}` : !opening && k.event !== 'COMPLETE' ? kartuEventText(k.event, t) : null,
      k.document,
      k.note,
      k.overLimit === true ? t('kartuPrintLate') : null,
    ].filter((x): x is string => Boolean(x));
    const row: {
      key: string;
      no: number;
      step: string;
      lane: string;
      officer: string;
      received: string | null;
      handed: string | null;
      limit: string | null;
      spent: string | null;
      over: boolean;
      punctuality: ReturnType<typeof punctuality>;
      remarks: string[];
    } = {
      key: String(k.seq),
      no: k.seq,
      step,
      lane: opening ? (k.from.laneName ?? k.to.laneName ?? '—') : (k.from.laneName ?? '—'),
      officer: officerWords(k.officer, lang),
      received: opening ? null : at(k.receivedAt),
      handed: at(k.handedOverAt),
      limit: opening ? null : k.limit,
      spent: opening || k.spentWorkingMinutes === null ? null : formatWorkingMinutes(k.spentWorkingMinutes, t),
      over: k.overLimit === true,
      punctuality: opening || k.spentWorkingMinutes === null ? null : punctuality(k),
      remarks,
    };
    return row;
  });
  if (detail.status === 'open') {
    rows.push({
      key: 'current',
      no: rows.length + 1,
      step: fullStep(detail.step, endText),
      lane: detail.step.laneName,
      officer: detail.assignee?.name ?? '',
      received: last ? at(last.handedOverAt) : null,
      handed: null,
      limit: null,
      spent: null,
      over: false,
      punctuality: null,
      remarks: [],
    });
  }
  return (
    <article className="print-doc kartu-doc" data-testid="kartu-print">
      <header className="kartu-head">
        <div className="kartu-office">
          {sopDoc && <p className="print-gov">{sopDoc.identity.government}</p>}
          {sopDoc && <p className="print-office">{sopDoc.identity.office}</p>}
          {sopDoc?.identity.unit && <p>{sopDoc.identity.unit}</p>}
        </div>
        <div className="kartu-title">
          <h1>{t('kartuPrintTitle')}</h1>
          <p>{t('kartuPrintSop', { title: detail.sop.title, version: String(detail.sop.version) })}</p>
          {sopDoc?.identity.number && <p>{sopDoc.identity.number}</p>}
        </div>
      </header>
      <dl className="kartu-case">
        <div>
          <dt>{t('kartuPrintTicket')}</dt>
          <dd data-testid="kartu-print-ticket">{detail.ticket}</dd>
        </div>
        <div>
          <dt>{t('kartuPrintFiled')}</dt>
          <dd>{at(detail.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('kartuPrintChannel')}</dt>
          <dd>{lookups.channelLabel(detail.channel)}</dd>
        </div>
        <div>
          <dt>{t('kartuPrintSubject')}</dt>
          <dd>{subject}</dd>
        </div>
        <div>
          <dt>{t('kartuPrintStatus')}</dt>
          <dd>{detail.status === 'open' ? t('kartuPrintOpen', { step: fullStep(detail.step, endText) }) : t('kartuPrintDone')}</dd>
        </div>
        <div>
          <dt>{t('kartuPrintOwner')}</dt>
          <dd data-testid="kartu-print-owner">{detail.assignee?.name ?? '—'}</dd>
        </div>
      </dl>
      <table className="kartu-table">
        <thead>
          <tr>
            <th className="kartu-no">{t('kartuPrintNo')}</th>
            <th>{t('kartuPrintStep')}</th>
            <th>{t('kartuPrintOfficer')}</th>
            <th>{t('kartuPrintReceived')}</th>
            <th>{t('kartuPrintHanded')}</th>
            <th>{t('kartuPrintLimit')}</th>
            <th>{t('kartuPrintSpent')}</th>
            <th className="kartu-paraf">Paraf</th>
            <th>{t('kartuPrintNote')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid="kartu-print-row" className={r.over ? 'kartu-over' : undefined}>
              <td className="kartu-no">{r.no}</td>
              <td data-testid="kartu-print-step">{r.step}</td>
              <td data-testid="kartu-print-officer">
                <strong>{r.lane}</strong>
                {r.officer && <span className="kartu-person">{r.officer}</span>}
              </td>
              <td>{r.received ?? ''}</td>
              <td>{r.handed ?? ''}</td>
              <td>{r.limit ?? ''}</td>
              <td>
                {r.spent ?? ''}
                {/* on time only when measured against a deadline; a Waktu that gave none says so, not "tepat waktu" */}
                {r.punctuality === 'on-time' && <span className="kartu-ok"> ({t('kartuPrintOnTime')})</span>}
                {r.punctuality === 'no-deadline' && (
                  <span className="kartu-no-deadline" data-testid="kartu-print-no-deadline">
                    {' '}
                    ({t('kartuPrintNoDeadline')})
                  </span>
                )}
              </td>
              <td className="kartu-paraf" />
              <td>{r.remarks.join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <footer className="kartu-sign">
        <p>{t('kartuPrintSigned')}</p>
        <p className="kartu-sign-space" />
        <p>{sopDoc?.identity.approvedBy?.title ?? ''}</p>
      </footer>
    </article>
  );
}
