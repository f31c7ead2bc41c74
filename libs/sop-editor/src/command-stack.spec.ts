import { parseDocument } from 'yaml';
import { SOP_NAMES, SOP_TEXTS, allSteps, dataOf, expectLinesKept, seeded, stepIn } from './__fixtures__/sop-texts';
import { CommandError } from './command-error';
import { CommandStack, readableDocument, validateStackText, type EditResult, type StackValidation } from './command-stack';
import { laneAdd } from './lane-add';
import { laneMove } from './lane-move';
import { laneRemove } from './lane-remove';
import { laneRename } from './lane-rename';
import type { SopCommand } from './sop-command';
import { sopUpdate } from './sop-update';
import { stepAdd } from './step-add';
import { stepChangeLane } from './step-change-lane';
import { stepDelete } from './step-delete';
import { stepMove } from './step-move';
import { stepRename } from './step-rename';
import { stepUpdate } from './step-update';
import { transitionConnect } from './transition-connect';
import { transitionDisconnect } from './transition-disconnect';
import { transitionRelabel } from './transition-relabel';
import { applyYamlText, yamlEdit } from './yaml-edit';

const metro = SOP_TEXTS.metro;

describe('CommandStack', () => {
  test('exposes the document read by the parse that validated it, also when it is invalid, and null when it cannot be read', () => {
    const stack = new CommandStack({ yaml: metro });
    const first = stack.document;
    expect(first).toEqual(dataOf(metro));
    expect(stack.document).toBe(first); // the same object until the state changes
    stack.execute(stepChangeLane({ stepId: 'kasi-periksa', lane: 'kabid' }));
    expect(stack.document?.steps.find((s) => s.id === 'kasi-periksa')?.lane).toBe('kabid');
    // a step pointing nowhere breaks a rule: not valid, still drawn
    applyYamlText(stack, stack.state.yaml.replace('to: kasi-periksa,', 'to: nowhere,'));
    expect(stack.valid).toBe(false);
    expect(stack.document?.steps.length).toBe(dataOf(metro).steps.length);
    // broken YAML: nothing to draw
    applyYamlText(stack, 'steps: [\n');
    expect(stack.document).toBeNull();
    stack.undo(); // both pane edits were one undo step
    expect(stack.document).toEqual(dataOf(stack.state.yaml));
    expect(stack.document?.steps.find((s) => s.id === 'kasi-periksa')?.lane).toBe('kabid');
  });

  test('a validator of its own: told the state each text follows; a later confirmation replaces a provisional result for undo and redo too', () => {
    const seen: { yaml: string; previous?: string }[] = [];
    const provisional = (yaml: string, previous?: { yaml: string; validation: StackValidation }): StackValidation => {
      seen.push({ yaml, previous: previous?.yaml });
      // provisional: the previous state's issues, or none at the start
      return { issues: previous?.validation.issues ?? [], valid: previous?.validation.valid ?? true, document: readableDocument(dataOf(yaml)) };
    };
    const stack = new CommandStack(metro, { validate: provisional, file: 'sops/metro.yaml' });
    expect(seen).toEqual([{ yaml: metro, previous: undefined }]);
    const broken = metro.replace('to: kasi-periksa,', 'to: nowhere,');
    applyYamlText(stack, broken);
    expect(seen[1]).toEqual({ yaml: broken, previous: metro });
    expect(stack.valid).toBe(true); // provisional, not yet confirmed
    const heard: EditResult[] = [];
    stack.subscribe((r) => heard.push(r));
    // a confirmation of a text that is not the current one changes nothing now
    expect(stack.confirm('other', validateStackText(metro))).toBe(false);
    expect(heard).toHaveLength(0);
    const checked = validateStackText(broken, 'sops/metro.yaml');
    expect(stack.confirm(broken, checked)).toBe(true);
    expect(heard).toHaveLength(1);
    expect(stack.valid).toBe(false);
    expect(stack.issues).toBe(checked.issues);
    stack.execute(stepChangeLane({ stepId: 'laporan', lane: 'kabid' }));
    stack.undo();
    // undo restores the confirmed result, not the provisional one
    expect(stack.state.yaml).toBe(broken);
    expect(stack.issues).toBe(checked.issues);
  });

  test('validateStackText is what the stack knows of a text by default', () => {
    const broken = metro.replace('to: kasi-periksa,', 'to: nowhere,');
    const stack = new CommandStack(broken, { file: 'sops/metro.yaml' });
    expect(validateStackText(broken, 'sops/metro.yaml')).toEqual({ issues: stack.issues, valid: stack.valid, document: stack.document });
  });

  test('readableDocument takes a mapping with lists of steps and lanes, nothing else', () => {
    expect(readableDocument({ steps: [], lanes: [] })).toEqual({ steps: [], lanes: [] });
    expect(readableDocument({ steps: [] })).toBeNull();
    expect(readableDocument({ steps: {}, lanes: [] })).toBeNull();
    expect(readableDocument(null)).toBeNull();
    expect(readableDocument(undefined)).toBeNull();
    expect(readableDocument('steps')).toBeNull();
  });

  test('undo restores the exact text, redo re-applies, a new command clears the redo', () => {
    const stack = new CommandStack({ yaml: metro }, { file: 'sops/metro.yaml' });
    expect(stack.valid).toBe(true);
    expect(stack.canUndo).toBe(false);
    const moved = stack.execute(stepChangeLane({ stepId: 'kasi-periksa', lane: 'kabid' }));
    expect(moved.changed).toBe(true);
    expect(stepIn(dataOf(moved.state.yaml), 'kasi-periksa').lane).toBe('kabid');
    const renamed = stack.execute(laneRename({ laneId: 'kabid', name: 'Kepala Bidang' }));
    expect(stack.history()).toEqual(['step.changeLane', 'lane.rename']);
    expect(stack.undoDescription('id')).toBe('Ganti nama lajur "kabid" menjadi "Kepala Bidang"');
    expect(stack.undoDescription('en')).toBe('Rename lane "kabid" to "Kepala Bidang"');

    expect(stack.undo()?.state.yaml).toBe(moved.state.yaml);
    expect(stack.undo()?.state.yaml).toBe(metro);
    expect(stack.undo()).toBeUndefined();
    expect(stack.canRedo).toBe(true);
    expect(stack.redoDescription('en')).toBe('Move step "kasi-periksa" to lane "kabid"');
    expect(stack.redo()?.state.yaml).toBe(moved.state.yaml);
    expect(stack.redo()?.state.yaml).toBe(renamed.state.yaml);
    expect(stack.redo()).toBeUndefined();

    stack.undo();
    stack.execute(stepUpdate({ stepId: 'laporan', changes: { waktu: '2 hari' } }));
    expect(stack.canRedo).toBe(false);
    expect(stack.history()).toEqual(['step.changeLane', 'step.update']);
  });

  test('a refused command leaves state and history untouched', () => {
    const stack = new CommandStack(metro);
    stack.execute(stepMove({ stepId: 'ditolak', toIndex: 8 }));
    const state = stack.state;
    expect(() => stack.execute(laneRemove({ laneId: 'kasi' }))).toThrow(CommandError);
    expect(() => stack.execute(stepChangeLane({ stepId: 'kasi-periksa', lane: 'nowhere' }))).toThrow(/there is no lane "nowhere"/);
    expect(stack.state).toBe(state);
    expect(stack.history()).toEqual(['step.move']);
  });

  test('a command that changes nothing is not recorded', () => {
    const stack = new CommandStack(metro);
    const result = stack.execute(stepChangeLane({ stepId: 'kasi-periksa', lane: 'kasi' }));
    expect(result.changed).toBe(false);
    expect(stack.canUndo).toBe(false);
  });

  test('returns the validator’s issues, located on the element, and tells subscribers', () => {
    const stack = new CommandStack(metro, { file: 'sops/metro.yaml' });
    const seen: EditResult[] = [];
    const unsubscribe = stack.subscribe((r) => seen.push(r));
    const { issues, valid } = stack.execute(stepUpdate({ stepId: 'kasi-periksa', changes: { kind: 'task' } }));
    expect(valid).toBe(false);
    expect(issues.map((i) => [i.code, i.element])).toEqual(
      expect.arrayContaining([
        ['missing-next', { type: 'step', stepId: 'kasi-periksa', flow: 'main' }],
        ['outcomes-on-task', { type: 'step', stepId: 'kasi-periksa', flow: 'main' }],
      ]),
    );
    expect(issues.every((i) => i.file === 'sops/metro.yaml' && i.line > 0 && i.column > 0)).toBe(true);
    stack.undo();
    unsubscribe();
    stack.redo();
    expect(seen.map((r) => r.valid)).toEqual([false, true]);
  });

  test('YAML pane edits merge into one undo step, even through text that does not parse', () => {
    const stack = new CommandStack(metro);
    stack.execute(stepChangeLane({ stepId: 'kasi-periksa', lane: 'kabid' }));
    const base = stack.state.yaml;
    const typed = base.replace('waktu: 1 hari\n    output: Laporan pengaduan', 'waktu: 3 hari\n    output: Laporan pengaduan');
    applyYamlText(stack, base.replace('calendar:', 'calendar: ['));
    const broken = stack.state;
    expect(stack.valid).toBe(false);
    expect(stack.issues[0].code).toMatch(/^yaml\./);
    expect(() => stack.execute(stepChangeLane({ stepId: 'laporan', lane: 'petugas' }))).toThrow(expect.objectContaining({ code: 'yaml-unparseable' }));
    expect(stack.state).toBe(broken);
    applyYamlText(stack, typed);
    expect(stack.valid).toBe(true);
    expect(stack.history()).toEqual(['step.changeLane', 'yaml.edit']);
    stack.undo();
    expect(stack.state.yaml).toBe(base);
    stack.redo();
    expect(stack.state.yaml).toBe(typed);
    // typing back to where it started leaves no empty step behind
    applyYamlText(stack, base);
    expect(stack.history()).toEqual(['step.changeLane']);
    // a pane edit after another command is a step of its own
    stack.execute(yamlEdit({ text: typed }), { merge: true });
    stack.execute(stepMove({ stepId: 'ditolak', toIndex: 8 }));
    stack.execute(yamlEdit({ text: metro }), { merge: true });
    expect(stack.history()).toEqual(['step.changeLane', 'yaml.edit', 'step.move', 'yaml.edit']);
  });

  test('keeps at most `limit` commands', () => {
    const stack = new CommandStack(metro, { limit: 3 });
    for (const waktu of ['2 hari', '3 hari', '4 hari', '5 hari']) stack.execute(stepUpdate({ stepId: 'laporan', changes: { waktu } }));
    expect(stack.history()).toHaveLength(3);
    while (stack.canUndo) stack.undo();
    expect(stepIn(dataOf(stack.state.yaml), 'laporan').waktu).toBe('2 hari');
  });

  test('reset starts over without history', () => {
    const stack = new CommandStack(metro);
    stack.execute(stepMove({ stepId: 'ditolak', toIndex: 8 }));
    stack.reset(SOP_TEXTS.brebes);
    expect(stack.canUndo).toBe(false);
    expect(stack.state.yaml).toBe(SOP_TEXTS.brebes);
  });
});

/** A command that the state allows (known ids, a label for a decision), chosen at random. */
function randomCommand(yaml: string, random: () => number, n: number): SopCommand {
  const data = dataOf(yaml);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const steps = allSteps(data);
  const { step, flow, steps: flowSteps } = pick(steps);
  const lanes: any[] = data.lanes;
  const transitions = steps.flatMap(({ step: s }) => [
    ...(s.next ? [{ from: s.id, to: s.next }] : []),
    ...(s.outcomes ?? []).map((o: any) => ({ from: s.id, to: o.to, outcome: o.id })),
    ...(['escalation', 'rejection'] as const).filter((k) => s[k]).map((k) => ({ from: s.id, to: s[k].to })),
  ]);
  const unusedLanes = lanes.filter((l) => !steps.some(({ step: s }) => s.lane === l.id));
  const sameFlow = flowSteps.filter((s: any) => s.id !== step.id);
  switch (Math.floor(random() * 14)) {
    case 0:
      return stepChangeLane({ stepId: step.id, lane: pick(lanes.filter((l) => l.id !== step.lane)).id });
    case 1:
      return stepMove({ stepId: step.id, toIndex: (flowSteps.indexOf(step) + 1 + Math.floor(random() * (flowSteps.length - 1))) % flowSteps.length });
    case 2:
      return stepUpdate({ stepId: step.id, changes: { waktu: `${n + 1} hari`, activity: `Kegiatan ${n}` } });
    case 3:
      return stepAdd({
        afterStepId: step.id,
        lane: pick(lanes).id,
        kind: pick(['task', 'decision'] as const),
        activity: random() < 0.5 ? `Langkah baru ${n}` : undefined,
      });
    case 4:
      return step.kind === 'decision'
        ? transitionConnect({ from: step.id, to: pick(sameFlow).id, outcome: { label: `Hasil ${n}` } })
        : transitionConnect({ from: step.id, to: pick(sameFlow).id });
    case 5:
      return transitions.length > 0 ? transitionDisconnect(pick(transitions)) : laneAdd({ name: `Lajur ${n}`, role: 'petugas' });
    case 6:
      return laneAdd({ name: `Lajur ${n}`, role: pick(['petugas', 'kasi', 'kabid']), index: Math.floor(random() * (lanes.length + 1)) });
    case 7:
      return laneRename({ laneId: pick(lanes).id, name: `Pelaksana ${n}` });
    case 8:
      return laneMove({ laneId: pick(lanes).id, toIndex: Math.floor(random() * lanes.length) });
    case 9:
      return flowSteps.length > 2
        ? stepDelete({ stepId: step.id, reconnect: step.next !== undefined && step.next !== step.id && random() < 0.5 })
        : stepRename({ stepId: step.id, newId: `langkah-${n}` });
    case 10:
      return unusedLanes.length > 0 ? laneRemove({ laneId: pick(unusedLanes).id }) : sopUpdate({ pointer: '/identity/title', value: `Judul ${n}` });
    case 11:
      return stepRename({ stepId: step.id, newId: `${flow === 'main' ? 'langkah' : 'berkala'}-${n}` });
    case 12: {
      const decision = steps.find(({ step: s }) => s.outcomes?.length);
      return decision
        ? transitionRelabel({ from: decision.step.id, outcome: decision.step.outcomes[0].id, label: `Label ${n}` })
        : sopUpdate({ pointer: '/sections/keterkaitan/-', value: `Keterkaitan ${n}` });
    }
    default:
      return sopUpdate({ pointer: pick(['/sections/dasarHukum/-', '/sections/peringatan/0', '/identity/dates/revisi']), value: `Isian ${n}` });
  }
}

const REMOVING = new Set(['step.delete', 'transition.disconnect', 'lane.remove']);

describe.each(SOP_NAMES)('%s: 20 random commands', (name) => {
  test.each([1, 2, 3])('then 20 undos return the original text, and 20 redos the final one (seed %i)', (seed) => {
    const original = SOP_TEXTS[name];
    const stack = new CommandStack(original);
    const random = seeded(seed * 1000 + name.length);
    const texts = [original];
    for (let n = 0; stack.history().length < 20; n++) {
      if (n > 200) throw new Error('too many commands changed nothing');
      const before = stack.state.yaml;
      const command = randomCommand(before, random, n);
      const result = stack.execute(command);
      if (!result.changed) continue;
      expect(parseDocument(result.state.yaml).errors).toEqual([]);
      // only a command that removes something may remove a comment line (the removed element's)
      if (!REMOVING.has(command.name))
        expectLinesKept(
          result.state.yaml,
          before.split('\n').filter((l) => /^\s*#/.test(l)),
        );
      texts.push(result.state.yaml);
    }
    expect(texts).toHaveLength(21);
    for (let i = 19; i >= 0; i--) expect(stack.undo()?.state.yaml).toBe(texts[i]);
    expect(stack.state.yaml).toBe(original);
    expect(stack.canUndo).toBe(false);
    for (let i = 1; i <= 20; i++) expect(stack.redo()?.state.yaml).toBe(texts[i]);
  });
});
