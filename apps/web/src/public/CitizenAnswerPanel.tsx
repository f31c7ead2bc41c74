import { useId, useRef, useState } from 'react';
import { attachmentLimitsOf, fileTypesText } from '@sop/citizen-data';
import { ApiError, refusalText } from '../api';
import { format, MESSAGES, useI18n } from '../i18n';
import { rememberAccessCode, rememberedAccessCode } from './access-codes';
import { answerCitizenStep, type CitizenAnswer, type CitizenStep, type PublicComplaint } from './public-api';
import { stepTitle } from './public-format';
import { checkChosenFile, fileInputAcceptOf, uploadFile, wordsOf, type UploadedFile, type Words } from './complaint-form';

/** What the complainant may send at their step: the public form's default kinds and size (ADR 0013, addendum). */
const CITIZEN_FILE_LIMITS = attachmentLimitsOf({});
/** At most this many files with one answer, as the API takes. */
const MAX_FILES = 10;

/**
 * How an answer's button looks: none is the filled (primary) one, so the page presses the complainant
 * towards no answer (a survey's "Puas" and "Tidak puas" weigh the same); an answer that ends the
 * complaint (archived, closed: `finishes`) says so and is sent only once the complainant confirms,
 * since it cannot be taken back.
 */
export function answerButton(answer: Pick<CitizenAnswer, 'finishes'>): { className: string; confirm: boolean } {
  return answer.finishes ? { className: 'button pub-button pub-ask-ends', confirm: true } : { className: 'button pub-button', confirm: false };
}

/**
 * The complaint waits for the complainant (a step in the citizen's lane, docs/adr/0010): what they are
 * asked, by when, what happens if they do not answer, and one button per answer the SOP offers, sent
 * with the access code given at filing.
 */
export function CitizenAnswerPanel({
  complaint,
  step,
  when,
  onAnswered,
}: {
  complaint: PublicComplaint;
  step: CitizenStep;
  when(iso: string): string;
  onAnswered: () => void;
}) {
  const { t, lang } = useI18n();
  const ids = useId();
  const [code, setCode] = useState(() => rememberedAccessCode(complaint.ticket));
  const [note, setNote] = useState('');
  // the documents the step asks for, uploaded as soon as chosen (with the access code) and sent with the answer
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const [fileWords, setFileWords] = useState<Words | null>(null);
  const [busy, setBusy] = useState(false);
  // an answer that ends the complaint, waiting for the complainant to confirm it
  const [confirming, setConfirming] = useState<CitizenAnswer | null>(null);
  // why the answer was not sent: a message of the page (by key) or the API's refusal, worded when shown
  const [failure, setError] = useState<{ key: 'publicAskCodeMissing' | 'publicAskStale' } | { error: unknown } | null>(null);
  const error = failure === null ? null : 'key' in failure ? t(failure.key) : refusalText(failure.error, lang);
  const key = useRef(crypto.randomUUID());
  const codeInput = useRef<HTMLInputElement>(null);
  // no code: said at the code field, which takes the focus; any other problem under the answer buttons
  const codeMissing = failure !== null && 'key' in failure && failure.key === 'publicAskCodeMissing';
  const title = stepTitle(step.step, t);
  const timeout = step.onTimeout;
  // the SOP writes kelengkapan as one text or a list
  const needs = step.kelengkapan === null ? [] : [step.kelengkapan].flat();

  const answerLabel = (answer: CitizenAnswer) => answer.label ?? (answer.type === 'COMPLETE' ? t('publicAskDone') : answer.type);

  const send = async (answer: CitizenAnswer, confirmed = false) => {
    if (!code.trim()) {
      setConfirming(null);
      setError({ key: 'publicAskCodeMissing' });
      codeInput.current?.focus();
      return;
    }
    if (answerButton(answer).confirm && !confirmed) {
      setError(null);
      setConfirming(answer);
      return;
    }
    setConfirming(null);
    setBusy(true);
    setError(null);
    try {
      await answerCitizenStep(
        complaint.ticket,
        code,
        {
          type: answer.type,
          ...(answer.outcome ? { outcome: answer.outcome } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(files.length ? { attachments: files.map((f) => f.token) } : {}),
          version: complaint.version,
        },
        key.current,
      );
      rememberAccessCode(complaint.ticket, code.trim());
      key.current = crypto.randomUUID();
      onAnswered();
    } catch (e) {
      // the case moved on since the page read it, or an earlier send of this answer was recorded
      // (its reply lost) and the answer has changed since: a new key, and the page read again
      const recorded = e instanceof ApiError && (e.body as { code?: unknown } | null)?.code === 'case.idempotency-key-reused';
      if (e instanceof ApiError && (e.status === 409 || recorded)) {
        key.current = crypto.randomUUID();
        setError({ key: 'publicAskStale' });
        onAnswered();
      } else {
        setError({ error: e });
      }
    } finally {
      setBusy(false);
    }
  };

  const attach = async (chosen: FileList | null) => {
    const picked = [...(chosen ?? [])];
    if (!picked.length) return;
    if (!code.trim()) {
      setError({ key: 'publicAskCodeMissing' });
      codeInput.current?.focus();
      return;
    }
    const room = Math.max(0, MAX_FILES - files.length);
    // more files than an answer takes: those that fit are sent, and the page says so
    const tooMany: Words = (l) => format(MESSAGES[l].publicAskFilesTooMany, { max: MAX_FILES }, l);
    setFileWords(picked.length > room ? () => tooMany : null);
    setUploading(true);
    try {
      for (const file of picked.slice(0, room)) {
        const problem = await checkChosenFile(CITIZEN_FILE_LIMITS, t('publicAskFiles'), file);
        if (problem) {
          setFileWords(() => problem);
          return;
        }
        const uploaded = await uploadFile(`/api/public/complaints/${encodeURIComponent(complaint.ticket)}/attachments`, file, {
          lang,
          headers: { 'x-access-code': code.trim() },
        });
        setFiles((had) => [...had, uploaded]);
      }
    } catch (e) {
      setFileWords(() => wordsOf(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <section className="card pub-ask" data-testid="citizen-step" aria-labelledby={`${ids}-title`}>
      <h2 className="pub-card-title" id={`${ids}-title`}>
        {t('publicAskTitle')}
      </h2>
      {title.title && <p className="pub-stage-title">{title.title}</p>}
      {title.activity && <p className="pub-stage-activity">{title.activity}</p>}
      {needs.length > 0 && (
        <div className="pub-ask-needs">
          <span className="pub-ticket-label">{t('publicAskNeeds')}</span>
          <ul>
            {needs.map((k) => (
              <li key={k}>{k}</li>
            ))}
          </ul>
        </div>
      )}
      {step.dueAt && (
        <p className="pub-ask-due" data-testid="citizen-step-due">
          {t('publicAskDue', { at: when(step.dueAt) })}{' '}
          {timeout?.action === 'choose' && timeout.outcomeLabel && t('publicAskTimeoutChoose', { outcome: timeout.outcomeLabel })}
          {timeout?.action === 'complete' && t('publicAskTimeoutComplete')}
          {timeout?.action === 'escalate' && t('publicAskTimeoutEscalate')}
        </p>
      )}
      {!step.accessCode ? (
        <p className="notice" data-testid="citizen-step-no-code">
          {t('publicAskNoCode')}
        </p>
      ) : (
        <>
          <label className="pub-field" htmlFor={`${ids}-code`} data-invalid={codeMissing}>
            <span className="pub-label">{t('publicAskCode')}</span>
            <input
              id={`${ids}-code`}
              className="pub-input pub-input-code"
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                if (codeMissing) setError(null);
              }}
              ref={codeInput}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              aria-invalid={codeMissing}
              aria-describedby={codeMissing ? `${ids}-code-error ${ids}-code-hint` : `${ids}-code-hint`}
              data-testid="citizen-step-code"
            />
            <span className="pub-hint" id={`${ids}-code-hint`}>
              {t('publicAskCodeHint')}
            </span>
            {codeMissing && (
              <span className="pub-error" id={`${ids}-code-error`} data-testid="citizen-step-code-error">
                {error}
              </span>
            )}
          </label>
          <label className="pub-field" htmlFor={`${ids}-note`}>
            <span className="pub-label">{t('publicAskNote')}</span>
            <textarea
              id={`${ids}-note`}
              className="pub-input"
              rows={3}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-describedby={`${ids}-note-hint`}
              data-testid="citizen-step-note"
            />
            <span className="pub-hint" id={`${ids}-note-hint`}>
              {t('publicAskNoteHint')}
            </span>
          </label>
          <div className="pub-field pub-ask-files" data-testid="citizen-step-files">
            <span className="pub-label" id={`${ids}-files`}>
              {t('publicAskFiles')}
            </span>
            <span className="pub-hint" id={`${ids}-files-hint`}>
              {t('publicAskFilesHint', {
                kinds: fileTypesText(CITIZEN_FILE_LIMITS.accept, lang),
                mb: lang === 'id' ? String(CITIZEN_FILE_LIMITS.maxSizeMb).replace('.', ',') : CITIZEN_FILE_LIMITS.maxSizeMb,
                max: MAX_FILES,
              })}
            </span>
            {files.length > 0 && (
              <ul className="pub-ask-file-list">
                {files.map((f) => (
                  <li key={f.token} data-testid="citizen-step-file">
                    ✓ {f.name}{' '}
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setFiles((had) => had.filter((x) => x.token !== f.token))}
                      data-testid="citizen-step-file-remove"
                    >
                      {t('publicAskFileRemove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {files.length < MAX_FILES && (
              <label className="button pub-button">
                {uploading ? t('publicAskFilesUploading') : t('publicAskFilesChoose')}
                <input
                  type="file"
                  className="pub-sr-only"
                  accept={fileInputAcceptOf(CITIZEN_FILE_LIMITS.accept)}
                  multiple
                  disabled={uploading || busy}
                  aria-labelledby={`${ids}-files`}
                  aria-describedby={`${ids}-files-hint`}
                  onChange={(e) => {
                    const chosen = e.target.files;
                    void attach(chosen).finally(() => (e.target.value = ''));
                  }}
                  data-testid="citizen-step-file-input"
                />
              </label>
            )}
            {fileWords && (
              <span className="pub-error" role="alert" data-testid="citizen-step-file-error">
                {fileWords(lang)}
              </span>
            )}
          </div>
          <div className="pub-actions pub-ask-answers">
            {step.answers.map((answer) => (
              <button
                key={`${answer.type}-${answer.outcome ?? ''}`}
                type="button"
                className={answerButton(answer).className}
                disabled={busy}
                onClick={() => void send(answer)}
                aria-expanded={answerButton(answer).confirm ? confirming === answer : undefined}
                data-testid="citizen-answer"
                data-outcome={answer.outcome ?? answer.type}
                data-finishes={answer.finishes ? 'true' : 'false'}
              >
                {answerLabel(answer)}
                {answer.finishes && (
                  <span className="pub-ask-finishes">
                    {'\u00a0·\u00a0'}
                    {t('publicAskFinishes')}
                  </span>
                )}
              </button>
            ))}
          </div>
          {confirming && (
            <div className="notice pub-ask-confirm" role="alertdialog" aria-labelledby={`${ids}-confirm`} data-testid="citizen-answer-confirm">
              <p id={`${ids}-confirm`}>{t('publicAskConfirm', { answer: answerLabel(confirming) })}</p>
              <div className="pub-actions">
                <button
                  type="button"
                  className="button pub-button pub-ask-ends"
                  disabled={busy}
                  autoFocus
                  onClick={() => void send(confirming, true)}
                  data-testid="citizen-answer-confirm-yes"
                >
                  {t('publicAskConfirmYes')}
                </button>
                <button type="button" className="button pub-button" onClick={() => setConfirming(null)} data-testid="citizen-answer-confirm-no">
                  {t('publicAskConfirmNo')}
                </button>
              </div>
            </div>
          )}
          {error && !codeMissing && (
            <p className="notice notice-error" role="alert" data-testid="citizen-step-error">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
