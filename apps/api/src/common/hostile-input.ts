import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadInputException, type FieldError } from './errors';
import { pathOf } from './request-path';

/** The deepest nesting of objects and lists a request may hold (the API's own bodies use 2 or 3). */
export const MAX_INPUT_DEPTH = 64;
/** The most keys and list items a request body may hold in total (a complaint form has a few dozen). */
export const MAX_INPUT_ENTRIES = 1000;
/** At most this many problems are listed; the rest are counted. */
export const MAX_REPORTED_PROBLEMS = 20;

/**
 * Keys that name a property every JavaScript object inherits (`__proto__`, `constructor`,
 * `toString`, …), and `prototype`. Copied into an object they replace its prototype or shadow a
 * method; class-transformer drops them silently. They are refused like any unknown property.
 */
const BUILT_IN_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

const LONE_SURROGATE = /\p{Cs}/u;
const PLAIN_KEY = /^[A-Za-z0-9_$-]{1,64}$/;

type Kind = 'nul' | 'surrogate' | 'depth' | 'entries' | 'built-in' | 'encoding';

const SUMMARY: Record<Kind, string> = {
  nul: 'text must not contain NUL characters (\\u0000)',
  surrogate: 'text must be valid Unicode (a lone surrogate such as \\ud800 is not a character)',
  depth: `objects and lists may be nested at most ${MAX_INPUT_DEPTH} levels deep`,
  entries: `a body or query string may hold at most ${MAX_INPUT_ENTRIES} keys and list items`,
  'built-in': 'keys named like JavaScript built-ins (__proto__, constructor, prototype, toString, …) are refused',
  encoding: 'the URL path must be valid percent-encoded UTF-8',
};

interface Problem extends FieldError {
  kind: Kind;
}

/** A key as it can be shown: plain keys as they are, others quoted with escapes (a NUL shows as \u0000), long ones cut. */
function showKey(key: string): string {
  if (PLAIN_KEY.test(key)) return key;
  const quoted = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
  return quoted;
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const shown = showKey(key);
  if (shown.startsWith('"')) return `${path}[${shown}]`;
  return path ? `${path}.${shown}` : shown;
}

/**
 * What is wrong with a text (a value or a key), or null: in English, and in Bahasa Indonesia for
 * the pages (a text pasted from elsewhere can carry either character). `names` says what the text
 * is, in both languages; it is asked only when something is wrong (every request's texts pass here).
 */
function textProblem(text: string, names: () => [what: string, whatId: string]): { kind: Kind; message: string; messageId: string } | null {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const [what, whatId] = names();
    return {
      kind: 'nul',
      message: `${what} contains a NUL character (\\u0000) at character ${nul + 1}: remove it`,
      messageId: `${whatId} memuat karakter NUL (\\u0000) di posisi ke-${nul + 1}: hapus karakter itu`,
    };
  }
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    const [what, whatId] = names();
    const code = lone[0].charCodeAt(0).toString(16);
    return {
      kind: 'surrogate',
      message: `${what} contains a lone surrogate (\\u${code}) at character ${lone.index + 1}: it is not a Unicode character; send the text as valid UTF-8`,
      messageId: `${whatId} memuat karakter yang rusak (surrogate tunggal \\u${code}) di posisi ke-${lone.index + 1}: tulis atau tempel ulang teksnya`,
    };
  }
  return null;
}

/**
 * Walks a parsed JSON body (or query) without recursion, so no depth can overflow the stack, and
 * collects what the API refuses anywhere in it: NUL characters and lone surrogates in keys and
 * texts, keys named like built-ins, nesting deeper than {@link MAX_INPUT_DEPTH}, more than
 * `maxEntries` keys and list items. Stops at the first depth or size problem (the rest of such a
 * value is not looked at); paths are written as the errors of the DTOs write them (`data.nama`, `items[2]`).
 */
export function scanInput(value: unknown, options: { what?: 'body' | 'query'; maxEntries?: number } = {}): Problem[] {
  const maxEntries = options.maxEntries ?? MAX_INPUT_ENTRIES;
  const what = options.what ?? 'body';
  const problems: Problem[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  let entries = 0;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, path, depth } = next;
    const label = path || `the ${what === 'body' ? 'body' : 'query string'}`;
    const field = path || what;
    if (typeof current === 'string') {
      const problem = textProblem(current, () => [label, path ? `isian ${path}` : what === 'body' ? 'isi permintaan' : 'query string']);
      if (problem) problems.push({ field, ...problem });
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      problems.push({
        field,
        kind: 'depth',
        message: `${label} is nested more than ${MAX_INPUT_DEPTH} levels deep: send at most ${MAX_INPUT_DEPTH} levels of objects and lists`,
      });
      break;
    }
    const keys = Array.isArray(current) ? null : Object.keys(current);
    entries += keys ? keys.length : (current as unknown[]).length;
    if (entries > maxEntries) {
      problems.push({
        field,
        kind: 'entries',
        message: `the ${what === 'body' ? 'body' : 'query string'} holds more than ${maxEntries} keys and list items (counted up to ${label}): send at most ${maxEntries}`,
      });
      break;
    }
    const children: Array<{ value: unknown; path: string; depth: number }> = [];
    if (keys) {
      for (const key of keys) {
        const at = childPath(path, key);
        const problem = textProblem(key, () => {
          const shown = JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
          return [`the key ${shown}`, `nama isian ${shown}`];
        });
        if (problem) {
          problems.push({ field: at, ...problem });
          continue;
        }
        if (BUILT_IN_KEYS.has(key)) {
          problems.push({ field: at, kind: 'built-in', message: `property ${key} should not exist: ${SUMMARY['built-in']}` });
          continue;
        }
        children.push({ value: (current as Record<string, unknown>)[key], path: at, depth: depth + 1 });
      }
    } else {
      (current as unknown[]).forEach((item, index) => children.push({ value: item, path: childPath(path, index), depth: depth + 1 }));
    }
    // in document order: the stack pops the last pushed first
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return problems;
}

/** The URL path's segments, each decoded; a segment that is not valid percent-encoded UTF-8 is a problem. */
export function scanPath(path: string): Problem[] {
  const problems: Problem[] = [];
  path.split('/').forEach((segment, index) => {
    if (!segment.includes('%')) return;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      problems.push({
        field: 'path',
        kind: 'encoding',
        message: `path segment ${index} "${segment.slice(0, 60)}" is not valid percent-encoded UTF-8 (a lone surrogate or a cut sequence): send valid UTF-8`,
      });
      return;
    }
    const problem = textProblem(decoded, () => [`path segment ${index} "${segment.slice(0, 60)}"`, `bagian alamat ke-${index} "${segment.slice(0, 60)}"`]);
    if (problem) problems.push({ field: 'path', ...problem });
  });
  return problems;
}

/** The 400 for what a scan found: the first {@link MAX_REPORTED_PROBLEMS} problems, then how many more. */
export function refusal(problems: Problem[]): BadInputException {
  const kinds = [...new Set(problems.map((p) => p.kind))];
  const errors: FieldError[] = problems
    .slice(0, MAX_REPORTED_PROBLEMS)
    .map(({ field, message, messageId }) => (messageId ? { field, message, messageId } : { field, message }));
  if (problems.length > MAX_REPORTED_PROBLEMS) {
    errors.push({ field: 'body', message: `and ${problems.length - MAX_REPORTED_PROBLEMS} more problems of the same kinds` });
  }
  return new BadInputException(`the request is not valid: ${kinds.map((k) => SUMMARY[k]).join('; ')}: see errors`, errors);
}

/**
 * A hook run once on every API request as soon as its body is read (Fastify's `preValidation`),
 * before any guard, pipe, route or database: refuses (400, with the field of each problem) NUL
 * characters, lone surrogates, keys named like built-ins, nesting deeper than 64 levels and bodies of
 * more than 1000 keys, in the JSON or form body, the query string and the path. Everything after it
 * may assume its input is well-formed text of bounded shape.
 */
export function hostileInputHook() {
  return (request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void): void => {
    const path = pathOf(request.url);
    if (!path.startsWith('/api/')) {
      done();
      return;
    }
    const problems = [
      ...scanPath(path),
      ...scanInput(request.query, { what: 'query' }),
      ...(request.body !== undefined && request.body !== null ? scanInput(request.body) : []),
    ];
    done(problems.length > 0 ? refusal(problems) : undefined);
  };
}
