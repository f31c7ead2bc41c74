/** A problem with one field of a form submission, worded for the person who filled it in. */
export interface FieldIssue {
  /** The field's id; `''` when the issue is about the submission as a whole. */
  field: string;
  /** A stable code, e.g. `field.required`, `nik.month`, `phone.landline`. */
  code: string;
  /** What is wrong and what to write instead, in English. */
  message: string;
  /** The same message in Bahasa Indonesia, for the citizen-facing UI. */
  messageId: string;
}
