import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectSop, runnability, sourceGaps, validateSop } from './index';

const fixture = (path: string) => readFileSync(join(__dirname, '__fixtures__', path), 'utf8');

describe('the service standard and provenance marks (valid/service-and-gaps.yaml)', () => {
  const { sop, issues } = validateSop(fixture('valid/service-and-gaps.yaml'));

  it('is valid with no issue', () => {
    expect(issues).toEqual([]);
  });

  it('lists every marked value, in document order, with its note and pointer', () => {
    expect(sourceGaps(sop!)).toEqual([
      {
        kind: 'outcome',
        status: 'inferred',
        note: 'the label is not printed',
        flow: 'main',
        step: 'periksa',
        number: '2',
        id: 'tidak-selesai',
        text: 'Tidak terselesaikan',
        pointer: '/steps/1/outcomes/1/provenance',
      },
      {
        kind: 'timeout',
        status: 'inferred',
        note: 'platform decision: the source prints no rule for a passed Waktu',
        flow: 'main',
        step: 'periksa',
        number: '2',
        id: null,
        text: 'escalate',
        pointer: '/steps/1/onTimeout/provenance',
      },
      {
        kind: 'step',
        status: 'incomplete',
        note: 'the row is torn; its Output is lost',
        flow: 'main',
        step: 'kasi-periksa',
        number: '3',
        id: null,
        text: 'Kasi menindaklanjuti pengaduan',
        pointer: '/steps/2/provenance',
      },
    ]);
  });

  it('inspect reports the service standard as written, the source as complete and the gaps', () => {
    const inspection = inspectSop(sop!);
    expect(inspection.service).toEqual({
      biaya: 'Tidak dipungut biaya',
      dasarBiaya: 'Peraturan Daerah Kota Contoh Nomor 1 Tahun 2020',
      persyaratan: ['Fotokopi KTP-el', 'Uraian pengaduan'],
      waktuPenyelesaian: '14 hari kerja',
      kondisiWaktu: 'sejak pengaduan diterima lengkap',
      produk: null,
    });
    expect(inspection.source).toEqual({ complete: true, note: null });
    expect(inspection.gaps.map((g) => g.kind)).toEqual(['outcome', 'timeout', 'step']);
  });

  it('still runs cases: marks alone do not stop an SOP', () => {
    expect(runnability(sop!)).toEqual({ runnable: true, reasons: [] });
  });
});

describe('an SOP whose source is incomplete (warnings/incomplete-source.yaml)', () => {
  const { sop, valid } = validateSop(fixture('warnings/incomplete-source.yaml'));

  it('is valid for viewing, but does not run, saying why', () => {
    expect(valid).toBe(true);
    const { runnable, reasons } = runnability(sop!);
    expect(runnable).toBe(false);
    expect(reasons[0]).toBe('the source is marked incomplete (the second page of the flowchart is missing): the SOP is for viewing and comparison only');
    // what is missing, in the rules' words, without telling anyone what to invent
    expect(reasons.slice(1)).toEqual(['the flow has no step of kind end', 'decision "periksa" has 1 outcome', 'task step "kasi-periksa" has no "next"']);
  });

  it('inspect says the source is incomplete and gives its note; no end means no best or worst case', () => {
    const inspection = inspectSop(sop!);
    expect(inspection.source).toEqual({ complete: false, note: 'the second page of the flowchart is missing' });
    expect(inspection.bestCase).toBeNull();
    expect(inspection.worstCase).toBeNull();
  });

  it('turning the source complete again makes the same gaps errors', () => {
    const text = fixture('warnings/incomplete-source.yaml').replace(/^source: .*\n/m, '');
    const result = validateSop(text);
    expect(result.valid).toBe(false);
    expect(
      result.issues
        .filter((i) => i.severity === 'error')
        .map((i) => i.code)
        .sort(),
    ).toEqual(['missing-next', 'no-end', 'too-few-outcomes']);
  });
});

describe('runnability of a complete SOP with what would be errors', () => {
  it('is false with the rules’ messages, for an SOP object that was never validated', () => {
    const { sop } = validateSop(fixture('valid/minimal.yaml'));
    const broken = { ...sop!, steps: sop!.steps.filter((s) => s.id !== 'selesai').map((s) => (s.next === 'selesai' ? { ...s, next: undefined } : s)) };
    const { runnable, reasons } = runnability(broken);
    expect(runnable).toBe(false);
    expect(reasons.join('\n')).toMatch(/no step of kind end/);
  });
});
