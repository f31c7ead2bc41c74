import { join } from 'node:path';
import { flowsOf } from '@sop/model';
import { expectGoldenText } from '../../sop-model/src/__fixtures__/golden';
import { loadFixture, loadSeed, seedSops } from '../../sop-model/src/__fixtures__/seeds';
import { layoutSwimlanes } from './layout-swimlanes';
import { nodeLabelLines, renderSwimlaneSvg } from './render-swimlane-svg';

/** valid/minimal.yaml: Masyarakat, Petugas, Kasi; laporan → periksa (decision) → kasi-periksa → selesai. */
const minimal = loadFixture('valid/minimal.yaml');

describe('renderSwimlaneSvg', () => {
  it('draws the table headers, every lane, step and edge label as text', () => {
    const layout = layoutSwimlanes(minimal);
    const svg = renderSwimlaneSvg(layout, { title: 'DIAGRAM ALUR & <uji>' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('DIAGRAM ALUR &amp; &lt;uji&gt;');
    for (const header of ['Pelaksana', 'Mutu Baku', 'Kelengkapan', 'Waktu', 'Output', 'Masyarakat', 'Petugas', 'Kasi', 'Selesai', 'Tidak terselesaikan'])
      expect(svg).toContain(header);
    expect(svg.match(/<polygon points="[^"]+" fill="#fff8e1"/g)).toHaveLength(minimal.steps.filter((s) => s.kind === 'decision').length);
    expect(svg.match(/<polyline /g)).toHaveLength(layout.edges.length);
  });

  it('translates the headers and leaves out hidden Mutu Baku columns', () => {
    const svg = renderSwimlaneSvg(layoutSwimlanes(minimal, { showMutuBaku: false }), { headers: { pelaksana: 'Actors', kegiatan: 'Activity' } });
    expect(svg).toContain('Actors');
    expect(svg).toContain('Activity');
    expect(svg).not.toContain('Kelengkapan');
  });
});

describe.each(seedSops())('the drawing of the seed %s', (id, sop) => {
  it.each(flowsOf(sop).map((f) => f.id))('flow %s is the SVG checked in under __golden__/ (UPDATE_GOLDEN=1 rewrites it)', (flowId) => {
    const svg = renderSwimlaneSvg(layoutSwimlanes(sop, { flow: flowId }), { title: sop.identity.title });
    expectGoldenText(join(__dirname, `../__golden__/${flowId === 'main' ? id : `${id}.${flowId}`}.svg`), svg);
  });
});

describe('source gaps in the drawing (ADR 0011)', () => {
  // Metro's source lost its row 3 and leaves most outcome labels and the timeouts to the platform
  const metro = loadSeed('metro');
  const layout = layoutSwimlanes(metro);
  const svg = renderSwimlaneSvg(layout);

  it('draws the lost row 3 dotted (incomplete) and every other symbol solid', () => {
    const gapShapes = svg.match(/<(rect|polygon) [^>]*stroke-dasharray="2 3"\/>/g) ?? [];
    // the decision diamond of tim-teknis, and the dotted sample of the legend
    expect(gapShapes).toHaveLength(2);
    expect(gapShapes[0]).toMatch(/^<polygon /);
    expect(layout.nodes.filter((n) => n.provenance).map((n) => n.id)).toEqual(['tim-teknis']);
  });

  it('frames the inferred outcome labels dashed and tags the escalation on timeout of steps 4–6 as a platform decision', () => {
    const inferredLabels = layout.edges.filter((e) => e.provenance === 'inferred' && e.label).length;
    expect(inferredLabels).toBe(9); // Diterima (row 2), and the two outcomes of each of rows 3–6
    expect(svg.match(/fill-opacity="0.92" stroke="#52606d" stroke-width="0.8" stroke-dasharray="6 3"/g)).toHaveLength(inferredLabels);
    expect(layout.nodes.filter((n) => n.inferredTimeout).map((n) => n.id)).toEqual(['kasi-periksa', 'kabid-periksa', 'sekretaris-periksa']);
    expect(svg.match(/<title>keputusan platform, tidak tertulis di SOP sumber<\/title>/g)).toHaveLength(3);
  });

  it('adds the legend below the table, translated when asked, and none to a drawing without marks', () => {
    expect(svg).toContain('Garis putus-putus: tidak tertulis di SOP sumber (keputusan platform)');
    expect(renderSwimlaneSvg(layout, { gapLegend: { inferred: 'Dashed: not written in the source SOP' } })).toContain('Dashed: not written in the source SOP');
    const plain = layoutSwimlanes(minimal);
    expect(plain.hasGaps).toBe(false);
    expect(renderSwimlaneSvg(plain)).not.toContain('gap-legend');
  });
});

describe('version diff marks', () => {
  const layout = layoutSwimlanes(minimal);
  const step = (id: string) => minimal.steps.find((st) => st.id === id)!;
  const [first, second, third] = [step('laporan'), step('periksa'), step('kasi-periksa')];

  it('draws a halo around each marked step, coloured by the mark, with its word as tooltip', () => {
    const svg = renderSwimlaneSvg(layout, {
      highlight: { [first.id]: 'added', [second.id]: 'removed', [third.id]: 'changed' },
      diffWords: { changed: 'changed' },
    });
    expect(svg).toContain(`<g class="diff-added" data-step="${first.id}"><title>ditambahkan</title>`);
    expect(svg).toContain(`<g class="diff-removed" data-step="${second.id}"><title>dihapus</title>`);
    expect(svg).toContain(`<g class="diff-changed" data-step="${third.id}"><title>changed</title>`);
    // the halo lies under the symbol: drawn before the step's own shape
    const node = layout.nodes.find((n) => n.id === first.id)!;
    expect(svg.indexOf(`data-step="${first.id}"`)).toBeLessThan(svg.indexOf(`<rect x="${node.x}" y="${node.y}" width="${node.width}"`));
  });

  it('draws no halo without marks, nor for ids that are not steps of the drawing', () => {
    expect(renderSwimlaneSvg(layout)).not.toMatch(/class="diff-/);
    expect(renderSwimlaneSvg(layout, { highlight: { 'not-a-step': 'added' } })).not.toMatch(/class="diff-/);
  });
});

describe('no text cut off in the drawing', () => {
  it('draws every line of a label longer than its symbol, in smaller type, instead of the first three', () => {
    const label = 'Menerima, memeriksa dan meneruskan berkas pengaduan yang lengkap kepada Kepala Seksi';
    const fit = nodeLabelLines({ kind: 'task', label, width: 140, height: 60 });
    expect(fit.lines.join(' ')).toBe(label);
    expect(fit.lines.length).toBeGreaterThan(3);
    expect(fit.size).toBeLessThan(11.5);
    // the lines fit the symbol's inner box at that size
    expect((fit.lines.length * 16 * fit.size) / 12).toBeLessThanOrEqual(fit.inner.height);
    // a short label keeps the full size
    expect(nodeLabelLines({ kind: 'task', label: 'Periksa', width: 140, height: 60 }).size).toBe(11.5);
  });

  it('marks each text with the box it must stay in (cells, symbols, labels), for checks of the printed drawing', () => {
    const layout = layoutSwimlanes(loadSeed('metro'));
    const svg = renderSwimlaneSvg(layout);
    const node = layout.nodes[0];
    expect(svg).toContain(`data-box="${node.x} ${node.y} ${node.width} ${node.height}"`);
    const row = layout.rows[0];
    const activity = layout.columns.find((c) => c.kind === 'activity')!;
    expect(svg).toContain(`data-box="${activity.x} ${row.y} ${activity.width} ${row.height}"`);
    // every symbol's label and every filled cell; only the tags under symbols and the legend float free
    expect((svg.match(/<text [^>]*data-box=/g) ?? []).length).toBeGreaterThanOrEqual(layout.nodes.length + layout.rows.length * 2);
  });
});
