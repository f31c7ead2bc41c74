import { compileSop } from '@sop/compiler';
import { validateSop, type SopDocument } from '@sop/model';
import { parse } from 'yaml';
import { fixtureText, loadSeed } from '../../../../libs/sop-model/src/__fixtures__/seeds';
import { pathAhead } from './path-ahead';

/** The minimal fixture SOP with its steps replaced by these (YAML list items), checked (unless said) and compiled. */
function flowWith(steps: string, checked = true): ReturnType<typeof compileSop> {
  const base = fixtureText('valid/minimal.yaml');
  const text = `${base.slice(0, base.indexOf('steps:'))}steps:\n${steps}`;
  const validation = checked ? validateSop(text) : null;
  if (validation && !validation.sop) throw new Error(JSON.stringify(validation.issues.filter((i) => i.severity === 'error')));
  return compileSop(validation?.sop ?? (parse(text) as SopDocument), { id: 'contoh' });
}

// Sleman's shape (a trial SOP): a check that can send the complaint back for correction, and an archive
const WITH_LOOP_AND_ARCHIVE = `
  - { id: laporan, number: "1", kind: start, lane: masyarakat, activity: Laporan, next: klasifikasi }
  - id: klasifikasi
    number: "2"
    kind: decision
    lane: petugas
    activity: Klasifikasi pengaduan
    waktu: 15 menit
    outcomes:
      - { id: arsip, label: Bukan pengaduan, to: arsip, kind: rejection }
      - { id: proses, label: Pengaduan, to: telaah }
  - { id: telaah, number: "3", kind: task, lane: kasi, activity: Kasi menelaah, waktu: 3 hari kerja, next: periksa }
  - id: periksa
    number: "4"
    kind: decision
    lane: petugas
    activity: Periksa hasil telaah
    waktu: 1 hari
    outcomes:
      - { id: kembali, label: Dikembalikan untuk diperbaiki, to: telaah }
      - { id: sesuai, label: Sesuai, to: jawab }
  - { id: jawab, number: "5", kind: task, lane: petugas, activity: Sampaikan jawaban, waktu: 1 jam, next: selesai }
  - { id: arsip, number: "6", kind: end, lane: petugas, label: Arsip, activity: Diarsipkan }
  - { id: selesai, number: "7", kind: end, lane: masyarakat, label: Selesai, activity: Selesai }
`;

describe('pathAhead', () => {
  it('in a flow that loops, gives the way ahead without the way back and without the archive', () => {
    const flow = flowWith(WITH_LOOP_AND_ARCHIVE);
    expect(pathAhead(flow, 'klasifikasi')).toEqual(['telaah', 'periksa', 'jawab', 'selesai']);
    // after the correction loop: from the check, on to the answer, not back to the Kasi
    expect(pathAhead(flow, 'periksa')).toEqual(['jawab', 'selesai']);
    expect(pathAhead(flow, 'telaah')).toEqual(['periksa', 'jawab', 'selesai']);
  });

  it('takes a rejection when it is the only way to an end', () => {
    const flow = flowWith(`
  - { id: laporan, number: "1", kind: start, lane: masyarakat, activity: Laporan, next: periksa }
  - { id: periksa, number: "2", kind: task, lane: petugas, activity: Periksa, waktu: 1 hari, next: selesai, rejection: { to: tolak } }
  - { id: tolak, number: "3", kind: task, lane: kasi, activity: Surat penolakan, waktu: 1 hari, next: selesai }
  - { id: selesai, number: "4", kind: end, lane: masyarakat, activity: Selesai }
`);
    // the rejection is slower, but not the way ahead
    expect(pathAhead(flow, 'periksa')).toEqual(['selesai']);
    expect(pathAhead(flow, 'tolak')).toEqual(['selesai']);
    expect(pathAhead(flow, 'selesai')).toEqual([]);
  });

  it('does not show a referral as the way ahead, even when it is the slower branch (ADR 0041)', () => {
    const text = fixtureText('valid/referral.yaml').replace(
      'activity: Kasi menindaklanjuti pengaduan\n    waktu: 1 hari',
      'activity: Kasi menindaklanjuti pengaduan\n    waktu: 2 jam',
    );
    expect(text).toContain('waktu: 2 jam');
    const validation = validateSop(text);
    const flow = compileSop(validation.sop!, { id: 'contoh' });
    expect(pathAhead(flow, 'periksa')).toEqual(['kasi-periksa', 'selesai']);
    // once referred, its own way on
    expect(pathAhead(flow, 'teruskan')).toEqual(['dilimpahkan']);
  });

  it('for a seed without loops, is the rest of its slowest path from the start (Metro: up to the Kepala Dinas)', () => {
    const flow = compileSop(loadSeed('metro'), { id: 'metro' });
    const ahead = pathAhead(flow, 'petugas-periksa');
    expect(ahead.map((id) => flow.steps[id].laneName)).toEqual(expect.arrayContaining(['Kepala Dinas Dukcapil', 'Sekretaris Disdukcapil']));
    expect(flow.steps[ahead[ahead.length - 1]].kind).toBe('end');
  });

  it('walks a flow of 20,000 steps in a row without running out of stack', () => {
    const steps = Array.from(
      { length: 20_000 },
      (_, i) =>
        `  - { id: s${i}, number: "${i + 2}", kind: task, lane: petugas, activity: Langkah ${i}, waktu: 5 menit, next: ${i === 19_999 ? 'selesai' : `s${i + 1}`} }`,
    );
    const flow = flowWith(
      [
        `  - { id: laporan, number: "1", kind: start, lane: masyarakat, activity: Laporan, next: s0 }`,
        ...steps,
        '  - { id: selesai, number: "0", kind: end, lane: masyarakat, activity: Selesai }',
      ].join('\n'),
      false,
    );
    const ahead = pathAhead(flow, 's0');
    expect(ahead).toHaveLength(20_000);
    expect(ahead[ahead.length - 1]).toBe('selesai');
  });
});
