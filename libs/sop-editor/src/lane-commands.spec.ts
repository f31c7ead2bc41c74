import { SOP_NAMES, SOP_TEXTS, allSteps, clone, dataOf, lineDiff, lineOf } from './__fixtures__/sop-texts';
import { CommandError } from './command-error';
import { CommandStack } from './command-stack';
import { laneAdd } from './lane-add';
import { laneMove } from './lane-move';
import { laneRemove } from './lane-remove';
import { laneRename } from './lane-rename';
import { sopUpdate } from './sop-update';

/* eslint-disable @typescript-eslint/no-explicit-any */

function refusal(run: () => unknown): CommandError {
  try {
    run();
  } catch (e) {
    if (e instanceof CommandError) return e;
    throw e;
  }
  throw new Error('the command did not refuse');
}

describe.each(SOP_NAMES)('%s', (name) => {
  const yaml = SOP_TEXTS[name];
  const before = dataOf(yaml);

  test('lane.add inserts a column; the validator warns it is empty; lane.remove takes it out again', () => {
    const stack = new CommandStack({ yaml });
    const added = stack.execute(laneAdd({ name: 'Tim Teknis Pengaduan', role: 'bidang-teknis', index: 1 }));
    expect(added.effects).toEqual([{ type: 'lane.created', laneId: 'tim-teknis-pengaduan' }]);
    const expected = clone(before);
    expected.lanes.splice(1, 0, { id: 'tim-teknis-pengaduan', name: 'Tim Teknis Pengaduan', role: 'bidang-teknis' });
    expect(dataOf(added.state.yaml)).toEqual(expected);
    expect(lineDiff(yaml, added.state.yaml)).toEqual({ removed: [], added: ['  - id: tim-teknis-pengaduan', '    name: Tim Teknis Pengaduan', '    role: bidang-teknis'] });
    expect(added.issues).toContainEqual(
      expect.objectContaining({ code: 'unused-lane', severity: 'warning', line: lineOf(added.state.yaml, /- id: tim-teknis-pengaduan$/), element: { type: 'lane', laneId: 'tim-teknis-pengaduan' } }),
    );
    const removed = stack.execute(laneRemove({ laneId: 'tim-teknis-pengaduan' }));
    expect(removed.state.yaml).toBe(yaml);
  });

  test('lane.rename changes the header line only', () => {
    const lane = before.lanes[0];
    const { state } = laneRename({ laneId: lane.id, name: 'Nama Baru' }).apply({ yaml });
    expect(lineDiff(yaml, state.yaml)).toEqual({ removed: [expect.stringMatching(/^ {4}name: /)], added: ['    name: Nama Baru'] });
  });

  test('lane.rename with a new id carries it to every step of the lane and to revealTo', () => {
    const lane = before.lanes[1];
    const { state, effects } = laneRename({ laneId: lane.id, newId: 'lajur-baru' }).apply({ yaml });
    const expected = clone(before);
    expected.lanes[1].id = 'lajur-baru';
    for (const { step } of allSteps(expected)) if (step.lane === lane.id) step.lane = 'lajur-baru';
    const revealTo = expected.intake?.revealTo;
    if (revealTo) expected.intake.revealTo = revealTo.map((l: string) => (l === lane.id ? 'lajur-baru' : l));
    expect(dataOf(state.yaml)).toEqual(expected);
    expect(effects.length).toBe(allSteps(before).filter(({ step }) => step.lane === lane.id).length + (revealTo ?? []).filter((l: string) => l === lane.id).length);
    // comments on the renamed lines stay: the lane is the same
    const diff = lineDiff(yaml, state.yaml);
    expect(diff.added.map((l) => l.replace('lajur-baru', lane.id))).toEqual(diff.removed);
  });

  test('lane.move reorders the columns', () => {
    const { state } = laneMove({ laneId: before.lanes[0].id, toIndex: before.lanes.length - 1 }).apply({ yaml });
    const expected = clone(before);
    expected.lanes.push(expected.lanes.shift());
    expect(dataOf(state.yaml)).toEqual(expected);
    expect(laneMove({ laneId: before.lanes[0].id, toIndex: 0 }).apply(state).state.yaml).toBe(yaml);
  });

  test('lane.remove refuses while steps use the lane, naming them', () => {
    const lane = before.lanes[0];
    const users = allSteps(before)
      .filter(({ step }) => step.lane === lane.id)
      .map(({ step }) => `"${step.id}"`);
    const error = refusal(() => laneRemove({ laneId: lane.id }).apply({ yaml }));
    expect(error.code).toBe('lane-in-use');
    expect(error.messages.en).toContain(users.join(', '));
    expect(error.messages.id).toContain(`lajur "${lane.id}" masih memuat langkah ${users.join(', ')}`);
  });
});

describe('lane commands on particular SOPs', () => {
  test('lane.remove takes the lane out of intake.revealTo, saying so', () => {
    const yaml = SOP_TEXTS.pekanbaru;
    const stack = new CommandStack({ yaml });
    stack.execute(laneAdd({ name: 'Pengawas', role: 'kabid' }));
    stack.execute(sopUpdate({ pointer: '/intake/revealTo/-', value: 'pengawas' }));
    expect(dataOf(stack.state.yaml).intake.revealTo).toEqual(['kepala-seksi', 'kepala-bidang', 'operator-editor', 'petugas-pengambilan-dokumen', 'pengawas']);
    const { effects, state } = stack.execute(laneRemove({ laneId: 'pengawas' }));
    expect(effects).toEqual([{ type: 'reference.removed', pointer: '/intake/revealTo/4', value: 'pengawas' }]);
    expect(state.yaml).toBe(yaml);
  });

  test('refuses unknown lanes with a suggestion, and taken ids', () => {
    const yaml = SOP_TEXTS.metro;
    expect(refusal(() => laneRename({ laneId: 'kass', name: 'x' }).apply({ yaml })).messages.en).toBe(
      'there is no lane "kass" (did you mean "kasi"?); lanes: masyarakat, petugas, kasi, kabid, sekretaris, kepala-dinas',
    );
    expect(refusal(() => laneRename({ laneId: 'kasi', newId: 'kabid' }).apply({ yaml })).code).toBe('duplicate-id');
    expect(refusal(() => laneAdd({ name: 'Kasi', role: 'kasi', id: 'kasi' }).apply({ yaml })).code).toBe('duplicate-id');
    expect(laneAdd({ name: 'Kasi', role: 'kasi' }).apply({ yaml }).effects).toEqual([{ type: 'lane.created', laneId: 'kasi-2' }]);
    expect(refusal(() => laneAdd({ name: 'Kasi', role: 'kasi', index: 99 }).apply({ yaml })).code).toBe('index-out-of-range');
    expect(refusal(() => laneRename({ laneId: 'kasi' }).apply({ yaml })).code).toBe('invalid-change');
  });
});
