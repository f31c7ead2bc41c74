import type { FormField } from '@sop/model';
import { maskValue } from './mask-value';

/**
 * Masks, with {@link maskValue}, the values of the fields marked `confidential: true`; other
 * fields are returned as they are. A key that is not a field of the form is masked as text: nothing
 * says it is not personal data (e.g. a field since removed from the SOP's form). The input is not
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
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => {
      const field = byId.get(key);
      if (field === undefined) return [key, maskValue('text', value)];
      return [key, field.confidential ? maskValue(field.type, value) : value];
    }),
  );
}
