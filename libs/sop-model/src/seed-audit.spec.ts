import { runnability } from './runnability';
import { sourceGaps } from './source-gaps';
import { validateSop } from './validate-sop';
import { seedText } from './__fixtures__/seeds';

/** What the audit of the five seed YAMLs found (issue 10, section 7), checked on the files themselves. */
const text = seedText;

const parsed = (id: string) => {
  const result = validateSop(text(id), { file: `${id}.yaml` });
  expect(result.valid).toBe(true);
  return result.sop!;
};

/** The lines of one step, from its "- id:" to the next step's. */
function stepBlock(yaml: string, id: string): string {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => l === `  - id: ${id}`);
  if (start < 0) throw new Error(`no step ${id}`);
  let end = start + 1;
  while (end < lines.length && !/^ {2}- id: /.test(lines[end]) && !/^\S/.test(lines[end])) end++;
  return lines.slice(start, end).join('\n');
}

describe('Metro: every value not printed is marked inferred', () => {
  const metro = text('metro');

  it.each(['kasi-periksa', 'kabid-periksa', 'sekretaris-periksa'])('marks the outcome labels of %s (steps 4–6) as inferred', (id) => {
    expect(stepBlock(metro, id)).toMatch(/# inferred:[^\n]*outcome labels[^\n]*\n(\s*#[^\n]*\n)*\s*outcomes:/);
  });

  it('marks the channel "dll" as inferred', () => {
    expect(metro).toMatch(/label: dll, provenance: \{ status: inferred, [^\n]*\}\s*# inferred:/);
  });

  const sop = parsed('metro');
  const gaps = sourceGaps(sop);

  it.each(['kasi-periksa', 'kabid-periksa', 'sekretaris-periksa'])('carries the inferred marker on both outcomes of %s, with a note', (id) => {
    const marked = gaps.filter((g) => g.step === id && g.kind === 'outcome');
    expect(marked.map((g) => [g.id, g.status])).toEqual([
      ['selesai', 'inferred'],
      ['tidak-terselesaikan', 'inferred'],
    ]);
    for (const g of marked) expect(g.note).toMatch(/tidak tercetak di baris [456]/);
  });

  it('keeps the escalation on timeout of steps 4–6 only as a platform decision, marked inferred', () => {
    const timeouts = sop.steps.filter((s) => s.onTimeout);
    expect(timeouts.map((s) => s.id)).toEqual(['kasi-periksa', 'kabid-periksa', 'sekretaris-periksa']);
    for (const s of timeouts)
      expect(s.onTimeout).toEqual({
        action: 'escalate',
        provenance: { status: 'inferred', note: expect.stringMatching(/^SOP sumber tidak mencetak aturan bila Waktu terlampaui/) },
      });
  });

  it('marks the channel "dll" with the machine-readable marker too', () => {
    expect(gaps.filter((g) => g.kind === 'channel')).toEqual([expect.objectContaining({ id: 'lainnya', text: 'dll', status: 'inferred' })]);
  });

  it('marks the lost row 3 as incomplete (drawn dashed), while the SOP stays complete enough to run', () => {
    expect(gaps.filter((g) => g.kind === 'step').map((g) => [g.step, g.status])).toEqual([['tim-teknis', 'incomplete']]);
    expect(sop.source).toBeUndefined();
    expect(runnability(sop)).toEqual({ runnable: true, reasons: [] });
  });

  it('prints no service standard, so it has none', () => {
    expect(sop.service).toBeUndefined();
  });
});

describe('the five seeds: the service standard is only what the source prints', () => {
  it.each(['metro', 'brebes', 'lumajang', 'buleleng', 'pekanbaru'])(
    '%s has no service block (its source prints no biaya, persyaratan, overall time or product) and is runnable',
    (id) => {
      const sop = parsed(id);
      expect(sop.service).toBeUndefined();
      expect(sop.source).toBeUndefined();
      expect(runnability(sop).runnable).toBe(true);
    },
  );
});

describe('Pekanbaru: channels, category and the damaged Peralatan line', () => {
  const yaml = text('pekanbaru');
  const sop = parsed('pekanbaru');

  it('labels the routing outcomes with the options of the category field, one for one', () => {
    const category = sop.intake!.form!.fields.find((f) => f.id === sop.intake!.categoryField)!;
    const routing = sop.steps.find((s) => s.id === 'jawab-informasi')!;
    expect((routing.outcomes ?? []).map((o) => o.label)).toEqual((category as { options: string[] }).options);
  });

  it('keeps the damaged Peralatan line visible, as written', () => {
    expect(sop.sections.peralatanPerlengkapan).toContain('gan migan mana yang termasang dengan pintaer en di');
  });

  it("marks the telepon channel (the first row's equipment) as inferred", () => {
    expect(yaml).toMatch(/# inferred:[^\n]*\n(\s*#[^\n]*\n)*\s*- \{ id: telepon,/);
  });
});

describe('Brebes: one recap row, and the 3 hari kerja bounds the answer the citizen gets', () => {
  const sop = parsed('brebes');
  const allSteps = [...sop.steps, ...(sop.periodic ?? []).flatMap((p) => p.steps)];

  it('encodes row 5, the recap, once: as the daily run', () => {
    const recaps = allSteps.filter(
      (s) => s.activity === 'Merekap hasil penanganan keluhan/pengaduan dalam Laporan' || /^rekapitulasi pengaduan/.test(s.activity ?? ''),
    );
    expect(recaps.map((s) => s.id)).toEqual(['rekapitulasi-harian']);
    expect(recaps[0]).toMatchObject({ number: '5', waktu: '30 menit', output: 'Keluhan/Pengaduan selesai direkap' });
  });

  it('ends the case when the answer reaches the citizen, right after the 3 hari kerja of step 4', () => {
    const answer = sop.steps.find((s) => s.waktu === '3 hari kerja')!;
    expect(answer).toMatchObject({ id: 'meneruskan-jawaban', activity: 'Meneruskan jawaban untuk keluhan/pengaduan kepada Pemohon.' });
    expect(sop.steps.find((s) => s.id === answer.next)!.kind).toBe('end');
    const direct = sop.steps.find((s) => s.id === 'admin-menjawab')!.outcomes!.find((o) => o.id === 'selesai-dijawab')!;
    expect(sop.steps.find((s) => s.id === direct.to)!.kind).toBe('end');
  });
});
