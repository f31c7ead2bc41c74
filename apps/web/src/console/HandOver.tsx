import { useEffect, useState } from 'react';
import { problemText } from '../components/paged-list';
import { useI18n } from '../i18n';
import type { Session } from '../session';
import type { CaseDetail } from './console-api';
import { fetchColleagues, handOverCase, type Colleague } from './live';

/**
 * Hand the case to a named colleague of its lane (issue 11): they become its owner and find it under
 * "mine". Offered to an officer of the lane while nobody else holds the case.
 */
export function HandOver({ session, detail, onChanged }: { session: Session; detail: CaseDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [colleagues, setColleagues] = useState<Colleague[] | null>(null);
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  // the error itself: worded when shown, in the page's language then
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    if (!open) return undefined;
    const controller = new AbortController();
    fetchColleagues(session.token, detail.id, controller.signal).then(
      (r) => setColleagues(r.items.filter((c) => !c.me && !c.owner)),
      (e: unknown) => {
        if (!controller.signal.aborted) setFailure({ error: e });
      },
    );
    return () => controller.abort();
  }, [open, session.token, detail.id]);
  const send = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await handOverCase(session.token, detail.id, { to, note: note.trim() || undefined });
      setOpen(false);
      setTo('');
      setNote('');
    } catch (e) {
      setFailure({ error: e });
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="hand-over">
        {t('handOver')}
      </button>
    );
  }
  return (
    <div className="console-field console-handover" data-testid="hand-over-form">
      {colleagues && colleagues.length === 0 ? (
        <p className="muted">{t('handOverNone')}</p>
      ) : (
        <>
          <label className="console-label" htmlFor="hand-over-to">
            {t('handOverTo', { lane: detail.step.laneName })}
          </label>
          <select id="hand-over-to" value={to} onChange={(e) => setTo(e.target.value)} data-testid="hand-over-to" disabled={!colleagues}>
            <option value="">{t('handOverPick')}</option>
            {(colleagues ?? []).map((c) => (
              <option key={c.username} value={c.username}>
                {c.name} ({c.username})
              </option>
            ))}
          </select>
          <label className="console-label" htmlFor="hand-over-note">
            {t('handOverNote')}
          </label>
          <input id="hand-over-note" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} data-testid="hand-over-note" />
          <button type="button" className="button button-primary" disabled={busy || !to} onClick={() => void send()} data-testid="hand-over-confirm">
            {t('handOverConfirm')}
          </button>
        </>
      )}
      {failure && (
        <p className="console-error" role="alert">
          {problemText(failure.error, lang)}
        </p>
      )}
    </div>
  );
}
