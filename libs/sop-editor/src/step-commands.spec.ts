import { SOP_NAMES, SOP_TEXTS, allSteps, clone, dataOf, expectLinesKept, inferredOutside, lineDiff, lineOf, stepBlock } from './__fixtures__/sop-texts';
import { CommandError } from './command-error';
import { CommandStack } from './command-stack';
import { stepAdd } from './step-add';
import { stepChangeLane } from './step-change-lane';
import { stepDelete } from './step-delete';
import { stepMove } from './step-move';
import { stepRename } from './step-rename';
import { stepUpdate } from './step-update';

function refusal(run: () => unknown): CommandError {
  try {
    run();
  } catch (e) {
    if (e instanceof CommandError) return e;
    throw e;
  }
  throw new Error('the command did not refuse');
}

/** What deleting a step does to the data, worked out independently of the editor. */
function withoutStep(data: any, id: string): { data: any; removed: any[] } {
  const next = clone(data);
  const removed: any[] = [];
  const flows = [next.steps, ...(next.periodic ?? []).map((p: any) => p.steps)];
  for (const steps of flows) {
    const index = steps.findIndex((s: any) => s.id === id);
    if (index >= 0) steps.splice(index, 1);
    for (const s of steps) {
      if (s.next === id) {
        removed.push({ from: s.id, to: id, kind: 'next' });
        delete s.next;
      }
      if (s.outcomes) {
        for (const o of s.outcomes.filter((o: any) => o.to === id)) removed.push({ from: s.id, to: id, kind: 'outcome', outcome: o.id, label: o.label });
        s.outcomes = s.outcomes.filter((o: any) => o.to !== id);
        if (s.outcomes.length === 0) delete s.outcomes;
      }
      for (const kind of ['escalation', 'rejection']) {
        if (s[kind]?.to === id) {
          removed.push({ from: s.id, to: id, kind, ...(s[kind].label !== undefined ? { label: s[kind].label } : {}) });
          delete s[kind];
        }
      }
    }
  }
  return { data: next, removed };
}

describe.each(SOP_NAMES)('%s', (name) => {
  const yaml = SOP_TEXTS[name];
  const before = dataOf(yaml);
  const subject = before.steps[1];
  const otherLane = before.lanes.find((l: any) => l.id !== subject.lane).id;

  test('step.changeLane changes the lane line of that step and nothing else', () => {
    const { state } = stepChangeLane({ stepId: subject.id, lane: otherLane }).apply({ yaml });
    const expected = clone(before);
    expected.steps[1].lane = otherLane;
    expect(dataOf(state.yaml)).toEqual(expected);
    const diff = lineDiff(yaml, state.yaml);
    expect(diff.removed).toEqual([expect.stringMatching(new RegExp(`^ {4}lane: ${subject.lane}( #.*)?$`))]);
    expect(diff.added).toEqual([`    lane: ${otherLane}`]);
    expectLinesKept(state.yaml, inferredOutside(yaml, [subject.id]));
  });

  test('step.add inserts a step after another, with a unique id from its activity', () => {
    const add = stepAdd({ afterStepId: subject.id, lane: subject.lane, kind: 'task', activity: 'Memeriksa kelengkapan berkas pengaduan' });
    const first = add.apply({ yaml });
    expect(first.effects).toEqual([{ type: 'step.created', stepId: 'memeriksa-kelengkapan-berkas-pengaduan' }]);
    const expected = clone(before);
    const step = {
      id: 'memeriksa-kelengkapan-berkas-pengaduan',
      number: null,
      kind: 'task',
      lane: subject.lane,
      label: null,
      activity: 'Memeriksa kelengkapan berkas pengaduan',
    };
    expected.steps.splice(2, 0, step);
    const after = dataOf(first.state.yaml);
    expect(after).toEqual(expected);
    expect(Object.keys(after.steps[2])).toEqual(['id', 'number', 'kind', 'lane', 'label', 'activity']);
    expect(lineDiff(yaml, first.state.yaml).removed).toEqual([]);
    expectLinesKept(first.state.yaml, yaml.split('\n'));

    const second = add.apply(first.state);
    expect(second.effects).toEqual([{ type: 'step.created', stepId: 'memeriksa-kelengkapan-berkas-pengaduan-2' }]);

    // the validator says what the new step still needs, on the new step
    const stack = new CommandStack({ yaml });
    const { issues } = stack.execute(add);
    const missing = issues.find((i) => i.code === 'missing-next');
    expect(missing).toMatchObject({
      pointer: '/steps/2',
      element: { type: 'step', stepId: step.id },
      line: lineOf(first.state.yaml, new RegExp(`^  - id: ${step.id}$`)),
    });
  });

  test('step.add refuses an unknown lane, a taken id and an invalid id, changing nothing', () => {
    const state = { yaml };
    expect(refusal(() => stepAdd({ lane: 'no-such-lane', kind: 'task' }).apply(state)).code).toBe('unknown-lane');
    const taken = refusal(() => stepAdd({ lane: subject.lane, kind: 'task', id: subject.id }).apply(state));
    expect(taken.code).toBe('duplicate-id');
    expect(taken.messages.en).toContain(subject.id);
    expect(taken.messages.id).toContain('sudah dipakai');
    expect(refusal(() => stepAdd({ lane: subject.lane, kind: 'task', id: 'Bad Id' }).apply(state)).code).toBe('invalid-id');
    expect(refusal(() => stepAdd({ lane: subject.lane, kind: 'task', afterStepId: 'no-such-step' }).apply(state)).code).toBe('unknown-step');
    expect(state.yaml).toBe(yaml);
  });

  test('step.delete removes the step and the transitions that led to it, reporting them', () => {
    const victim = before.steps[2];
    const { state, effects } = stepDelete({ stepId: victim.id }).apply({ yaml });
    const expected = withoutStep(before, victim.id);
    expect(dataOf(state.yaml)).toEqual(expected.data);
    expect(effects).toEqual(expected.removed.map((transition) => ({ type: 'transition.removed', transition })));
    const block = new Set(stepBlock(yaml, victim.id));
    const diff = lineDiff(yaml, state.yaml);
    for (const line of diff.removed) {
      const ok = block.has(line) || line.trim() === '' || line.includes(victim.id) || /^\s*outcomes:\s*$/.test(line);
      if (!ok) throw new Error(`removed a line that is not the step's nor a transition to it: ${line}`);
    }
    expect(diff.added).toEqual([]);
    expectLinesKept(
      state.yaml,
      inferredOutside(yaml, [victim.id]).filter((l) => !l.includes(victim.id)),
    );
  });

  test('step.move moves the step’s block, comments and all', () => {
    const last = before.steps.length - 1;
    const { state } = stepMove({ stepId: subject.id, toIndex: last }).apply({ yaml });
    const expected = clone(before);
    expected.steps.push(...expected.steps.splice(1, 1));
    expect(dataOf(state.yaml)).toEqual(expected);
    const trimmed = (lines: string[]): string[] => lines.join('\n').trimEnd().split('\n');
    expect(trimmed(stepBlock(state.yaml, subject.id))).toEqual(trimmed(stepBlock(yaml, subject.id)));
    const nonBlank = (text: string): string[] =>
      text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .sort();
    expect(nonBlank(state.yaml)).toEqual(nonBlank(yaml));
    // blank lines between steps stay as they were: one before each step but the first
    expect(state.yaml).toMatch(/\nsteps:\n {2}- id: /);
    expect(stepMove({ stepId: subject.id, toIndex: 1 }).apply(state).state.yaml).toBe(yaml);
  });

  test('step.move refuses an index outside the flow', () => {
    expect(refusal(() => stepMove({ stepId: subject.id, toIndex: before.steps.length }).apply({ yaml })).code).toBe('index-out-of-range');
  });

  test('step.update sets, adds and removes fields in place', () => {
    const changes = { waktu: '2 hari', activity: 'Aktivitas yang diperbarui', kelengkapan: ['Buku Laporan Pengaduan', 'Disposisi'], keterangan: undefined };
    const { state } = stepUpdate({ stepId: subject.id, changes }).apply({ yaml });
    const expected = clone(before);
    Object.assign(expected.steps[1], { waktu: '2 hari', activity: 'Aktivitas yang diperbarui', kelengkapan: ['Buku Laporan Pengaduan', 'Disposisi'] });
    delete expected.steps[1].keterangan;
    const after = dataOf(state.yaml);
    expect(after).toEqual(expected);
    const order = Object.keys(before.steps[1]).filter((k) => k !== 'keterangan');
    expect(Object.keys(after.steps[1])).toEqual(order.includes('waktu') ? order : expect.arrayContaining(order));
    expectLinesKept(state.yaml, inferredOutside(yaml, [subject.id]));
  });

  test('step.update refuses removing a required field and fields it does not edit', () => {
    expect(refusal(() => stepUpdate({ stepId: subject.id, changes: { activity: undefined } }).apply({ yaml })).code).toBe('invalid-change');
    expect(refusal(() => stepUpdate({ stepId: subject.id, changes: { lane: 'x' } as never }).apply({ yaml })).messages.en).toContain('step.changeLane');
    expect(refusal(() => stepUpdate({ stepId: subject.id, changes: { kind: 'diamond' as never } }).apply({ yaml })).code).toBe('invalid-change');
    expect(refusal(() => stepUpdate({ stepId: 'nope', changes: { waktu: '1 hari' } }).apply({ yaml })).code).toBe('unknown-step');
  });

  test('step.rename changes the id and every transition naming it', () => {
    const target = before.steps[2];
    const { state, effects } = stepRename({ stepId: target.id, newId: 'langkah-baru' }).apply({ yaml });
    const expected = clone(before);
    for (const { step } of allSteps(expected)) {
      if (step.id === target.id) step.id = 'langkah-baru';
      if (step.next === target.id) step.next = 'langkah-baru';
      for (const o of step.outcomes ?? []) if (o.to === target.id) o.to = 'langkah-baru';
      for (const kind of ['escalation', 'rejection']) if (step[kind]?.to === target.id) step[kind].to = 'langkah-baru';
    }
    expect(dataOf(state.yaml)).toEqual(expected);
    expect(effects.length).toBeGreaterThan(0);
    // comments on the renamed references stay: they still speak of the same step
    const renamedComments = yaml
      .split('\n')
      .filter((l) => l.includes(target.id) && l.includes('#'))
      .map((l) => l.slice(l.indexOf('#')));
    for (const comment of renamedComments) expect(state.yaml).toContain(comment);
    expect(refusal(() => stepRename({ stepId: target.id, newId: subject.id }).apply({ yaml })).code).toBe('duplicate-id');
  });
});

describe('step commands on particular SOPs', () => {
  test('a lane change drops the comment that spoke of the old lane, keeps the others', () => {
    const yaml = SOP_TEXTS.pekanbaru;
    const { state } = stepChangeLane({ stepId: 'registrasi', lane: 'kepala-seksi' }).apply({ yaml });
    expect(lineDiff(yaml, state.yaml)).toEqual({
      removed: ['    lane: fo-operator # inferred: "Petugas meregistrasi ..."; the row names the FO/Operator'],
      added: ['    lane: kepala-seksi'],
    });
  });

  test('step.add appends to a periodic procedure', () => {
    const yaml = SOP_TEXTS.brebes;
    const { state, effects } = stepAdd({ flow: 'rekap-harian', lane: 'admin', kind: 'task' }).apply({ yaml });
    expect(effects).toEqual([{ type: 'step.created', stepId: 'langkah' }]);
    const data = dataOf(state.yaml);
    expect(data.periodic[0].steps.at(-1)).toEqual({ id: 'langkah', number: null, kind: 'task', lane: 'admin', label: null, activity: null });
    expect(stepAdd({ lane: 'admin', kind: 'end' }).apply({ yaml }).effects).toEqual([{ type: 'step.created', stepId: 'selesai-2' }]);
    expect(refusal(() => stepAdd({ flow: 'rekap-harin', lane: 'admin', kind: 'task' }).apply({ yaml })).messages.en).toContain('did you mean "rekap-harian"');
  });

  test('step.delete with reconnect bridges the gap', () => {
    const yaml = SOP_TEXTS.metro;
    const { state, effects } = stepDelete({ stepId: 'kadis-periksa', reconnect: true }).apply({ yaml });
    const data = dataOf(state.yaml);
    expect(data.steps.find((s: any) => s.id === 'sekretaris-periksa').outcomes[1]).toMatchObject({
      id: 'tidak-terselesaikan',
      label: 'Tidak terselesaikan',
      to: 'penyelesaian',
      kind: 'escalation',
      provenance: { status: 'inferred' },
    });
    expect(effects).toEqual([
      {
        type: 'transition.retargeted',
        transition: { from: 'sekretaris-periksa', to: 'kadis-periksa', kind: 'outcome', outcome: 'tidak-terselesaikan', label: 'Tidak terselesaikan' },
        newTo: 'penyelesaian',
      },
    ]);
    expect(refusal(() => stepDelete({ stepId: 'tim-teknis', reconnect: true }).apply({ yaml })).code).toBe('cannot-reconnect');
  });

  test('deleting the first step keeps the list’s first line right under its key', () => {
    const yaml = SOP_TEXTS.metro;
    const { state } = stepDelete({ stepId: 'laporan' }).apply({ yaml });
    expect(state.yaml).toContain('\nsteps:\n  - id: petugas-periksa\n');
  });
});
