import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
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
  const opener = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const picker = useRef<HTMLSelectElement>(null);
  // where the focus goes on the next render: into the panel just opened, or back to the button that opened it
  const focusNext = useRef<'panel' | 'opener' | null>(null);
  useEffect(() => {
    if (focusNext.current === 'panel' && open) panel.current?.focus();
    if (focusNext.current === 'opener' && !open) opener.current?.focus();
    focusNext.current = null;
  }, [open]);
  // the colleagues arrive after the panel opened: the choice of one is the first thing to do
  useEffect(() => {
    if (colleagues?.length && document.activeElement === panel.current) picker.current?.focus();
  }, [colleagues]);
  const show = () => {
    focusNext.current = 'panel';
    setOpen(true);
  };
  const cancel = () => {
    focusNext.current = 'opener';
    setOpen(false);
    setFailure(null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || busy) return;
    e.preventDefault();
    cancel();
  };
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
      <button type="button" className="button" onClick={show} ref={opener} data-testid="hand-over">
        {t('handOver')}
      </button>
    );
  }
  return (
    <div
      className="console-field console-handover"
      data-testid="hand-over-form"
      role="group"
      aria-label={t('handOver')}
      tabIndex={-1}
      ref={panel}
      onKeyDown={onKeyDown}
    >
      {colleagues && colleagues.length === 0 ? (
        <p className="muted">{t('handOverNone')}</p>
      ) : (
        <>
          <label className="console-label" htmlFor="hand-over-to">
            {t('handOverTo', { lane: detail.step.laneName })}
          </label>
          <select id="hand-over-to" ref={picker} value={to} onChange={(e) => setTo(e.target.value)} data-testid="hand-over-to" disabled={!colleagues}>
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
        </>
      )}
      {failure && (
        <p className="console-error" role="alert">
          {problemText(failure.error, lang)}
        </p>
      )}
      <div className="console-handover-buttons">
        {colleagues?.length !== 0 && (
          <button type="button" className="button button-primary" disabled={busy || !to} onClick={() => void send()} data-testid="hand-over-confirm">
            {t('handOverConfirm')}
          </button>
        )}
        <button type="button" className="button" onClick={cancel} disabled={busy} data-testid="hand-over-cancel">
          {t('consoleCancel')}
        </button>
      </div>
    </div>
  );
}
