import { ForbiddenException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import type { ErrorCode, FieldError } from '@sop/api-contract';

export type { FieldError };

/** The code of an error the API sets itself (the catalogue in @sop/api-contract). */
const code = (c: ErrorCode): ErrorCode => c;

/** What to send instead of a missing or unreadable body, in both languages. */
export const SEND_JSON_BODY: FieldError = {
  field: 'body',
  message: 'send one JSON object with Content-Type: application/json',
  messageId: 'kirim satu objek JSON dengan Content-Type: application/json',
};

/** A 403 worded in English (`message`) and in Bahasa Indonesia (`messageId`, which the pages show). */
export function forbidden(message: string, messageId: string): ForbiddenException {
  return new ForbiddenException({ statusCode: 403, error: 'Forbidden', message, messageId });
}

/** A 404 worded in English (`message`) and in Bahasa Indonesia (`messageId`, which the pages show). */
export function notFound(message: string, messageId: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'Not Found', message, messageId });
}

/** 400 with field-level messages. */
export class BadInputException extends HttpException {
  constructor(message: string, errors: FieldError[]) {
    super({ statusCode: 400, error: 'Bad Request', message, errors }, HttpStatus.BAD_REQUEST);
  }
}

/** 409: someone else changed the case since the client read it. */
export class StaleVersionException extends HttpException {
  constructor(current: number, sent: number) {
    super(
      {
        statusCode: 409,
        error: 'Conflict',
        code: code('case.stale-version'),
        message: `the case changed since you read it (you sent version ${sent}, it is now at version ${current}): reload it and try again`,
        currentVersion: current,
      },
      HttpStatus.CONFLICT,
    );
  }
}

/**
 * 422: an Idempotency-Key sent again with another request (another case, or another body): the first
 * answer is not replayed as if it were this one's (draft-ietf-httpapi-idempotency-key-header, 2.7).
 */
export class IdempotencyKeyReusedException extends HttpException {
  constructor(key: string, what: 'case' | 'body') {
    const [en, id] = what === 'case' ? ['for another case', 'untuk pengaduan lain'] : ['with another body', 'dengan isi permintaan yang lain'];
    super(
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: code('case.idempotency-key-reused'),
        message: `the Idempotency-Key "${key}" was already used ${en}: send a new key for a new request`,
        messageId: `Idempotency-Key "${key}" sudah dipakai ${id}: kirim kunci baru untuk permintaan baru`,
      },
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
}

/** 422: the current step does not accept the event; `messageId` words it in Bahasa Indonesia when given. */
export class UnprocessableEventException extends HttpException {
  constructor(message: string, allowed: unknown[], messageId?: string) {
    super(
      {
        statusCode: 422,
        error: 'Unprocessable Entity',
        code: code('case.event-not-accepted'),
        message,
        ...(messageId ? { messageId } : {}),
        allowedEvents: allowed,
      },
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
}
