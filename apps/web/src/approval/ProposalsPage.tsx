import { useState } from 'react';
import { ApiError, decideVersion, fetchSop, fetchVersions, fieldErrorText, refusalText, type SopVersionFacts } from '../api';
import { Notice } from '../components/Shell';
import { useI18n, type Translate } from '../i18n';
import { changeNoteText } from './change-note';
import { Link } from '../router';
import { useSession } from '../session';
import { useFetch } from '../use-fetch';
import { isSignerOf } from './signer';
import { formatLocalDate } from './VersionStatusLine';
import './approval.css';

/** The version a proposal is compared with: the one in effect (for a proposal), else the approved version before it. */
function baseOf(v: SopVersionFacts, all: SopVersionFacts[]): number | null {
  const inEffect = all.find((x) => x.inEffect);
  if (v.status === 'proposed' && inEffect && inEffect.version < v.version) return inEffect.version;
  return all.find((x) => x.version < v.version && x.status === 'approved')?.version ?? null;
}

/** A message of the page, worded when shown: in the page's language then, its dates in that language's form. */
type Words = (t: Translate, lang: string, when: (iso: string) => string) => string;

/**
 * /sops/:id/usulan: the versions proposed after the first, with their status, author, date, change note
 * and a link to what they change; the SOP's signer (Kepala Dinas) approves one from a date or rejects
 * it with a reason (docs/adr/0025-version-approval.md).
 */
export function ProposalsPage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [reload, setReload] = useState(0);
  const [message, setMessage] = useState<{ words: Words; error: boolean } | null>(null);
  const sop = useFetch(`sop:${id}:proposals`, (signal) => fetchSop(id, signal));
  const history = useFetch(`sop:${id}:versions:${reload}`, (signal) => fetchVersions(id, signal));
  // the API's today (its clock, the SOP's time zone), not the browser's: the earliest effective date
  const signer = session && isSignerOf(session.user, id) ? session : null;
  const timeZone = history.state === 'ready' ? history.value.timeZone : sop.state === 'ready' ? sop.value.timeZone : 'Asia/Jakarta';
  const today = history.state === 'ready' ? history.value.today : '';
  const when = (iso: string) => formatLocalDate(iso, timeZone, lang);

  return (
    <div className="page page-wide proposals-page" data-testid="proposals-page">
      <Link href={`/sops/${id}`} className="back">
        {t('editBack')}
      </Link>
      {sop.state === 'ready' && <span className="eyebrow">{sop.value.regency}</span>}
      <h1>{t('proposalsTitle')}</h1>
      <p>{t('proposalsIntro')}</p>
      {!signer && (
        <p className="notice" data-testid="proposals-read-only">
          {t('proposalsReadOnly', { regency: sop.state === 'ready' ? sop.value.regency : id })}
        </p>
      )}
      {message && (
        <div
          className={`notice ${message.error ? 'notice-error' : 'notice-success'}`}
          role={message.error ? 'alert' : 'status'}
          data-testid="proposals-message"
        >
          {message.words(t, lang, when)}
        </div>
      )}
      {history.state === 'loading' && <Notice kind="loading">{t('loading')}</Notice>}
      {history.state === 'error' && <Notice kind="error">{t('loadFailed', { message: history.message })}</Notice>}
      {history.state === 'ready' &&
        (history.value.versions.every((v) => v.version === 1) ? (
          <p className="blank" data-testid="proposals-none">
            {t('proposalsNone')}
          </p>
        ) : (
          <div className="card proposals-table-wrap">
            <table className="proposals-table" data-testid="proposals-table">
              <thead>
                <tr>
                  <th>{t('proposalsVersion')}</th>
                  <th>{t('proposalsStatus')}</th>
                  <th>{t('proposalsAuthor')}</th>
                  <th>{t('proposalsDate')}</th>
                  <th>{t('proposalsNote')}</th>
                  <th>{t('proposalsDiff')}</th>
                  <th>{t('proposalsDecision')}</th>
                </tr>
              </thead>
              <tbody>
                {history.value.versions
                  .filter((v) => v.version > 1)
                  .map((v) => {
                    const base = baseOf(v, history.value.versions);
                    return (
                      <tr key={v.versionId} data-testid="proposal-row" data-version={v.version} data-status={v.status}>
                        <td>{t('sopVersion', { n: v.version })}</td>
                        <td>
                          <span className={`badge proposal-status-${v.status}`} data-testid="proposal-status">
                            {t(`proposalsStatus_${v.status}`)}
                          </span>
                          {v.inEffect && (
                            <>
                              {' '}
                              <span className="badge">{t('proposalsInEffect')}</span>
                            </>
                          )}
                        </td>
                        <td>
                          {v.publishedBy ?? '—'}
                          {signer && v.publishedBy === signer.user.username && <span className="blank"> ({t('proposalsOwn')})</span>}
                        </td>
                        <td>{when(v.publishedAt)}</td>
                        <td data-testid="proposal-note">{changeNoteText(v, t)}</td>
                        <td>
                          {base !== null && (
                            <Link href={`/compare?ids=${id}@${base},${id}@${v.version}`} data-testid="proposal-diff-link">
                              {t('proposalsDiffLink', { n: base })}
                            </Link>
                          )}
                        </td>
                        <td>
                          {v.status === 'proposed' && signer ? (
                            <Decide
                              sopId={id}
                              version={v.version}
                              today={today}
                              token={signer.token}
                              onDone={(words, error) => {
                                setMessage({ words, error });
                                if (!error) setReload((n) => n + 1);
                              }}
                            />
                          ) : (
                            <Decision v={v} when={when} />
                          )}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
        ))}
    </div>
  );
}

function Decision({ v, when }: { v: SopVersionFacts; when: (iso: string) => string }) {
  const { t } = useI18n();
  if (v.status === 'proposed') return <span className="blank">—</span>;
  return (
    <div data-testid="proposal-decision">
      {v.status === 'approved' && v.effectiveDate && <div>{t('proposalsEffectiveFrom', { date: when(v.effectiveDate) })}</div>}
      {v.decidedBy && v.decidedAt && <div className="blank">{t('proposalsDecidedBy', { by: v.decidedBy, date: when(v.decidedAt) })}</div>}
      {v.status === 'rejected' && v.rejectReason && <div>{t('proposalsRejectReason', { reason: v.rejectReason })}</div>}
    </div>
  );
}

/** The signer's two answers to a proposal: approve from a date (today or later), or reject with a reason. */
function Decide({
  sopId,
  version,
  today,
  token,
  onDone,
}: {
  sopId: string;
  version: number;
  today: string;
  token: string;
  onDone: (words: Words, error: boolean) => void;
}) {
  const { t } = useI18n();
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const decide = async (decision: { effectiveDate: string } | { reason: string }) => {
    setBusy(true);
    try {
      await decideVersion(sopId, version, decision, token);
      onDone(
        (tr, _, on) =>
          'effectiveDate' in decision ? tr('proposalsApproved', { n: version, date: on(decision.effectiveDate) }) : tr('proposalsRejected', { n: version }),
        false,
      );
    } catch (e) {
      // a refused date names the field and why (the API's 400)
      onDone((tr, language) => {
        const fields = e instanceof ApiError ? e.fieldErrors.map((f) => fieldErrorText(f, language)).join('; ') : '';
        return tr('proposalsFailed', { message: fields || refusalText(e, language) });
      }, true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="proposals-decide" data-testid="proposal-decide">
      <label>
        {t('proposalsEffectiveDate')}
        <input type="date" value={date} min={today} onChange={(e) => setDate(e.target.value)} data-testid="proposal-date" />
      </label>
      <div className="toolbar">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          data-testid="proposal-approve"
          onClick={() =>
            !date
              ? onDone((tr) => tr('proposalsDateRequired'), true)
              : date < today
                ? onDone((tr) => tr('proposalsDatePassed', { date, today }), true)
                : void decide({ effectiveDate: date })
          }
        >
          {t('proposalsApprove')}
        </button>
      </div>
      <label>
        {t('proposalsReason')}
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="proposal-reason" />
      </label>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          disabled={busy}
          data-testid="proposal-reject"
          onClick={() => (reason.trim() ? void decide({ reason: reason.trim() }) : onDone((tr) => tr('proposalsReasonRequired'), true))}
        >
          {t('proposalsReject')}
        </button>
      </div>
    </div>
  );
}
