import { validateSop } from '@sop/model';
import { parseDocument } from 'yaml';
import { patchScalar, scalarSpans, scalarValue, setIn, type PatchBase } from './scalar-patch';
import { commonPrefix, commonSuffix } from '../text-ends';
import { generateLargeSop, random, SEED_TEXTS } from './__fixtures__/spec-texts';

const seeds = SEED_TEXTS;

/** What the validator reads a text as (`validateSop(text).data` reads the same parse). */
const dataOf = (text: string) => parseDocument(text).toJS({ maxAliasCount: 100 });

const baseOf = (text: string): PatchBase | null => {
  const spans = scalarSpans(text);
  return spans ? { text, spans, data: dataOf(text) } : null;
};

// letters, digits and what YAML reads otherwise: indicators, quotes, escapes, comments, line breaks
const ALPHABET = 'abcXYZ019 .-_/:#"\'\\,[]{}&*!|>%@`?~\t\n';
const VALUES = [
  'true',
  'False',
  'null',
  '~',
  '12',
  '-3',
  '0x1F',
  '1e3',
  '.inf',
  '1.5',
  '"x y"',
  "'q'",
  "'it''s'",
  '"a\\"b"',
  'a: b',
  'a #c',
  '- x',
  '',
  ' ',
  '[a]',
  '{a: 1}',
  '&x y',
  '*y',
  '!t z',
  '|',
  '>',
  '2 hari',
  'Langkah baru',
];

describe('patchScalar: the fast path of an edit inside one scalar', () => {
  test('scalarSpans: each span is a value alone on the rest of its line, with the path of its value', () => {
    const text = 'a: Mulai  \nb:\n  - "x"\n  - y # c\nc: { d: e }\nf: 2\n';
    expect(scalarSpans(text)).toEqual([
      { start: 3, end: 10, path: ['a'] },
      { start: 18, end: 21, path: ['b', 0] },
      { start: 47, end: 48, path: ['f'] },
    ]);
    // what an edit could reach in more than one place, or YAML that cannot be read: no fast path
    expect(scalarSpans('a: &x 1\nb: *x\n')).toBeNull();
    expect(scalarSpans('a: !!str 1\n')).toBeNull();
    expect(scalarSpans('%YAML 1.1\n---\na: yes\n')).toBeNull();
    expect(scalarSpans('a: [\n')).toBeNull();
    expect(scalarSpans('a: 1\r\nb: 2\r\n')).toBeNull();
  });

  test('scalarValue reads one scalar the way the document does, and refuses what could be more', () => {
    expect(scalarValue('Langkah 2a')).toEqual({ value: 'Langkah 2a' });
    expect(scalarValue('Langkah 2a   ')).toEqual({ value: 'Langkah 2a' });
    expect(scalarValue('"1"')).toEqual({ value: '1' });
    expect(scalarValue("'x'")).toEqual({ value: 'x' });
    expect(scalarValue('12')).toEqual({ value: 12 });
    expect(scalarValue('true')).toEqual({ value: true });
    expect(scalarValue('~')).toEqual({ value: null });
    for (const more of ['a: b', 'a #b', '- a', '"a', '"a\\"b"', "'it''s'", '&a b', '*a', '!a b', '[a]', '{a}', '|', '', ' ', 'a\tb'])
      expect(scalarValue(more)).toBeUndefined();
  });

  test('setIn copies the objects on the path and shares the rest', () => {
    const data = { a: [{ b: 1 }, { c: 2 }], d: { e: 3 } };
    const next = setIn(data, ['a', 0, 'b'], 'x') as typeof data;
    expect(next).toEqual({ a: [{ b: 'x' }, { c: 2 }], d: { e: 3 } });
    expect(data.a[0].b).toBe(1);
    expect(next.d).toBe(data.d);
    expect(next.a[1]).toBe(data.a[1]);
  });

  test("typing a step's label in the generated SOP patches the document as the validator reads it", () => {
    const text = generateLargeSop({ steps: 12, lanes: 4 });
    let base = baseOf(text)!;
    let typed = text;
    for (const ch of 'abc de') {
      typed = typed.replace(/(label: Langkah 2[a-z ]*)\n/, `$1${ch}\n`);
      const patched = patchScalar(base, typed);
      expect(patched).not.toBeNull();
      expect(patched!.data).toStrictEqual(validateSop(typed).data);
      base = { text: typed, spans: patched!.spans, data: patched!.data };
    }
  });

  // the property: whatever the edit, a patch (when one is made) equals reading the whole new text
  test.each(seeds)('random edits of %s: every patch equals the full parse, and its spans the full index', (name, seedText) => {
    const rnd = random(name.length * 7919 + seedText.length);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    let text = seedText;
    let base = baseOf(text);
    let patched = 0;
    let full = 0;
    for (let i = 0; i < 200; i++) {
      const spans = base?.spans ?? scalarSpans(text) ?? [];
      let next: string;
      const r = rnd();
      if (spans.length && r < 0.85) {
        const span = pick(spans);
        const at = span.start + Math.floor(rnd() * (span.end - span.start + 1));
        if (r < 0.45)
          next = text.slice(0, at) + pick(ALPHABET.split('')) + text.slice(at); // a character typed in a value
        else if (r < 0.6)
          next = text.slice(0, at) + text.slice(at + 1); // one deleted (sometimes the line's end)
        else next = text.slice(0, span.start) + pick(VALUES) + text.slice(span.end); // the whole value replaced
      } else {
        const at = Math.floor(rnd() * text.length); // anywhere: a key, an indentation, a comment…
        next = text.slice(0, at) + pick(ALPHABET.split('')) + text.slice(at);
      }
      const result = base ? patchScalar(base, next) : null;
      if (result) {
        patched++;
        expect(result.data).toStrictEqual(dataOf(next));
        expect(result.spans).toEqual(scalarSpans(next));
        base = { text: next, spans: result.spans, data: result.data };
      } else {
        full++;
        base = baseOf(next);
      }
      text = next;
      // now and then back to a readable text, so that the walk does not stay in broken YAML
      if (!base && rnd() < 0.3) {
        text = seedText;
        base = baseOf(text);
      }
    }
    // the property is not tested by a walk that never takes the fast path
    expect(patched).toBeGreaterThan(50);
    expect(full).toBeGreaterThan(20);
  });
});

describe('commonPrefix and commonSuffix: where two texts start and stop differing', () => {
  const naivePrefix = (a: string, b: string) => {
    let n = 0;
    while (n < Math.min(a.length, b.length) && a[n] === b[n]) n++;
    return n;
  };
  const naiveSuffix = (a: string, b: string, max: number) => {
    let n = 0;
    while (n < max && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
    return n;
  };

  test('the same counts as a character-by-character walk, for edits anywhere in texts of any length', () => {
    const next = random(7);
    const alphabet = 'ab\n';
    const text = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let i = 0; i < 2000; i++) {
      const a = text(Math.floor(next() * 40));
      const at = Math.floor(next() * (a.length + 1));
      const cut = Math.floor(next() * 4);
      const b = a.slice(0, at) + text(Math.floor(next() * 4)) + a.slice(Math.min(a.length, at + cut));
      const prefix = commonPrefix(a, b);
      expect(prefix).toBe(naivePrefix(a, b));
      const max = Math.min(a.length, b.length) - prefix;
      expect(commonSuffix(a, b, max)).toBe(naiveSuffix(a, b, max));
    }
  });

  test('a keystroke in a 300-step SOP: the changed range found', () => {
    const a = generateLargeSop({ steps: 300, lanes: 8 });
    const at = a.indexOf('label: Langkah 2\n') + 'label: Langkah 2'.length;
    const b = `${a.slice(0, at)}x${a.slice(at)}`;
    expect(commonPrefix(a, b)).toBe(at);
    expect(commonSuffix(a, b, a.length - at)).toBe(a.length - at);
    expect(commonPrefix(a, a)).toBe(a.length);
    expect(commonPrefix('', a)).toBe(0);
  });
});
