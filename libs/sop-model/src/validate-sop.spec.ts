import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSop } from './validate-sop';
import { seedText } from './__fixtures__/seeds';

const MINIMAL = readFileSync(join(__dirname, '__fixtures__/valid/minimal.yaml'), 'utf8');
const METRO = seedText('metro');

/** The minimal SOP with each `[from, to]` text replaced (each must occur). */
function variant(...replacements: [string, string][]): string {
  return replacements.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`"${from}" is not in the minimal SOP`);
    return text.replace(from, to);
  }, MINIMAL);
}

const brief = (issues: { severity: string; code: string; line: number; column: number }[]) =>
  issues.map(({ severity, code, line, column }) => ({ severity, code, line, column }));

describe('validateSop', () => {
  it('gives the data it read, also when the SOP breaks the schema or a rule, and none when the YAML cannot be read', () => {
    const valid = validateSop(MINIMAL);
    expect(valid.data).toBe(valid.sop);
    const badRule = validateSop(variant(['label: Tidak terselesaikan', 'label: Selesai']));
    expect(badRule.valid).toBe(false);
    expect(badRule.sop).toBeUndefined();
    expect(JSON.stringify(badRule.data)).not.toContain('Tidak terselesaikan');
    expect((badRule.data as { steps: unknown[] }).steps.length).toBeGreaterThan(0);
    const badSchema = validateSop(`${MINIMAL}\nunknownKey: 1\n`);
    expect(badSchema.issues.some((i) => i.code.startsWith('schema.'))).toBe(true);
    expect((badSchema.data as { unknownKey: number }).unknownKey).toBe(1);
    expect(validateSop('steps: [\n').data).toBeUndefined();
  });

  it('reports every semantic issue, not the first, in source order', () => {
    // Found by three rules in the order references-resolve, distinct-outcomes, lane-roles:
    // the reverse of their order in the file.
    const text = variant(
      ['role: kasi }', 'role: other, roleDescription: Kepala Seksi }'],
      ['label: Tidak terselesaikan', 'label: Selesai'],
      ['    kind: end\n    lane: masyarakat', '    kind: end\n    lane: masyarakt'],
    );
    const { issues, valid } = validateSop(text);
    expect(valid).toBe(false);
    expect(brief(issues)).toEqual([
      { severity: 'warning', code: 'other-role-is-common', line: 20, column: 35 },
      { severity: 'error', code: 'duplicate-outcome', line: 36, column: 37 },
      { severity: 'error', code: 'unknown-lane', line: 47, column: 11 },
    ]);
  });

  it('reports every schema issue, not the first, in source order', () => {
    const text = variant(['next: selesai', 'nex: selesai'], ['timeZone: Asia/Jakarta', 'timeZone: WIB'], ['kind: decision', 'kind: decisions']);
    expect(brief(validateSop(text).issues)).toEqual([
      { severity: 'error', code: 'schema.enum', line: 9, column: 13 },
      { severity: 'error', code: 'schema.enum', line: 30, column: 11 },
      { severity: 'error', code: 'schema.additionalProperties', line: 43, column: 5 },
    ]);
  });

  it('runs the semantic rules only on a document the schema accepts', () => {
    // An unknown lane (a semantic error) is not reported while the schema rejects the document.
    const { issues } = validateSop(
      variant(['    kind: end\n    lane: masyarakat', '    kind: end\n    lane: masyarakt'], ['timeZone: Asia/Jakarta', 'timeZone: WIB']),
    );
    expect(issues.map((i) => i.code)).toEqual(['schema.enum']);
  });

  it('puts the file on every issue, when given', () => {
    const text = variant(
      ['role: kasi }', 'role: other, roleDescription: Kepala Seksi }'],
      ['    kind: end\n    lane: masyarakat', '    kind: end\n    lane: masyarakt'],
    );
    const named = validateSop(text, { file: 'sops/contoh.yaml' }).issues;
    expect(named).toHaveLength(2);
    expect(named.map((i) => i.file)).toEqual(['sops/contoh.yaml', 'sops/contoh.yaml']);
    expect(validateSop(text).issues.map((i) => i.file)).toEqual([undefined, undefined]);
    expect(validateSop('a: [1\nb: 2\n', { file: 'broken.yaml' }).issues.map((i) => i.file)).toEqual(['broken.yaml']);
  });

  it('returns the document of a valid SOP, with no error', () => {
    const { sop, issues, valid } = validateSop(METRO, { file: 'sops/metro.yaml' });
    expect(valid).toBe(true);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(sop?.identity.regency).toBe('Kota Metro');
    expect(sop?.steps.find((s) => s.id === 'laporan')).toMatchObject({ kind: 'start', next: 'petugas-periksa' });
  });

  it('returns the document when there are warnings only', () => {
    const { sop, issues, valid } = validateSop(variant(['waktu: 1 hari\n    next: selesai', 'waktu: segera\n    next: selesai']));
    expect(valid).toBe(true);
    expect(brief(issues)).toEqual([{ severity: 'warning', code: 'unknown-duration', line: 42, column: 12 }]);
    expect(sop?.steps.find((s) => s.id === 'kasi-periksa')?.waktu).toBe('segera');
  });

  it('locates a YAML syntax error and returns no document', () => {
    const result = validateSop('schemaVersion: 1\nidentity:\n  title: [Pelayanan, Pengaduan\ncalendar: {}\n', { file: 'x.yaml' });
    expect(result.valid).toBe(false);
    expect(result.sop).toBeUndefined();
    expect(result.issues).toEqual([
      {
        severity: 'error',
        code: 'yaml.bad_indent',
        message: 'YAML: this list [ … ] is not closed: add the missing "]" at its end',
        params: { closing: ']' },
        pointer: '',
        file: 'x.yaml',
        line: 3,
        column: 10,
      },
    ]);
  });

  it('reports every duplicate key, but only the first error that derails the YAML parser', () => {
    // A tab derails the parser: what it reads after it is askew, so only the tab is reported.
    const tab = validateSop('a:\n\tb: 1\n  c: 2\nd:\n e: 3\n  f: 4\n');
    expect(brief(tab.issues)).toEqual([{ severity: 'error', code: 'yaml.tab_as_indent', line: 2, column: 1 }]);
    // A duplicate key does not: each one is reported.
    const twice = validateSop('a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\n');
    expect(twice.issues.map(({ code, line, column, message }) => ({ code, line, column, message }))).toEqual([
      { code: 'yaml.duplicate_key', line: 3, column: 1, message: 'YAML: "a" is already set in this mapping (line 1): keep one of the two' },
      { code: 'yaml.duplicate_key', line: 6, column: 3, message: 'YAML: "d" is already set in this mapping (line 5): keep one of the two' },
    ]);
  });
});
