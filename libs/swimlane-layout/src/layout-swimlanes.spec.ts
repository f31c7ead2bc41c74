import { flowsOf, type SopDocument } from '@sop/model';
import { loadFixture, loadSeed, seedIds, seedSops } from '../../sop-model/src/__fixtures__/seeds';
import { segmentCrossesBox } from './geometry';
import { layoutSwimlanes } from './layout-swimlanes';
import { wrappedLines } from './text-metrics';
import type { Box, Point, SwimlaneLayout, SwimlaneNode } from './swimlane-layout';

const seeds = seedSops();

/** Every flow of every seed, with the Mutu Baku columns shown and hidden. */
const cases: [string, SopDocument, string, boolean][] = seeds.flatMap(([id, sop]) =>
  flowsOf(sop).flatMap((f) =>
    [true, false].map((mutu) => [`${id}, flow ${f.id}, Mutu Baku ${mutu ? 'shown' : 'hidden'}`, sop, f.id, mutu] as [string, SopDocument, string, boolean]),
  ),
);

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const onBorder = (p: Point, n: SwimlaneNode) =>
  ((p.x === n.x || p.x === n.x + n.width) && p.y >= n.y && p.y <= n.y + n.height) ||
  ((p.y === n.y || p.y === n.y + n.height) && p.x >= n.x && p.x <= n.x + n.width);

describe('layoutSwimlanes over the seed SOPs', () => {
  it('covers every flow of every SOP in sops/, with the Mutu Baku shown and hidden', () => {
    expect(seeds.length).toBeGreaterThan(0);
    expect(new Set(cases.map(([name]) => name.split(',')[0]))).toEqual(new Set(seedIds()));
    expect(cases).toHaveLength(seeds.reduce((n, [, sop]) => n + flowsOf(sop).length * 2, 0));
  });

  describe.each(cases)('%s', (_name, sop, flowId, showMutuBaku) => {
    let layout: SwimlaneLayout;
    const flow = flowsOf(sop).find((f) => f.id === flowId)!;
    beforeAll(() => {
      layout = layoutSwimlanes(sop, { flow: flowId, showMutuBaku });
    });

    it('draws every step once and every lane as a column, in the source order', () => {
      expect(layout.nodes.map((n) => n.id).sort()).toEqual(flow.steps.map((s) => s.id).sort());
      expect(layout.lanes.map((l) => l.id)).toEqual(sop.lanes.map((l) => l.id));
      expect(layout.lanes.map((l) => l.name)).toEqual(sop.lanes.map((l) => l.name));
      for (let i = 1; i < layout.lanes.length; i++) expect(layout.lanes[i].x).toBe(layout.lanes[i - 1].x + layout.lanes[i - 1].width);
    });

    it('keeps each node kind and lane from its step', () => {
      for (const step of flow.steps) {
        const node = layout.nodes.find((n) => n.id === step.id)!;
        expect([node.kind, node.lane, node.number]).toEqual([step.kind, step.lane, step.number]);
        expect(node.label.length).toBeGreaterThan(0);
      }
    });

    it('has no two nodes overlapping', () => {
      for (let i = 0; i < layout.nodes.length; i++) {
        for (let j = i + 1; j < layout.nodes.length; j++) expect(overlaps(layout.nodes[i], layout.nodes[j])).toBe(false);
      }
    });

    it('puts every node inside its lane column and its row', () => {
      for (const node of layout.nodes) {
        const lane = layout.lanes.find((l) => l.id === node.lane)!;
        const row = layout.rows[node.row];
        expect(node.x).toBeGreaterThanOrEqual(lane.x);
        expect(node.x + node.width).toBeLessThanOrEqual(lane.x + lane.width);
        expect(node.y).toBeGreaterThanOrEqual(row.y);
        expect(node.y + node.height).toBeLessThanOrEqual(row.y + row.height);
        expect(row.stepIds).toContain(node.id);
      }
    });

    it('orders the rows as the steps, top to bottom, sharing a row only for a shared printed number', () => {
      expect(layout.rows.flatMap((r) => r.stepIds)).toEqual(flow.steps.map((s) => s.id));
      for (let i = 1; i < layout.rows.length; i++) expect(layout.rows[i].y).toBe(layout.rows[i - 1].y + layout.rows[i - 1].height);
      expect(layout.rows[0].y).toBe(layout.headerHeight);
      for (const row of layout.rows) {
        const steps = row.stepIds.map((id) => flow.steps.find((s) => s.id === id)!);
        expect(new Set(steps.map((s) => s.number)).size).toBe(1);
        expect(new Set(steps.map((s) => s.lane)).size).toBe(steps.length);
      }
    });

    it('draws every transition as an orthogonal polyline from border to border', () => {
      const declared = flow.steps.reduce((n, s) => n + (s.next ? 1 : 0) + (s.outcomes?.length ?? 0) + (s.escalation ? 1 : 0) + (s.rejection ? 1 : 0), 0);
      expect(layout.edges).toHaveLength(declared);
      expect(new Set(layout.edges.map((e) => e.id)).size).toBe(layout.edges.length);
      for (const edge of layout.edges) {
        const from = layout.nodes.find((n) => n.id === edge.from)!;
        const to = layout.nodes.find((n) => n.id === edge.to)!;
        expect(onBorder(edge.points[0], from)).toBe(true);
        expect(onBorder(edge.points[edge.points.length - 1], to)).toBe(true);
        for (let i = 1; i < edge.points.length; i++) {
          const [a, b] = [edge.points[i - 1], edge.points[i]];
          expect(a.x === b.x || a.y === b.y).toBe(true);
        }
      }
    });

    it('routes no edge through a node, not even through its own ends', () => {
      const crossings: string[] = [];
      for (const edge of layout.edges) {
        for (const node of layout.nodes) {
          for (let i = 1; i < edge.points.length; i++) {
            if (segmentCrossesBox(edge.points[i - 1], edge.points[i], node)) crossings.push(`${edge.id} crosses ${node.id}`);
          }
        }
        expect(edge.crosses).toEqual([]);
      }
      expect(crossings).toEqual([]);
    });

    it('labels decision outcomes with their labels', () => {
      for (const step of flow.steps) {
        for (const o of step.outcomes ?? []) {
          const edge = layout.edges.find((e) => e.from === step.id && e.outcome === o.id)!;
          expect(edge.label).toBe(o.label);
          expect(edge.labelPoint).not.toBeNull();
        }
      }
    });

    it('is stable: the same SOP gives the same layout', () => {
      const again = layoutSwimlanes(JSON.parse(JSON.stringify(sop)) as SopDocument, { flow: flowId, showMutuBaku });
      expect(JSON.stringify(again)).toBe(JSON.stringify(layout));
    });

    it('shows the Mutu Baku columns beside the rows only when asked', () => {
      const mutu = layout.columns.filter((c) => c.group === 'mutu-baku').map((c) => c.kind);
      expect(mutu).toEqual(showMutuBaku ? ['kelengkapan', 'waktu', 'output'] : []);
      if (showMutuBaku) {
        const lastLane = layout.lanes[layout.lanes.length - 1];
        expect(layout.columns.find((c) => c.kind === 'kelengkapan')!.x).toBe(lastLane.x + lastLane.width);
        expect(layout.width).toBe(layout.columns[layout.columns.length - 1].x + layout.columns[layout.columns.length - 1].width);
      }
    });
  });
});

describe('layoutSwimlanes on particular rows', () => {
  const sop = loadSeed;

  it('draws Metro’s "Ditolak" terminator in the row of step 2, beside the decision', () => {
    const layout = layoutSwimlanes(sop('metro'));
    const row = layout.rows.find((r) => r.stepIds.includes('ditolak'))!;
    expect(row.stepIds).toEqual(['petugas-periksa', 'ditolak']);
    expect(row.number).toBe('2');
    expect(row.waktu).toBe('1 hari');
    const edge = layout.edges.find((e) => e.id === 'petugas-periksa->ditolak:ditolak')!;
    expect(edge.points).toHaveLength(2); // a straight line to the next column
    expect(edge.label).toBe('Ditolak');
    expect(edge.rejects).toBe(true);
  });

  it('marks the escalation ladder’s edges', () => {
    const layout = layoutSwimlanes(sop('metro'));
    expect(layout.edges.filter((e) => e.escalates).map((e) => e.from)).toEqual(['tim-teknis', 'kasi-periksa', 'kabid-periksa', 'sekretaris-periksa']);
  });

  it('keeps the Mutu Baku texts of each row as written', () => {
    const layout = layoutSwimlanes(sop('brebes'));
    const row = layout.rows.find((r) => r.stepIds.includes('admin-menjawab'))!;
    expect(row.kelengkapan).toEqual(['Koneksi Internet', 'Perangkat komunikasi elektronik', 'Aplikasi komunikasi']);
    expect(layoutSwimlanes(sop('brebes')).rows.find((r) => r.stepIds.includes('meneruskan-jawaban'))!.waktu).toBe('3 hari kerja');
  });

  it('lays out a periodic procedure, and refuses a flow the SOP does not have', () => {
    const layout = layoutSwimlanes(sop('buleleng'), { flow: 'laporan-bulanan' });
    expect(layout.nodes.map((n) => n.id)).toEqual(['mulai-bulanan', 'kesimpulan-bulanan', 'keputusan-kepala-dinas', 'logbook-kembali', 'selesai-bulanan']);
    expect(() => layoutSwimlanes(sop('buleleng'), { flow: 'harian' })).toThrow('the SOP has no flow "harian" (it has: main, laporan-bulanan)');
  });

  it('names a step without label nor activity after its kind or id', () => {
    const layout = layoutSwimlanes(sop('buleleng'));
    expect(layout.nodes.find((n) => n.id === 'mulai')!.label).toBe('Mulai');
    expect(layoutSwimlanes(sop('metro')).nodes.find((n) => n.id === 'tim-teknis')!.label).toBe('tim teknis');
    expect(layoutSwimlanes(sop('lumajang')).nodes.find((n) => n.id === 'dikembalikan')!.label).toBe('Dikembalikan');
  });

  it('shortens a long activity into the symbol at a word boundary', () => {
    const layout = layoutSwimlanes(sop('pekanbaru'));
    const node = layout.nodes.find((n) => n.id === 'registrasi')!;
    expect(node.label.endsWith('…')).toBe(true);
    expect(node.label.length).toBeLessThanOrEqual(60);
  });
});

describe('layoutSwimlanes on a large generated SOP', () => {
  /** 300 steps over 8 lanes: a task chain with a decision every tenth step that escalates two lanes on. */
  function generated(steps: number, lanes: number): SopDocument {
    const base = loadSeed('metro');
    const laneIds = Array.from({ length: lanes }, (_, i) => `lane-${i + 1}`);
    const list: SopDocument['steps'] = [{ id: 's1', number: '1', kind: 'start', lane: laneIds[0], activity: 'Mulai', next: 's2' }];
    for (let i = 2; i < steps; i++) {
      const lane = laneIds[(i * 3) % lanes];
      if (i % 10 === 0)
        list.push({
          id: `s${i}`,
          number: String(i),
          kind: 'decision',
          lane,
          activity: `Keputusan ${i}`,
          outcomes: [
            { id: 'ya', label: 'Ya', to: `s${i + 1}` },
            { id: 'tidak', label: 'Tidak', to: `s${Math.min(i + 2, steps)}`, kind: 'escalation' },
          ],
        });
      else
        list.push({
          id: `s${i}`,
          number: String(i),
          kind: 'task',
          lane,
          activity: `Kegiatan nomor ${i} yang dikerjakan pelaksana`,
          waktu: '1 hari',
          next: `s${i + 1}`,
        });
    }
    list.push({ id: `s${steps}`, number: String(steps), kind: 'end', lane: laneIds[0], activity: 'Selesai' });
    return { ...base, lanes: laneIds.map((id) => ({ id, name: `Pelaksana ${id}`, role: 'petugas' })), steps: list, periodic: undefined };
  }

  it('lays out 300 steps in 8 lanes without overlapping nodes or edges through nodes', () => {
    const sop = generated(300, 8);
    const layout = layoutSwimlanes(sop);
    expect(layout.nodes).toHaveLength(300);
    const sorted = [...layout.nodes].sort((a, b) => a.y - b.y);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1], sorted[i]];
      expect(overlaps(a, b)).toBe(false);
    }
    expect(layout.edges.filter((e) => e.crosses.length > 0)).toEqual([]);
  });
});

describe('layoutSwimlanes: lanes of any role', () => {
  it("heads each column with the lane's name, whatever common role it plays, and for role other too", () => {
    const openRoles = loadFixture('valid/open-roles.yaml');
    const layout = layoutSwimlanes(openRoles);
    expect(layout.lanes.map((l) => l.name)).toEqual(openRoles.lanes.map((l) => l.name));
    expect(layout.lanes.find((l) => l.id === 'inspektorat')!.name).toBe('Inspektorat Daerah');
  });
});

describe('provenance marks on the layout (ADR 0011)', () => {
  const metro = loadSeed('metro');

  it('carries each step’s mark and its inferred timeout rule to its node, and each outcome’s mark to its edge', () => {
    const layout = layoutSwimlanes(metro);
    expect(layout.hasGaps).toBe(true);
    expect(layout.nodes.find((n) => n.id === 'tim-teknis')!.provenance).toEqual({ status: 'incomplete', note: expect.stringContaining('baris 3 hilang') });
    expect(layout.nodes.find((n) => n.id === 'kasi-periksa')!.inferredTimeout).toEqual({
      action: 'escalate',
      note: expect.stringContaining('SOP sumber tidak mencetak aturan'),
    });
    expect(layout.nodes.find((n) => n.id === 'kadis-periksa')).toMatchObject({ provenance: null, inferredTimeout: null });
    expect(layout.edges.find((e) => e.from === 'kasi-periksa' && e.outcome === 'tidak-terselesaikan')!.provenance).toBe('inferred');
    expect(layout.edges.find((e) => e.from === 'petugas-periksa' && e.outcome === 'ditolak')!.provenance).toBeNull();
  });
});

describe('the Keterangan column', () => {
  const sopOf = loadSeed;

  it('is drawn after Mutu Baku when a step of the flow prints a keterangan, with the row’s text as written', () => {
    const layout = layoutSwimlanes(sopOf('brebes'));
    expect(layout.columns.map((c) => c.id).slice(-4)).toEqual(['kelengkapan', 'waktu', 'output', 'keterangan']);
    const row = layout.rows.find((r) => r.keterangan !== null)!;
    expect(row.keterangan).toBe('Apabila keluhan/pengaduan selesai, maka admin merekap keluhan/pengaduan');
  });

  it('is left out when no step prints one, or when Mutu Baku is hidden, unless asked for', () => {
    expect(layoutSwimlanes(sopOf('metro')).columns.some((c) => c.kind === 'keterangan')).toBe(false);
    expect(layoutSwimlanes(sopOf('brebes'), { showMutuBaku: false }).columns.some((c) => c.kind === 'keterangan')).toBe(false);
    expect(layoutSwimlanes(sopOf('metro'), { showKeterangan: true }).columns.at(-1)!.kind).toBe('keterangan');
  });
});

describe('layoutSwimlanes after an edit that moves nothing', () => {
  test('reuses the routes of the layout before, and equals a layout made from scratch', () => {
    const [, sop] = seeds[0];
    const before = layoutSwimlanes(sop);
    const edited: SopDocument = { ...sop, steps: sop.steps.map((s, i) => (i === 1 ? { ...s, label: `${s.label} (diubah)`, waktu: s.waktu } : s)) };
    const after = layoutSwimlanes(edited);
    expect(after.edges).toBe(before.edges); // not routed again
    expect(after.nodes[1].label).toContain('(diubah)');
    // another SOP routed in between: the edited one is routed from scratch, to the same result
    layoutSwimlanes(seeds[1][1]);
    const scratch = layoutSwimlanes(edited);
    expect(scratch.edges).not.toBe(before.edges);
    expect(scratch).toEqual(after);
    // an edit that moves a step is routed again
    const moved: SopDocument = { ...sop, steps: [sop.steps[0], sop.steps[2], sop.steps[1], ...sop.steps.slice(3)] };
    expect(layoutSwimlanes(moved).edges).not.toBe(scratch.edges);
  });
});

describe('layoutSwimlanes with the previous layout: an edit keeps what it did not change', () => {
  const [, sop] = seeds[0];
  const withLabel = (doc: SopDocument, index: number, label: string): SopDocument => ({
    ...doc,
    steps: doc.steps.map((s, i) => (i === index ? { ...s, label } : s)),
  });

  it('gives a layout equal to the one made without it, for edits that move nothing and edits that move rows', () => {
    const before = layoutSwimlanes(sop);
    const edits: SopDocument[] = [
      withLabel(sop, 1, 'Label lain'),
      { ...sop, steps: sop.steps.map((s, i) => (i === 1 ? { ...s, activity: `${s.activity ?? ''} ${'panjang '.repeat(60)}` } : s)) },
      { ...sop, steps: [sop.steps[0], sop.steps[2], sop.steps[1], ...sop.steps.slice(3)] },
      { ...sop, lanes: [...sop.lanes].reverse() },
    ];
    for (const edited of edits) {
      for (const showMutuBaku of [true, false]) {
        expect(layoutSwimlanes(edited, { showMutuBaku, previous: before })).toEqual(layoutSwimlanes(edited, { showMutuBaku }));
      }
    }
  });

  it('a label edited: every other node, every row, lane and column is the previous object; the edited node is new', () => {
    const before = layoutSwimlanes(sop);
    const edited = sop.steps[1].id;
    // another SOP laid out in between: its edges are routed last (the routing's own memo holds one)
    layoutSwimlanes(seeds[1][1]);
    const after = layoutSwimlanes(withLabel(sop, 1, 'Label lain'), { previous: before });
    expect(after.nodes.find((n) => n.id === edited)).not.toBe(before.nodes.find((n) => n.id === edited));
    expect(after.nodes.find((n) => n.id === edited)?.label).toBe('Label lain');
    for (const n of after.nodes.filter((x) => x.id !== edited)) expect(n).toBe(before.nodes.find((b) => b.id === n.id));
    expect(after.rows).toBe(before.rows);
    expect(after.lanes).toBe(before.lanes);
    expect(after.columns).toBe(before.columns);
    expect(after.edges).toBe(before.edges);
  });

  it('an activity that grows a row: that row and everything below it is new, the rows above are kept', () => {
    const before = layoutSwimlanes(sop);
    const grown = { ...sop, steps: sop.steps.map((s, i) => (i === 2 ? { ...s, activity: 'panjang '.repeat(80) } : s)) };
    const after = layoutSwimlanes(grown, { previous: before });
    const row = after.rows.findIndex((r) => r.stepIds.includes(sop.steps[2].id));
    expect(after.rows[row].height).toBeGreaterThan(before.rows[row].height);
    for (let i = 0; i < row; i++) expect(after.rows[i]).toBe(before.rows[i]);
    for (let i = row; i < after.rows.length; i++) expect(after.rows[i]).not.toBe(before.rows[i]);
    expect(after.rows).not.toBe(before.rows);
  });

  it('a step whose provenance has a key named like an object method is laid out again and kept', () => {
    const odd: SopDocument = { ...sop, steps: sop.steps.map((s, i) => (i === 1 ? { ...s, provenance: { status: 'inferred', toString: 'x' } as never } : s)) };
    const before = layoutSwimlanes(odd);
    const after = layoutSwimlanes(withLabel(odd, 2, 'Label lain'), { previous: before });
    expect(after.nodes.find((n) => n.id === sop.steps[1].id)).toBe(before.nodes.find((n) => n.id === sop.steps[1].id));
  });

  it('nothing changed: the same lists', () => {
    const before = layoutSwimlanes(sop);
    const again = layoutSwimlanes({ ...sop }, { previous: before });
    expect(again.nodes).toBe(before.nodes);
    expect(again.coordinations).toBe(before.coordinations);
  });
});

describe('wrappedLines, remembered per line length', () => {
  it('the same text at another width is counted for that width, and again the same', () => {
    const text = 'Petugas memeriksa kelengkapan berkas pengaduan dan mencatatnya dalam buku register';
    const narrow = wrappedLines(text, 100);
    const wide = wrappedLines(text, 1000);
    expect(narrow).toBeGreaterThan(wide);
    expect(wide).toBe(1);
    expect(wrappedLines(text, 100)).toBe(narrow);
    expect(wrappedLines(text, 1000, 64)).toBe(wrappedLines(text, 100));
  });
});
