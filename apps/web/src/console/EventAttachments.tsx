import { DEFAULT_ATTACHMENT_TYPES, fileTypesText, sizeText, type AttachmentLimits } from '@sop/citizen-data';
import { useRef, useState, type ChangeEvent } from 'react';
import { useI18n } from '../i18n';
import { checkChosenFile, fileInputAcceptOf, uploadFile, wordsOf, type UploadedFile, type Words } from '../public/complaint-form';
import type { Session } from '../session';

/** The words of the component (to move into console/messages.ts with the other console words). */
const WORDS = {
  id: {
    label: 'Lampiran',
    add: 'Tambah berkas',
    remove: 'Hapus',
    uploading: 'Mengunggah {name}… {p}%',
    hint: '{kinds}, paling besar {max} MB per berkas, sampai {n} berkas. Hanya lajur yang boleh melihat identitas pelapor dapat membukanya.',
  },
  en: {
    label: 'Attachments',
    add: 'Add a file',
    remove: 'Remove',
    uploading: 'Uploading {name}… {p}%',
    hint: "{kinds}, at most {max} MB each, up to {n} files. Only the lanes that may see the complainant's identity may open them.",
  },
} as const;

/** Out of sight but still focusable and reachable by its label (console pages do not load public.css). */
const HIDDEN = { position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' } as const;

/** At most this many files per event (the API's limit). */
export const MAX_EVENT_FILES = 10;

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/**
 * Files for an officer's event (a berita acara, a scan of a letter): each is checked and uploaded
 * (POST /api/attachments) when chosen; `onChange` gets the tokens to send as the event's
 * `attachments`. The limits are the API's defaults for officers (JPEG, PNG or PDF; 10 MB unless
 * ATTACHMENT_EVENT_MAX_MB says otherwise: a larger file is refused by the API with its message).
 */
export function EventAttachments({
  session,
  onChange,
  maxSizeMb = 10,
  disabled = false,
}: {
  session: Session;
  onChange: (tokens: string[]) => void;
  maxSizeMb?: number;
  disabled?: boolean;
}) {
  const { lang } = useI18n();
  const words = WORDS[lang];
  const limits: AttachmentLimits = { accept: DEFAULT_ATTACHMENT_TYPES, maxBytes: Math.floor(maxSizeMb * 1024 * 1024), maxSizeMb };
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState<{ name: string; progress: number } | null>(null);
  // the file's problem in words of either language: said in the page's language when shown
  const [errorWords, setError] = useState<Words | null>(null);
  const error = errorWords === null ? null : errorWords(lang);
  const input = useRef<HTMLInputElement>(null);

  const update = (next: UploadedFile[]) => {
    setFiles(next);
    onChange(next.map((f) => f.token));
  };

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError(null);
    const problem = await checkChosenFile(limits, file.name, file);
    if (problem) {
      setError(() => problem);
      return;
    }
    setUploading({ name: file.name, progress: 0 });
    try {
      const answer = await uploadFile('/api/attachments', file, {
        token: session.token,
        lang,
        onProgress: (p) => setUploading({ name: file.name, progress: p }),
      });
      update([...files, answer]);
    } catch (err) {
      setError(() => wordsOf(err));
    } finally {
      setUploading(null);
    }
  };

  return (
    <div className="event-attachments" data-testid="event-attachments-input">
      <span className="muted">{words.label}</span>
      <p className="muted">{fill(words.hint, { kinds: fileTypesText(limits.accept, lang), max: maxSizeMb, n: MAX_EVENT_FILES })}</p>
      {files.length > 0 && (
        <ul>
          {files.map((f) => (
            <li key={f.token} data-testid="event-attachment">
              {f.name} <span className="muted">({sizeText(f.size, lang)})</span>{' '}
              <button type="button" className="button button-small" onClick={() => update(files.filter((x) => x.token !== f.token))} disabled={disabled}>
                {words.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      {uploading && (
        <p className="muted" aria-live="polite">
          <progress max={1} value={uploading.progress} /> {fill(words.uploading, { name: uploading.name, p: Math.round(uploading.progress * 100) })}
        </p>
      )}
      {files.length < MAX_EVENT_FILES && (
        <label className="button event-attachment-button">
          {words.add}
          <input
            ref={input}
            type="file"
            style={HIDDEN}
            accept={fileInputAcceptOf(limits.accept)}
            onChange={(e) => void choose(e)}
            disabled={disabled || uploading !== null}
            data-testid="event-attachment-input"
          />
        </label>
      )}
      {error && (
        <p className="console-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
