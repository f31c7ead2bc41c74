import type { SopEdge } from '@sop/model/graph';
import { collinearOverlap, outward, polylineLength, portOf, segmentCrossesBox, segmentsCross } from './geometry';
import type { Box, Point, Side, SwimlaneEdge, SwimlaneLane, SwimlaneNode, SwimlaneRow } from './swimlane-layout';
import { wrappedLines } from './text-metrics';

/** What {@link routeEdges} takes beyond the nodes and edges. */
export interface RouteEdgesOptions {
  /** Boxes drawn on the sheet that are not steps (coordination boxes): edges keep clear of them as of nodes, and labels too. */
  obstacles?: (Box & { id: string })[];
  /** The label text, values and document of each edge (default: the label alone, none). */
  decorate?: (edge: SopEdge) => Pick<SwimlaneEdge, 'text' | 'when' | 'document'>;
}

/** Free space kept between an edge and a node it passes. */
const CLEARANCE = 6;
/** Shortest first and last segment: an edge visibly leaves and enters its nodes. */
const MIN_STUB = 10;
/** Offsets of the parallel tracks in a gutter between lanes or a corridor between rows. */
const TRACKS = [0, -8, 8, -16, 16];
const EDGE_TRACKS = [14, 22, 30];

const COST = {
  bend: 10,
  perPixel: 1 / 40,
  leaveByTop: 6,
  enterByBottom: 6,
  crossNode: 1000,
  overlapUnrelated: 60,
  overlapSameSource: 20,
  crossEdge: 8,
  outWhereIn: 40,
  outWhereOut: 25,
  inWhereOut: 40,
};

const SIDES: Side[] = ['bottom', 'right', 'left', 'top'];
const vertical = (side: Side) => side === 'top' || side === 'bottom';

interface Candidate {
  points: Point[];
  sourceSide: Side;
  targetSide: Side;
  base: number;
  order: number;
}

interface Routed {
  edge: SopEdge;
  points: Point[];
  sourceSide: Side;
  targetSide: Side;
  bounds: Bounds;
  /** The last penalty computation that looked at this route (a route is filed in several bands). */
  seen: number;
}

interface Bounds {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

function boundsOf(points: Point[]): Bounds {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  return { minX, maxX, minY, maxY };
}

/** Height of the horizontal bands routed edges are filed under, so a route meets only its neighbours. */
const BAND = 400;
const bandOf = (y: number) => Math.floor(y / BAND);

const apart = (a: Bounds, b: Bounds) => a.maxX < b.minX || b.maxX < a.minX || a.maxY < b.minY || b.maxY < a.minY;

/** Checks that a polyline leaves its source outward, enters its target inward, and has no empty segment. */
function wellFormed(points: Point[], sourceSide: Side, targetSide: Side): boolean {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a.x === b.x && a.y === b.y) return false;
    if (a.x !== b.x && a.y !== b.y) return false;
  }
  const out = outward(sourceSide);
  const [p0, p1] = points;
  if ((p1.x - p0.x) * out.x + (p1.y - p0.y) * out.y < MIN_STUB) return false;
  const inward = outward(targetSide);
  const q0 = points[points.length - 1];
  const q1 = points[points.length - 2];
  return (q1.x - q0.x) * inward.x + (q1.y - q0.y) * inward.y >= MIN_STUB;
}

/** Removes points in the middle of a straight run. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [points[0]];
  for (let i = 1; i < points.length - 1; i++) {
    const a = out[out.length - 1];
    const b = points[i];
    const c = points[i + 1];
    if ((a.x === b.x && b.x === c.x) || (a.y === b.y && b.y === c.y)) continue;
    out.push(b);
  }
  out.push(points[points.length - 1]);
  return out;
}

/**
 * Routes the edges of a laid-out flow as orthogonal polylines. Each edge tries every pair of sides
 * of its nodes and every track of the gutters (between lanes) and corridors (between rows) near its
 * ends, and takes the cheapest: no node crossed, few bends, short, not sharing a line with another
 * edge, and not leaving by a side where another edge enters. Deterministic: the same nodes and edges
 * give the same routes.
 */
export function routeEdges(
  nodes: SwimlaneNode[],
  lanes: SwimlaneLane[],
  rows: SwimlaneRow[],
  edges: SopEdge[],
  options: RouteEdgesOptions = {},
): SwimlaneEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const obstacles = options.obstacles ?? [];
  const laneIndex = new Map(lanes.map((l, i) => [l.id, i]));
  const laneBoundaries = [...lanes.map((l) => l.x), lanes[lanes.length - 1].x + lanes[lanes.length - 1].width];
  const rowBoundaries = [...rows.map((r) => r.y), rows[rows.length - 1].y + rows[rows.length - 1].height];
  // the edges routed so far, filed by the bands their bounds span
  const routedByBand = new Map<number, Routed[]>();
  const fileRouted = (r: Routed) => {
    for (let b = bandOf(r.bounds.minY); b <= bandOf(r.bounds.maxY); b++) {
      const list = routedByBand.get(b);
      if (list) list.push(r);
      else routedByBand.set(b, [r]);
    }
  };
  let penaltyRun = 0;
  const usedSides = new Map<string, { in: Set<Side>; out: Set<Side> }>();
  const sidesOf = (id: string) => {
    let entry = usedSides.get(id);
    if (!entry) usedSides.set(id, (entry = { in: new Set(), out: new Set() }));
    return entry;
  };

  const gutterTracks = (boundary: number): number[] => {
    const x = laneBoundaries[boundary];
    if (boundary === 0) return EDGE_TRACKS.map((t) => x + t);
    if (boundary === laneBoundaries.length - 1) return EDGE_TRACKS.map((t) => x - t);
    return TRACKS.map((t) => x + t);
  };
  const corridorTracks = (boundary: number): number[] => {
    const y = rowBoundaries[boundary];
    if (boundary === 0) return EDGE_TRACKS.map((t) => y + t);
    if (boundary === rowBoundaries.length - 1) return EDGE_TRACKS.map((t) => y - t);
    return TRACKS.map((t) => y + t);
  };

  // nodes top to bottom, so that a route only checks the nodes of the rows it spans
  const byTop: (Box & { id: string })[] = [...nodes, ...obstacles].sort((a, b) => a.y - b.y || a.x - b.x);
  const tallest = byTop.reduce((max, n) => Math.max(max, n.height), -Infinity);
  const nodesWithin = (b: Bounds): (Box & { id: string })[] => {
    let lo = 0;
    let hi = byTop.length;
    const from = b.minY - tallest - CLEARANCE;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byTop[mid].y < from) lo = mid + 1;
      else hi = mid;
    }
    const out: (Box & { id: string })[] = [];
    for (let i = lo; i < byTop.length && byTop[i].y <= b.maxY + CLEARANCE; i++) out.push(byTop[i]);
    return out;
  };

  const result: SwimlaneEdge[] = [];
  for (const edge of edges) {
    const source = byId.get(edge.from)!;
    const target = byId.get(edge.to)!;
    const sl = laneIndex.get(source.lane)!;
    const tl = laneIndex.get(target.lane)!;
    const gutters = [...new Set([0, sl, sl + 1, tl, tl + 1, laneBoundaries.length - 1])].sort((a, b) => a - b).flatMap(gutterTracks);
    const corridors = [...new Set([source.row, source.row + 1, target.row, target.row + 1])].sort((a, b) => a - b).flatMap(corridorTracks);

    let best: Candidate | undefined;
    let bestCost = Infinity;
    const candidates: Candidate[] = [];
    const baseCost = (bends: number, length: number, sourceSide: Side, targetSide: Side) =>
      COST.bend * bends + COST.perPixel * length + (sourceSide === 'top' ? COST.leaveByTop : 0) + (targetSide === 'bottom' ? COST.enterByBottom : 0);
    // a detour's cost before its points are made: thousands of them are tried when short routes fail,
    // and a whole family is skipped when even its shortest conceivable length (the distance between
    // the ports) costs too much
    const detourBase = (sourceSide: Side, targetSide: Side, length: number) => baseCost(3, length, sourceSide, targetSide);
    const add = (points: Point[], sourceSide: Side, targetSide: Side) => {
      if (!wellFormed(points, sourceSide, targetSide)) return;
      const base = baseCost(points.length - 2, polylineLength(points), sourceSide, targetSide);
      candidates.push({
        points,
        sourceSide,
        targetSide,
        base,
        order: candidates.length,
      });
    };
    // Routes with up to two bends first; three-bend detours (around nodes, back up the page) only
    // when no short route is cheaper than the least a detour costs.
    const generate = (detours: boolean) => {
      for (const ss of SIDES) {
        for (const ts of SIDES) {
          const p = portOf(source, ss);
          const q = portOf(target, ts);
          if (vertical(ss) && vertical(ts)) {
            if (detours) continue;
            if (p.x === q.x) add([p, q], ss, ts);
            for (const c of corridors) add([p, { x: p.x, y: c }, { x: q.x, y: c }, q], ss, ts);
          } else if (!vertical(ss) && !vertical(ts)) {
            if (detours) continue;
            if (p.y === q.y) add([p, q], ss, ts);
            for (const g of gutters) add([p, { x: g, y: p.y }, { x: g, y: q.y }, q], ss, ts);
          } else if (!vertical(ss)) {
            if (!detours) add([p, { x: q.x, y: p.y }, q], ss, ts);
            else if (detourBase(ss, ts, Math.abs(q.x - p.x) + Math.abs(q.y - p.y)) < bestCost) {
              for (const g of gutters) {
                if (detourBase(ss, ts, Math.abs(g - p.x) + Math.abs(q.x - g) + Math.abs(q.y - p.y)) >= bestCost) continue;
                for (const c of corridors) {
                  if (detourBase(ss, ts, Math.abs(g - p.x) + Math.abs(c - p.y) + Math.abs(q.x - g) + Math.abs(q.y - c)) >= bestCost) continue;
                  add([p, { x: g, y: p.y }, { x: g, y: c }, { x: q.x, y: c }, q], ss, ts);
                }
              }
            }
          } else {
            if (!detours) add([p, { x: p.x, y: q.y }, q], ss, ts);
            else if (detourBase(ss, ts, Math.abs(q.x - p.x) + Math.abs(q.y - p.y)) < bestCost) {
              for (const c of corridors) {
                if (detourBase(ss, ts, Math.abs(c - p.y) + Math.abs(q.y - c) + Math.abs(q.x - p.x)) >= bestCost) continue;
                for (const g of gutters) {
                  if (detourBase(ss, ts, Math.abs(c - p.y) + Math.abs(g - p.x) + Math.abs(q.y - c) + Math.abs(q.x - g)) >= bestCost) continue;
                  add([p, { x: p.x, y: c }, { x: g, y: c }, { x: g, y: q.y }, q], ss, ts);
                }
              }
            }
          }
        }
      }
      candidates.sort((a, b) => a.base - b.base || a.order - b.order);
    };

    const crossedNodes = (points: Point[]): string[] => {
      const crossed: string[] = [];
      for (const node of nodesWithin(boundsOf(points))) {
        const isEnd = node.id === source.id || node.id === target.id;
        for (let i = 1; i < points.length; i++) {
          if (segmentCrossesBox(points[i - 1], points[i], node, isEnd ? 0 : CLEARANCE)) {
            crossed.push(node.id);
            break;
          }
        }
      }
      return crossed;
    };
    const penalty = (c: Candidate): number => {
      let cost = COST.crossNode * crossedNodes(c.points).length;
      const bounds = boundsOf(c.points);
      const run = ++penaltyRun;
      for (let band = bandOf(bounds.minY); band <= bandOf(bounds.maxY); band++) {
        for (const other of routedByBand.get(band) ?? []) {
          if (other.seen === run) continue;
          other.seen = run;
          if (apart(bounds, other.bounds)) continue;
          const related = other.edge.to === edge.to ? 'target' : other.edge.from === edge.from ? 'source' : null;
          for (let i = 1; i < c.points.length; i++) {
            for (let j = 1; j < other.points.length; j++) {
              const overlap = collinearOverlap(c.points[i - 1], c.points[i], other.points[j - 1], other.points[j]);
              if (overlap > 1 && related !== 'target') cost += related === 'source' ? COST.overlapSameSource : COST.overlapUnrelated;
              else if (segmentsCross(c.points[i - 1], c.points[i], other.points[j - 1], other.points[j])) cost += COST.crossEdge;
            }
          }
        }
      }
      const s = sidesOf(source.id);
      const t = sidesOf(target.id);
      if (s.in.has(c.sourceSide)) cost += COST.outWhereIn;
      if (s.out.has(c.sourceSide)) cost += COST.outWhereOut;
      if (t.out.has(c.targetSide)) cost += COST.inWhereOut;
      return cost;
    };

    const evaluate = () => {
      for (const c of candidates) {
        if (c.base >= bestCost) break;
        const total = c.base + penalty(c);
        if (total < bestCost) {
          best = c;
          bestCost = total;
        }
      }
    };
    generate(false);
    evaluate();
    // a detour costing at least the best short route is never taken (candidates are tried cheapest
    // first and the search stops at the first one not cheaper), so it is not even made
    if (bestCost > 3 * COST.bend) {
      candidates.length = 0;
      generate(true);
      evaluate();
    }
    const chosen = best!;
    const points = simplify(chosen.points);
    fileRouted({
      edge,
      points,
      sourceSide: chosen.sourceSide,
      targetSide: chosen.targetSide,
      bounds: boundsOf(points),
      seen: 0,
    });
    sidesOf(source.id).out.add(chosen.sourceSide);
    sidesOf(target.id).in.add(chosen.targetSide);
    const label = edge.label ?? null;
    const decoration = options.decorate ? options.decorate(edge) : { text: label, when: null, document: null };
    result.push({
      id: `${edge.from}->${edge.to}:${edge.outcome ?? edge.kind}`,
      from: edge.from,
      to: edge.to,
      kind: edge.kind,
      ...(edge.outcome !== undefined ? { outcome: edge.outcome } : {}),
      label,
      ...decoration,
      escalates: edge.escalates,
      rejects: edge.rejects,
      ...(edge.refers ? { refers: true as const } : {}),
      provenance: edge.provenance?.status ?? null,
      points,
      sourceSide: chosen.sourceSide,
      targetSide: chosen.targetSide,
      labelPoint: null,
      crosses: crossedNodes(points),
    });
  }
  const lastLane = lanes[lanes.length - 1];
  placeLabels(result, [...nodes, ...obstacles], {
    left: lanes[0].x,
    right: lastLane.x + lastLane.width,
    top: rowBoundaries[0],
    bottom: rowBoundaries[rowBoundaries.length - 1],
  });
  return result;
}

/**
 * Estimated box of an edge label: up to 150 px wide, wrapped, 10.5 px text, as a drawing sets it
 * (centred on the label point). The box a layout keeps clear of symbols and of the other labels, and
 * inside the lanes.
 */
export function edgeLabelBox(label: string, at: Point): Box {
  const perLine = 24;
  const paragraphs = label.split('\n');
  const width = Math.min(150, paragraphs.reduce((max, p) => Math.max(max, p.length), -Infinity) * 5.8 + 10);
  // lines cut at 24 characters, or at word ends as the drawing wraps them (140 px of 5.6 px glyphs), whichever are more
  const lines = Math.max(
    paragraphs.reduce((sum, p) => sum + Math.max(1, Math.ceil(p.length / perLine)), 0),
    wrappedLines(label, 140, 5.6),
  );
  return { x: at.x - width / 2, y: at.y - height(lines) / 2, width, height: height(lines) };
}

const height = (lines: number) => lines * 14 + 4;

/** The area labels are set in: the lanes' columns (not the number, activity, Mutu Baku or Keterangan columns) and the rows. */
interface LabelArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Space kept between a label and the border of the lanes' area. */
const LABEL_INSET = 2;
/** Space between a label and the line it labels: above a horizontal segment, beside a vertical one. */
const LABEL_GAP = { above: 2, beside: 4 };
/** Most stops tried along one segment when the usual places are taken. */
const LABEL_STOPS = 80;
/** Height of the bands boxes and segments are filed under for the label checks. */
const LABEL_BAND = 200;

/** Boxes filed by horizontal band, so that a check meets only the boxes near it. */
class BandIndex<T extends Box> {
  private readonly bands = new Map<number, T[]>();

  add(item: T): void {
    for (let k = Math.floor(item.y / LABEL_BAND); k <= Math.floor((item.y + item.height) / LABEL_BAND); k++) {
      const list = this.bands.get(k);
      if (list) list.push(item);
      else this.bands.set(k, [item]);
    }
  }

  /** The items whose band meets the box's (each once). */
  near(box: Box): T[] {
    const out = new Set<T>();
    for (let k = Math.floor(box.y / LABEL_BAND); k <= Math.floor((box.y + box.height) / LABEL_BAND); k++)
      for (const item of this.bands.get(k) ?? []) out.add(item);
    return [...out];
  }
}

/** Area two boxes share (0 when apart or only touching). */
function sharedArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Places each label near its edge's source, on the first segment the edge does not share with a
 * sibling (another edge from the same decision), so that each outcome's label sits where its line
 * goes its own way; a label that would cover an earlier one slides further along. A label stays in
 * the lanes' area: never over the Mutu Baku, Keterangan, number or activity columns, nor the header.
 *
 * The usual places first: right of a vertical segment or above a horizontal one, at five stops along
 * each segment. When none is free (inside the area, off every symbol and earlier label), as right of
 * a line that runs down the rightmost lane, the label is tried on both sides of each segment at stops
 * all along it, first where it covers no line of another edge; when still none is free, it goes
 * where it covers least, moved inside the area.
 */
function placeLabels(edges: SwimlaneEdge[], nodes: Box[], area: LabelArea): void {
  const placed = new BandIndex<Box>();
  for (const n of nodes) placed.add({ x: n.x, y: n.y, width: n.width, height: n.height });
  const lines = new BandIndex<Box & { a: Point; b: Point }>();
  for (const e of edges) {
    for (let i = 1; i < e.points.length; i++) {
      const [a, b] = [e.points[i - 1], e.points[i]];
      lines.add({ a, b, x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) });
    }
  }
  const overlapping = (box: Box) => placed.near(box).filter((o) => sharedArea(box, o) > 0);
  const inside = (box: Box) =>
    box.x >= area.left + LABEL_INSET &&
    box.x + box.width <= area.right - LABEL_INSET &&
    box.y >= area.top + LABEL_INSET &&
    box.y + box.height <= area.bottom - LABEL_INSET;
  const free = (box: Box) => inside(box) && overlapping(box).length === 0;
  const coversLine = (box: Box) => lines.near(box).some((l) => segmentCrossesBox(l.a, l.b, box));
  const round = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) });

  for (const edge of edges) {
    const text = edge.text;
    if (!text) continue;
    const size = edgeLabelBox(text, { x: 0, y: 0 });
    const boxAt = (p: Point) => edgeLabelBox(text, p);
    const siblings = edges.filter((e) => e !== edge && e.from === edge.from);
    const shared = (a: Point, b: Point) => siblings.some((s) => s.points.some((p, j) => j > 0 && collinearOverlap(a, b, s.points[j - 1], p) > 1));
    let segment = edge.points.findIndex((p, i) => i > 0 && !shared(edge.points[i - 1], p));
    if (segment < 0) segment = 1;
    // a label beside the line rather than on it: above or below a horizontal segment, right or left of a vertical one
    const offset = (horizontal: boolean, usual: boolean): Point =>
      horizontal ? { x: 0, y: (usual ? -1 : 1) * (size.height / 2 + LABEL_GAP.above) } : { x: (usual ? 1 : -1) * (size.width / 2 + LABEL_GAP.beside), y: 0 };
    const usual: Point[] = [];
    const more: Point[] = [];
    for (let i = segment; i < edge.points.length; i++) {
      const a = edge.points[i - 1];
      const b = edge.points[i];
      const length = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
      const dx = Math.sign(b.x - a.x);
      const dy = Math.sign(b.y - a.y);
      const at = (d: number, off: Point) => round({ x: a.x + dx * d + off.x, y: a.y + dy * d + off.y });
      const off = offset(dy === 0, true);
      for (const d of [Math.min(length / 2, 44), length * 0.3, length * 0.5, length * 0.7, length - 24]) usual.push(at(d, off));
      const step = Math.max(6, length / LABEL_STOPS);
      for (const side of [true, false]) {
        const o = offset(dy === 0, side);
        for (let d = 0; d <= length; d += step) more.push(at(d, o));
      }
    }
    const at =
      usual.find((p) => free(boxAt(p))) ??
      more.find((p) => free(boxAt(p)) && !coversLine(boxAt(p))) ??
      more.find((p) => free(boxAt(p))) ??
      leastCovering([...usual, ...more], boxAt, area, overlapping);
    edge.labelPoint = at;
    placed.add(boxAt(at));
  }
}

/** Of the places, the one whose label, moved inside the area, covers least of the symbols and labels there (the first of equals). */
function leastCovering(places: Point[], boxAt: (p: Point) => Box, area: LabelArea, overlapping: (box: Box) => Box[]): Point {
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));
  let best: Point | undefined;
  let bestCovered = Infinity;
  for (const p of places) {
    const box = boxAt(p);
    const halfW = box.width / 2 + LABEL_INSET;
    const halfH = box.height / 2 + LABEL_INSET;
    const q = {
      x: Math.round(clamp(p.x, Math.ceil(area.left + halfW), Math.floor(area.right - halfW))),
      y: Math.round(clamp(p.y, Math.ceil(area.top + halfH), Math.floor(area.bottom - halfH))),
    };
    const moved = boxAt(q);
    const covered = overlapping(moved).reduce((sum, o) => sum + sharedArea(moved, o), 0);
    if (covered < bestCovered) {
      best = q;
      bestCovered = covered;
    }
  }
  return best ?? { x: Math.round((area.left + area.right) / 2), y: Math.round((area.top + area.bottom) / 2) };
}
