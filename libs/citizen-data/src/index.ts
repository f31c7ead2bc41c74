export type { FieldIssue } from './field-issue';
export type { Rejection } from './rejection';
export type { RegionCodes, IdentityNotes } from './identity-number';
export { PROVINCE_CODES } from './province-codes';
export { checkNik, type NikCheck, type NikAccepted, type NikParts } from './check-nik';
export { checkKk, type KkCheck, type KkAccepted, type KkParts } from './check-kk';
export { checkNikOrKk, type NikOrKkCheck, type NikOrKkAccepted } from './check-nik-or-kk';
export { normalizePhone, type PhoneCheck } from './normalize-phone';
export { normalizeLandline, LANDLINE_EXAMPLE, type LandlineCheck } from './normalize-landline';
export { checkEmail, type EmailCheck } from './check-email';
export { checkFormSubmission, MAX_TEXT_LENGTH, MAX_TEXTAREA_LENGTH, type FormSubmissionCheck } from './check-form-submission';
export { DEFAULT_COMPLAINT_FORM } from './default-complaint-form';
export { maskValue } from './mask-value';
export { maskFormData, ATTACHMENT_PLACEHOLDER } from './mask-form-data';
export { ATTACHMENT_TOKEN_PATTERN, isAttachmentToken } from './attachment-token';
export {
  attachmentLimitsOf,
  sizeText,
  DEFAULT_ATTACHMENT_TYPES,
  DEFAULT_ATTACHMENT_MAX_MB,
  MAX_ATTACHMENT_MB,
  BYTES_PER_MB,
  type AttachmentLimits,
} from './attachment-limits';
export { sniffFileType, fileTypesText, FILE_TYPES, RECOGNISED_FILE_TYPES, SNIFF_BYTES } from './sniff-file-type';
export { sanitizeFileName, MAX_FILE_NAME_LENGTH, DEFAULT_FILE_NAME } from './sanitize-file-name';
export { redactIdentity, REDACTED, type RedactOptions } from './redact-identity';
