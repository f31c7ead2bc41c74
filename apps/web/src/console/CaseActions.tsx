import { useEffect, useState } from 'react';
import { problemText } from '../components/paged-list';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { previewReply, type AllowedEvent, type CaseDetail } from './console-api';
import type { TemplateChoice } from './reply-templates';

export interface ActionChoice {
  event: AllowedEvent;
  note: string;
}

/** The most a reply to the complainant may hold (the API's limit, after trimming). */
export const REPLY_MAX = 2000;

/**
 * The moves the current step allows, as the SOP names them: a decision asks for its outcome; a note
 * goes on the kartu kendali, and is required where the case is escalated or sent back (say why).
 * The note is internal; the reply, in its own box, is what the complainant reads on the ticket page.
 * Both are kept by the parent, so a refused or stale action never loses what was typed; the reply box
 * is shown when the parent takes the reply (`onReply`). Reply templates (the SOP's and the office's,
 * placeholders already filled) are offered above it: choosing one puts its text in the box (after
 * what is already there), to be edited before sending.
 */
export function CaseActions({
  detail,
  note,
  onNote,
  reply = '',
  onReply,
  busy,
  onAct,
  templates = [],
}: {
  detail: CaseDetail;
  note: string;
  onNote: (note: string) => void;
  reply?: string;
  onReply?: (reply: string) => void;
  busy: boolean;
  onAct: (event: AllowedEvent) => void;
  templates?: TemplateChoice[];
}) {
  const { t } = useI18n();
  // routing by the complaint's field: the outcome its value leads to is chosen; another needs a reason
  const [outcome, setOutcome] = useState<string>(detail.suggestedOutcome ?? '');
  const [missingNote, setMissingNote] = useState(false);
  const events = detail.allowedEvents;
  const choices = events.filter((e) => e.type === 'CHOOSE');
  const others = events.filter((e) => e.type !== 'CHOOSE');
  // recording the complainant's answer always says how it reached the office
  const forCitizen = detail.actsForCitizen;
  const overridesRoute = (e: AllowedEvent) => e.type === 'CHOOSE' && detail.suggestedOutcome !== null && e.outcome !== detail.suggestedOutcome;
  const needsNote = (e: AllowedEvent) => forCitizen || overridesRoute(e) || e.escalates || e.rejects || e.type === 'ESCALATE' || e.type === 'REJECT';
  const chosen = choices.find((e) => e.outcome === outcome);
  const anyNeedsNote = events.some(needsNote);
  const finishing = events.some((e) => e.finishes);

  const act = (e: AllowedEvent) => {
    if (needsNote(e) && !note.trim()) {
      setMissingNote(true);
      return;
    }
    setMissingNote(false);
    onAct(e);
  };

  const label = (e: AllowedEvent) => {
    // the last step's completion ends the complaint: say so
    if (e.type === 'COMPLETE' && e.finishes) return t('consoleFinish');
    if (e.type === 'COMPLETE') return e.label ? t('consoleCompleteTo', { label: e.label }) : t('consoleComplete');
    if (e.type === 'ESCALATE') return e.label ?? t('simEscalate');
    if (e.type === 'REJECT') return e.label ?? t('simReject');
    return e.label ?? e.outcome ?? '';
  };

  return (
    <section className="card console-actions" data-testid="actions">
      <h2>{forCitizen ? t('consoleForCitizenTitle') : t('simActions')}</h2>
      {forCitizen && (
        <p className="muted" data-testid="for-citizen-lead">
          {t('consoleForCitizenLead')}
        </p>
      )}
      {choices.length > 0 && (
        <fieldset className="console-outcomes" data-testid="decision">
          <legend>{forCitizen ? t('consoleForCitizenAsk') : t('consoleDecisionAsk')}</legend>
          {choices.map((e) => (
            <label key={e.outcome} className={`console-outcome${e.escalates ? ' sim-event-escalates' : ''}${e.rejects ? ' sim-event-rejects' : ''}`}>
              <input
                type="radio"
                name="outcome"
                value={e.outcome}
                checked={outcome === e.outcome}
                onChange={() => {
                  if (e.outcome !== undefined) setOutcome(e.outcome);
                }}
                data-testid="outcome"
                data-outcome={e.outcome}
              />
              <span>{e.label ?? e.outcome}</span>
              {(e.escalates || e.rejects) && <span className="chip">{e.escalates ? t('legendEscalation') : t('legendRejection')}</span>}
              {e.finishes && (
                <span className="chip" data-testid="outcome-finishes">
                  {t('consoleOutcomeFinishes')}
                </span>
              )}
              {e.outcome === detail.suggestedOutcome && (
                <span className="chip" data-testid="suggested">
                  {t('consoleSuggested')}
                </span>
              )}
              {e.document && <span className="muted console-document">· {t('consoleDocument', { document: e.document })}</span>}
            </label>
          ))}
        </fieldset>
      )}
      <label className="console-field">
        <span className="console-label">
          {forCitizen ? t('consoleForCitizenNote') : t('consoleNote')}{' '}
          {anyNeedsNote ? <span className="muted">{t('consoleNoteWhenRequired')}</span> : <span className="muted">{t('consoleOptional')}</span>}
        </span>
        <textarea
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => {
            onNote(e.target.value);
            if (e.target.value.trim()) setMissingNote(false);
          }}
          data-testid="action-note"
          aria-invalid={missingNote}
          placeholder={
            forCitizen
              ? t('consoleForCitizenNotePlaceholder')
              : detail.step.output
                ? t('consoleNotePlaceholderOutput', { output: detail.step.output })
                : t('consoleNotePlaceholder')
          }
        />
        {missingNote && (
          <span className="console-error" role="alert" data-testid="note-required">
            {t('consoleNoteRequired')}
          </span>
        )}
        {onReply && <span className="muted">{t('consoleNoteInternal')}</span>}
      </label>
      {onReply && !forCitizen && (
        <div className="console-outcomes" data-testid="reply-box" data-finishing={finishing}>
          <div className="console-field">
            <label className="console-label" htmlFor="action-reply">
              {t('consoleReply')} <span className="muted">{t('consoleReplyShown')}</span>
            </label>
            {templates.length > 0 && (
              <span className="console-template-pick">
                <select
                  value=""
                  aria-label={t('replyTemplatePick')}
                  data-testid="reply-template"
                  onChange={(e) => {
                    const chosen = templates.find((c) => c.key === e.target.value);
                    if (!chosen) return;
                    const text = reply.trim() ? `${reply.trimEnd()}\n\n${chosen.text}` : chosen.text;
                    onReply(text.slice(0, REPLY_MAX));
                  }}
                >
                  <option value="">{t('replyTemplateChoose')}</option>
                  {(['sop', 'office'] as const).map((source) => {
                    const group = templates.filter((c) => c.source === source);
                    return group.length ? (
                      <optgroup key={source} label={source === 'sop' ? t('replyTemplateGroupSop') : t('replyTemplateGroupOffice')}>
                        {group.map((c) => (
                          <option key={c.key} value={c.key} data-source={source}>
                            {c.title}
                          </option>
                        ))}
                      </optgroup>
                    ) : null;
                  })}
                </select>
                <span className="muted">{t('replyTemplateHint')}</span>
              </span>
            )}
            <textarea
              id="action-reply"
              rows={finishing ? 4 : 2}
              maxLength={REPLY_MAX}
              value={reply}
              onChange={(e) => onReply(e.target.value)}
              data-testid="action-reply"
              placeholder={t('consoleReplyPlaceholder')}
            />
            <span className="muted" data-testid="reply-hint">
              {finishing ? `${t('consoleReplyHintLast')} ` : ''}
              {t('consoleReplyHint')}
              {reply.trim() ? ` ${t('consoleReplyCount', { n: reply.trim().length, max: REPLY_MAX })}` : ''}
            </span>
            <ReplyPreview caseId={detail.id} reply={reply} />
          </div>
        </div>
      )}
      <div className="toolbar">
        {choices.length > 0 && (
          <button type="button" className="button button-primary" disabled={busy || !chosen} onClick={() => chosen && act(chosen)} data-testid="decide">
            {chosen ? t('consoleDecideAs', { label: chosen.label ?? chosen.outcome ?? '' }) : t('consoleDecide')}
          </button>
        )}
        {others.map((e) => (
          <button
            key={`${e.type}-${e.target}`}
            type="button"
            className={`button${e.type === 'COMPLETE' ? ' button-primary' : ''}${e.type === 'REJECT' ? ' console-button-danger' : ''}`}
            disabled={busy}
            onClick={() => act(e)}
            data-testid="action"
            data-type={e.type}
          >
            {label(e)}
          </button>
        ))}
      </div>
    </section>
  );
}

/** The answer for one text: its preview, or why there is none (the error itself, worded when shown in the page's language then). */
type Preview = { for: string; text: string; failure: null } | { for: string; text: null; failure: { error: unknown } };

/**
 * The reply as the complainant will read it, from the API's own striking (the complainant's name,
 * NIK, phone and e-mail out; the office's contacts kept), refreshed a moment after the typing stops.
 */
function ReplyPreview({ caseId, reply }: { caseId: string; reply: string }) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const token = session?.token ?? null;
  const text = reply.trim();
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    if (!text || !token) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      previewReply(token, caseId, text, controller.signal).then(
        (r) => setPreview({ for: text, text: r.reply, failure: null }),
        (e: unknown) => {
          if (!controller.signal.aborted) setPreview({ for: text, text: null, failure: { error: e } });
        },
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [caseId, text, token]);
  if (!text || !token) return null;
  // until the answer for this text arrives, the last one stays shown, marked as being refreshed
  const current = preview?.for === text ? preview : null;
  const state = current ? (current.failure !== null ? 'error' : 'ready') : 'loading';
  return (
    <div className="console-reply-preview" data-testid="reply-preview" data-state={state} aria-live="polite">
      <span className="console-label">{t('consoleReplyPreview')}</span>
      {preview?.text != null && <p className="console-reply-preview-text">{preview.text}</p>}
      {state === 'loading' && <p className="muted">{t('consoleReplyPreviewLoading')}</p>}
      {current?.failure != null && <p className="error">{t('consoleReplyPreviewFailed', { message: problemText(current.failure.error, lang) })}</p>}
    </div>
  );
}
