import { SOP_NAMES, SOP_TEXTS, allSteps, clone, dataOf, lineDiff, lineOf } from './__fixtures__/sop-texts';
import { CommandError } from './command-error';
import { CommandStack } from './command-stack';
import { laneAdd } from './lane-add';
import { laneMove } from './lane-move';
import { laneRemove } from './lane-remove';
import { laneRename } from './lane-rename';
import { laneSetRole } from './lane-set-role';
import { sopUpdate } from './sop-update';

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
    expect(lineDiff(yaml, added.state.yaml)).toEqual({
      removed: [],
      added: ['  - id: tim-teknis-pengaduan', '    name: Tim Teknis Pengaduan', '    role: bidang-teknis'],
    });
    expect(added.issues).toContainEqual(
      expect.objectContaining({
        code: 'unused-lane',
        severity: 'warning',
        line: lineOf(added.state.yaml, /- id: tim-teknis-pengaduan$/),
        element: { type: 'lane', laneId: 'tim-teknis-pengaduan' },
      }),
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
    const revealTo: string[] | undefined = expected.intake?.revealTo;
    if (revealTo) expected.intake.revealTo = revealTo.map((l: string) => (l === lane.id ? 'lajur-baru' : l));
    expect(dataOf(state.yaml)).toEqual(expected);
    expect(effects.length).toBe(
      allSteps(before).filter(({ step }) => step.lane === lane.id).length + (revealTo ?? []).filter((l: string) => l === lane.id).length,
    );
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

  test("lane.setRole makes a lane role: other with the SOP's words in one step, and back again", () => {
    const lane = before.lanes[1];
    const stack = new CommandStack({ yaml });
    const other = stack.execute(laneSetRole({ laneId: lane.id, role: 'other', roleDescription: '  Tim Pengaduan Terpadu ' }));
    expect(lineDiff(yaml, other.state.yaml)).toEqual({
      removed: [`    role: ${lane.role}`],
      added: ['    role: other', '    roleDescription: Tim Pengaduan Terpadu'],
    });
    expect(other.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const back = stack.execute(laneSetRole({ laneId: lane.id, role: lane.role }));
    expect(back.state.yaml).toBe(yaml);
    stack.undo();
    expect(stack.state.yaml).toBe(other.state.yaml);
    stack.undo();
    expect(stack.state.yaml).toBe(yaml);
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

  test('lane.setRole to other keeps a description the lane has, or takes its header, so the SOP stays valid', () => {
    const yaml = SOP_TEXTS.metro;
    const stack = new CommandStack({ yaml });
    const named = stack.execute(laneSetRole({ laneId: 'sekretaris', role: 'other' }));
    expect(dataOf(named.state.yaml).lanes[4]).toEqual({
      id: 'sekretaris',
      name: 'Sekretaris Disdukcapil',
      role: 'other',
      roleDescription: 'Sekretaris Disdukcapil',
    });
    expect(named.issues.filter((i) => i.severity === 'error')).toEqual([]);
    stack.execute(laneSetRole({ laneId: 'sekretaris', role: 'other', roleDescription: 'Sekretaris sebagai koordinator pengaduan' }));
    const kept = stack.execute(laneSetRole({ laneId: 'sekretaris', role: 'other' }));
    expect(dataOf(kept.state.yaml).lanes[4].roleDescription).toBe('Sekretaris sebagai koordinator pengaduan');
    expect(stack.history().slice(-1)).toEqual(['lane.setRole']);
    // a common role drops the description, which only other reads
    expect(dataOf(stack.execute(laneSetRole({ laneId: 'sekretaris', role: 'ppid' })).state.yaml).lanes[4]).toEqual({
      id: 'sekretaris',
      name: 'Sekretaris Disdukcapil',
      role: 'ppid',
    });
  });

  test('lane.setRole and lane.add refuse a role not in the list (suggesting the one meant) and a blank description', () => {
    const yaml = SOP_TEXTS.metro;
    const unknown = refusal(() => laneSetRole({ laneId: 'kasi', role: 'Pejabat yang berkompeten' }).apply({ yaml }));
    expect(unknown.code).toBe('unknown-role');
    expect(unknown.messages.en).toMatch(
      /^"Pejabat yang berkompeten" is not a common national role \(did you mean "pejabat-berwenang"\?\): choose one of the list \(pemohon, petugas, .*\), or "other" with a description in the SOP's words$/,
    );
    expect(unknown.messages.id).toContain('(maksudnya "pejabat-berwenang"?)');
    expect(refusal(() => laneAdd({ name: 'Kasi', role: 'kassi' }).apply({ yaml })).messages.en).toContain('(did you mean "kasi"?)');
    expect(refusal(() => laneAdd({ name: 'Kasi', role: '' }).apply({ yaml })).code).toBe('unknown-role');
    expect(refusal(() => laneSetRole({ laneId: 'kasi', role: 'other', roleDescription: '  ' }).apply({ yaml })).code).toBe('description-required');
    expect(refusal(() => laneAdd({ name: 'ISO', role: 'other', roleDescription: '' }).apply({ yaml })).code).toBe('description-required');
    expect(refusal(() => laneSetRole({ laneId: 'kass', role: 'kasi' }).apply({ yaml })).code).toBe('unknown-lane');
  });

  test('lane.add writes the description of a lane of role other, the header when not given', () => {
    const yaml = SOP_TEXTS.buleleng;
    const stack = new CommandStack({ yaml });
    const added = stack.execute(laneAdd({ name: 'Koordinator ISO', role: 'other', roleDescription: 'Koordinator ISO sebagai pengelola risiko', index: 2 }));
    expect(lineDiff(yaml, added.state.yaml).added).toEqual([
      '  - id: koordinator-iso',
      '    name: Koordinator ISO',
      '    role: other',
      '    roleDescription: Koordinator ISO sebagai pengelola risiko',
    ]);
    expect(added.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const plain = laneAdd({ name: 'Helpdesk SIAK', role: 'other' }).apply({ yaml });
    expect(dataOf(plain.state.yaml).lanes.at(-1)).toEqual({ id: 'helpdesk-siak', name: 'Helpdesk SIAK', role: 'other', roleDescription: 'Helpdesk SIAK' });
    expect(laneSetRole({ laneId: 'kasi', role: 'other', roleDescription: 'Kasi Kerjasama' }).describe('en')).toBe(
      'Set the role of lane "kasi" to other: Kasi Kerjasama',
    );
    expect(laneSetRole({ laneId: 'kasi', role: 'ppid' }).describe('id')).toBe('Ubah peran lajur "kasi" menjadi ppid');
  });
});
