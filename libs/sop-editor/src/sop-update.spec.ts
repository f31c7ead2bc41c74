import { SOP_TEXTS, clone, dataOf, lineDiff } from './__fixtures__/sop-texts';
import { CommandError } from './command-error';
import { sopUpdate } from './sop-update';

const metro = SOP_TEXTS.metro;
const metroData = dataOf(metro);

function refusal(run: () => unknown): CommandError {
  try {
    run();
  } catch (e) {
    if (e instanceof CommandError) return e;
    throw e;
  }
  throw new Error('the command did not refuse');
}

describe('sop.update', () => {
  test('sets a value in place', () => {
    const { state } = sopUpdate({ pointer: '/identity/dates/revisi', value: 'Maret 2024' }).apply({ yaml: metro });
    expect(lineDiff(metro, state.yaml)).toEqual({ removed: ['    revisi: null'], added: ['    revisi: Maret 2024'] });
  });

  test('drops the comment on a changed value’s line, keeps it when nothing changes', () => {
    const { state } = sopUpdate({ pointer: '/identity/number', value: '800/123/2021' }).apply({ yaml: metro });
    expect(lineDiff(metro, state.yaml)).toEqual({ removed: ['  number: null # Nomor SOP is blank in the source'], added: ['  number: 800/123/2021'] });
    const same = { yaml: metro };
    expect(sopUpdate({ pointer: '/identity/number', value: null }).apply(same).state).toBe(same);
  });

  test('creates missing objects on the way, putting new keys where the schema orders them', () => {
    const { state } = sopUpdate({ pointer: '/calendar/workingHours/sat', value: [{ start: '08:00', end: '12:00' }] }).apply({ yaml: metro });
    const expected = clone(metroData);
    expected.calendar.workingHours = { sat: [{ start: '08:00', end: '12:00' }] };
    expect(dataOf(state.yaml)).toEqual(expected);
    expect(state.yaml).toContain('calendar:\n  timeZone: Asia/Jakarta # WIB\n  workingHours:\n    sat:\n      - start: 08:00\n        end: 12:00\n');
    const unit = sopUpdate({ pointer: '/identity/dates/revisi', value: undefined }).apply({ yaml: metro });
    const back = sopUpdate({ pointer: '/identity/dates/revisi', value: null }).apply(unit.state);
    expect(back.state.yaml).toBe(metro);
  });

  test('appends to, replaces in and removes from a list', () => {
    const appended = sopUpdate({ pointer: '/sections/keterkaitan/-', value: 'SOP Pelayanan Informasi' }).apply({ yaml: metro });
    expect(lineDiff(metro, appended.state.yaml)).toEqual({ removed: [], added: ['    - SOP Pelayanan Informasi'] });
    expect(sopUpdate({ pointer: '/sections/keterkaitan/2', value: 'x' }).apply({ yaml: metro }).state.yaml).toContain('    - Maklumat Pelayanan\n    - x\n');
    const replaced = sopUpdate({ pointer: '/sections/keterkaitan/1', value: 'Maklumat Pelayanan Publik' }).apply({ yaml: metro });
    expect(lineDiff(metro, replaced.state.yaml)).toEqual({ removed: ['    - Maklumat Pelayanan'], added: ['    - Maklumat Pelayanan Publik'] });
    const removed = sopUpdate({ pointer: '/sections/kualifikasiPelaksana/0', value: undefined }).apply({ yaml: metro });
    expect(lineDiff(metro, removed.state.yaml)).toEqual({ removed: ['    - Kepala Dinas'], added: [] });
  });

  test('writes a new item like its siblings ({ … } items stay { … })', () => {
    const { state } = sopUpdate({ pointer: '/intake/channels/-', value: { id: 'call-centre', kind: 'call-centre', label: 'Call Centre' } }).apply({
      yaml: metro,
    });
    expect(lineDiff(metro, state.yaml)).toEqual({ removed: [], added: ['    - { id: call-centre, kind: call-centre, label: Call Centre }'] });
  });

  test('replaces a whole list', () => {
    const yaml = SOP_TEXTS.pekanbaru;
    const { state } = sopUpdate({ pointer: '/sections/keterkaitan', value: ['SOP Pelayanan Dokumen'] }).apply({ yaml });
    expect(dataOf(state.yaml).sections.keterkaitan).toEqual(['SOP Pelayanan Dokumen']);
    expect(state.yaml).toContain('  keterkaitan:\n    - SOP Pelayanan Dokumen\n');
  });

  test('refuses the whole document, pointers through a text and past the end of a list', () => {
    expect(refusal(() => sopUpdate({ pointer: '', value: {} }).apply({ yaml: metro })).messages.en).toContain('YAML pane');
    expect(refusal(() => sopUpdate({ pointer: '/identity/title/x', value: 1 }).apply({ yaml: metro })).code).toBe('invalid-pointer');
    expect(refusal(() => sopUpdate({ pointer: '/sections/dasarHukum/99', value: 'x' }).apply({ yaml: metro })).code).toBe('invalid-pointer');
    expect(refusal(() => sopUpdate({ pointer: '/sections/dasarHukum/99/x', value: 'x' }).apply({ yaml: metro })).code).toBe('invalid-pointer');
  });
});

describe('sopUpdate in the undo menu', () => {
  it('names the field as the panel labels it, in each language, and the pointer otherwise', () => {
    const labelled = sopUpdate({ pointer: '/identity/title', value: 'X', label: { id: 'Nama SOP', en: 'SOP title' } });
    expect([labelled.describe('id'), labelled.describe('en')]).toEqual(['Ubah Nama SOP', 'Set SOP title']);
    const removed = sopUpdate({ pointer: '/sections/dasarHukum/2', value: undefined, label: { id: 'Dasar Hukum 3', en: 'Legal basis 3' } });
    expect([removed.describe('id'), removed.describe('en')]).toEqual(['Hapus Dasar Hukum 3', 'Remove Legal basis 3']);
    expect(sopUpdate({ pointer: '/identity/title', value: 'X' }).describe('id')).toBe('Ubah /identity/title');
  });
});

describe('sop.update: the service standard, the source and provenance marks (ADR 0011)', () => {
  test('writes a service field into a new service block after the sections, as the schema orders it', () => {
    const { state } = sopUpdate({ pointer: '/service/biaya', value: 'Tidak dipungut biaya' }).apply({ yaml: metro });
    expect(dataOf(state.yaml).service).toEqual({ biaya: 'Tidak dipungut biaya' });
    expect(state.yaml.indexOf('\nservice:\n  biaya: Tidak dipungut biaya\n')).toBeGreaterThan(state.yaml.indexOf('\nsections:'));
    expect(state.yaml.indexOf('\nservice:')).toBeLessThan(state.yaml.indexOf('\nlanes:'));
  });

  test('marks the source incomplete and removes the mark again, leaving the text as it was', () => {
    const marked = sopUpdate({ pointer: '/source', value: { complete: false, note: 'halaman 2 hilang' } }).apply({ yaml: metro });
    expect(dataOf(marked.state.yaml).source).toEqual({ complete: false, note: 'halaman 2 hilang' });
    const back = sopUpdate({ pointer: '/source', value: undefined }).apply(marked.state);
    expect(back.state.yaml).toBe(metro);
  });

  test('marks an outcome written { … } inferred on its own line, and clears the mark of Metro’s timeout rule', () => {
    const i = metroData.steps.findIndex((s: { id: string }) => s.id === 'petugas-periksa');
    const { state } = sopUpdate({ pointer: `/steps/${i}/outcomes/1/provenance`, value: { status: 'inferred', note: 'x' } }).apply({ yaml: metro });
    expect(lineDiff(metro, state.yaml)).toEqual({
      removed: ['      - { id: ditolak, label: Ditolak, to: ditolak, kind: rejection }'],
      added: ['      - { id: ditolak, label: Ditolak, to: ditolak, kind: rejection, provenance: { status: inferred, note: x } }'],
    });
    const k = metroData.steps.findIndex((s: { id: string }) => s.id === 'kasi-periksa');
    const cleared = sopUpdate({ pointer: `/steps/${k}/onTimeout/provenance`, value: undefined }).apply({ yaml: metro });
    expect(dataOf(cleared.state.yaml).steps[k].onTimeout).toEqual({ action: 'escalate' });
  });
});
