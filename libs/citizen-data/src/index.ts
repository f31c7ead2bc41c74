export type { FieldIssue } from './field-issue';
export type { Rejection } from './rejection';
export type { RegionCodes, IdentityNotes } from './identity-number';
export { PROVINCE_CODES } from './province-codes';
export { checkNik, type NikCheck, type NikAccepted, type NikParts } from './check-nik';
export { checkKk, type KkCheck, type KkAccepted, type KkParts } from './check-kk';
export { checkNikOrKk, type NikOrKkCheck, type NikOrKkAccepted } from './check-nik-or-kk';
export { normalizePhone, type PhoneCheck } from './normalize-phone';
export { checkEmail, type EmailCheck } from './check-email';
export {
  checkFormSubmission,
  MAX_TEXT_LENGTH,
  MAX_TEXTAREA_LENGTH,
  type FormSubmissionCheck,
} from './check-form-submission';
export { DEFAULT_COMPLAINT_FORM } from './default-complaint-form';
export { maskValue } from './mask-value';
export { maskFormData } from './mask-form-data';
export { redactIdentity, REDACTED, type RedactOptions } from './redact-identity';
