import { sizeText } from '@sop/citizen-data';
import { useEffect, useRef, useState } from 'react';
import { ApiError, apiFetch, assertOk, pageLanguage, refusalText, requestJson } from '../api';
import { useI18n } from '../i18n';
import type { Session } from '../session';
import { Lock } from './Lock';
import { revealIdentity, type CaseDetail } from './console-api';

/** A file of the case, as GET /api/cases/{id}/attachments lists it (lanes that may see the identity). */
export interface CaseAttachment {
  id: string;
  field: string | null;
  fieldLabel: string | null;
  kartuSeq: number | null;
  name: string;
  type: string;
  size: number;
  uploadedAt: string;
  byOfficer: boolean;
  download: string;
}

/** The words of the attachments (to move into console/messages.ts with the other console words). */
const WORDS = {
  id: {
    download: 'Unduh',
    masked: '[lampiran] — hanya dapat dilihat oleh lane yang boleh melihat identitas pelapor',
    none: 'Tidak ada berkas',
    eventFiles: 'Lampiran tindakan',
    line: 'baris kartu kendali {n}',
    failed: 'Lampiran tidak dapat dimuat: {message}',
  },
  en: {
    download: 'Download',
    masked: "[attachment] — only the lanes that may see the complainant's identity may see it",
    none: 'No file',
    eventFiles: 'Files of the actions',
    line: 'kartu kendali line {n}',
    failed: 'The attachments could not be loaded: {message}',
  },
} as const;

/** Why an action of the panel failed: the error itself, and what was being done. */
interface Failure {
  error: unknown;
  /** Loading the list of files. */
  loading?: boolean;
  /** Revealing the identity. */
  reveal?: boolean;
}

/** Downloads a file with the session's token (a plain link would not carry it), recorded by the API. */
async function download(session: Session, a: CaseAttachment): Promise<void> {
  const res = await apiFetch(a.download, { headers: { authorization: `Bearer ${session.token}`, 'accept-language': pageLanguage() } });
  await assertOk(res);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = a.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function FileLink({ session, file, onError }: { session: Session; file: CaseAttachment; onError: (failure: Failure) => void }) {
  const { lang } = useI18n();
  return (
    <span className="console-attachment" data-testid="attachment" data-attachment-id={file.id}>
      {file.name} <span className="muted">({sizeText(file.size, lang)})</span>{' '}
      <button
        type="button"
        className="button button-small"
        data-testid="attachment-download"
        onClick={() => void download(session, file).catch((error: unknown) => onError({ error }))}
      >
        {WORDS[lang].download}
      </button>
    </span>
  );
}

/** The complaint's form data, confidential fields masked; lanes allowed to see the identity may reveal it (recorded) and download its files. */
export function CaseFormData({ session, detail }: { session: Session; detail: CaseDetail }) {
  const { t, lang } = useI18n();
  const words = WORDS[lang];
  const [revealed, setRevealed] = useState<Record<string, string> | null>(null);
  // the error itself, worded when shown (in the page's language then)
  const [failure, setError] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<CaseAttachment[] | null>(null);
  // a confidential field, or a text the identity was struck out of (a NIK or number written into the complaint)
  const hasConfidential = detail.form.fields.some((f) => f.masked && f.value !== null && f.type !== 'file');
  const canSeeFiles = detail.form.canReveal && detail.kind === 'complaint';

  useEffect(() => {
    if (!canSeeFiles) return;
    const abort = new AbortController();
    requestJson<{ items: CaseAttachment[] }>(`/api/cases/${detail.id}/attachments`, { token: session.token, signal: abort.signal })
      .then((r) => setFiles(r.items))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError({ error: e, loading: true });
      });
    return () => abort.abort();
    // a new version of the case may carry new files (an event's)
  }, [detail.id, detail.version, canSeeFiles, session.token]);

  // the button goes when the identity is shown: the focus goes to the note that says it is (and recorded), not to the page's body
  const revealedNote = useRef<HTMLParagraphElement>(null);
  const focusRevealed = useRef(false);
  useEffect(() => {
    if (!revealed || !focusRevealed.current) return;
    focusRevealed.current = false;
    // unless the officer has gone on to something else meanwhile
    if (!document.activeElement || document.activeElement === document.body) revealedNote.current?.focus();
  }, [revealed]);

  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      const { fields } = await revealIdentity(session.token, detail.id);
      focusRevealed.current = true;
      setRevealed(fields);
    } catch (e) {
      setError({ error: e, reveal: true });
    } finally {
      setBusy(false);
    }
  };

  const error =
    failure === null
      ? null
      : failure.reveal && failure.error instanceof ApiError && failure.error.status === 403
        ? t('consoleRevealForbidden')
        : failure.loading
          ? words.failed.replace('{message}', refusalText(failure.error, lang))
          : refusalText(failure.error, lang);
  const eventFiles = (files ?? []).filter((f) => f.field === null);
  return (
    <section className="card console-form-data" data-testid="form-data">
      <div className="card-head">
        <h2>{detail.form.title}</h2>
        {hasConfidential && detail.form.canReveal && !revealed && (
          <button type="button" className="button" onClick={() => void reveal()} disabled={busy} data-testid="reveal">
            {t('consoleReveal')}
          </button>
        )}
      </div>
      {revealed && (
        <p className="muted console-revealed" data-testid="revealed" tabIndex={-1} ref={revealedNote}>
          {t('consoleRevealedNote')}
        </p>
      )}
      {hasConfidential && !detail.form.canReveal && <p className="muted">{t('consoleMaskedNote')}</p>}
      {error && (
        <p className="console-error" role="alert">
          {error}
        </p>
      )}
      {detail.kind === 'periodic' && detail.logbook && <p className="muted">{t('consoleLogbookCount', { n: detail.logbookTotal ?? detail.logbook.length })}</p>}
      <dl className="console-data">
        {detail.form.fields.map((f) => {
          if (f.type === 'file') {
            // the value is the file's token: the file itself is shown, to the lanes that may see it
            const mine = (files ?? []).filter((a) => a.field === f.id);
            return (
              <div key={f.id} className="console-data-row" data-testid="form-field" data-field={f.id} data-masked={String(!canSeeFiles)}>
                <dt>
                  {f.label}
                  <Lock />
                </dt>
                <dd className={f.value === null ? 'blank' : undefined}>
                  {f.value === null
                    ? t('blank')
                    : !canSeeFiles
                      ? words.masked
                      : files === null
                        ? '…'
                        : mine.length
                          ? mine.map((a) => <FileLink key={a.id} session={session} file={a} onError={setError} />)
                          : words.none}
                </dd>
              </div>
            );
          }
          const value = revealed?.[f.id] ?? f.value;
          return (
            <div key={f.id} className="console-data-row" data-testid="form-field" data-field={f.id} data-masked={String(f.masked && !revealed?.[f.id])}>
              <dt>
                {f.label}
                {f.confidential && <Lock />}
              </dt>
              <dd className={value === null ? 'blank' : undefined}>{value ?? t('blank')}</dd>
            </div>
          );
        })}
        {eventFiles.length > 0 && (
          <div className="console-data-row" data-testid="event-attachments">
            <dt>
              {words.eventFiles}
              <Lock />
            </dt>
            <dd>
              {eventFiles.map((a) => (
                <div key={a.id}>
                  <FileLink session={session} file={a} onError={setError} />{' '}
                  {a.kartuSeq !== null && <span className="muted">({words.line.replace('{n}', String(a.kartuSeq))})</span>}
                </div>
              ))}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
