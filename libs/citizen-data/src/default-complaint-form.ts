import type { Form } from '@sop/model';

/**
 * The complaint form used when an SOP names no form of its own.
 *
 * This form is the platform's: it is not taken from any SOP. It asks for the least a complaint
 * needs (who, how to answer, what happened); name, phone and e-mail are confidential. The object is
 * frozen: copy it to change it.
 *
 * @example
 * ```ts
 * const form = sop.intake.form ?? DEFAULT_COMPLAINT_FORM;
 * checkFormSubmission(form.fields, body);
 * ```
 */
export const DEFAULT_COMPLAINT_FORM: Form = deepFreeze({
  title: 'Formulir Pengaduan',
  fields: [
    { id: 'nama', label: 'Nama', type: 'text', required: true, confidential: true },
    { id: 'telepon', label: 'Nomor HP', type: 'phone', required: false, confidential: true },
    { id: 'email', label: 'Email', type: 'email', required: false, confidential: true },
    { id: 'isi', label: 'Isi pengaduan', type: 'textarea', required: true, confidential: false },
  ],
} satisfies Form);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
