// The editor's fast path for an edit that only changes one scalar's text (a label, a keterangan, a
// waktu…): the new document is the previous one with that value replaced, found from where each
// scalar lies in the text, without parsing the whole YAML again (docs/adr/0034-editor-at-scale.md).
import { commonPrefix, commonSuffix } from '../text-ends';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, parse, parseDocument, Scalar, type Document } from 'yaml';

/** A key or an index from the document's root to a value. */
export type DataPath = readonly (string | number)[];

/**
 * Where a scalar value lies in the text: from its first character to the end of its line (the rest
 * of the line after the value holds only spaces), and the path of the value in the document's data.
 */
export interface ScalarSpan {
  start: number;
  end: number;
  path: DataPath;
}

/** A text, where its scalars lie ({@link scalarSpans}), and the data it reads as. */
export interface PatchBase {
  text: string;
  spans: readonly ScalarSpan[];
  data: unknown;
}

/** Characters that make a plain scalar something else when they lead it (YAML's indicators) or stand in it. */
const PLAIN_LEAD = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/;
const PLAIN_BODY = /^[^\t\r\n#:]*$/;

/**
 * Where each scalar the fast path may patch lies in a text: the single-line plain or quoted values of
 * block mappings and block lists, each alone on the rest of its line (no comment after it). Null
 * when the text is not one the fast path may work on: a YAML error, a directive, a tag, an anchor or
 * an alias (an edit could reach more than one place of the data), carriage returns, a key that is
 * not a plain string.
 *
 * @example
 * scalarSpans('label: Mulai\n') // [{ start: 7, end: 12, path: ['label'] }]
 */
export function scalarSpans(text: string, doc: Document = parseDocument(text)): ScalarSpan[] | null {
  if (text.includes('\r') || doc.errors.length > 0 || /^%/m.test(text)) return null;
  const spans: ScalarSpan[] = [];
  const lineEnd = (at: number) => {
    const nl = text.indexOf('\n', at);
    return nl < 0 ? text.length : nl;
  };
  const walk = (node: unknown, path: (string | number)[], block: boolean): boolean => {
    if (node === null || node === undefined) return true;
    if (!isNode(node)) return false;
    if (isAlias(node) || node.anchor || node.tag) return false;
    if (isScalar(node)) {
      const [start, valueEnd] = node.range ?? [0, 0, 0];
      if (!block || valueEnd <= start) return true;
      const end = lineEnd(start);
      if (valueEnd > end || text.slice(valueEnd, end).trim() !== '') return true; // several lines, or a comment after it
      if (node.type === Scalar.PLAIN || node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) spans.push({ start, end, path });
      return true;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) return false;
        const key = pair.key;
        if (!isScalar(key) || typeof key.value !== 'string' || key.anchor || key.tag || key.value === '__proto__') return false;
        if (!walk(pair.value, [...path, key.value], !node.flow)) return false;
      }
      return true;
    }
    if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) if (!walk(item, [...path, i], !node.flow)) return false;
      return true;
    }
    return false;
  };
  return walk(doc.contents, [], true) ? spans.sort((a, b) => a.start - b.start) : null;
}

/** The value a scalar's source reads as, or undefined when it may be more than one scalar. */
export function scalarValue(source: string): { value: unknown } | undefined {
  const s = source.replace(/[ ]+$/, '');
  if (s === '' || s.includes('\n')) return undefined;
  if (s[0] === '"') return /^"[^"\\]*"$/.test(s) ? { value: s.slice(1, -1) } : undefined;
  if (s[0] === "'") return /^'[^']*'$/.test(s) ? { value: s.slice(1, -1) } : undefined;
  if (!PLAIN_LEAD.test(s) || !PLAIN_BODY.test(s)) return undefined;
  // a plain scalar resolves by the core schema (a number, true, null…): read by the same library
  const doc = parseDocument(s);
  if (doc.errors.length || doc.warnings.length || !isScalar(doc.contents) || doc.contents.type !== Scalar.PLAIN || doc.contents.source !== s) return undefined;
  return { value: parse(s) };
}

/** The data with the value at `path` replaced; every object on the path is copied, the rest is shared. */
export function setIn(data: unknown, path: DataPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (Array.isArray(data) && typeof key === 'number') {
    const copy = data.slice();
    copy[key] = setIn(data[key], rest, value);
    return copy;
  }
  if (data !== null && typeof data === 'object' && typeof key === 'string') {
    const record = data as Record<string, unknown>;
    return { ...record, [key]: setIn(record[key], rest, value) };
  }
  throw new Error(`no value at ${path.join('.')}`);
}

/**
 * The data and scalar spans of `next` when it differs from `base.text` only inside one scalar's span
 * and the new text there is still one scalar on its own (see {@link scalarValue}); null otherwise
 * (the whole text must be read again). The result equals what parsing `next` gives.
 *
 * @example
 * const base = { text, spans: scalarSpans(text)!, data: parse(text) };
 * patchScalar(base, text.replace('label: Mulai', 'label: Mulai lagi'))?.data // the data with that label
 */
export function patchScalar(base: PatchBase, next: string): { data: unknown; spans: ScalarSpan[] } | null {
  const prev = base.text;
  if (prev === next || next.includes('\r')) return null;
  const from = commonPrefix(prev, next);
  const tail = commonSuffix(prev, next, Math.min(prev.length, next.length) - from);
  const to = prev.length - tail; // the old text changed in [from, to)
  const span = spanHolding(base.spans, from, to);
  if (!span) return null;
  const delta = next.length - prev.length;
  const end = span.end + delta;
  if (end < span.start) return null;
  const line = next.slice(span.start, end);
  if (line.includes('\n')) return null;
  const read = scalarValue(line);
  if (!read) return null;
  const index = base.spans.indexOf(span);
  const spans = base.spans.map((s, i) => (i < index ? s : i === index ? { ...s, end } : { start: s.start + delta, end: s.end + delta, path: s.path }));
  return { data: setIn(base.data, span.path, read.value), spans };
}

/** The span whose extent holds the changed range [from, to), by binary search (spans are sorted and apart). */
function spanHolding(spans: readonly ScalarSpan[], from: number, to: number): ScalarSpan | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start > from) hi = mid - 1;
    else lo = mid + 1;
  }
  const span = hi >= 0 ? spans[hi] : undefined;
  return span && from >= span.start && to <= span.end ? span : undefined;
}
