import { useEffect } from 'react';
import { useI18n, type Translate } from '../i18n';

/** The parts of a form field its refusal is worded from (an input, a select or a text area). */
export interface FieldLike {
  type: string;
  value: string;
  title: string;
  minLength?: number;
  maxLength?: number;
  min?: string;
  max?: string;
  validity: Pick<
    ValidityState,
    | 'valid'
    | 'customError'
    | 'valueMissing'
    | 'typeMismatch'
    | 'patternMismatch'
    | 'tooShort'
    | 'tooLong'
    | 'rangeUnderflow'
    | 'rangeOverflow'
    | 'stepMismatch'
    | 'badInput'
  >;
}

const DATE_TYPES = new Set(['date', 'datetime-local', 'month', 'week', 'time']);

/**
 * What a refused field says in the page's language, as the browser would say it in its own: null when
 * the field is valid, or when the page has set its own words (`customError`).
 *
 * @example
 * validityText(emptyRequiredInput, t) // 'Isian ini wajib diisi.'
 */
export function validityText(field: FieldLike, t: Translate): string | null {
  const v = field.validity;
  if (v.valid || v.customError) return null;
  const dated = DATE_TYPES.has(field.type);
  if (v.badInput) return t('validityBadInput');
  if (v.valueMissing) {
    if (field.type === 'checkbox' || field.type === 'radio') return t('validityMissingCheck');
    return field.type.startsWith('select') ? t('validityMissingSelect') : t('validityMissing');
  }
  if (v.typeMismatch) return field.type === 'email' ? t('validityEmail') : field.type === 'url' ? t('validityUrl') : t('validityPattern');
  if (v.patternMismatch) return field.title ? `${t('validityPattern')} ${field.title}` : t('validityPattern');
  if (v.tooShort) return t('validityTooShort', { min: field.minLength ?? 0, n: field.value.length });
  if (v.tooLong) return t('validityTooLong', { max: field.maxLength ?? 0, n: field.value.length });
  if (v.rangeUnderflow) return t(dated ? 'validityDateUnderflow' : 'validityUnderflow', { min: field.min ?? '' });
  if (v.rangeOverflow) return t(dated ? 'validityDateOverflow' : 'validityOverflow', { max: field.max ?? '' });
  // the browser counts steps from min, not from 0: the nearest accepted value, not "a multiple of"
  if (v.stepMismatch) return t('validityStep');
  return null;
}

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function isField(target: EventTarget | null): target is Field {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

/**
 * Words the browser's own refusal of a form field ("Please fill out this field.", in the browser's
 * language) in the page's language instead, on every form of the app. A field keeps the words only
 * until it is edited, or until the reader clicks or types again (the next submission checks afresh).
 * A page that sets its own words (`setCustomValidity`) keeps them.
 */
export function useNativeValidityWords(): void {
  const { t } = useI18n();
  useEffect(() => {
    const worded = new Set<Field>();
    const clear = (field: Field) => {
      if (worded.delete(field)) field.setCustomValidity('');
    };
    const clearAll = () => {
      for (const field of worded) field.setCustomValidity('');
      worded.clear();
    };
    const onInvalid = (e: Event) => {
      if (!isField(e.target)) return;
      const field = e.target;
      clear(field);
      const text = validityText(field, t);
      if (text === null) return;
      field.setCustomValidity(text);
      worded.add(field);
    };
    const onEdit = (e: Event) => {
      if (isField(e.target)) clear(e.target);
    };
    const listeners: [string, (e: Event) => void][] = [
      ['invalid', onInvalid],
      ['input', onEdit],
      ['change', onEdit],
      ['click', clearAll],
      ['keydown', clearAll],
    ];
    for (const [type, listener] of listeners) document.addEventListener(type, listener, true);
    return () => {
      for (const [type, listener] of listeners) document.removeEventListener(type, listener, true);
      clearAll();
    };
  }, [t]);
}

/** Mounts useNativeValidityWords (inside the I18nProvider). */
export function NativeValidityWords(): null {
  useNativeValidityWords();
  return null;
}
