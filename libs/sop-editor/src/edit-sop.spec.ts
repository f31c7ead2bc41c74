import { parseDocument } from 'yaml';
import { SOP_NAMES, SOP_TEXTS, dataOf, lineDiff } from './__fixtures__/sop-texts';
import { CommandError } from './command-error';
import { detectFormat, editSop } from './edit-sop';
import { preserveFormatting } from './preserve-formatting';
import { stepAdd } from './step-add';
import { stepChangeLane } from './step-change-lane';

describe('preserveFormatting', () => {
  it('keeps the author’s lines where the edit did not change them', () => {
    expect(preserveFormatting('a:  1\nb: 2\n', 'a: 1\nb: 2\n', 'a: 1\nb: 3\n')).toBe('a:  1\nb: 3\n');
    expect(preserveFormatting('a:  1\nb: 2\n', 'a: 1\nb: 2\n', 'a: 5\nb: 2\n')).toBe('a: 5\nb: 2\n');
    expect(preserveFormatting('same\n', 'same\n', 'other\n')).toBe('other\n');
    // both insert at the same place: the edit wins
    expect(preserveFormatting('a\nx\nb', 'a\nb', 'a\ny\nb')).toBe('a\ny\nb');
    // a file without a final newline keeps it so, even when the edit appends
    expect(preserveFormatting('a: 1\nb: 2', 'a: 1\nb: 2\n', 'a: 1\nb: 2\nc: 3\n')).toBe('a: 1\nb: 2\nc: 3');
    // the edit changes a line the author formatted differently: the edit wins there only
    expect(preserveFormatting('a:  1\nb:  2\nc:  3\n', 'a: 1\nb: 2\nc: 3\n', 'a: 1\nb: 9\nc: 3\n')).toBe('a:  1\nb: 9\nc:  3\n');
  });
});

describe('preserveFormatting on random texts', () => {
  it('gives back the original when the edit changed nothing, and the edit when the original is the baseline', () => {
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const text = (): string => Array.from({ length: Math.floor(random() * 12) }, () => 'abc '[Math.floor(random() * 4)]).join('\n');
    for (let i = 0; i < 300; i++) {
      const original = text();
      const baseline = text();
      const edited = text();
      expect(preserveFormatting(original, baseline, baseline)).toBe(original);
      expect(preserveFormatting(baseline, baseline, edited)).toBe(edited);
    }
  });
});

describe('editSop', () => {
  it.each(SOP_NAMES)('%s: an edit that changes nothing returns the same state', (name) => {
    const state = { yaml: SOP_TEXTS[name] };
    const applied = editSop(state, () => undefined);
    expect(applied.state).toBe(state);
  });

  it('keeps formatting the yaml package would print otherwise (pekanbaru’s comment indentation)', () => {
    const yaml = SOP_TEXTS.pekanbaru;
    const printed = parseDocument(yaml).toString({ lineWidth: 0 });
    expect(printed).not.toBe(yaml); // the package moves three comment lines
    const { state } = stepChangeLane({ stepId: 'registrasi', lane: 'kepala-seksi' }).apply({ yaml });
    const diff = lineDiff(yaml, state.yaml);
    expect(diff.removed).toEqual([expect.stringMatching(/^ {4}lane: fo-operator/)]);
    expect(diff.added).toEqual(['    lane: kepala-seksi']);
    expect(state.yaml).toContain('\n  # The text repeats the PERINGATAN');
  });

  it('keeps Windows line endings', () => {
    const yaml = SOP_TEXTS.metro.replace(/\n/g, '\r\n');
    const { state } = stepChangeLane({ stepId: 'kasi-periksa', lane: 'kabid' }).apply({ yaml });
    expect(state.yaml.replace(/\r\n/g, '')).not.toContain('\n');
    expect(state.yaml).toBe(yaml.replace('    lane: kasi\r\n', '    lane: kabid\r\n'));
  });

  it('writes new lines in the author’s indentation', () => {
    const yaml = [
      'schemaVersion: 1',
      'lanes:',
      '- id: a',
      '  name: A',
      '  role: petugas',
      'steps:',
      '- id: mulai   # the start',
      '  number: null',
      '  kind: start',
      '  lane: a',
      '  activity: null',
      '  next: selesai',
      '- id: selesai',
      '  number: null',
      '  kind: end',
      '  lane: a',
      '  activity: null',
      '',
    ].join('\n');
    expect(detectFormat(yaml)).toMatchObject({ indentSeq: false, indent: 2 });
    expect(detectFormat(SOP_TEXTS.pekanbaru)).toEqual({ indent: 2, indentSeq: true, flowMapPadding: true, flowSeqPadding: false });
    const { state } = stepAdd({ afterStepId: 'mulai', lane: 'a', kind: 'task', activity: 'Periksa' }).apply({ yaml });
    expect(state.yaml).toContain('- id: mulai   # the start\n');
    expect(state.yaml).toContain(
      '  next: selesai\n- id: periksa\n  number: null\n  kind: task\n  lane: a\n  label: null\n  activity: Periksa\n- id: selesai\n',
    );
    expect(dataOf(state.yaml).steps.map((s: { id: string }) => s.id)).toEqual(['mulai', 'periksa', 'selesai']);
  });

  it('detects four-space indentation', () => {
    expect(detectFormat('identity:\n    title: x\nsteps:\n    - id: a\n')).toMatchObject({ indent: 4, indentSeq: true });
  });

  it('refuses a document it cannot read, saying where', () => {
    const yaml = SOP_TEXTS.metro.replace('calendar:\n', 'calendar:\n\tbad\n');
    const state = { yaml };
    expect(() => stepChangeLane({ stepId: 'kasi-periksa', lane: 'kabid' }).apply(state)).toThrow(CommandError);
    try {
      stepChangeLane({ stepId: 'kasi-periksa', lane: 'kabid' }).apply(state);
    } catch (e) {
      expect((e as CommandError).code).toBe('yaml-unparseable');
      expect((e as CommandError).messages.en).toMatch(/line \d+/);
      expect((e as CommandError).messages.id).toMatch(/baris \d+/);
    }
  });

  it('refuses a document that is not a mapping', () => {
    expect(() => stepChangeLane({ stepId: 'a', lane: 'b' }).apply({ yaml: '- a\n- b\n' })).toThrow(/not an SOP document/);
  });
});
