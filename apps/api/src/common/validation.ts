import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { BadInputException, SEND_JSON_BODY, type FieldError } from './errors';
import { fastBody } from './fast-body';

/** Checks of a value's type: when one fails, the value's length and range checks say nothing useful. */
const TYPE_CHECKS = new Set(['isString', 'isInt', 'isNumber', 'isBoolean', 'isObject', 'isIn', 'isArray']);

/**
 * A check's refusal in English (`message`) and in Bahasa Indonesia (`context.messageId`), for a
 * class-validator decorator: the field error then carries both, and the pages show the Indonesian.
 *
 * @example
 * \@MaxLength(200, { each: true, ...said('description is at most 200 characters', 'keterangan paling panjang 200 karakter') })
 *
 * class-validator keeps one context per kind of check on a property: two checks of the same kind
 * (two `@Matches` on one field) would share the last one's Indonesian. Give such a field one check.
 */
export function said(message: string, messageId: string): { message: string; context: { messageId: string } } {
  return { message, context: { messageId } };
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const constraints = Object.entries(e.constraints ?? {});
    const typeFailures = constraints.filter(([name]) => TYPE_CHECKS.has(name));
    // e.g. a missing version fails "at least 1" too: only its type check is reported
    const reported = typeFailures.length ? typeFailures : constraints;
    const own = reported.map(([name, message]): FieldError => {
      // forbidNonWhitelisted: "property x should not exist"
      const context = e.contexts?.[name] as { messageId?: unknown } | undefined;
      const worded = name === 'whitelistValidation' ? `isian ${e.property} tidak dikenal di sini: hapus isian itu` : context?.messageId;
      const missing = e.value === undefined;
      const error: FieldError = { field, message: missing ? `${field} is missing: ${message}` : message };
      if (typeof worded === 'string') error.messageId = missing ? `belum ada: ${worded}` : worded;
      return error;
    });
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** A JSON value's kind in Bahasa Indonesia, for "send an object, not …". */
const KIND_ID: Partial<Record<string, string>> = { string: 'teks', number: 'angka', boolean: 'nilai benar/salah' };

/** The DTO pipe, refusing first a body that is not one JSON object (a list, or no JSON body at all). */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // the whole body (@Body() with a DTO), not one property of it (@Body('name'))
    if (metadata.type === 'body' && !metadata.data && metadata.metatype && metadata.metatype !== Object) {
      if (value === undefined || value === null) {
        throw new BadInputException('the body is missing', [SEND_JSON_BODY]);
      }
      if (Array.isArray(value) || typeof value !== 'object') {
        throw new BadInputException('the body must be a JSON object', [
          {
            field: 'body',
            message: `send one JSON object such as {"field": "value"}, not ${Array.isArray(value) ? 'a list' : typeof value}`,
            messageId: `kirim satu objek JSON seperti {"isian": "nilai"}, bukan ${Array.isArray(value) ? 'daftar' : (KIND_ID[typeof value] ?? typeof value)}`,
          },
        ]);
      }
      // a hot route's body its compiled schema accepts needs no class-transformer or class-validator
      const fast = fastBody(metadata.metatype, value);
      if (fast) return fast;
    }
    if (metadata.type !== 'query' || value === null || typeof value !== 'object') return super.transform(value, metadata);
    try {
      return await super.transform(value, metadata);
    } catch (e) {
      throw e instanceof BadInputException ? sentTwice(e, value as Record<string, unknown>) : e;
    }
  }
}

/**
 * A query refused for a parameter sent more than once (`?page=1&page=2` arrives as a list): said so,
 * rather than "page must be a whole number" of a value the client never wrote.
 */
function sentTwice(e: BadInputException, query: Record<string, unknown>): BadInputException {
  const body = e.getResponse() as { message: string; errors?: FieldError[] };
  const repeated = new Set<string>();
  const errors = (body.errors ?? []).flatMap((error): FieldError[] => {
    const sent = Object.hasOwn(query, error.field) ? query[error.field] : undefined;
    if (!Array.isArray(sent)) return [error];
    if (repeated.has(error.field)) return [];
    repeated.add(error.field);
    return [
      {
        field: error.field,
        message: `${error.field} was sent ${sent.length} times: send it once`,
        messageId: `${error.field} dikirim ${sent.length} kali: kirim sekali saja`,
      },
    ];
  });
  return repeated.size ? new BadInputException(body.message, errors) : e;
}

/** Validates every body, parameter and query against its DTO; unknown properties are refused. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // the value is read by `flatten` (to say a field is missing) and never sent back
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => new BadInputException('the request is not valid: see errors', flatten(errors)),
  });
}
