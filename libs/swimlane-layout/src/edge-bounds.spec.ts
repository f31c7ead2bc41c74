// Edges and their labels stay in the lanes' area: no segment and no label reaches into the Mutu Baku
// or Keterangan columns on the right, into the number and activity columns on the left, or into the
// header; no label covers a symbol or another label. Found on the Merauke trial SOP (trial2, shot
// 72): the Kepala Dinas, the rightmost lane, escalates to an end in its own lane, and both outcome
// labels were set right of their lines, over the Kelengkapan cells ("Jawaban" read "vaban").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowsOf, validateSop, type SopDocument } from '@sop/model';
import { seededRandom } from '../../sop-model/src/__fixtures__/random';
import { seedSops } from '../../sop-model/src/__fixtures__/seeds';
import { layoutSwimlanes } from './layout-swimlanes';
import { edgeLabelBox } from './route-edges';
import type { Box, SwimlaneLayout } from './swimlane-layout';

function loadYaml(file: string): SopDocument {
  const result = validateSop(readFileSync(file, 'utf8'), { file });
  if (!result.sop) throw new Error(`${file} is invalid: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.sop;
}

/** The Merauke trial SOP: Pemohon, Petugas, Kepala Dinas; the Kepala Dinas decides in the rightmost lane. */
const merauke = loadYaml(join(__dirname, '__fixtures__/merauke.yaml'));

type StepSpec = SopDocument['steps'][number];

/** An SOP of the given lanes and steps, with Merauke's identity, sections and intake. */
function sopOf(lanes: string[], steps: StepSpec[]): SopDocument {
  // a lane called pemohon plays the citizen's role: its tasks go on, its decisions take their first way, when the time passes
  const citizen = (s: StepSpec): StepSpec =>
    s.lane !== 'pemohon' || s.onTimeout
      ? s
      : s.kind === 'task'
        ? { ...s, onTimeout: { action: 'complete' } }
        : s.kind === 'decision' && s.outcomes?.length
          ? { ...s, onTimeout: { action: 'choose', outcome: s.outcomes[0].id } }
          : s;
  const sop: SopDocument = {
    ...merauke,
    lanes: lanes.map((id) => ({ id, name: id[0].toUpperCase() + id.slice(1), role: id === 'pemohon' ? 'pemohon' : 'petugas' })),
    steps: steps.map(citizen),
  };
  const checked = validateSop(JSON.stringify(sop), { file: 'generated.json' });
  if (!checked.sop) throw new Error(`generated SOP is invalid: ${checked.issues.map((i) => i.message).join('; ')}`);
  return checked.sop;
}

const mutu = { kelengkapan: 'Buku register', waktu: '1 hari kerja', output: 'Register pengaduan' };

/** A decision in the rightmost lane whose outcomes go up and down its own lane, and to an end in it. */
const rightmostDecision = sopOf(
  ['pemohon', 'petugas', 'kabid'],
  [
    { id: 'mulai', number: '1', kind: 'start', lane: 'pemohon', activity: 'Pemohon menyampaikan pengaduan', next: 'catat' },
    { id: 'catat', number: '2', kind: 'task', lane: 'petugas', activity: 'Petugas mencatat pengaduan', ...mutu, next: 'telaah' },
    { id: 'telaah', number: '3', kind: 'task', lane: 'kabid', activity: 'Kabid menelaah pengaduan', ...mutu, next: 'putus' },
    {
      id: 'putus',
      number: '4',
      kind: 'decision',
      lane: 'kabid',
      label: 'Lengkap?',
      activity: 'Kabid memutuskan tindak lanjut pengaduan',
      ...mutu,
      outcomes: [
        { id: 'ulang', label: 'Ditelaah ulang oleh Kepala Bidang', to: 'telaah' },
        { id: 'lanjut', label: 'Diteruskan untuk ditindaklanjuti', to: 'tindak' },
        { id: 'tolak', label: 'Ditolak karena bukan kewenangan Dinas', to: 'ditolak', kind: 'rejection' },
      ],
    },
    { id: 'tindak', number: '5', kind: 'task', lane: 'kabid', activity: 'Kabid menindaklanjuti pengaduan', ...mutu, next: 'jawab' },
    { id: 'jawab', number: '6', kind: 'task', lane: 'petugas', activity: 'Petugas menyampaikan jawaban', ...mutu, kelengkapan: 'Jawaban', next: 'selesai' },
    { id: 'ditolak', number: '7', kind: 'end', lane: 'kabid', label: 'Ditolak', activity: 'Pengaduan ditolak' },
    { id: 'selesai', number: '8', kind: 'end', lane: 'pemohon', label: 'Selesai', activity: 'Pengaduan selesai' },
  ],
);

/** Outcomes of the rightmost lane that loop back upward, to its own lane and to the lanes left of it. */
const loopsUpward = sopOf(
  ['pemohon', 'petugas', 'kadis'],
  [
    { id: 'mulai', number: '1', kind: 'start', lane: 'pemohon', activity: 'Pemohon menyampaikan pengaduan', next: 'lengkapi' },
    { id: 'lengkapi', number: '2', kind: 'task', lane: 'pemohon', activity: 'Pemohon melengkapi berkas', ...mutu, next: 'periksa' },
    { id: 'periksa', number: '3', kind: 'task', lane: 'petugas', activity: 'Petugas memeriksa berkas', ...mutu, next: 'kaji' },
    { id: 'kaji', number: '4', kind: 'task', lane: 'kadis', activity: 'Kepala Dinas mengkaji', ...mutu, next: 'putus' },
    {
      id: 'putus',
      number: '5',
      kind: 'decision',
      lane: 'kadis',
      label: 'Disetujui?',
      activity: 'Kepala Dinas memutuskan',
      ...mutu,
      outcomes: [
        { id: 'kaji-ulang', label: 'Dikaji ulang oleh Kepala Dinas', to: 'kaji' },
        { id: 'periksa-ulang', label: 'Dikembalikan kepada Petugas untuk diperiksa ulang', to: 'periksa', kind: 'rejection' },
        { id: 'kurang', label: 'Berkas kurang, dikembalikan kepada pemohon', to: 'lengkapi', kind: 'rejection' },
        { id: 'setuju', label: 'Disetujui', to: 'selesai' },
      ],
    },
    { id: 'selesai', number: '6', kind: 'end', lane: 'kadis', label: 'Selesai', activity: 'Pengaduan selesai' },
  ],
);

/** One lane: every edge and label must find room in a single column. */
const oneLane = sopOf(
  ['petugas'],
  [
    { id: 'mulai', number: '1', kind: 'start', lane: 'petugas', activity: 'Pengaduan diterima', next: 'catat' },
    { id: 'catat', number: '2', kind: 'task', lane: 'petugas', activity: 'Petugas mencatat pengaduan', ...mutu, next: 'periksa' },
    {
      id: 'periksa',
      number: '3',
      kind: 'decision',
      lane: 'petugas',
      label: 'Lengkap?',
      activity: 'Petugas memeriksa kelengkapan',
      ...mutu,
      outcomes: [
        { id: 'kurang', label: 'Belum lengkap, dicatat ulang', to: 'catat', kind: 'rejection' },
        { id: 'lengkap', label: 'Lengkap', to: 'jawab' },
        { id: 'tolak', label: 'Bukan kewenangan Dinas', to: 'ditolak', kind: 'rejection' },
      ],
    },
    { id: 'jawab', number: '4', kind: 'task', lane: 'petugas', activity: 'Petugas menjawab pengaduan', ...mutu, next: 'selesai' },
    { id: 'selesai', number: '5', kind: 'end', lane: 'petugas', label: 'Selesai', activity: 'Pengaduan selesai' },
    { id: 'ditolak', number: '6', kind: 'end', lane: 'petugas', label: 'Ditolak', activity: 'Pengaduan ditolak' },
  ],
);

/** Two lanes: the citizen and the petugas, who escalates to himself and returns to the citizen. */
const twoLanes = sopOf(
  ['pemohon', 'petugas'],
  [
    { id: 'mulai', number: '1', kind: 'start', lane: 'pemohon', activity: 'Pemohon menyampaikan pengaduan', next: 'lengkapi' },
    { id: 'lengkapi', number: '2', kind: 'task', lane: 'pemohon', activity: 'Pemohon melengkapi data pengaduan', ...mutu, next: 'periksa' },
    {
      id: 'periksa',
      number: '3',
      kind: 'decision',
      lane: 'petugas',
      label: 'Dapat diselesaikan?',
      activity: 'Petugas memeriksa pengaduan',
      ...mutu,
      outcomes: [
        { id: 'kurang', label: 'Data kurang, dikembalikan kepada pemohon', to: 'lengkapi', kind: 'rejection' },
        { id: 'selesai', label: 'Dapat diselesaikan', to: 'jawab' },
        { id: 'limpah', label: 'Dilimpahkan ke Inspektorat', to: 'inspektorat', kind: 'escalation' },
      ],
    },
    { id: 'jawab', number: '4', kind: 'task', lane: 'petugas', activity: 'Petugas menyampaikan jawaban', ...mutu, kelengkapan: 'Jawaban', next: 'selesai' },
    { id: 'selesai', number: '5', kind: 'end', lane: 'pemohon', label: 'Selesai', activity: 'Pengaduan selesai' },
    { id: 'inspektorat', number: null, kind: 'end', lane: 'petugas', label: 'Inspektorat', activity: 'Dilimpahkan ke Inspektorat' },
  ],
);

/** The lanes' area: from the left of the first lane to the right of the last, from the first row to the last. */
function lanesArea(layout: SwimlaneLayout): { left: number; right: number; top: number; bottom: number } {
  const last = layout.lanes[layout.lanes.length - 1];
  return { left: layout.lanes[0].x, right: last.x + last.width, top: layout.headerHeight, bottom: layout.height };
}

/** What of the edges leaves the lanes' area, as readable lines (empty when all stays in). */
function outsideLanes(layout: SwimlaneLayout): string[] {
  const { left, right, top, bottom } = lanesArea(layout);
  const out: string[] = [];
  for (const e of layout.edges) {
    for (const p of e.points) if (p.x < left || p.x > right || p.y < top || p.y > bottom) out.push(`${e.id}: point (${p.x}, ${p.y})`);
    if (e.text && e.labelPoint) {
      const b = edgeLabelBox(e.text, e.labelPoint);
      if (b.x < left || b.x + b.width > right || b.y < top || b.y + b.height > bottom)
        out.push(`${e.id}: label ${b.x}..${b.x + b.width} × ${b.y}..${b.y + b.height} outside ${left}..${right} × ${top}..${bottom}`);
    }
  }
  return out;
}

/** How far two boxes overlap across and down (both 0 or less when apart). */
const overlap = (a: Box, b: Box) => ({
  x: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  y: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/** Labels drawn over a symbol, a coordination box or another label, by more than `tolerance` pixels each way. */
function coveringLabels(layout: SwimlaneLayout, tolerance = 0): string[] {
  const labelled = layout.edges.filter((e) => e.text && e.labelPoint);
  const boxes = labelled.map((e) => ({ id: e.id, box: edgeLabelBox(e.text!, e.labelPoint!) }));
  const others = [...layout.nodes.map((n) => ({ id: n.id, box: n as Box })), ...layout.coordinations.map((c) => ({ id: c.id, box: c.box }))];
  const out: string[] = [];
  for (const [i, { id, box }] of boxes.entries()) {
    for (const o of [...others, ...boxes.slice(i + 1)]) {
      const d = overlap(box, o.box);
      if (d.x > tolerance && d.y > tolerance) out.push(`label of ${id} covers ${o.id}`);
    }
  }
  return out;
}

const cases: [string, SopDocument][] = [
  ['the Merauke trial SOP (3 lanes, the Kepala Dinas escalates to an end in the rightmost lane)', merauke],
  ['a decision in the rightmost lane with outcomes above, below and to an end in its lane', rightmostDecision],
  ['outcomes of the rightmost lane looping back upward', loopsUpward],
  ['a one-lane SOP', oneLane],
  ['a two-lane SOP', twoLanes],
];

describe.each(cases)('edges of %s', (_name, sop) => {
  describe.each([
    ['Mutu Baku shown', { showMutuBaku: true }],
    ['Mutu Baku hidden', { showMutuBaku: false }],
    ['Keterangan shown, no activity column', { showMutuBaku: true, showKeterangan: true, showActivity: false }],
  ])('%s', (_what, options) => {
    const layout = layoutSwimlanes(sop, options);

    it('keeps every route point and every label box inside the lanes', () => {
      expect(outsideLanes(layout)).toEqual([]);
    });

    it('sets no label over a symbol or another label', () => {
      expect(coveringLabels(layout)).toEqual([]);
    });

    it('still routes every edge around the nodes, and labels every outcome', () => {
      expect(layout.edges.filter((e) => e.crosses.length)).toEqual([]);
      for (const e of layout.edges) if (e.label) expect(e.labelPoint).not.toBeNull();
    });
  });
});

describe('the Merauke trial SOP', () => {
  const layout = layoutSwimlanes(merauke);
  const kelengkapan = layout.columns.find((c) => c.kind === 'kelengkapan')!;

  it('sets the outcome labels of the Kepala Dinas inside the lanes, left of the Kelengkapan column', () => {
    for (const id of ['kadis->jawab:petunjuk', 'kadis->inspektorat:inspektorat']) {
      const edge = layout.edges.find((e) => e.id === id)!;
      const box = edgeLabelBox(edge.text!, edge.labelPoint!);
      expect(box.x + box.width).toBeLessThanOrEqual(kelengkapan.x);
      for (const p of edge.points) expect(p.x).toBeLessThan(kelengkapan.x);
    }
  });
});

describe('edges of the seed SOPs', () => {
  it.each(seedSops())('%s: every route point and label box inside the lanes, no label over a symbol', (_id, sop) => {
    for (const flow of flowsOf(sop)) {
      for (const showMutuBaku of [true, false]) {
        const layout = layoutSwimlanes(sop, { flow: flow.id, showMutuBaku });
        expect(outsideLanes(layout)).toEqual([]);
        // Lumajang's "tidak valid" (74 px by the estimate) sits in the 66 px between the diamond's tip and
        // the terminator beside it: its box reaches 4 px into both bounding boxes, where the tip and the
        // rounded end leave the corners free
        expect(coveringLabels(layout, 4)).toEqual([]);
      }
    }
  });
});

describe('edges of random SOPs of one to four lanes', () => {
  /** Steps in random lanes, a decision every third step whose outcomes go to random steps above and below. */
  function randomSop(seed: number): SopDocument {
    const random = seededRandom(seed);
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    const lanes = ['pemohon', 'petugas', 'kasi', 'kadis'].slice(0, 1 + Math.floor(random() * 4));
    const count = 5 + Math.floor(random() * 6);
    const ids = Array.from({ length: count }, (_, i) => `s${i + 1}`);
    const steps: StepSpec[] = ids.map((id, i) => {
      const base = { id, number: String(i + 1), lane: i < lanes.length ? lanes[i] : pick(lanes), activity: `Kegiatan ${i + 1}`, ...mutu };
      if (i === 0) return { ...base, kind: 'start', next: ids[1] };
      if (i === count - 1) return { ...base, kind: 'end', label: 'Selesai' };
      if (i % 3 === 2) {
        const targets = [...new Set([ids[i + 1], pick(ids.slice(1)), pick(ids.slice(1)), ids[count - 1], ids[1]])].filter((t) => t !== id).slice(0, 3);
        const labels = ['Ya', 'Tidak', 'Dikembalikan untuk diperbaiki', 'Dilimpahkan ke Inspektorat Daerah'];
        const first = Math.floor(random() * labels.length);
        return {
          ...base,
          kind: 'decision',
          label: 'Keputusan?',
          outcomes: targets.map((to, k) => ({ id: `o${k}`, label: labels[(first + k) % labels.length], to })),
        };
      }
      return { ...base, kind: 'task', next: ids[i + 1] };
    });
    return sopOf(lanes, steps);
  }

  it('keeps every route point and label box inside the lanes, whatever the shape', () => {
    const outside: string[] = [];
    for (let seed = 1; seed <= 100; seed++) {
      const sop = randomSop(seed);
      for (const showMutuBaku of [true, false]) outside.push(...outsideLanes(layoutSwimlanes(sop, { showMutuBaku })).map((o) => `seed ${seed}: ${o}`));
    }
    expect(outside).toEqual([]);
  });
});
