/**
 * The API's error body and its codes (docs/adr/0024-issue-messages-by-code.md): the web app words a
 * refusal by its code in the page's language, not by the API's English message.
 */

/** The codes an exception sets itself, more precise than its status. */
export const SPECIFIC_ERROR_CODES = [
  'sop.invalid',
  'sop.stale-version',
  'sop.publish-other-regency',
  'sop.publish-admin-later-version',
  'sop.approve-not-signer',
  'sop.proposal-decided',
  'sop.proposal-superseded',
  'reply-template.duplicate-title',
  'case.stale-version',
  'case.event-not-accepted',
  'case.idempotency-key-reused',
] as const;

/** The code of an error by its HTTP status, when the exception sets none. */
export const ERROR_CODE_BY_STATUS = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-large',
  422: 'unprocessable',
  429: 'too-many-requests',
} as const;

/** Every code an error body of the API carries: a specific one, one by status, or `internal` (5xx) and `error` (any other). */
export type ErrorCode = (typeof SPECIFIC_ERROR_CODES)[number] | (typeof ERROR_CODE_BY_STATUS)[keyof typeof ERROR_CODE_BY_STATUS] | 'internal' | 'error';

/** A field the request got wrong, and why. */
export interface FieldError {
  field: string;
  message: string;
  /** The same in Bahasa Indonesia, where the check words it (citizens' forms). */
  messageId?: string;
}

/** What every error of the API answers (but Open311's own shape under /open311). */
export interface ErrorBody {
  statusCode: number;
  error?: string;
  code: ErrorCode;
  message: string | string[];
  /** The message in Bahasa Indonesia, where the API words it (the citizen's pages, 429). */
  messageId?: string;
  /** A 400's field errors. */
  errors?: FieldError[];
  /** A 409 case.stale-version / sop.stale-version: the version it is at now. */
  currentVersion?: number;
  /** A 422 case.event-not-accepted: the events the step accepts. */
  allowedEvents?: unknown[];
  /** The language the issues are worded in (`?lang`, Accept-Language). */
  lang?: string;
}
