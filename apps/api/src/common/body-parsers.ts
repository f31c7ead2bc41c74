import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
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

/** A text without the byte order mark a client may put first (body-parser's decoding dropped it). */
const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * The message body-parser gave a body that is valid JSON but not an object or a list: JSON.parse's
 * own words for the text with everything from the first character on made invalid, that character
 * put back (``Unexpected token 'h', "hello" is not valid JSON``).
 */
function strictViolation(text: string, first: string): string {
  const index = text.indexOf(first);
  const partial = index === -1 ? '' : text.substring(0, index) + '#'.repeat(text.length - index);
  try {
    JSON.parse(partial);
    return 'strict violation';
  } catch (e) {
    return (e as Error).message.replace(/#+/g, (placeholder) => text.substring(index, index + placeholder.length));
  }
}

/**
 * A JSON body as body-parser's strict parser read it: a leading byte order mark dropped; empty is
 * `{}`; only an object or a list at the top (a string, number, boolean or null is refused, with the
 * text kept for the filter's message); keys such as `__proto__` are kept as ordinary keys for the
 * hostile-input guard to refuse in its own words.
 */
export function parseJsonBody(raw: string): unknown {
  const text = withoutBom(raw);
  if (text.length === 0) return {};
  const first = FIRST_CHARACTER.exec(text)?.[1];
  if (first !== undefined && first !== '{' && first !== '[') {
    throw new BodyError(400, 'entity.parse.failed', strictViolation(text, first), text);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BodyError(400, 'entity.parse.failed', (e as Error).message, text);
  }
}

/** A form body as body-parser's extended parser read it (`qs`, nested keys, at most 1000 pairs and 32 levels). */
export function parseFormBody(raw: string): unknown {
  const text = withoutBom(raw);
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

const TYPE_NAME = /^[\w!#$%&'*+.^`|~-]+$/;
const SUBTYPE_NAME = /^[\w!#$%&'*+.^`|~-]+\s*$/;

/**
 * Whether Fastify can read a Content-Type as a media type (its own rule: `type/subtype`, then any
 * parameters). One it cannot (`json`, `application/json, text/plain`, empty) Fastify answers 415
 * before any parser; Express read no body from it, and the route said what was missing.
 */
export function readableMediaType(header: string): boolean {
  const semicolon = header.indexOf(';');
  const media = semicolon === -1 ? header : header.slice(0, semicolon);
  const slash = media.indexOf('/');
  return slash !== -1 && TYPE_NAME.test(media.slice(0, slash).trimStart()) && SUBTYPE_NAME.test(media.slice(slash + 1).trimEnd());
}

const INFLATE: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * A JSON or form body sent compressed (Content-Encoding gzip, deflate or br), unpacked as body-parser
 * did; the size limits apply to the unpacked body. Another encoding is refused (415), as it was.
 */
export function inflated(payload: Readable, encoding: string | undefined): Readable {
  const name = (encoding ?? 'identity').trim().toLowerCase();
  if (name === 'identity') return payload;
  const inflate = INFLATE[name] as (() => NodeJS.ReadWriteStream) | undefined;
  if (!inflate) throw new BodyError(415, 'encoding.unsupported', `unsupported content encoding "${name}"`);
  const stream = payload.pipe(inflate()) as unknown as Readable & { receivedEncodedLength: number };
  // Fastify compares the bytes received with Content-Length: those sent, not those unpacked
  stream.receivedEncodedLength = 0;
  payload.on('data', (chunk: Buffer) => (stream.receivedEncodedLength += chunk.length));
  payload.on('error', (e) => stream.destroy(e));
  return stream;
}
