import { checkFormSubmission, checkNikOrKk, checkNik } from '@sop/citizen-data';
import type { FormField } from '@sop/model';
import type { Lang } from '../i18n';

export interface FieldState {
  /** Why the value is refused, in the UI language; null when it is fine (or empty and optional). */
  error: string | null;
  /** The value as it will be stored, when the check changes how it is written (phone → +628…). */
  normalized: string | null;
  /** Not an error: something worth a second look (a region code that is not a province today). */
  warning: string | null;
}

/**
 * Checks one field exactly as the API will (the same checkFormSubmission of @sop/citizen-data).
 * An empty required field is only reported when `submitted` (not while the operator is still typing).
 */
export function checkField(field: FormField, value: string, lang: Lang, submitted: boolean): FieldState {
  if (!value.trim() && !submitted) return { error: null, normalized: null, warning: null };
  const result = checkFormSubmission([field], { [field.id]: value });
  if (!result.ok) {
    const issue = result.issues[0];
    return { error: lang === 'id' ? issue.messageId : issue.message, normalized: null, warning: null };
  }
  const stored = result.values[field.id] ?? null;
  let warning: string | null = null;
  if (stored && (field.type === 'nik' || field.type === 'nik-or-kk')) {
    const notes = field.type === 'nik' ? checkNik(stored) : checkNikOrKk(stored);
    if (notes.ok && notes.warnings.length) warning = (lang === 'id' ? notes.warningsId : notes.warnings).join(' ');
  }
  const normalized =
    stored !== null &&
    stored !== value.trim() &&
    (field.type === 'phone' ||
      field.type === 'landline' ||
      field.type === 'phone-or-landline' ||
      field.type === 'nik' ||
      field.type === 'kk' ||
      field.type === 'nik-or-kk' ||
      field.type === 'email')
      ? stored
      : null;
  return { error: null, normalized, warning };
}
