import { join } from 'node:path';
import { type SopDocument } from '@sop/model';
import { layoutSwimlanes } from '@sop/swimlane-layout';
import { expectGoldenText } from '../../../../libs/sop-model/src/__fixtures__/golden';
import { loadFixture, loadSeed, seedSops } from '../../../../libs/sop-model/src/__fixtures__/seeds';
import { rowBandKey, rowBandOf, sheetBodyHtml, sheetCoordinationHtml, sheetGridSvg, sheetSymbolsHtml } from './sheet-markup';

const metro = loadSeed('metro');

describe('the sheet markup behind the flowchart', () => {
  it('writes each row’s number, activity and Mutu Baku, and no box for the empty lane cells', () => {
    const layout = layoutSwimlanes(metro);
    const html = sheetBodyHtml(layout);
    expect(html).toContain('>1 hari<');
    expect(html).toContain('data-testid="mutu-waktu"');
    for (const row of layout.rows) if (row.activity) expect(html).toContain(row.activity.replace(/&/g, '&amp;'));
    // at most five text boxes a row (number, activity, kelengkapan, waktu, output), never one per lane
    expect((html.match(/<div /g) ?? []).length).toBeLessThanOrEqual(layout.rows.length * 5);
  });

  it('writes only the rows reaching into a band when given one (the editor draws the rows in view)', () => {
    const layout = layoutSwimlanes(metro);
    const [second, third] = [layout.rows[1], layout.rows[2]];
    const band = { top: second.y + 1, bottom: third.y + 1 };
    const html = sheetBodyHtml(layout, band);
    const rowsIn = layout.rows.filter((r) => r.y + r.height > band.top && r.y < band.bottom);
    expect(rowsIn).toEqual([second, third]);
    const tops = new Set([...html.matchAll(/top:(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1])));
    expect([...tops].sort((a, b) => a - b)).toEqual([second.y, third.y]);
    expect(sheetBodyHtml(layout, { top: layout.height + 1, bottom: layout.height + 2 })).toBe('');
  });

  it('names the band of rows in view, with a margin, and the same band while the view moves within it', () => {
    // at zoom 0.5, a pane 600 px high shows sheet rows 0–1200 when the sheet's top is at the pane's top
    const band = rowBandOf(rowBandKey([0, 0, 0.5], 600));
    expect(band.top).toBeLessThanOrEqual(0);
    expect(band.bottom).toBeGreaterThanOrEqual(1200);
    // panned down 2,200 sheet pixels: rows 2200–3400 in view
    const down = rowBandOf(rowBandKey([0, -1100, 0.5], 600));
    expect(down.top).toBeLessThanOrEqual(2200);
    expect(down.top).toBeGreaterThan(0);
    expect(down.bottom).toBeGreaterThanOrEqual(3400);
    // 100 sheet pixels further: the same band (nothing to draw again)
    expect(rowBandKey([0, -1150, 0.5], 600)).toBe(rowBandKey([0, -1100, 0.5], 600));
  });

  it('escapes the SOP’s text: markup in an activity is shown, not run', () => {
    const sop: SopDocument = structuredClone(metro);
    sop.steps.find((st) => st.id === 'petugas-periksa')!.activity = 'Cek <img src=x onerror=alert(1)> & "catat"';
    const html = sheetBodyHtml(layoutSwimlanes(sop));
    expect(html).not.toContain('<img');
    expect(html).toContain('Cek &lt;img src=x onerror=alert(1)&gt; &amp; &quot;catat&quot;');
  });

  it('draws every column and row rule in one path, and tints the Mutu Baku only when it is shown', () => {
    const withMutu = sheetGridSvg(layoutSwimlanes(metro));
    expect((withMutu.match(/<path /g) ?? []).length).toBe(1);
    expect(withMutu).toContain('fill="#fbfdfb"');
    expect(sheetGridSvg(layoutSwimlanes(metro, { showMutuBaku: false }))).not.toContain('fill="#fbfdfb"');
  });

  it('draws a read-only diagram’s symbols and arrows: every step where the layout put it, every edge with its arrowhead and label', () => {
    const layout = layoutSwimlanes(metro);
    const titles = new Map(metro.steps.map((st) => [st.id, st.activity]));
    const html = sheetSymbolsHtml(layout, titles);
    for (const n of layout.nodes) {
      expect(html).toContain(`data-testid="step-node" data-step-id="${n.id}" data-kind="${n.kind}"`);
      expect(html).toContain(`left:${n.x}px;top:${n.y}px;width:${n.width}px;height:${n.height}px`);
    }
    expect((html.match(/<path class="sheet-edge /g) ?? []).length).toBe(layout.edges.length);
    for (const e of layout.edges) expect(html).toContain(`data-edge-id="${e.id.replace(/>/g, '&gt;')}"`);
    // escalations dashed in their colour, with their own arrowhead; every outcome label written once
    expect(html).toMatch(/class="sheet-edge edge-escalation"[^>]*stroke="#c05621"[^>]*stroke-dasharray="6 3"[^>]*marker-end="url\(#sop-arrow-escalation\)"/);
    const labels = layout.edges.filter((e) => e.label && e.labelPoint).map((e) => e.label);
    expect((html.match(/data-testid="edge-label"/g) ?? []).length).toBe(labels.length);
    expect(labels).toContain('Tidak terselesaikan');
    // a decision keeps its label clear of the diamond's corners in pixels, as a node of its own would
    const decision = layout.nodes.find((n) => n.kind === 'decision')!;
    expect(html).toContain(`padding:0 ${Math.round(decision.width * 0.22)}px`);
  });

  it('escapes step labels, titles and edge labels', () => {
    const layout = layoutSwimlanes(metro);
    const tricky = { ...layout, nodes: layout.nodes.map((n, i) => (i === 0 ? { ...n, label: '<b>Mulai</b> & "x"' } : n)) };
    const html = sheetSymbolsHtml(tricky, new Map([[layout.nodes[0].id, '<img src=x onerror=alert(1)>']]));
    expect(html).toContain('&lt;b&gt;Mulai&lt;/b&gt; &amp; &quot;x&quot;');
    expect(html).toContain('title="&lt;img src=x onerror=alert(1)&gt;"');
    expect(html).not.toContain('<img');
  });
});

describe('the constructs of ADR 0010 and 0014 on the sheet', () => {
  const contoh = loadFixture('valid/coordination-and-units.yaml');

  it('draws the coordination box in the asked lane with its label, the schedule mark, the routing note and the documents', () => {
    const layout = layoutSwimlanes(contoh);
    const html = sheetSymbolsHtml(layout, new Map()) + sheetCoordinationHtml(layout) + sheetBodyHtml(layout);
    expect(html).toMatch(/data-testid="coordination" data-step-id="bidang-tindak" data-lane-id="helpdesk"[^>]*>Koordinasi dengan Helpdesk</);
    expect(html).toContain('stroke-dasharray="1 4" marker-start="url(#sop-coordination-end)" marker-end="url(#sop-coordination-end)"');
    expect(html.match(/data-testid="schedule-tag"/g)).toHaveLength(1);
    expect(html).toContain('>menurut Bidang yang diadukan<');
    expect(html).toContain('>Bidang terkait (Pendaftaran Penduduk, Pencatatan Sipil)<');
    expect(html).toContain('data-testid="mutu-document" data-outcome="selesai">Selesai: Berita acara penyelesaian pengaduan<');
    expect(sheetCoordinationHtml(layoutSwimlanes(metro))).toBe('');
  });
});

describe.each(seedSops())('the sheet of the seed %s', (id, sop) => {
  it('is the markup checked in as __golden__/<seed>.sheet.txt (UPDATE_GOLDEN=1 rewrites it)', () => {
    const layout = layoutSwimlanes(sop);
    const titles = new Map(sop.steps.map((st) => [st.id, st.activity]));
    const parts = [sheetGridSvg(layout), sheetBodyHtml(layout), sheetSymbolsHtml(layout, titles), sheetCoordinationHtml(layout)];
    expectGoldenText(join(__dirname, `__golden__/${id}.sheet.txt`), `${parts.join('\n\n')}\n`);
  });
});
