import { SOP_TEXTS } from './__fixtures__/sop-texts';
import { elementAt, locateIssues } from './locate-issues';
import {
  describeEffect,
  laneAdd,
  laneMove,
  laneRemove,
  laneRename,
  sopUpdate,
  stepAdd,
  stepChangeLane,
  stepDelete,
  stepMove,
  stepRename,
  stepUpdate,
  transitionConnect,
  transitionDisconnect,
  transitionReconnect,
  transitionRelabel,
  yamlEdit,
  type CommandEffect,
} from './index';

describe('commands', () => {
  const commands = [
    stepAdd({ lane: 'kasi', kind: 'task', activity: 'Membuat laporan' }),
    stepDelete({ stepId: 'tim-teknis' }),
    stepMove({ stepId: 'ditolak', toIndex: 8 }),
    stepChangeLane({ stepId: 'kasi-periksa', lane: 'kabid' }),
    stepUpdate({ stepId: 'kasi-periksa', changes: { waktu: '2 hari' } }),
    stepRename({ stepId: 'tim-teknis', newId: 'tim-teknis-periksa' }),
    transitionConnect({ from: 'kadis-periksa', to: 'ditolak' }),
    transitionDisconnect({ from: 'laporan', to: 'petugas-periksa' }),
    transitionReconnect({ from: 'laporan', to: 'petugas-periksa', newTo: 'tim-teknis' }),
    transitionRelabel({ from: 'petugas-periksa', outcome: 'diterima', label: 'Lengkap' }),
    laneAdd({ name: 'Tim Teknis', role: 'bidang-teknis' }),
    laneRename({ laneId: 'kasi', name: 'Kasi Pengaduan' }),
    laneMove({ laneId: 'kasi', toIndex: 0 }),
    laneRemove({ laneId: 'kasi' }),
    sopUpdate({ pointer: '/identity/title', value: 'Judul' }),
    yamlEdit({ text: 'x' }),
  ];

  test('each has a distinct name and describes itself in both languages', () => {
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
    for (const command of commands) {
      expect(command.describe('en')).not.toBe('');
      expect(command.describe('id')).not.toBe(command.describe('en'));
    }
    expect(stepChangeLane({ stepId: 'kasi-periksa', lane: 'kabid' }).describe('id')).toBe('Pindahkan langkah "kasi-periksa" ke lajur "kabid"');
  });

  test('revert gives back the state the command started from', () => {
    const state = { yaml: SOP_TEXTS.metro };
    const command = stepMove({ stepId: 'ditolak', toIndex: 8 });
    expect(command.revert(command.apply(state))).toBe(state);
  });

  test('effects describe themselves in both languages', () => {
    const effects: CommandEffect[] = [
      { type: 'step.created', stepId: 'a' },
      { type: 'lane.created', laneId: 'l' },
      { type: 'outcome.created', stepId: 'a', outcomeId: 'o' },
      { type: 'transition.removed', transition: { from: 'a', to: 'b', kind: 'outcome', outcome: 'o' } },
      { type: 'transition.retargeted', transition: { from: 'a', to: 'b', kind: 'next' }, newTo: 'c' },
      { type: 'reference.renamed', pointer: '/steps/0/lane', from: 'l', to: 'm' },
      { type: 'reference.removed', pointer: '/intake/revealTo/0', value: 'l' },
    ];
    for (const effect of effects) expect(describeEffect(effect, 'id')).not.toBe(describeEffect(effect, 'en'));
    expect(describeEffect(effects[3], 'en')).toBe('removed the transition from "a" to "b" (outcome "o")');
    expect(describeEffect(effects[3], 'id')).toBe('alur dari "a" ke "b" (hasil "o") dihapus');
  });
});

describe('elementAt', () => {
  const data = {
    lanes: [{ id: 'kasi' }],
    steps: [{ id: 'a', next: 'b', outcomes: [{ id: 'o', to: 'c' }], escalation: { to: 'd' } }],
    periodic: [{ id: 'harian', steps: [{ id: 'p' }] }],
  };
  test.each([
    ['/steps/0/next', { type: 'transition', from: 'a', flow: 'main', kind: 'next', to: 'b' }],
    ['/steps/0/outcomes/0/label', { type: 'transition', from: 'a', flow: 'main', kind: 'outcome', outcome: 'o', to: 'c' }],
    ['/steps/0/escalation/to', { type: 'transition', from: 'a', flow: 'main', kind: 'escalation', to: 'd' }],
    ['/steps/0/waktu', { type: 'step', stepId: 'a', flow: 'main' }],
    ['/periodic/0/steps/0/id', { type: 'step', stepId: 'p', flow: 'harian' }],
    ['/lanes/0/role', { type: 'lane', laneId: 'kasi' }],
    ['/identity/title', { type: 'sop' }],
    ['/steps/9', { type: 'sop' }],
    ['', { type: 'sop' }],
  ])('%s', (pointer, element) => {
    expect(elementAt(data, pointer)).toEqual(element);
  });

  test('an issue of a text that does not parse belongs to the SOP', () => {
    const issue = { severity: 'error' as const, code: 'yaml.x', message: 'm', pointer: '/steps/0', line: 1, column: 1 };
    expect(locateIssues('a: [', [issue])[0].element).toEqual({ type: 'sop' });
  });

  test('given the data the validator read, the issues are located in it (the YAML is not read again)', () => {
    const issue = { severity: 'error' as const, code: 'x', message: 'm', pointer: '/steps/0/waktu', line: 1, column: 1 };
    // the text says nothing of step a: the element comes from the data
    expect(locateIssues('a: [', [issue], data)[0].element).toEqual({ type: 'step', stepId: 'a', flow: 'main' });
    expect(locateIssues('a: [', [], data)).toEqual([]);
  });
});
