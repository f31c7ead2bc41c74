import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue } from './sop-issue';
import { MAX_ISSUES_LISTED, MAX_SOP_DEPTH, MAX_SOP_LENGTH, validateSop } from './validate-sop';

/**
 * The validator's bounds: any text, however deep or long, is answered with located issues (never a
 * thrown error or an exhausted stack), because the CLI, the API and the browser all run it on text
 * someone else wrote.
 */
const MINIMAL = readFileSync(join(__dirname, '__fixtures__/valid/minimal.yaml'), 'utf8');

const block = (levels: number, indent = 2) => Array.from({ length: levels }, (_, i) => `${' '.repeat(indent * i)}a:`).join('\n') + ' 1\n';

describe('nesting deeper than MAX_SOP_DEPTH is refused before the YAML is composed', () => {
  // each located at the 65th mapping or list: its "[", "{", "-", "?" or first key
  it.each([
    ['12,000 "[" (24 KB)', '['.repeat(12_000) + ']'.repeat(12_000), 1, 65],
    ['12,000 unclosed "["', '['.repeat(12_000), 1, 65],
    ['12,000 "{a: "', '{a: '.repeat(12_000) + '1' + '}'.repeat(12_000), 1, 4 * 64 + 1],
    ['12,000 "- " on one line', '- '.repeat(12_000) + 'x\n', 1, 2 * 64 + 1],
    ['12,000 "? " on one line', '? '.repeat(12_000) + 'x\n', 1, 2 * 64 + 1],
    ['"a:" indented 1,400 levels (1 MB)', block(1_400, 1), 65, 65],
    ['"a:" indented two spaces a level, 900 levels', block(900), 65, 2 * 64 + 1],
    // "- {a: [" opens three levels, then two in each repetition (the "- " is text inside "["): the 32nd "[" is the 65th level
    ['lists and mappings mixed, 20,000 levels', '- {a: ['.repeat(10_000) + ']}'.repeat(10_000), 1, 7 * 31 + 7],
  ])('%s: one located yaml.too-deep error', (_name, text, line, column) => {
    expect(text.length).toBeLessThanOrEqual(MAX_SOP_LENGTH);
    const started = Date.now();
    const result = validateSop(text, { file: 'deep.yaml' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.valid).toBe(false);
    expect(result.sop).toBeUndefined();
    expect(result.issues).toEqual([
      {
        severity: 'error',
        code: 'yaml.too-deep',
        message: `YAML: mappings and lists are nested more than ${MAX_SOP_DEPTH} levels deep here; an SOP needs a few levels: close the open "[" or "{", or indent less`,
        params: { limit: MAX_SOP_DEPTH },
        pointer: '',
        file: 'deep.yaml',
        line,
        column,
      },
    ]);
    expect(formatIssue(result.issues[0])).toMatch(/^deep\.yaml:\d+:\d+: error: YAML: mappings and lists are nested more than 64 levels/);
  });

  it('takes MAX_SOP_DEPTH levels, and refuses one more', () => {
    const nested = (levels: number) => MINIMAL.replace('  peringatan: []', `  peringatan: ${'['.repeat(levels)}${']'.repeat(levels)}`);
    // the root mapping and "sections" are two levels: 62 lists make 64
    expect(validateSop(nested(62)).issues.map((i) => i.code)).toEqual(['schema.type']);
    expect(validateSop(nested(63)).issues.map((i) => i.code)).toEqual(['yaml.too-deep']);
  });
});

describe('text longer than MAX_SOP_LENGTH is refused before it is parsed', () => {
  it('names the length and points at where the limit is passed', () => {
    const line = `# ${'x'.repeat(98)}\n`; // 101 characters a line
    const text = MINIMAL + line.repeat(Math.ceil(MAX_SOP_LENGTH / line.length));
    const result = validateSop(text, { file: 'long.yaml' });
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue).toMatchObject({
      severity: 'error',
      code: 'yaml.too-long',
      file: 'long.yaml',
      message: `the file has ${text.length} characters; an SOP file has at most ${MAX_SOP_LENGTH}: this is where the limit is passed`,
    });
    const lines = text.split('\n');
    const offset = lines.slice(0, issue.line - 1).reduce((n, l) => n + l.length + 1, 0) + issue.column - 1;
    expect(offset).toBe(MAX_SOP_LENGTH);
  });

  it('takes a file of exactly MAX_SOP_LENGTH characters', () => {
    const text = MINIMAL + '#'.repeat(MAX_SOP_LENGTH - MINIMAL.length);
    expect(text.length).toBe(MAX_SOP_LENGTH);
    expect(validateSop(text).valid).toBe(true);
  });
});

describe('texts no SOP may hold, written as YAML escapes', () => {
  it.each([
    ['a NUL as \\x00 in a key', MINIMAL.replace('  government:', '  "gov\\x00ernment":'), 'this key holds a NUL character'],
    ['a lone surrogate', MINIMAL.replace('  title: Pelayanan Pengaduan', '  title: "Pelayanan \\ud800"'), 'a lone surrogate (\\ud800)'],
  ])('%s is a located error', (_name, text, says) => {
    const result = validateSop(text, { file: 'x.yaml' });
    expect(result.valid).toBe(false);
    expect(result.issues.find((i) => i.code === 'text.bad-character')).toMatchObject({ line: expect.any(Number), message: expect.stringContaining(says) });
  });

  it('an anchor inside itself (a cycle) is looked at once', () => {
    const result = validateSop(MINIMAL.replace('  peringatan: []', '  peringatan: &p [ "\\0", *p ]'));
    expect(result.issues.filter((i) => i.code === 'text.bad-character')).toHaveLength(1);
  });
});

/** A small deterministic generator (mulberry32): the same seed, the same documents, on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}

const NASTY_SCALARS = [
  'x',
  '"\\0"',
  '"\\ud800"',
  "'it''s'",
  '|',
  '>-',
  '&a x',
  '*a',
  '!!str 1',
  '~',
  '1e999',
  '"\\x00\\udc00"',
  '\t',
  '#c',
  ':',
  '-',
  '? k',
  '%',
  '@',
  '`',
  '---',
  '...',
  '"',
  "'",
  '{',
  '[',
  ']',
  '}',
  ',',
];

/** A random YAML text: random nesting of flow and block collections, random keys, scalars with NULs and surrogates as escapes and as characters. */
function randomYaml(rng: ReturnType<typeof random>): { text: string; depth: number } {
  const depth = rng.pick([1, 3, 10, 40, 63, 64, 65, 66, 100, 500, 3_000]);
  const flow = rng.next() < 0.5;
  const key = () => rng.pick(['a', 'steps', 'lanes', '__proto__', 'constructor', 'k\u0000', '\ud800', 'x y', '"q"', '? ', '&anchor k', '*alias']);
  const scalar = () => (rng.next() < 0.2 ? String.fromCharCode(rng.int(0x10000)) : rng.pick(NASTY_SCALARS));
  let text = rng.next() < 0.5 ? MINIMAL : '';
  if (flow) {
    let open = '';
    for (let i = 0; i < depth; i++) open += rng.pick(['[', `{${key()}: `, '[' + scalar() + ', ']);
    text += `x: ${open}${scalar()}${rng.next() < 0.8 ? ']'.repeat(depth) : ''}\n`;
  } else {
    for (let i = 0; i < Math.min(depth, 500); i++) text += `${' '.repeat(i)}${rng.pick(['- ', `${key()}:`, '? '])}${rng.next() < 0.1 ? ' ' + scalar() : ''}\n`;
  }
  if (rng.next() < 0.3) text = text.slice(0, rng.int(text.length + 1));
  return { text, depth };
}

describe('fuzz: random nesting, keys and characters never throw, and every issue is located', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: 40 documents', (seed) => {
    const rng = random(seed);
    for (let n = 0; n < 40; n++) {
      const { text } = randomYaml(rng);
      let result: ReturnType<typeof validateSop> | undefined;
      expect(() => (result = validateSop(text, { file: 'fuzz.yaml' }))).not.toThrow();
      expect(typeof result!.valid).toBe('boolean');
      for (const issue of result!.issues) {
        expect(issue).toMatchObject({ file: 'fuzz.yaml', line: expect.any(Number), column: expect.any(Number) });
        expect(issue.line).toBeGreaterThanOrEqual(1);
        expect(issue.column).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('a text of tens of thousands of keys is answered with the first MAX_ISSUES_LISTED problems and a count of the rest', () => {
  const keys = (n: number, key: (i: number) => string) => Array.from({ length: n }, (_, i) => `${key(i)}: 1`).join('\n') + '\n';

  it('80,000 unknown keys (788 KB): 500 listed, then one issue that counts the 79,506 more, located at the first of them', () => {
    const { valid, issues } = validateSop(
      keys(80_000, (i) => `k${i}`),
      { file: 'keys.yaml' },
    );
    expect(valid).toBe(false);
    expect(issues).toHaveLength(MAX_ISSUES_LISTED + 1);
    const more = issues.find((i) => i.code === 'issues.more')!;
    // 80,000 unknown keys and the 6 required keys of an SOP missing
    expect(more).toMatchObject({ severity: 'error', params: { more: 80_006 - MAX_ISSUES_LISTED, listed: MAX_ISSUES_LISTED }, file: 'keys.yaml' });
    expect(more.message).toBe('and 79506 more problems of the same check, not listed: mend the ones above, then check again');
    expect(formatIssue(more, { lang: 'id' })).toContain('dan 79506 masalah lain dari pemeriksaan yang sama tidak dicantumkan');
    expect(more.line).toBeGreaterThan(1);
  });

  it('a key set 20,000 times: each repetition is a located duplicate-key error naming the first, the first 500 listed', () => {
    const { issues } = validateSop(
      keys(20_000, () => 'nama'),
      { file: 'same.yaml' },
    );
    expect(issues).toHaveLength(MAX_ISSUES_LISTED + 1);
    expect(issues[0]).toMatchObject({ code: 'yaml.duplicate_key', line: 2, column: 1, params: { key: 'nama', earlierLine: 1 } });
    expect(issues[MAX_ISSUES_LISTED - 1]).toMatchObject({ code: 'yaml.duplicate_key', line: MAX_ISSUES_LISTED + 1 });
    expect(issues[MAX_ISSUES_LISTED]).toMatchObject({
      code: 'issues.more',
      params: { more: 19_999 - MAX_ISSUES_LISTED },
      line: MAX_ISSUES_LISTED + 2,
      column: 1,
    });
  });

  it('a syntax error after 600 duplicate keys is listed still: the one that stops the reading comes first', () => {
    const text = keys(601, () => 'nama') + 'judul: "tidak ditutup\n';
    const { issues } = validateSop(text, { file: 'late.yaml' });
    expect(issues).toHaveLength(MAX_ISSUES_LISTED + 1);
    expect(issues.filter((i) => i.code === 'yaml.missing_char')).toEqual([expect.objectContaining({ line: 602 })]);
    expect(issues.find((i) => i.code === 'issues.more')).toMatchObject({ params: { more: 600 - (MAX_ISSUES_LISTED - 1) } });
  });
});
