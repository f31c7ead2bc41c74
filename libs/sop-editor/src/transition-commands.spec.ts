import { SOP_NAMES, SOP_TEXTS, clone, dataOf, expectLinesKept, inferredLines, lineDiff, lineOf, stepIn } from './__fixtures__/sop-texts';
import { CommandError } from './command-error';
import { CommandStack } from './command-stack';
import { transitionConnect } from './transition-connect';
import { transitionDisconnect } from './transition-disconnect';
import { transitionReconnect } from './transition-reconnect';
import { transitionRelabel } from './transition-relabel';
import { yamlEdit } from './yaml-edit';

const metro = SOP_TEXTS.metro;
const metroData = dataOf(metro);
const indexOf = (data: any, id: string): number => data.steps.findIndex((s: any) => s.id === id);

function refusal(run: () => unknown): CommandError {
  try {
    run();
  } catch (e) {
    if (e instanceof CommandError) return e;
    throw e;
  }
  throw new Error('the command did not refuse');
}

describe('transition.connect', () => {
  test('from a task sets its next, replacing the old one and saying so', () => {
    const { state, effects } = transitionConnect({ from: 'kadis-periksa', to: 'ditolak' }).apply({ yaml: metro });
    const expected = clone(metroData);
    expected.steps[indexOf(expected, 'kadis-periksa')].next = 'ditolak';
    expect(dataOf(state.yaml)).toEqual(expected);
    expect(lineDiff(metro, state.yaml)).toEqual({ removed: ['    next: penyelesaian'], added: ['    next: ditolak'] });
    expect(effects).toEqual([{ type: 'transition.retargeted', transition: { from: 'kadis-periksa', to: 'penyelesaian', kind: 'next' }, newTo: 'ditolak' }]);
  });

  test('from a decision adds a labelled outcome, written like its siblings', () => {
    const cmd = transitionConnect({ from: 'petugas-periksa', to: 'kasi-periksa', outcome: { label: 'Langsung ke Kasi', kind: 'escalation' } });
    const { state, effects } = cmd.apply({ yaml: metro });
    const expected = clone(metroData);
    stepIn(expected, 'petugas-periksa').outcomes.push({ id: 'langsung-ke-kasi', label: 'Langsung ke Kasi', to: 'kasi-periksa', kind: 'escalation' });
    expect(dataOf(state.yaml)).toEqual(expected);
    expect(lineDiff(metro, state.yaml)).toEqual({
      removed: [],
      added: ['      - { id: langsung-ke-kasi, label: Langsung ke Kasi, to: kasi-periksa, kind: escalation }'],
    });
    expect(effects).toEqual([{ type: 'outcome.created', stepId: 'petugas-periksa', outcomeId: 'langsung-ke-kasi' }]);
    expectLinesKept(state.yaml, inferredLines(metro));
  });

  test('from a decision without a label is refused with a message in both languages', () => {
    const stack = new CommandStack({ yaml: metro });
    for (const outcome of [undefined, { label: '  ' }]) {
      const error = refusal(() => stack.execute(transitionConnect({ from: 'petugas-periksa', to: 'kasi-periksa', outcome })));
      expect(error.code).toBe('label-required');
      expect(error.message).toBe(
        '"petugas-periksa" is a decision: name the outcome that leads to "kasi-periksa" (e.g. valid / tidak valid), so the diagram can say which way is which',
      );
      expect(error.messageIn('id')).toContain('beri nama hasil');
    }
    expect(stack.state.yaml).toBe(metro);
    expect(stack.canUndo).toBe(false);
  });

  test('refuses what cannot be written: unknown steps, taken outcome ids, outcomes from a task, jumps from a decision', () => {
    const state = { yaml: metro };
    expect(refusal(() => transitionConnect({ from: 'kasi-periks', to: 'ditolak' }).apply(state)).messages.en).toBe(
      'there is no step "kasi-periks" (did you mean "kasi-periksa"?)',
    );
    expect(refusal(() => transitionConnect({ from: 'laporan', to: 'nowhere' }).apply(state)).code).toBe('unknown-step');
    expect(refusal(() => transitionConnect({ from: 'petugas-periksa', to: 'kasi-periksa', outcome: { id: 'ditolak', label: 'Lain' } }).apply(state)).code).toBe(
      'duplicate-id',
    );
    expect(refusal(() => transitionConnect({ from: 'kadis-periksa', to: 'ditolak', outcome: { label: 'x' } }).apply(state)).code).toBe(
      'outcome-needs-decision',
    );
    expect(refusal(() => transitionConnect({ from: 'kasi-periksa', to: 'ditolak', jump: { kind: 'rejection' } }).apply(state)).code).toBe('jump-on-decision');
  });

  test('with a jump sets the task’s escalation or rejection', () => {
    const { state } = transitionConnect({ from: 'kadis-periksa', to: 'ditolak', jump: { kind: 'rejection', label: 'Ditolak' } }).apply({ yaml: metro });
    expect(dataOf(state.yaml).steps[indexOf(metroData, 'kadis-periksa')].rejection).toEqual({ to: 'ditolak', label: 'Ditolak' });
    expect(lineDiff(metro, state.yaml)).toEqual({ removed: [], added: ['    rejection: { to: ditolak, label: Ditolak }'] });
    expect(state.yaml).toContain('    next: penyelesaian\n    rejection: { to: ditolak, label: Ditolak }\n');
  });

  test('from an end step is made, and the validator reports it where it is', () => {
    const stack = new CommandStack({ yaml: metro }, { file: 'sops/metro.yaml' });
    const { state, issues, valid } = stack.execute(transitionConnect({ from: 'ditolak', to: 'penyelesaian' }));
    expect(valid).toBe(false);
    const line = lineOf(state.yaml, /^ {4}next: penyelesaian$/, lineOf(state.yaml, /^ {2}- id: ditolak$/));
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'transition-on-end',
        severity: 'error',
        pointer: `/steps/${indexOf(metroData, 'ditolak')}/next`,
        file: 'sops/metro.yaml',
        line,
        column: 5,
        element: { type: 'transition', from: 'ditolak', flow: 'main', kind: 'next', to: 'penyelesaian' },
      }),
    );
  });

  test('across flows is made, and the validator says a transition stays inside its flow', () => {
    const stack = new CommandStack({ yaml: SOP_TEXTS.brebes });
    const { issues } = stack.execute(transitionConnect({ from: 'meneruskan-jawaban', to: 'rekapitulasi-harian' }));
    expect(issues.find((i) => i.code === 'unknown-step')?.message).toMatch(/a transition stays inside its flow/);
  });
});

/** Metro's provenance marks (issue 10, item 7): an edit keeps them on the outcome it changes. */
const DITERIMA_INFERRED = 'provenance: { status: inferred, note: "baris 2 hanya menggambar Ditolak; cabang ke tim teknis disimpulkan" }';
const inferredRow = (row: number) =>
  `provenance: { status: inferred, note: "label hasil tidak tercetak di baris ${row}; diambil dari kalimat baris berikutnya \\"apabila tidak terselesaikan di ...\\"" }`;

describe('an outcome without a label, typed in the YAML pane', () => {
  test('is reported by the validator on that outcome’s line', () => {
    const text = metro.replace(
      '      - { id: diterima, label: Diterima, to: tim-teknis, provenance: { status: inferred, note: "baris 2 hanya menggambar Ditolak; cabang ke tim teknis disimpulkan" } }',
      '      - { id: diterima, to: tim-teknis }',
    );
    const stack = new CommandStack({ yaml: metro });
    const { issues } = stack.execute(yamlEdit({ text }));
    const issue = issues.find((i) => i.pointer === '/steps/1/outcomes/0/label');
    expect(issue).toMatchObject({ severity: 'error', code: 'schema.required', line: lineOf(text, /id: diterima, to: tim-teknis/) });
    expect(issue?.message).toContain('label');
    expect(issue?.element).toEqual({ type: 'transition', from: 'petugas-periksa', flow: 'main', kind: 'outcome', outcome: 'diterima', to: 'tim-teknis' });
  });
});

describe('transition.disconnect', () => {
  test('removing the only way into a step makes the validator report it unreachable, on that step', () => {
    const stack = new CommandStack({ yaml: metro });
    const { state, issues, effects } = stack.execute(transitionDisconnect({ from: 'sekretaris-periksa', to: 'kadis-periksa' }));
    expect(effects).toEqual([
      {
        type: 'transition.removed',
        transition: { from: 'sekretaris-periksa', to: 'kadis-periksa', kind: 'outcome', outcome: 'tidak-terselesaikan', label: 'Tidak terselesaikan' },
      },
    ]);
    expect(lineDiff(metro, state.yaml)).toEqual({
      removed: [`      - { id: tidak-terselesaikan, label: Tidak terselesaikan, to: kadis-periksa, kind: escalation, ${inferredRow(6)} }`],
      added: [],
    });
    const unreachable = issues.find((i) => i.code === 'unreachable-step');
    expect(unreachable).toMatchObject({
      pointer: `/steps/${indexOf(metroData, 'kadis-periksa')}/id`,
      line: lineOf(state.yaml, /^ {2}- id: kadis-periksa$/),
      column: 9,
      element: { type: 'step', stepId: 'kadis-periksa', flow: 'main' },
    });
    expect(issues.map((i) => i.code)).toContain('too-few-outcomes');
    stack.undo();
    expect(stack.state.yaml).toBe(metro);
    expect(stack.valid).toBe(true);
  });

  test('removing a next leaves the step without one, and an emptied outcome list goes', () => {
    const first = transitionDisconnect({ from: 'laporan', to: 'petugas-periksa' }).apply({ yaml: metro });
    const expected = clone(metroData);
    delete stepIn(expected, 'laporan').next;
    expect(dataOf(first.state.yaml)).toEqual(expected);
    const second = transitionDisconnect({ from: 'tim-teknis', to: 'penyelesaian' }).apply({ yaml: metro });
    const third = transitionDisconnect({ from: 'tim-teknis', to: 'kasi-periksa' }).apply(second.state);
    expect(stepIn(dataOf(third.state.yaml), 'tim-teknis').outcomes).toBeUndefined();
    expect(third.state.yaml).toContain('    keterangan: null\n\n  - id: kasi-periksa');
  });

  test('only the named outcome, when one is named; refuses a transition that does not exist', () => {
    const { effects } = transitionDisconnect({ from: 'kasi-periksa', to: 'penyelesaian', outcome: 'selesai' }).apply({ yaml: metro });
    expect(effects).toHaveLength(1);
    const error = refusal(() => transitionDisconnect({ from: 'laporan', to: 'ditolak' }).apply({ yaml: metro }));
    expect(error.code).toBe('unknown-transition');
    expect(error.messages.en).toBe('there is no transition from "laporan" to "ditolak"; "laporan" leads to: petugas-periksa');
  });
});

describe('transition.reconnect and transition.relabel', () => {
  test('reconnect points an outcome at another step, keeping its id, label and kind', () => {
    const { state } = transitionReconnect({ from: 'kasi-periksa', to: 'kabid-periksa', newTo: 'sekretaris-periksa' }).apply({ yaml: metro });
    expect(lineDiff(metro, state.yaml)).toEqual({
      removed: [`      - { id: tidak-terselesaikan, label: Tidak terselesaikan, to: kabid-periksa, kind: escalation, ${inferredRow(4)} }`],
      added: [`      - { id: tidak-terselesaikan, label: Tidak terselesaikan, to: sekretaris-periksa, kind: escalation, ${inferredRow(4)} }`],
    });
  });

  test('relabel changes an outcome’s label only, and refuses an empty one', () => {
    const { state } = transitionRelabel({ from: 'petugas-periksa', outcome: 'diterima', label: 'Diterima lengkap' }).apply({ yaml: metro });
    expect(lineDiff(metro, state.yaml)).toEqual({
      removed: [`      - { id: diterima, label: Diterima, to: tim-teknis, ${DITERIMA_INFERRED} }`],
      added: [`      - { id: diterima, label: Diterima lengkap, to: tim-teknis, ${DITERIMA_INFERRED} }`],
    });
    expect(refusal(() => transitionRelabel({ from: 'petugas-periksa', outcome: 'diterima', label: '' }).apply({ yaml: metro })).code).toBe('label-required');
    expect(refusal(() => transitionRelabel({ from: 'petugas-periksa', outcome: 'valid', label: 'x' }).apply({ yaml: metro })).messages.en).toContain(
      'its outcomes: diterima, ditolak',
    );
  });
});

describe.each(SOP_NAMES)('%s', (name) => {
  test('disconnecting and reconnecting the start restores the text exactly', () => {
    const yaml = SOP_TEXTS[name];
    const start = dataOf(yaml).steps.find((s: any) => s.kind === 'start');
    const off = transitionDisconnect({ from: start.id, to: start.next }).apply({ yaml });
    expect(lineDiff(yaml, off.state.yaml).removed).toEqual([expect.stringMatching(new RegExp(`^ +next: ${start.next}( #.*)?$`))]);
    const on = transitionConnect({ from: start.id, to: start.next }).apply(off.state);
    expect(dataOf(on.state.yaml)).toEqual(dataOf(yaml));
    const plain = yaml.split('\n').find((l) => new RegExp(`^ +next: ${start.next}$`).test(l));
    if (plain) expect(on.state.yaml).toBe(yaml);
  });
});
