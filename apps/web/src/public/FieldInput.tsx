import { MAX_TEXTAREA_LENGTH } from '@sop/citizen-data';
import type { FormField } from '@sop/model';
import { useI18n, type MessageKey } from '../i18n';
import { inputAttributesOf } from './complaint-form';
import { LockIcon } from './icons';

const HINTS: Partial<Record<FormField['type'], MessageKey>> = {
  nik: 'publicHintNik',
  kk: 'publicHintKk',
  'nik-or-kk': 'publicHintNikOrKk',
  phone: 'publicHintPhone',
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
  onChange(value: string): void;
  onBlur(): void;
}

/** One field of a complaint form, as the SOP writes it: label, required mark, hint, error. */
export function FieldInput({ field, value, error, notes, onChange, onBlur }: Props) {
  const { t } = useI18n();
  const base = `pub-field-${field.id}`;
  const hintKey = HINTS[field.type];
  const describedBy = [hintKey ? `${base}-hint` : null, error ? `${base}-error` : null, notes.length ? `${base}-notes` : null].filter(Boolean).join(' ') || undefined;
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
          {t(hintKey)}
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
        <fieldset className="pub-field pub-choice" data-testid="field" data-field-id={field.id} data-invalid={invalid} aria-describedby={describedBy} aria-invalid={invalid}>
          <legend className="pub-label">{heading}</legend>
          {hintKey && (
            <p className="pub-hint" id={`${base}-hint`}>
              {t(hintKey)}
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
        <input {...common} {...inputAttributesOf(field)} className="pub-input" value={value} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} spellCheck={field.type === 'text' ? undefined : false} />
      )}
      {messages}
    </div>
  );
}
