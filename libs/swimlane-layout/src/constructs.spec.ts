import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSop, type SopDocument } from '@sop/model';
import { segmentCrossesBox } from './geometry';
import { layoutSwimlanes } from './layout-swimlanes';
import { renderSwimlaneSvg } from './render-swimlane-svg';

// Coordination, lane units, routing by a field, scheduled waits, documents (ADR 0014) and the
// citizen's steps settled by their time passing (ADR 0010), as the drawing shows them.
const fixture = (name: string): SopDocument => {
  const result = validateSop(readFileSync(join(__dirname, `../../sop-model/src/__fixtures__/valid/${name}.yaml`), 'utf8'));
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return result.sop!;
};
const contoh = fixture('coordination-and-units');
const citizen = fixture('citizen-confirms');

describe('coordination on the layout', () => {
  const layout = layoutSwimlanes(contoh);
  const connector = layout.coordinations.find((c) => c.id === 'bidang-tindak~helpdesk')!;

  it('draws a connector from the step to a box in the asked lane’s column, on the step’s row, with its label', () => {
    expect(layout.coordinations).toHaveLength(1);
    expect(connector).toMatchObject({ step: 'bidang-tindak', lane: 'helpdesk', label: 'Koordinasi dengan Helpdesk', laneName: 'Helpdesk' });
    const node = layout.nodes.find((n) => n.id === 'bidang-tindak')!;
    const lane = layout.lanes.find((l) => l.id === 'helpdesk')!;
    const row = layout.rows[node.row];
    // the box sits in the Helpdesk column, inside the step's row
    expect(connector.box.x).toBeGreaterThanOrEqual(lane.x);
    expect(connector.box.x + connector.box.width).toBeLessThanOrEqual(lane.x + lane.width);
    expect(connector.box.y).toBeGreaterThanOrEqual(row.y);
    expect(connector.box.y + connector.box.height).toBeLessThanOrEqual(row.y + row.height);
    // one horizontal line, from the diamond's right border to the box's left side
    const [from, to] = connector.points;
    expect(from.y).toBe(to.y);
    expect(to.x).toBe(connector.box.x);
    expect(from.x).toBeGreaterThan(node.x + node.width / 2);
    expect(from.x).toBeLessThanOrEqual(node.x + node.width);
    expect(to.y).toBeGreaterThan(connector.box.y);
    expect(to.y).toBeLessThan(connector.box.y + connector.box.height);
  });

  it('keeps the outcome arrows and their labels off the coordination box', () => {
    for (const e of layout.edges) {
      for (let i = 1; i < e.points.length; i++) expect(segmentCrossesBox(e.points[i - 1], e.points[i], connector.box)).toBe(false);
      expect(e.crosses).toEqual([]);
    }
  });

  it('marks a lane only asked as in use, and a lane with steps as not "asked only"', () => {
    expect(layout.lanes.find((l) => l.id === 'helpdesk')!.askedOnly).toBe(true);
    expect(layout.lanes.find((l) => l.id === 'bidang')!.askedOnly).toBe(false);
  });

  it('draws the connector dotted with an arrowhead at each end, and the box with its label', () => {
    const svg = renderSwimlaneSvg(layout);
    const group = /<g class="coordination" data-step="bidang-tindak" data-lane="helpdesk">([\s\S]*?)<\/g>/.exec(svg)![1];
    expect(group).toMatch(/<line [^>]*stroke-linecap="round" stroke-dasharray="1 4"\/>/);
    expect(group.match(/<polygon /g)).toHaveLength(2);
    expect(group).toMatch(/>Koordinasi dengan<\/tspan><tspan [^>]*>Helpdesk</);
  });

  it('names the asked lane when the coordination has no label, in the language asked', () => {
    const sop = structuredClone(contoh);
    sop.steps.find((s) => s.id === 'bidang-tindak')!.coordination = [{ lane: 'helpdesk' }];
    const unlabelled = layoutSwimlanes(sop);
    expect(unlabelled.coordinations[0].label).toBeNull();
    expect(renderSwimlaneSvg(unlabelled)).toMatch(/>Koordinasi dengan<\/tspan><tspan [^>]*>Helpdesk</);
    expect(renderSwimlaneSvg(unlabelled, { words: { coordinationWith: 'Coordination with {lane}' } })).toMatch(
      />Coordination with<\/tspan><tspan [^>]*>Helpdesk</,
    );
  });

  it('draws a connector leftwards to a lane before the step’s, and none for a flow without coordination', () => {
    const sop = structuredClone(contoh);
    sop.steps.find((s) => s.id === 'bidang-tindak')!.coordination = [{ lane: 'petugas', label: 'Tanya petugas' }];
    const left = layoutSwimlanes(sop).coordinations[0];
    expect(left.points[0].x).toBeGreaterThan(left.points[1].x);
    expect(left.points[1].x).toBe(left.box.x + left.box.width);
    expect(layoutSwimlanes(citizen).coordinations).toEqual([]);
  });
});

describe('lane units in the header', () => {
  it('lists the unit names of a lane under its name, and makes the header tall enough for them', () => {
    const layout = layoutSwimlanes(contoh);
    expect(layout.lanes.find((l) => l.id === 'bidang')!.units).toEqual(['Bidang Pelayanan Pendaftaran Penduduk', 'Bidang Pelayanan Pencatatan Sipil']);
    expect(layout.lanes.find((l) => l.id === 'petugas')!.units).toEqual([]);
    const without = structuredClone(contoh);
    delete without.lanes.find((l) => l.id === 'bidang')!.units;
    expect(layout.headerHeight).toBeGreaterThan(layoutSwimlanes(without).headerHeight);
    const svg = renderSwimlaneSvg(layout);
    expect(svg).toMatch(/<g class="lane-units">[\s\S]*Bidang Pelayanan[\s\S]*·[\s\S]*<\/g>/);
    expect(renderSwimlaneSvg(layoutSwimlanes(without))).not.toContain('lane-units');
  });
});

describe('routing by a field and documents of outcomes', () => {
  it('shows the values that lead to each routed outcome in its label, and the field the decision follows', () => {
    const layout = layoutSwimlanes(contoh, { showMutuBaku: false });
    const toBidang = layout.edges.find((e) => e.from === 'petugas-teruskan' && e.outcome === 'ke-bidang')!;
    expect(toBidang.label).toBe('Bidang terkait');
    expect(toBidang.when).toEqual(['Pendaftaran Penduduk', 'Pencatatan Sipil']);
    expect(toBidang.text).toBe('Bidang terkait (Pendaftaran Penduduk, Pencatatan Sipil)');
    expect(layout.nodes.find((n) => n.id === 'petugas-teruskan')!.routeBy).toEqual({ field: 'bidang', label: 'Bidang yang diadukan' });
    expect(layout.nodes.find((n) => n.id === 'bidang-tindak')!.routeBy).toBeNull();
    const svg = renderSwimlaneSvg(layout);
    expect(svg).toContain('<g class="route-by">');
    expect(svg).toContain('menurut Bidang yang diadukan');
    expect(svg).toContain('(Pendaftaran Penduduk,');
  });

  it('writes the documents in the Output column when it is shown, else on the outcome’s label', () => {
    const withMutu = layoutSwimlanes(contoh);
    const row = withMutu.rows.find((r) => r.stepIds.includes('bidang-tindak'))!;
    expect(row.documents).toEqual([
      { outcome: 'selesai', label: 'Selesai', document: 'Berita acara penyelesaian pengaduan' },
      { outcome: 'tidak-selesai', label: 'Tidak dapat diselesaikan', document: 'Surat jawaban' },
    ]);
    const selesai = withMutu.edges.find((e) => e.outcome === 'selesai')!;
    expect(selesai).toMatchObject({ document: 'Berita acara penyelesaian pengaduan', text: 'Selesai' });
    expect(renderSwimlaneSvg(withMutu)).toContain('Selesai: Berita acara');

    const without = layoutSwimlanes(contoh, { showMutuBaku: false });
    expect(without.edges.find((e) => e.outcome === 'selesai')!.text).toBe('Selesai\nBerita acara penyelesaian pengaduan');
    expect(renderSwimlaneSvg(without)).toContain('>Berita acara penyelesaian<');
  });
});

describe('scheduled waits', () => {
  it('marks a step that may wait for a date with a calendar tag, its label in the tooltip', () => {
    const layout = layoutSwimlanes(contoh);
    expect(layout.nodes.find((n) => n.id === 'bidang-tindak')!.schedule).toEqual({ label: 'Jadwal pertemuan dengan pelapor' });
    expect(layout.nodes.filter((n) => n.schedule).map((n) => n.id)).toEqual(['bidang-tindak']);
    const svg = renderSwimlaneSvg(layout);
    expect(svg.match(/<g class="schedule">/g)).toHaveLength(1);
    expect(svg).toContain('<title>Dapat dijadwalkan: Jadwal pertemuan dengan pelapor</title>');
    expect(svg).toContain('>jadwal<');
    expect(renderSwimlaneSvg(layout, { words: { schedule: 'schedule' } })).toContain('>schedule<');
  });
});

describe('citizen steps settled by their time passing', () => {
  it('tags a citizen decision with the outcome it takes when unanswered', () => {
    const layout = layoutSwimlanes(citizen);
    const node = layout.nodes.find((n) => n.id === 'konfirmasi')!;
    expect(node.citizen).toBe(true);
    expect(node.citizenTimeout).toEqual({ action: 'choose', outcome: 'puas', outcomeLabel: 'Puas' });
    expect(layout.nodes.find((n) => n.id === 'jawab')).toMatchObject({ citizen: false, citizenTimeout: null });
    // the start and end in the citizen's lane are not the citizen's steps
    expect(layout.nodes.find((n) => n.id === 'laporan')!.citizen).toBe(false);
    const svg = renderSwimlaneSvg(layout);
    expect(svg).toContain('<g class="citizen-timeout">');
    expect(svg).toContain('bila tak dijawab: Puas');
    expect(renderSwimlaneSvg(layout, { words: { citizenChoose: 'if unanswered: {outcome}' } })).toContain('if unanswered: Puas');
  });

  it('tags a citizen task that completes when unanswered, and no office step that does so', () => {
    const sop = structuredClone(citizen);
    sop.steps.splice(2, 1, {
      id: 'konfirmasi',
      number: '3',
      kind: 'task',
      lane: 'pelapor',
      activity: 'Pelapor melengkapi berkas',
      waktu: '5 hari kerja',
      onTimeout: { action: 'complete' },
      next: 'kasi-tinjau',
    });
    sop.steps.find((s) => s.id === 'kasi-tinjau')!.onTimeout = { action: 'complete' };
    const layout = layoutSwimlanes(sop);
    expect(layout.nodes.find((n) => n.id === 'konfirmasi')!.citizenTimeout).toEqual({ action: 'complete', outcome: null, outcomeLabel: null });
    expect(layout.nodes.find((n) => n.id === 'kasi-tinjau')!.citizenTimeout).toBeNull();
    expect(renderSwimlaneSvg(layout).match(/bila tak dijawab: dianggap selesai/g)).toHaveLength(1);
  });
});
