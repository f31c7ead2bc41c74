import { HttpException, HttpStatus } from '@nestjs/common';
import type { ErrorCode, FieldError } from '@sop/api-contract';

export type { FieldError };

/** The code of an error the API sets itself (the catalogue in @sop/api-contract). */
const code = (c: ErrorCode): ErrorCode => c;

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

/** 422: the current step does not accept the event. */
export class UnprocessableEventException extends HttpException {
  constructor(message: string, allowed: unknown[]) {
    super(
      { statusCode: 422, error: 'Unprocessable Entity', code: code('case.event-not-accepted'), message, allowedEvents: allowed },
      HttpStatus.UNPROCESSABLE_ENTITY,
    );
  }
}
