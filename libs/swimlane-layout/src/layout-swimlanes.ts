import { buildSopGraph, flowsOf, sameData, type SopDocument, type SopEdge, type Step, type StepKind } from '@sop/model/graph';
import { routeEdges } from './route-edges';
import type {
  SwimlaneColumn,
  SwimlaneCoordination,
  SwimlaneEdge,
  SwimlaneLane,
  SwimlaneLayout,
  SwimlaneLayoutOptions,
  SwimlaneNode,
  SwimlaneRow,
} from './swimlane-layout';
import { CHAR_WIDTH, LINE_HEIGHT, shorten, wrappedLines } from './text-metrics';

const NUMBER_WIDTH = 44;
const ACTIVITY_WIDTH = 240;
const KELENGKAPAN_WIDTH = 170;
const WAKTU_WIDTH = 92;
const OUTPUT_WIDTH = 170;
const KETERANGAN_WIDTH = 200;
const GROUP_HEADER_HEIGHT = 28;
/** Padding inside a table cell, each side. */
const CELL_PADDING = 8;
/** Free space above and below a node in its row, at least. */
const ROW_MARGIN = 24;
/** Font scale of the units under a lane's name in the header (10 px of the 12 px UI font). */
const UNIT_SCALE = 10 / 12;
/** Height of a coordination box in the asked lane's column. */
const COORDINATION_BOX_HEIGHT = 34;
/** The common role of the citizen's lane (ADR 0010); `isCitizenLane` of @sop/model says the same. */
const CITIZEN_ROLE = 'pemohon';

interface NodeShape {
  width: number;
  height: number;
  /** Most characters of the label drawn inside the symbol. */
  maxLabel: number;
}

function shapeOf(kind: StepKind, nodeWidth: number): NodeShape {
  switch (kind) {
    case 'task':
      return { width: nodeWidth, height: 60, maxLabel: 60 };
    case 'decision':
      return { width: Math.round(nodeWidth * 0.92), height: 88, maxLabel: 38 };
    default:
      return { width: nodeWidth - 20, height: 44, maxLabel: 34 };
  }
}

/** The text drawn inside a step's symbol: its label, else its activity shortened, else a name from its kind. */
export function stepLabel(step: Step, max = 60): string {
  const text = step.label ?? step.activity;
  if (text && text.trim()) return shorten(text, max);
  if (step.kind === 'start') return 'Mulai';
  if (step.kind === 'end' && step.id.startsWith('selesai')) return 'Selesai';
  const words = step.id.replace(/-/g, ' ');
  return step.kind === 'end' ? words[0].toUpperCase() + words.slice(1) : words;
}

function listOf(value: string | string[] | null | undefined): string[] {
  if (value == null) return [];
  return (Array.isArray(value) ? value : [value]).filter((v) => v.trim() !== '');
}

function textHeight(lines: number): number {
  return lines * LINE_HEIGHT + 2 * CELL_PADDING;
}

/**
 * Lays out one flow of an SOP as the flowchart of PermenPAN-RB 35/2012: one column per Pelaksana in
 * the source's order, one row per step top to bottom in the source's order (a step that shares its
 * printed number with the step before, in another lane, shares its row: a terminator drawn beside a
 * decision), the standard symbols centred in their cells, orthogonal edges between them, and the
 * Mutu Baku columns beside the rows. Pure and deterministic: the same SOP and options give the same
 * layout, so it can be unit-tested and compared.
 *
 * @example
 * const layout = layoutSwimlanes(sop, { showMutuBaku: false });
 * layout.nodes.find((n) => n.id === 'kasi-periksa') // { kind: 'decision', lane: 'kasi', x, y, width, height, … }
 */
export function layoutSwimlanes(sop: SopDocument, options: SwimlaneLayoutOptions = {}): SwimlaneLayout {
  const flowId = options.flow ?? 'main';
  const flow = flowsOf(sop).find((f) => f.id === flowId);
  if (!flow) {
    const known = flowsOf(sop)
      .map((f) => f.id)
      .join(', ');
    throw new Error(`the SOP has no flow "${flowId}" (it has: ${known})`);
  }
  const showMutuBaku = options.showMutuBaku ?? true;
  const showActivity = options.showActivity ?? true;
  const nodeWidth = options.nodeWidth ?? 150;
  const laneWidth = Math.max(options.laneWidth ?? nodeWidth + 50, nodeWidth + 40);
  const minRowHeight = options.minRowHeight ?? 104;

  // Columns, left to right, as on paper.
  const columns: SwimlaneColumn[] = [];
  let x = 0;
  const column = (id: string, kind: SwimlaneColumn['kind'], group: SwimlaneColumn['group'], width: number) => {
    columns.push({ id, kind, group, x, width });
    x += width;
  };
  column('no', 'number', null, NUMBER_WIDTH);
  if (showActivity) column('kegiatan', 'activity', null, ACTIVITY_WIDTH);
  const asked = new Set(flow.steps.flatMap((s) => (s.coordination ?? []).map((c) => c.lane)));
  const used = new Set(flow.steps.map((s) => s.lane));
  const lanes: SwimlaneLane[] = sop.lanes.map((lane, index) => {
    column(`lane:${lane.id}`, 'lane', 'pelaksana', laneWidth);
    const units = (lane.units ?? []).map((u) => u.name);
    return { id: lane.id, name: lane.name, index, x: x - laneWidth, width: laneWidth, units, askedOnly: asked.has(lane.id) && !used.has(lane.id) };
  });
  if (showMutuBaku) {
    column('kelengkapan', 'kelengkapan', 'mutu-baku', KELENGKAPAN_WIDTH);
    column('waktu', 'waktu', 'mutu-baku', WAKTU_WIDTH);
    column('output', 'output', 'mutu-baku', OUTPUT_WIDTH);
  }
  const showKeterangan = options.showKeterangan ?? (showMutuBaku && flow.steps.some((s) => s.keterangan != null && s.keterangan.trim() !== ''));
  if (showKeterangan) column('keterangan', 'keterangan', null, KETERANGAN_WIDTH);
  const width = x;

  // Header: the lane names wrap in their column (bold text is a little wider).
  // A lane's units are listed under its name in smaller text ("Dafduk · Capil").
  const headerLines = Math.max(2, ...sop.lanes.map((l) => wrappedLines(l.name, laneWidth - 2 * CELL_PADDING, CHAR_WIDTH * 1.08)));
  const unitLines = (l: SwimlaneLane) => (l.units.length ? wrappedLines(l.units.join(' · '), laneWidth - 2 * CELL_PADDING, CHAR_WIDTH * UNIT_SCALE) : 0);
  const headerText = Math.max(
    headerLines * LINE_HEIGHT,
    ...lanes.map(
      (l) =>
        wrappedLines(l.name, laneWidth - 2 * CELL_PADDING, CHAR_WIDTH * 1.08) * LINE_HEIGHT +
        Math.ceil(unitLines(l) * LINE_HEIGHT * UNIT_SCALE) +
        (l.units.length ? 4 : 0),
    ),
  );
  const headerHeight = GROUP_HEADER_HEIGHT + headerText + 2 * CELL_PADDING;

  // Rows: one per step; a step sharing the previous step's printed number, in a lane not yet used in
  // that row, is drawn beside it.
  const groups: Step[][] = [];
  for (const step of flow.steps) {
    const last = groups[groups.length - 1];
    if (last && step.number !== null && last[0].number === step.number && !last.some((s) => s.lane === step.lane)) last.push(step);
    else groups.push([step]);
  }
  const rows: SwimlaneRow[] = [];
  let y = headerHeight;
  for (const [index, steps] of groups.entries()) {
    const activity =
      steps
        .map((s) => s.activity)
        .filter((a): a is string => !!a && a.trim() !== '')
        .join('\n') || null;
    const withMutu = steps.find((s) => listOf(s.kelengkapan).length || s.waktu || s.output) ?? steps[0];
    const kelengkapan = listOf(withMutu.kelengkapan);
    const waktu = withMutu.waktu ?? null;
    const output = withMutu.output ?? null;
    const keterangan =
      steps
        .map((s) => s.keterangan)
        .filter((k): k is string => !!k && k.trim() !== '')
        .join('\n') || null;
    const documents = steps.flatMap((s) =>
      (s.outcomes ?? []).filter((o) => o.document && o.document.trim()).map((o) => ({ outcome: o.id, label: o.label, document: o.document! })),
    );
    let height = Math.max(minRowHeight, ...steps.map((s) => shapeOf(s.kind, nodeWidth).height + 2 * ROW_MARGIN));
    if (showActivity && activity) height = Math.max(height, textHeight(wrappedLines(activity, ACTIVITY_WIDTH - 2 * CELL_PADDING)));
    if (showMutuBaku) {
      const kelengkapanLines = kelengkapan.reduce((sum, k) => sum + wrappedLines(`• ${k}`, KELENGKAPAN_WIDTH - 2 * CELL_PADDING), 0);
      height = Math.max(
        height,
        textHeight(kelengkapanLines),
        textHeight(waktu ? wrappedLines(waktu, WAKTU_WIDTH - 2 * CELL_PADDING) : 0),
        textHeight(
          (output ? wrappedLines(output, OUTPUT_WIDTH - 2 * CELL_PADDING) : 0) +
            documents.reduce((sum, d) => sum + wrappedLines(documentLine(d), OUTPUT_WIDTH - 2 * CELL_PADDING), 0),
        ),
      );
    }
    if (showKeterangan && keterangan) height = Math.max(height, textHeight(wrappedLines(keterangan, KETERANGAN_WIDTH - 2 * CELL_PADDING)));
    height = Math.ceil(height);
    rows.push({ index, number: steps[0].number, stepIds: steps.map((s) => s.id), y, height, activity, kelengkapan, waktu, output, documents, keterangan });
    y += height;
  }
  const height = y;

  // Nodes: each symbol centred in its lane's cell of its row.
  const laneById = new Map(lanes.map((l) => [l.id, l]));
  const citizenLanes = new Set(sop.lanes.filter((l) => l.role === CITIZEN_ROLE).map((l) => l.id));
  const fields = new Map((sop.intake?.form?.fields ?? []).map((f) => [f.id, f.label]));
  const nodes: SwimlaneNode[] = [];
  const stepById = new Map<string, Step>();
  for (const s of flow.steps) if (!stepById.has(s.id)) stepById.set(s.id, s);
  for (const row of rows) {
    for (const id of row.stepIds) {
      const step = stepById.get(id)!;
      const lane = laneById.get(step.lane);
      if (!lane) throw new Error(`step "${step.id}" is in lane "${step.lane}", which the SOP does not declare`);
      const shape = shapeOf(step.kind, nodeWidth);
      nodes.push({
        id: step.id,
        kind: step.kind,
        lane: step.lane,
        row: row.index,
        number: step.number,
        label: stepLabel(step, shape.maxLabel),
        provenance: step.provenance ?? null,
        inferredTimeout:
          step.onTimeout?.provenance?.status === 'inferred' ? { action: step.onTimeout.action, note: step.onTimeout.provenance.note ?? null } : null,
        ...citizenOf(step, citizenLanes),
        schedule: step.schedule ? { label: step.schedule.label ?? null } : null,
        routeBy: step.kind === 'decision' && step.routeBy ? { field: step.routeBy.field, label: fields.get(step.routeBy.field) ?? step.routeBy.field } : null,
        x: Math.round(lane.x + (lane.width - shape.width) / 2),
        y: Math.round(row.y + (row.height - shape.height) / 2),
        width: shape.width,
        height: shape.height,
      });
    }
  }

  const coordinations = coordinationsOf(flow.steps, nodes, lanes, rows);

  const graph = buildSopGraph(flow);
  const known = new Set(nodes.map((n) => n.id));
  const outcomeOf = new Map(
    flow.steps.flatMap((s) =>
      (s.outcomes ?? []).map(
        (o) => [`${s.id}:${o.id}`, { when: s.routeBy ? (o.when ?? null) : null, document: o.document?.trim() ? o.document : null }] as const,
      ),
    ),
  );
  const flowEdges = graph.edges.filter((e) => known.has(e.from) && known.has(e.to));
  const obstacles = coordinations.map((c) => ({ id: c.id, ...c.box }));
  // what each label box shows: the values of a routed outcome, and its document when no Output column shows it
  const decorate = (e: SopEdge) => {
    const outcome = e.outcome !== undefined ? outcomeOf.get(`${e.from}:${e.outcome}`) : undefined;
    const when = outcome?.when?.length ? outcome.when : null;
    const document = outcome?.document ?? null;
    const text = e.label ? `${e.label}${when ? ` (${when.join(', ')})` : ''}${document && !showMutuBaku ? `\n${document}` : ''}` : null;
    return { when, document, text } satisfies Pick<SwimlaneEdge, 'when' | 'document' | 'text'>;
  };
  const edges = routeOnce(nodes, lanes, rows, flowEdges, obstacles, decorate);

  const hasGaps = nodes.some((n) => n.provenance || n.inferredTimeout) || edges.some((e) => e.provenance);
  const before = options.previous;
  return {
    flow: flowId,
    width,
    height,
    groupHeaderHeight: GROUP_HEADER_HEIGHT,
    headerHeight,
    columns: sharedWith(columns, before?.columns),
    lanes: sharedWith(lanes, before?.lanes),
    rows: sharedWith(rows, before?.rows),
    nodes: sharedWith(nodes, before?.nodes),
    edges: sharedWith(edges, before?.edges),
    coordinations: sharedWith(coordinations, before?.coordinations),
    showMutuBaku,
    hasGaps,
  };
}

/**
 * `fresh` with each item equal to the item of `before` at the same id (a row: at the same index)
 * replaced by that item; `before` itself when every item is. What {@link SwimlaneLayoutOptions.previous} does.
 */
function sharedWith<T extends { id: string } | { index: number }>(fresh: T[], before: readonly T[] | undefined): T[] {
  if (!before) return fresh;
  const keyOf = (x: T) => ('id' in x ? x.id : x.index);
  const byKey = new Map<string | number, T>();
  for (const x of before) if (!byKey.has(keyOf(x))) byKey.set(keyOf(x), x);
  let all = fresh.length === before.length;
  const shared = fresh.map((x, i) => {
    const had = byKey.get(keyOf(x));
    if (had === undefined || !sameData(had, x)) {
      all = false;
      return x;
    }
    if (before[i] !== had) all = false;
    return had;
  });
  return all ? (before as T[]) : shared;
}

/** The edges last routed, and everything their routes were made from. */
let lastRouting: { key: string; edges: SwimlaneEdge[] } | null = null;

/**
 * The edges routed ({@link routeEdges}), or the last ones when they were routed from the same
 * inputs: what the routing reads of the nodes (id, lane, row, box), lanes (id, column), rows
 * (height), the edges with their label boxes' text, and the obstacles. An edit that moves nothing
 * (a label, a waktu that does not change a row's height…) routes nothing again; routing is
 * deterministic, so the result is the same. The edges are shared by both layouts: treat them as
 * read-only.
 */
function routeOnce(
  nodes: SwimlaneNode[],
  lanes: SwimlaneLane[],
  rows: SwimlaneRow[],
  edges: SopEdge[],
  obstacles: { id: string; x: number; y: number; width: number; height: number }[],
  decorate: (e: SopEdge) => Pick<SwimlaneEdge, 'when' | 'document' | 'text'>,
): SwimlaneEdge[] {
  const key = JSON.stringify([
    nodes.map((n) => [n.id, n.lane, n.row, n.x, n.y, n.width, n.height]),
    lanes.map((l) => [l.id, l.x, l.width]),
    rows.map((r) => [r.y, r.height]),
    edges.map((e) => [e, decorate(e)]),
    obstacles,
  ]);
  if (lastRouting?.key === key) return lastRouting.edges;
  const routed = routeEdges(nodes, lanes, rows, edges, { obstacles, decorate });
  lastRouting = { key, edges: routed };
  return routed;
}

/** A document of an outcome as the Output column lists it: "Selesai: Berita acara …". */
export function documentLine(d: { label: string; document: string }): string {
  return `${d.label}: ${d.document}`;
}

/** Whether a step is the citizen's, and what its time passing does when it settles the step. */
function citizenOf(step: Step, citizenLanes: ReadonlySet<string>): Pick<SwimlaneNode, 'citizen' | 'citizenTimeout'> {
  const citizen = citizenLanes.has(step.lane) && (step.kind === 'task' || step.kind === 'decision');
  const rule = step.onTimeout;
  if (!citizen || !rule || (rule.action !== 'complete' && rule.action !== 'choose')) return { citizen, citizenTimeout: null };
  const outcome = rule.action === 'choose' ? (rule.outcome ?? null) : null;
  const outcomeLabel = outcome ? (step.outcomes?.find((o) => o.id === outcome)?.label ?? outcome) : null;
  return { citizen, citizenTimeout: { action: rule.action, outcome, outcomeLabel } };
}

/**
 * The coordination connectors: per asked lane, a box in that lane's column on the step's row, and a
 * horizontal line from the step's border to it. The line runs a quarter of the symbol's height above
 * its middle, clear of the outcome arrows that leave by the middle of a side; a second lane asked on
 * the same side runs a quarter below.
 */
function coordinationsOf(steps: Step[], nodes: SwimlaneNode[], lanes: SwimlaneLane[], rows: SwimlaneRow[]): SwimlaneCoordination[] {
  const out: SwimlaneCoordination[] = [];
  const laneById = new Map(lanes.map((l) => [l.id, l]));
  const nodeById = new Map<string, SwimlaneNode>();
  for (const n of nodes) if (!nodeById.has(n.id)) nodeById.set(n.id, n);
  for (const step of steps) {
    const node = nodeById.get(step.id);
    if (!node || !step.coordination?.length) continue;
    const sidesUsed = { left: 0, right: 0 };
    // nearest lanes first: the line to a farther lane on the same side runs on another height
    const asked = [...step.coordination]
      .filter((c) => laneById.has(c.lane))
      .sort(
        (a, b) =>
          Math.abs(laneById.get(a.lane)!.index - laneById.get(node.lane)!.index) - Math.abs(laneById.get(b.lane)!.index - laneById.get(node.lane)!.index),
      );
    for (const c of asked) {
      const lane = laneById.get(c.lane)!;
      const own = laneById.get(node.lane)!;
      if (lane.id === own.id) continue;
      const side = lane.index > own.index ? 'right' : 'left';
      const n = sidesUsed[side]++;
      const dy = Math.round((n % 2 === 0 ? -1 : 1) * (node.height / 4));
      const y = node.y + node.height / 2 + dy;
      // the border of a diamond narrows away from its middle
      const half = node.kind === 'decision' ? (node.width / 2) * (1 - Math.abs(dy) / (node.height / 2)) : node.width / 2;
      const cx = node.x + node.width / 2;
      const from = { x: Math.round(side === 'right' ? cx + half : cx - half), y };
      const row = rows[node.row];
      const boxWidth = Math.min(lane.width - 24, node.width);
      const boxY = Math.max(row.y + 2, Math.min(row.y + row.height - COORDINATION_BOX_HEIGHT - 2, y - COORDINATION_BOX_HEIGHT / 2));
      const box = { x: Math.round(lane.x + (lane.width - boxWidth) / 2), y: Math.round(boxY), width: boxWidth, height: COORDINATION_BOX_HEIGHT };
      const to = { x: side === 'right' ? box.x : box.x + box.width, y };
      out.push({
        id: `${step.id}~${lane.id}`,
        step: step.id,
        lane: lane.id,
        label: c.label?.trim() ? c.label : null,
        laneName: lane.name,
        box,
        points: [from, to],
      });
    }
  }
  return out;
}
