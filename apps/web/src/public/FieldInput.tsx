import { attachmentLimitsOf, fileTypesText, LANDLINE_EXAMPLE, MAX_TEXTAREA_LENGTH, sizeText } from '@sop/citizen-data';
import type { FormField } from '@sop/model';
import { useRef, useState, type ChangeEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { checkChosenFile, fileInputAcceptOf, inputAttributesOf, uploadFile, wordsOf, type UploadedFile, type Words } from './complaint-form';
import { LockIcon } from './icons';

const HINTS: Partial<Record<FormField['type'], MessageKey>> = {
  nik: 'publicHintNik',
  kk: 'publicHintKk',
  'nik-or-kk': 'publicHintNikOrKk',
  phone: 'publicHintPhone',
  landline: 'publicHintLandline',
  'phone-or-landline': 'publicHintPhoneOrLandline',
  email: 'publicHintEmail',
  date: 'publicHintDate',
  choice: 'publicHintChoice',
};

/** Up to this many options are shown as radio buttons (easy to tap); more as a drop-down list. */
const MAX_RADIOS = 8;

interface Props {
  field: FormField;
  value: string;
  /** Shown beside the field; null when there is nothing wrong (or nothing to say yet). */
  error: string | null;
  /** Notes that do not stop the form (e.g. an unusual province code in a NIK). */
  notes: string[];
  onChange: (value: string) => void;
  onBlur: () => void;
  /** The SOP whose form this is: a file field uploads its file for it. */
  sopId?: string;
}

/** One field of a complaint form, as the SOP writes it: label, required mark, hint, error. */
export function FieldInput({ field, value, error, notes, onChange, onBlur, sopId }: Props) {
  const { t } = useI18n();
  if (field.type === 'file') return <FileFieldInput field={field} value={value} error={error} onChange={onChange} onBlur={onBlur} sopId={sopId ?? ''} />;
  const base = `pub-field-${field.id}`;
  const hintKey = HINTS[field.type];
  const describedBy =
    [hintKey ? `${base}-hint` : null, error ? `${base}-error` : null, notes.length ? `${base}-notes` : null].filter(Boolean).join(' ') || undefined;
  const invalid = error !== null;
  const common = {
    id: base,
    name: field.id,
    'aria-invalid': invalid,
    'aria-describedby': describedBy,
    'aria-required': field.required ?? false,
    'data-testid': 'field-input',
    'data-field-id': field.id,
  } as const;

  const heading = (
    <>
      <span className="pub-label-text">{field.label}</span>
      {field.required ? (
        <span className="pub-required" title={t('publicRequired')}>
          <span aria-hidden="true">*</span>
          <span className="pub-sr-only"> ({t('publicRequired')})</span>
        </span>
      ) : (
        <span className="pub-optional">({t('publicOptional')})</span>
      )}
      {field.confidential && (
        <span className="pub-tag" data-testid="confidential-tag">
          <LockIcon />
          {t('publicConfidentialTag')}
        </span>
      )}
    </>
  );

  const messages = (
    <>
      {hintKey && (
        <p className="pub-hint" id={`${base}-hint`}>
          {t(hintKey, { example: LANDLINE_EXAMPLE })}
        </p>
      )}
      {field.type === 'textarea' && (
        <p className="pub-hint pub-counter" aria-live="off">
          {t('publicCharacters', { n: Array.from(value).length, max: MAX_TEXTAREA_LENGTH })}
        </p>
      )}
      <p className="pub-error" id={`${base}-error`} data-testid="field-error" data-field-id={field.id} aria-live="polite" hidden={!error}>
        {error}
      </p>
      {notes.length > 0 && (
        <p className="pub-note" id={`${base}-notes`}>
          {notes.join(' ')}
        </p>
      )}
    </>
  );

  if (field.type === 'choice' && field.options && field.options.length > 0) {
    if (field.options.length <= MAX_RADIOS) {
      return (
        <fieldset
          className="pub-field pub-choice"
          data-testid="field"
          data-field-id={field.id}
          data-invalid={invalid}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        >
          <legend className="pub-label">{heading}</legend>
          {hintKey && (
            <p className="pub-hint" id={`${base}-hint`}>
              {t(hintKey, { example: LANDLINE_EXAMPLE })}
            </p>
          )}
          <div className="pub-options" role="radiogroup" aria-required={field.required ?? false}>
            {field.options.map((option, i) => (
              <label key={option} className="pub-option">
                <input
                  type="radio"
                  name={field.id}
                  id={i === 0 ? base : undefined}
                  value={option}
                  checked={value === option}
                  onChange={() => onChange(option)}
                  onBlur={onBlur}
                  data-testid="field-option"
                  data-field-id={field.id}
                />
                <span>{option}</span>
              </label>
            ))}
          </div>
          <p className="pub-error" id={`${base}-error`} data-testid="field-error" data-field-id={field.id} aria-live="polite" hidden={!error}>
            {error}
          </p>
        </fieldset>
      );
    }
    return (
      <div className="pub-field" data-testid="field" data-field-id={field.id} data-invalid={invalid}>
        <label className="pub-label" htmlFor={base}>
          {heading}
        </label>
        <select {...common} className="pub-input" value={value} onChange={(e) => onChange(e.target.value)} onBlur={onBlur}>
          <option value="">{t('publicChoosePlaceholder')}</option>
          {field.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        {messages}
      </div>
    );
  }

  return (
    <div className="pub-field" data-testid="field" data-field-id={field.id} data-invalid={invalid}>
      <label className="pub-label" htmlFor={base}>
        {heading}
      </label>
      {field.type === 'textarea' ? (
        <textarea {...common} className="pub-input pub-textarea" rows={6} value={value} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} />
      ) : (
        <input
          {...common}
          {...inputAttributesOf(field)}
          className="pub-input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          spellCheck={field.type === 'text' ? undefined : false}
        />
      )}
      {messages}
    </div>
  );
}

/** The words of a file field (to move into public/messages.ts with the other public words). */
const FILE_WORDS = {
  id: {
    camera: 'Ambil foto',
    choose: 'Pilih berkas',
    replace: 'Ganti berkas',
    remove: 'Hapus',
    uploading: 'Mengunggah… {p}%',
    checking: 'Memeriksa berkas…',
    hint: '{kinds}, paling besar {max} MB. Berkas hanya dapat dilihat petugas yang berwenang, tidak pernah di halaman tiket.',
    attached: 'Terlampir',
  },
  en: {
    camera: 'Take a photo',
    choose: 'Choose a file',
    replace: 'Replace the file',
    remove: 'Remove',
    uploading: 'Uploading… {p}%',
    checking: 'Checking the file…',
    hint: '{kinds}, at most {max} MB. Only the officers allowed may see the file, never on the ticket page.',
    attached: 'Attached',
  },
} as const;

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/**
 * A file field: the file is checked (kind by its content, size) and uploaded as soon as it is chosen,
 * with its progress; the field's value is the token the upload answered. On a phone, "Take a photo"
 * opens the camera when the field takes images.
 */
function FileFieldInput({
  field,
  value,
  error,
  onChange,
  onBlur,
  sopId,
}: {
  field: FormField;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
  onBlur: () => void;
  sopId: string;
}) {
  const { t, lang } = useI18n();
  const words = FILE_WORDS[lang];
  const limits = attachmentLimitsOf(field);
  const [uploaded, setUploaded] = useState<UploadedFile | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  // the file's problem in words of either language: said in the page's language when shown
  const [localWords, setLocalError] = useState<Words | null>(null);
  const localError = localWords === null ? null : localWords(lang);
  const controller = useRef<AbortController | null>(null);
  const base = `pub-field-${field.id}`;
  const shownError = localError ?? error;
  const invalid = shownError !== null;
  const takesImages = limits.accept.some((type) => type.startsWith('image/'));
  const max = lang === 'id' ? String(limits.maxSizeMb).replace('.', ',') : String(limits.maxSizeMb);
  const current = uploaded && uploaded.token === value ? uploaded : null;

  const choose = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file may be chosen again after an error
    if (!file) return;
    controller.current?.abort();
    setLocalError(null);
    setProgress(0);
    onChange('');
    const problem = await checkChosenFile(limits, field.label, file);
    if (problem) {
      setProgress(null);
      setLocalError(() => problem);
      onBlur();
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    try {
      const answer = await uploadFile(`/api/public/attachments?sop=${encodeURIComponent(sopId)}&field=${encodeURIComponent(field.id)}`, file, {
        lang,
        onProgress: setProgress,
        signal: abort.signal,
      });
      setUploaded(answer);
      onChange(answer.token);
    } catch (err) {
      if (!abort.signal.aborted) setLocalError(() => wordsOf(err));
    } finally {
      if (controller.current === abort) setProgress(null);
      onBlur();
    }
  };

  const remove = () => {
    controller.current?.abort();
    setUploaded(null);
    setLocalError(null);
    onChange('');
  };

  const describedBy = `${base}-hint${invalid ? ` ${base}-error` : ''}`;
  return (
    <div className="pub-field pub-file" data-testid="field" data-field-id={field.id} data-invalid={invalid}>
      <span className="pub-label" id={`${base}-label`}>
        <span className="pub-label-text">{field.label}</span>
        {field.required ? (
          <span className="pub-required" title={t('publicRequired')}>
            <span aria-hidden="true">*</span>
            <span className="pub-sr-only"> ({t('publicRequired')})</span>
          </span>
        ) : (
          <span className="pub-optional">({t('publicOptional')})</span>
        )}
        <span className="pub-tag" data-testid="confidential-tag">
          <LockIcon />
          {t('publicConfidentialTag')}
        </span>
      </span>
      <p className="pub-hint" id={`${base}-hint`}>
        {fill(words.hint, { kinds: fileTypesText(limits.accept, lang), max })}
      </p>
      {current && (
        <p className="pub-file-chosen" data-testid="file-chosen" data-field-id={field.id}>
          ✓ {words.attached}: <strong>{current.name}</strong> ({sizeText(current.size, lang)}){' '}
          <button type="button" className="button button-small" onClick={remove} data-testid="file-remove">
            {words.remove}
          </button>
        </p>
      )}
      {progress !== null && (
        <p className="pub-hint" aria-live="polite" data-testid="file-progress">
          <progress max={1} value={progress} aria-labelledby={`${base}-label`} />{' '}
          {progress === 0 ? words.checking : fill(words.uploading, { p: Math.round(progress * 100) })}
        </p>
      )}
      <div className="pub-file-buttons" style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
        {takesImages && (
          <label className="button">
            {words.camera}
            <input
              type="file"
              className="pub-sr-only"
              accept={fileInputAcceptOf(limits.accept.filter((type) => type.startsWith('image/')))}
              capture="environment"
              onChange={(e) => void choose(e)}
              disabled={progress !== null}
              data-testid="file-camera"
              data-field-id={field.id}
            />
          </label>
        )}
        <label className="button">
          {current ? words.replace : words.choose}
          <input
            id={base}
            type="file"
            className="pub-sr-only"
            name={field.id}
            accept={fileInputAcceptOf(limits.accept)}
            onChange={(e) => void choose(e)}
            disabled={progress !== null}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            aria-required={field.required ?? false}
            data-testid="field-input"
            data-field-id={field.id}
          />
        </label>
      </div>
      <p className="pub-error" id={`${base}-error`} data-testid="field-error" data-field-id={field.id} aria-live="polite" hidden={!shownError}>
        {shownError}
      </p>
    </div>
  );
}
