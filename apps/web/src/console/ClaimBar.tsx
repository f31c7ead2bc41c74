import { useState } from 'react';
import { refusalText } from '../api';
import { useI18n } from '../i18n';
import type { Session } from '../session';
import { claimCase, releaseCase, type CaseDetail } from './console-api';
import { formatInstant } from '../simulation/format';
import { HandOver } from './HandOver';

/**
 * Who works the case within its lane (issue 11): claim it ("saya kerjakan"), give it back, or take
 * a colleague's claim over with a reason. Colleagues see the claim and cannot move the case meanwhile.
 */
export function ClaimBar({ session, detail, onChanged }: { session: Session; detail: CaseDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [reason, setReason] = useState('');
  const [takingOver, setTakingOver] = useState(false);
  const [busy, setBusy] = useState(false);
  // the refusal itself, worded when shown (in the page's language then)
  const [failure, setError] = useState<{ error: unknown } | null>(null);
  const error = failure === null ? null : refusalText(failure.error, lang);
  const assignee = detail.assignee;
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setTakingOver(false);
      setReason('');
      onChanged();
    } catch (e) {
      setError({ error: e });
      onChanged();
    } finally {
      setBusy(false);
    }
  };
  if (!assignee && !detail.canAct) return null;
  return (
    <section className="card console-claim" data-testid="claim-bar" data-mine={String(assignee?.mine ?? false)}>
      {assignee ? (
        <p data-testid="claim-owner">
          {assignee.mine
            ? t('consoleClaimMine', { at: assignee.since ? formatInstant(new Date(assignee.since), detail.sop.timeZone, lang) : '' })
            : t('consoleClaimOther', {
                name: assignee.name ?? '—',
                at: assignee.since ? formatInstant(new Date(assignee.since), detail.sop.timeZone, lang) : '',
              })}
        </p>
      ) : (
        <p className="muted">{t('consoleClaimNone')}</p>
      )}
      <div className="toolbar">
        {!assignee && detail.canAct && !detail.actsForCitizen && (
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => claimCase(session.token, detail.id, {}))} data-testid="claim">
            {t('consoleClaim')}
          </button>
        )}
        {assignee?.mine && (
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => releaseCase(session.token, detail.id))} data-testid="release">
            {t('consoleRelease')}
          </button>
        )}
        {assignee && !assignee.mine && detail.canAct && !takingOver && (
          <button type="button" className="button" disabled={busy} onClick={() => setTakingOver(true)} data-testid="take-over">
            {t('consoleTakeOver')}
          </button>
        )}
        {(!assignee || assignee.mine) && detail.canAct && !detail.actsForCitizen && <HandOver session={session} detail={detail} onChanged={onChanged} />}
      </div>
      {takingOver && (
        <div className="console-field">
          <label className="console-label" htmlFor="take-over-reason">
            {t('consoleTakeOverReason')}
          </label>
          <input id="take-over-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} data-testid="take-over-reason" />
          <button
            type="button"
            className="button button-primary"
            disabled={busy || !reason.trim()}
            onClick={() => void run(() => claimCase(session.token, detail.id, { takeOver: true, note: reason.trim() }))}
            data-testid="take-over-confirm"
          >
            {t('consoleTakeOverConfirm')}
          </button>
        </div>
      )}
      {error && (
        <p className="console-error" role="alert" data-testid="claim-error">
          {error}
        </p>
      )}
    </section>
  );
}
