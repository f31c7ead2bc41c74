import { checkFormSubmission, checkKk, checkNik, checkNikOrKk, DEFAULT_COMPLAINT_FORM, type FieldIssue } from '@sop/citizen-data';
import type { Form, FormField, SopDocument } from '@sop/model';

/** The form a citizen fills for an SOP: the SOP's own, or the platform's default (as the API decides). */
export function complaintFormOf(sop: SopDocument): { form: Form; isDefault: boolean } {
  const own = sop.intake?.form;
  return own ? { form: own, isDefault: false } : { form: DEFAULT_COMPLAINT_FORM, isDefault: true };
}

/**
 * The channel a complaint filed on this page is recorded under: the SOP's own website channel when it
 * names one (the citizen is using it), otherwise none, which the API records as its web form ("web").
 */
export function publicChannelOf(sop: SopDocument): string | undefined {
  return sop.intake?.channels.find((c) => c.kind === 'website')?.id;
}

/** The words of an issue in the UI language (the checks word each issue in both). */
export function issueText(issue: Pick<FieldIssue, 'message' | 'messageId'>, lang: 'id' | 'en'): string {
  return lang === 'id' ? issue.messageId : issue.message;
}

/** One field's issue with the value typed, by the same checks the API runs; null when it is fine. */
export function checkField(field: FormField, value: string): FieldIssue | null {
  const checked = checkFormSubmission([field], { [field.id]: value });
  return checked.ok ? null : (checked.issues.find((i) => i.field === field.id) ?? checked.issues[0]);
}

/** Every field's issue, by field id. */
export function checkAll(fields: FormField[], values: Record<string, string>): Record<string, FieldIssue> {
  const issues: Record<string, FieldIssue> = {};
  for (const field of fields) {
    const issue = checkField(field, values[field.id] ?? '');
    if (issue) issues[field.id] = issue;
  }
  return issues;
}

/**
 * Notes on an accepted NIK or No. KK that do not stop it (e.g. a province code that is not one of
 * today's 38): worth a second look, not an error.
 */
export function identityNotes(field: FormField, value: string, lang: 'id' | 'en'): string[] {
  if (value.trim() === '') return [];
  const check = field.type === 'nik' ? checkNik(value) : field.type === 'kk' ? checkKk(value) : field.type === 'nik-or-kk' ? checkNikOrKk(value) : null;
  if (!check || !check.ok) return [];
  return lang === 'id' ? check.warningsId : check.warnings;
}

/** What is sent: the fields that were filled in, as typed (the API trims and normalises). */
export function submissionOf(fields: FormField[], values: Record<string, string>): Record<string, string> {
  const data: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.id] ?? '';
    if (value.trim() !== '') data[field.id] = value;
  }
  return data;
}

/**
 * The API's field errors of a refused complaint, by form field id (`data.<id>`), and those about
 * no field of the form (the SOP, the channel, the submission as a whole). An error that also carries
 * `messageId` (Bahasa Indonesia, as the citizen-data checks word it) is shown in that language.
 */
export function serverErrorsByField(
  errors: { field: string; message: string; messageId?: unknown }[],
  fields: FormField[],
  lang: 'id' | 'en' = 'en',
): { byField: Record<string, string>; other: string[] } {
  const known = new Set(fields.map((f) => f.id));
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const error of errors) {
    const text = lang === 'id' && typeof error.messageId === 'string' && error.messageId ? error.messageId : error.message;
    const id = error.field.startsWith('data.') ? error.field.slice('data.'.length) : null;
    if (id !== null && known.has(id)) {
      byField[id] ??= text;
    } else {
      other.push(text);
    }
  }
  return { byField, other };
}

export interface InputAttributes {
  type: 'text' | 'tel' | 'email' | 'date';
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  autoComplete: string;
  maxLength?: number;
}

/**
 * How a field's input is set up for a phone keyboard and autofill: digits for NIK and No. KK, the
 * phone pad for a mobile number, the e-mail keyboard, and the browser's name and address autofill
 * for the fields whose label says so.
 */
export function inputAttributesOf(field: FormField): InputAttributes {
  switch (field.type) {
    case 'nik':
    case 'kk':
    case 'nik-or-kk':
      // 16 digits, perhaps typed in groups ("1872 0161 0785 0001")
      return { type: 'text', inputMode: 'numeric', autoComplete: 'off', maxLength: 24 };
    case 'phone':
      return { type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 24 };
    case 'email':
      return { type: 'email', inputMode: 'email', autoComplete: 'email', maxLength: 254 };
    case 'date':
      return { type: 'date', autoComplete: 'off' };
    default: {
      const words = `${field.id} ${field.label}`.toLowerCase();
      if (/\bnama\b/.test(words)) return { type: 'text', autoComplete: 'name' };
      if (/\balamat\b/.test(words) && !/e-?mail/.test(words)) return { type: 'text', autoComplete: 'street-address' };
      return { type: 'text', autoComplete: 'off' };
    }
  }
}
