import type { FormField } from '@sop/model';
import { maskValue } from './mask-value';

/** What a file field shows in a form's masked view: the file is an attachment of the case. */
export const ATTACHMENT_PLACEHOLDER = '[lampiran]';
import { redactIdentity } from './redact-identity';

/**
 * Masks, with {@link maskValue}, the values of the fields marked `confidential: true`; in the
 * other text fields (the complaint itself, which the complainant wrote) the confidential values and
 * anything shaped like a NIK, No. KK, phone number or e-mail address are struck out
 * ({@link redactIdentity} with `anyContact`: any number or address there is theirs or a third
 * person's); choices are returned as they are; a `file` field shows {@link ATTACHMENT_PLACEHOLDER}. A key that is not a field of the form is masked as
 * text: nothing says it is not personal data (e.g. a field since removed from the SOP's form). The input is not
 * changed.
 *
 * @example
 * ```ts
 * maskFormData(DEFAULT_COMPLAINT_FORM.fields, { nama: 'Ni Luh Sari', telepon: '+6281234567890', isi: 'KTP belum jadi' });
 * // { nama: 'N••• L••• S•••', telepon: '+62 8•••••••890', isi: 'KTP belum jadi' }
 * ```
 */
export function maskFormData(fields: FormField[], values: Record<string, string>): Record<string, string> {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const confidential = Object.entries(values)
    .filter(([key]) => {
      const field = byId.get(key);
      return field === undefined || field.confidential === true;
    })
    .map(([, value]) => value);
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      const field = byId.get(key);
      if (field === undefined) return [key, maskValue('text', value)];
      // the value is the file's token, meaningless to people: the file itself is listed apart, to the lanes that may see it
      if (field.type === 'file') return [key, ATTACHMENT_PLACEHOLDER];
      if (field.confidential) return [key, maskValue(field.type, value)];
      return [key, field.type === 'text' || field.type === 'textarea' ? redactIdentity(value, confidential, { anyContact: true }) : value];
    }),
  );
}
