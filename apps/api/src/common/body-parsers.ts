import qs from 'qs';

/** The largest JSON body the API reads (1 MB, as body-parser's `limit: '1mb'` was). */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** The largest form body (Open311's `application/x-www-form-urlencoded`): body-parser's default 100 kB. */
export const FORM_BODY_LIMIT = 100 * 1024;
/** At most this many `name=value` pairs in a form body (body-parser's default). */
export const FORM_PARAMETER_LIMIT = 1000;

/** A body the parsers refuse: the shape body-parser gave its errors (`type`, `status`, the text), which the exception filter answers. */
export class BodyError extends Error {
  readonly statusCode: number;
  readonly expose = true;
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly body?: string,
  ) {
    super(message);
    this.statusCode = status;
  }
}

const FIRST_CHARACTER = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d])/;

/**
 * A JSON body as body-parser's strict parser read it: empty is `{}`; only an object or a list at
 * the top (a string, number, boolean or null is refused, with the text kept for the filter's
 * message); keys such as `__proto__` are kept as ordinary keys for the hostile-input guard to refuse
 * in its own words.
 */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0) return {};
  const first = FIRST_CHARACTER.exec(text)?.[1];
  if (first !== undefined && first !== '{' && first !== '[') {
    throw new BodyError(400, 'entity.parse.failed', `Unexpected token ${JSON.stringify(first)}: only an object or a list is taken`, text);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BodyError(400, 'entity.parse.failed', (e as Error).message, text);
  }
}

/** A form body as body-parser's extended parser read it (`qs`, nested keys, at most 1000 pairs and 32 levels). */
export function parseFormBody(text: string): unknown {
  if (text.length === 0) return {};
  const pairs = text.split('&').length;
  if (pairs > FORM_PARAMETER_LIMIT) throw new BodyError(413, 'parameters.too.many', 'too many parameters');
  try {
    return qs.parse(text, {
      allowPrototypes: true,
      arrayLimit: Math.max(100, pairs - 1),
      depth: 32,
      parameterLimit: FORM_PARAMETER_LIMIT,
      strictDepth: true,
    });
  } catch (e) {
    if (e instanceof RangeError) throw new BodyError(400, 'querystring.parse.rangeError', 'The input exceeded the depth');
    throw e;
  }
}
