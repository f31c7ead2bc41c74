import { fixtureText } from '../../sop-model/src/__fixtures__/seeds';
import { SOP_TEXTS, dataOf, lineDiff, stepIn } from './__fixtures__/sop-texts';
import { CommandError } from './command-error';
import { CommandStack } from './command-stack';
import { coordinationAdd } from './coordination-add';
import { coordinationRemove } from './coordination-remove';
import { decisionRouteBy } from './decision-route-by';
import { laneRemove } from './lane-remove';
import { laneRename } from './lane-rename';
import { laneSetUnits } from './lane-set-units';
import { outcomeUpdate } from './outcome-update';
import { stepUpdate } from './step-update';

// The editing commands of the constructs of ADR 0010 (a citizen step's timeout) and ADR 0014
// (coordination, routing by a field, lane units, scheduled waits, documents).
const contoh = fixtureText('valid/coordination-and-units.yaml');
const citizen = fixtureText('valid/citizen-confirms.yaml');
const metro = SOP_TEXTS.metro;

function refusal(run: () => unknown): CommandError {
  try {
    run();
  } catch (e) {
    if (e instanceof CommandError) return e;
    throw e;
  }
  throw new Error('the command did not refuse');
}

const errors = (issues: readonly { severity: string }[]) => issues.filter((i) => i.severity === 'error');

describe('coordination.add and coordination.remove', () => {
  test('adds a lane to a Metro step as one line, undoes byte for byte, and removes it again', () => {
    const stack = new CommandStack({ yaml: metro });
    const step = dataOf(metro).steps.find((s: { kind: string }) => s.kind === 'task');
    const other = dataOf(metro).lanes.find((l: { id: string; role: string }) => l.id !== step.lane && l.role !== 'pemohon');
    const added = stack.execute(coordinationAdd({ stepId: step.id, lane: other.id, label: `Koordinasi dengan ${other.id}` }));
    const after = dataOf(added.state.yaml).steps.find((s: { id: string }) => s.id === step.id);
    expect(after.coordination).toEqual([{ lane: other.id, label: `Koordinasi dengan ${other.id}` }]);
    expect(lineDiff(metro, added.state.yaml)).toEqual({
      removed: [],
      added: ['    coordination:', `      - { lane: ${other.id}, label: Koordinasi dengan ${other.id} }`],
    });
    expect(errors(added.issues)).toEqual([]);
    expect(stack.undo()!.state.yaml).toBe(metro);
    stack.redo();
    const removed = stack.execute(coordinationRemove({ stepId: step.id, lane: other.id }));
    expect(removed.state.yaml).toBe(metro);
  });

  test('appends to an existing list; removes one of two and keeps the other', () => {
    const added = coordinationAdd({ stepId: 'bidang-tindak', lane: 'ppid' }).apply({ yaml: contoh });
    expect(dataOf(added.state.yaml).steps.find((s: { id: string }) => s.id === 'bidang-tindak').coordination).toEqual([
      { lane: 'helpdesk', label: 'Koordinasi dengan Helpdesk' },
      { lane: 'ppid' },
    ]);
    const removed = coordinationRemove({ stepId: 'bidang-tindak', lane: 'helpdesk' }).apply(added.state);
    expect(dataOf(removed.state.yaml).steps.find((s: { id: string }) => s.id === 'bidang-tindak').coordination).toEqual([{ lane: 'ppid' }]);
  });

  test('refuses its own lane, a lane asked already, an unknown lane, a start or end step, and removing a lane not asked', () => {
    expect(refusal(() => coordinationAdd({ stepId: 'bidang-tindak', lane: 'bidang' }).apply({ yaml: contoh })).messageIn('en')).toContain(
      'is in lane "bidang" itself',
    );
    expect(refusal(() => coordinationAdd({ stepId: 'bidang-tindak', lane: 'helpdesk' }).apply({ yaml: contoh })).messageIn('id')).toContain(
      'sudah berkoordinasi dengan lajur "helpdesk"',
    );
    expect(refusal(() => coordinationAdd({ stepId: 'bidang-tindak', lane: 'helpdsk' }).apply({ yaml: contoh })).code).toBe('unknown-lane');
    expect(refusal(() => coordinationAdd({ stepId: 'laporan', lane: 'helpdesk' }).apply({ yaml: contoh })).messageIn('en')).toContain(
      'only a task or a decision',
    );
    expect(refusal(() => coordinationRemove({ stepId: 'bidang-tindak', lane: 'ppid' }).apply({ yaml: contoh })).messageIn('en')).toBe(
      'step "bidang-tindak" does not coordinate with lane "ppid"; it asks: helpdesk',
    );
  });

  test('the validator locates the citizen’s lane asked, on the step', () => {
    const { issues } = new CommandStack({ yaml: contoh }).execute(coordinationAdd({ stepId: 'ppid-jawab', lane: 'masyarakat' }));
    expect(errors(issues)).toContainEqual(expect.objectContaining({ element: expect.objectContaining({ stepId: 'ppid-jawab' }) }));
  });

  test('a lane renamed is renamed where it is asked; a lane only asked is taken off the steps when removed', () => {
    const renamed = laneRename({ laneId: 'helpdesk', newId: 'layanan-bantuan' }).apply({ yaml: contoh });
    expect(dataOf(renamed.state.yaml).steps.find((s: { id: string }) => s.id === 'bidang-tindak').coordination).toEqual([
      { lane: 'layanan-bantuan', label: 'Koordinasi dengan Helpdesk' },
    ]);
    expect(renamed.effects).toContainEqual({ type: 'reference.renamed', pointer: '/steps/2/coordination/0/lane', from: 'helpdesk', to: 'layanan-bantuan' });
    const removed = laneRemove({ laneId: 'helpdesk' }).apply({ yaml: contoh });
    expect(dataOf(removed.state.yaml).steps.find((s: { id: string }) => s.id === 'bidang-tindak').coordination).toBeUndefined();
    expect(removed.effects).toEqual([{ type: 'reference.removed', pointer: '/steps/2/coordination/0', value: 'helpdesk' }]);
  });
});

describe('step.update with a schedule', () => {
  test('writes and removes schedule: { label } on one line', () => {
    const stack = new CommandStack({ yaml: contoh });
    const set = stack.execute(stepUpdate({ stepId: 'ppid-jawab', changes: { schedule: { label: 'Jadwal kunjungan' } } }));
    expect(lineDiff(contoh, set.state.yaml)).toEqual({ removed: [], added: ['    schedule: { label: Jadwal kunjungan }'] });
    expect(errors(set.issues)).toEqual([]);
    const cleared = stack.execute(stepUpdate({ stepId: 'ppid-jawab', changes: { schedule: undefined } }));
    expect(cleared.state.yaml).toBe(contoh);
  });
});

describe('decision.routeBy and outcome.update', () => {
  test('removing the field takes the outcomes’ values with it, reported, and undo brings them back', () => {
    const stack = new CommandStack({ yaml: contoh });
    const { state, effects, issues } = stack.execute(decisionRouteBy({ stepId: 'petugas-teruskan', field: null }));
    const step = dataOf(state.yaml).steps.find((s: { id: string }) => s.id === 'petugas-teruskan');
    expect(step.routeBy).toBeUndefined();
    expect(step.outcomes.map((o: { when?: string[] }) => o.when)).toEqual([undefined, undefined]);
    expect(effects).toEqual([
      { type: 'reference.removed', pointer: '/steps/1/outcomes/0/when', value: 'Pendaftaran Penduduk, Pencatatan Sipil' },
      { type: 'reference.removed', pointer: '/steps/1/outcomes/1/when', value: 'Informasi Publik' },
    ]);
    expect(errors(issues)).toEqual([]);
    expect(stack.undo()!.state.yaml).toBe(contoh);
  });

  test('routes a decision by a field, then maps each option to an outcome; a value moves from the outcome that had it', () => {
    const stack = new CommandStack({ yaml: contoh });
    stack.execute(decisionRouteBy({ stepId: 'bidang-tindak', field: 'bidang' }));
    const first = stack.execute(
      outcomeUpdate({ stepId: 'bidang-tindak', outcome: 'selesai', changes: { when: ['Pendaftaran Penduduk', 'Pencatatan Sipil'] } }),
    );
    // an option mapped to no outcome is a warning, located on the decision
    expect(first.issues).toContainEqual(expect.objectContaining({ severity: 'warning', element: expect.objectContaining({ stepId: 'bidang-tindak' }) }));
    const moved = stack.execute(
      outcomeUpdate({ stepId: 'bidang-tindak', outcome: 'tidak-selesai', changes: { when: ['Pencatatan Sipil', 'Informasi Publik'] } }),
    );
    const outcomes = dataOf(moved.state.yaml).steps.find((s: { id: string }) => s.id === 'bidang-tindak').outcomes;
    expect(outcomes.map((o: { when?: string[] }) => o.when)).toEqual([['Pendaftaran Penduduk'], ['Pencatatan Sipil', 'Informasi Publik']]);
    expect(moved.effects).toEqual([{ type: 'reference.removed', pointer: '/steps/2/outcomes/0/when/1', value: 'Pencatatan Sipil' }]);
    expect(errors(moved.issues)).toEqual([]);
    expect(moved.state.yaml).toContain('routeBy: { field: bidang }');
  });

  test('a value of no option of the field is an error located on the outcome', () => {
    const { issues } = new CommandStack({ yaml: contoh }).execute(
      outcomeUpdate({ stepId: 'petugas-teruskan', outcome: 'ke-ppid', changes: { when: ['Informasi Publk'] } }),
    );
    expect(errors(issues).length).toBeGreaterThan(0);
    expect(errors(issues)[0]).toMatchObject({ element: { type: 'transition', from: 'petugas-teruskan', outcome: 'ke-ppid' } });
  });

  test('refuses values on a decision not routed by a field, routing a task, and an unknown outcome', () => {
    expect(
      refusal(() => outcomeUpdate({ stepId: 'bidang-tindak', outcome: 'selesai', changes: { when: ['Pencatatan Sipil'] } }).apply({ yaml: contoh })).messageIn(
        'en',
      ),
    ).toContain('choose its field (routeBy)');
    expect(refusal(() => decisionRouteBy({ stepId: 'ppid-jawab', field: 'bidang' }).apply({ yaml: contoh })).messageIn('en')).toContain('is not a decision');
    expect(refusal(() => outcomeUpdate({ stepId: 'bidang-tindak', outcome: 'beres', changes: { document: 'x' } }).apply({ yaml: contoh })).code).toBe(
      'unknown-outcome',
    );
  });

  test('sets, changes and removes an outcome’s document in place', () => {
    const stack = new CommandStack({ yaml: contoh });
    const changed = stack.execute(outcomeUpdate({ stepId: 'bidang-tindak', outcome: 'tidak-selesai', changes: { document: 'Surat jawaban resmi' } }));
    expect(lineDiff(contoh, changed.state.yaml).added).toEqual([expect.stringContaining('document: Surat jawaban resmi }')]);
    const removed = stack.execute(outcomeUpdate({ stepId: 'bidang-tindak', outcome: 'tidak-selesai', changes: { document: '' } }));
    expect(stepIn(dataOf(removed.state.yaml), 'bidang-tindak').outcomes.find((o: { id: string }) => o.id === 'tidak-selesai').document).toBeUndefined();
    const added = stack.execute(outcomeUpdate({ stepId: 'petugas-teruskan', outcome: 'ke-ppid', changes: { document: 'Formulir permintaan informasi' } }));
    expect(stepIn(dataOf(added.state.yaml), 'petugas-teruskan').outcomes.find((o: { id: string }) => o.id === 'ke-ppid')).toEqual({
      id: 'ke-ppid',
      label: 'Permintaan informasi',
      to: 'ppid-jawab',
      when: ['Informasi Publik'],
      document: 'Formulir permintaan informasi',
    });
  });
});

describe('lane.setUnits', () => {
  test('writes the units whole, one per line, with the field that picks them; an empty list removes both', () => {
    const stack = new CommandStack({ yaml: contoh });
    const set = stack.execute(
      laneSetUnits({
        laneId: 'bidang',
        unitField: 'bidang',
        units: [
          { id: 'dafduk', name: 'Dafduk', values: ['Pendaftaran Penduduk'] },
          { id: 'capil', name: 'Capil', values: ['Pencatatan Sipil'] },
          { id: 'pip', name: 'PIAK', values: ['Informasi Publik'] },
        ],
      }),
    );
    const lane = dataOf(set.state.yaml).lanes.find((l: { id: string }) => l.id === 'bidang');
    expect(lane.unitField).toBe('bidang');
    expect(lane.units.map((u: { id: string }) => u.id)).toEqual(['dafduk', 'capil', 'pip']);
    expect(set.state.yaml).toContain('      - { id: capil, name: Capil, values: [ Pencatatan Sipil ] }');
    expect(errors(set.issues)).toEqual([]);
    const none = stack.execute(laneSetUnits({ laneId: 'bidang', units: [] }));
    const cleared = dataOf(none.state.yaml).lanes.find((l: { id: string }) => l.id === 'bidang');
    expect([cleared.units, cleared.unitField]).toEqual([undefined, undefined]);
    expect(stack.undo()!.state.yaml).toBe(set.state.yaml);
  });

  test('refuses a repeated id, a unit without values, and a value in two units', () => {
    const run = (units: { id: string; name: string; values: string[] }[]) => refusal(() => laneSetUnits({ laneId: 'bidang', units }).apply({ yaml: contoh }));
    expect(
      run([
        { id: 'a', name: 'A', values: ['x'] },
        { id: 'a', name: 'B', values: ['y'] },
      ]).code,
    ).toBe('duplicate-id');
    expect(run([{ id: 'a', name: 'A', values: [] }]).messageIn('en')).toBe('unit "a" needs a name and at least one value of the field');
    expect(
      run([
        { id: 'a', name: 'A', values: ['x'] },
        { id: 'b', name: 'B', values: ['x'] },
      ]).messageIn('en'),
    ).toContain('"x" goes to unit "a" already');
  });

  test('a value of no option of the field is an error the validator locates on the lane', () => {
    const { issues } = new CommandStack({ yaml: contoh }).execute(
      laneSetUnits({ laneId: 'bidang', units: [{ id: 'dafduk', name: 'Dafduk', values: ['Pendaftaran Pendudk'] }] }),
    );
    expect(errors(issues)).toContainEqual(expect.objectContaining({ element: expect.objectContaining({ type: 'lane', laneId: 'bidang' }) }));
  });
});

describe('a citizen step’s timeout: complete and choose', () => {
  test('choose names an outcome of the decision; an unknown one is an error on the step', () => {
    const stack = new CommandStack({ yaml: citizen });
    const tidakPuas = stack.execute(stepUpdate({ stepId: 'konfirmasi', changes: { onTimeout: { action: 'choose', outcome: 'tidak-puas' } } }));
    expect(lineDiff(citizen, tidakPuas.state.yaml)).toEqual({
      removed: ['    onTimeout: { action: choose, outcome: puas }'],
      added: ['    onTimeout: { action: choose, outcome: tidak-puas }'],
    });
    expect(errors(tidakPuas.issues)).toEqual([]);
    const wrong = stack.execute(stepUpdate({ stepId: 'konfirmasi', changes: { onTimeout: { action: 'choose', outcome: 'puass' } } }));
    expect(errors(wrong.issues)).toContainEqual(expect.objectContaining({ element: expect.objectContaining({ stepId: 'konfirmasi' }) }));
  });

  test('complete fits a task only: on the citizen’s decision it is an error on the step', () => {
    const { issues } = new CommandStack({ yaml: citizen }).execute(stepUpdate({ stepId: 'konfirmasi', changes: { onTimeout: { action: 'complete' } } }));
    expect(errors(issues)).toContainEqual(expect.objectContaining({ element: expect.objectContaining({ stepId: 'konfirmasi' }) }));
  });
});
