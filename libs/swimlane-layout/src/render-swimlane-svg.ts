import { documentLine } from './layout-swimlanes';
import { EDGE_TONE_COLORS, edgeTone, type Point, type SwimlaneCoordination, type SwimlaneLayout, type SwimlaneNode } from './swimlane-layout';
import { CHAR_WIDTH, LINE_HEIGHT } from './text-metrics';

export interface SwimlaneSvgOptions {
  /** Header texts, translated by the caller. */
  headers?: Partial<Record<'no' | 'kegiatan' | 'pelaksana' | 'mutuBaku' | 'kelengkapan' | 'waktu' | 'output' | 'keterangan', string>>;
  /** Drawn above the table when given. */
  title?: string;
  /** Font family of the drawing; default a sans-serif stack. */
  fontFamily?: string;
  /**
   * Texts of the legend drawn below the table when a step, an outcome or a timeout rule is marked
   * inferred or incomplete, translated by the caller; default Bahasa Indonesia.
   */
  gapLegend?: Partial<Record<'inferred' | 'incomplete' | 'timeout', string>>;
  /** The words of the marks of coordination, schedules, routing and citizen steps, translated by the caller; default Bahasa Indonesia. */
  words?: Partial<ConstructWords>;
  /**
   * Steps to mark as changed between two versions, by step id: a coloured halo around the symbol
   * (green added, red removed, amber changed) with the mark's word as its tooltip. Flows other than
   * the drawn one are ignored by the caller.
   */
  highlight?: Readonly<Record<string, DiffMark>>;
  /** The words of the diff marks (tooltips), translated by the caller; default Bahasa Indonesia. */
  diffWords?: Partial<Record<DiffMark, string>>;
}

/** How a step differs from the other version of its SOP. */
export type DiffMark = 'added' | 'removed' | 'changed';

const DIFF_COLORS: Record<DiffMark, string> = { added: '#15803d', removed: '#b91c1c', changed: '#b45309' };
const DEFAULT_DIFF_WORDS: Record<DiffMark, string> = { added: 'ditambahkan', removed: 'dihapus', changed: 'diubah' };

/** A halo drawn under a step's symbol: 5 px out from its box, rounded. */
function diffHalo(n: SwimlaneNode, mark: DiffMark, word: string): string {
  const pad = 5;
  return (
    `<g class="diff-${mark}" data-step="${escapeXml(n.id)}"><title>${escapeXml(word)}</title>` +
    `<rect x="${n.x - pad}" y="${n.y - pad}" width="${n.width + 2 * pad}" height="${n.height + 2 * pad}" rx="8" fill="${DIFF_COLORS[mark]}" fill-opacity="0.12" stroke="${DIFF_COLORS[mark]}" stroke-width="3"/></g>`
  );
}

/**
 * The words a drawing puts beside the constructs of ADR 0010 and 0014: `{outcome}`, `{field}`,
 * `{lane}` and `{label}` are replaced.
 */
export interface ConstructWords {
  /** The tag of a step that may wait for a date. */
  schedule: string;
  /** Its tooltip, with the schedule's label. */
  scheduleTitle: string;
  /** Under a citizen decision its time passing settles: the outcome taken. */
  citizenChoose: string;
  /** Under a citizen task its time passing completes. */
  citizenComplete: string;
  /** Under a decision routed by a form field. */
  routeBy: string;
  /** A coordination box without a label of its own. */
  coordinationWith: string;
}

/** The default (Bahasa Indonesia) words of the construct marks. */
export const CONSTRUCT_WORDS: ConstructWords = {
  schedule: 'jadwal',
  scheduleTitle: 'Dapat dijadwalkan: {label}',
  citizenChoose: 'bila tak dijawab: {outcome}',
  citizenComplete: 'bila tak dijawab: dianggap selesai',
  routeBy: 'menurut {field}',
  coordinationWith: 'Koordinasi dengan {lane}',
};

/** The dots of a coordination connector (round caps make them dots). */
export const COORDINATION_DASH = '1 4';

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

/**
 * The tags drawn under a step, top to bottom: what its time passing does when it is the citizen's,
 * and the field a routed decision follows. (The schedule mark sits on the symbol's corner.)
 *
 * @example
 * nodeTags(node, CONSTRUCT_WORDS) // [{ kind: 'citizen-timeout', text: 'bila tak dijawab: Puas' }]
 */
export function nodeTags(n: SwimlaneNode, words: ConstructWords): { kind: 'citizen-timeout' | 'route-by'; text: string }[] {
  const tags: { kind: 'citizen-timeout' | 'route-by'; text: string }[] = [];
  if (n.citizenTimeout) {
    tags.push({
      kind: 'citizen-timeout',
      text: n.citizenTimeout.action === 'choose' ? fill(words.citizenChoose, { outcome: n.citizenTimeout.outcomeLabel ?? '?' }) : words.citizenComplete,
    });
  }
  if (n.routeBy) tags.push({ kind: 'route-by', text: fill(words.routeBy, { field: n.routeBy.label }) });
  return tags;
}

/** The text of a coordination box: its label, else "Koordinasi dengan <lane>". */
export function coordinationText(c: SwimlaneCoordination, words: ConstructWords): string {
  return c.label ?? fill(words.coordinationWith, { lane: c.laneName });
}

const DEFAULT_GAP_LEGEND = {
  inferred: 'Garis putus-putus: tidak tertulis di SOP sumber (keputusan platform)',
  incomplete: 'Garis titik-titik: terpotong atau rusak di SOP sumber',
  timeout: 'keputusan platform, tidak tertulis di SOP sumber',
};

/** The dash of a symbol or label marked inferred (dashed) or incomplete (dotted). */
export const GAP_DASH = { inferred: '6 3', incomplete: '2 3' } as const;

/** The tag drawn under a step whose timeout rule is a decision of the platform. */
export const INFERRED_TIMEOUT_TAG = 'waktu habis: keputusan platform';

const DEFAULT_HEADERS = {
  no: 'No',
  kegiatan: 'Kegiatan',
  pelaksana: 'Pelaksana',
  mutuBaku: 'Mutu Baku',
  kelengkapan: 'Kelengkapan',
  waktu: 'Waktu',
  output: 'Output',
  keterangan: 'Keterangan',
};

const COLORS = {
  grid: '#9aa5b1',
  headerFill: '#e8eef4',
  text: '#1f2933',
  muted: '#52606d',
  node: '#ffffff',
  nodeStroke: '#243b53',
  decision: '#fff8e1',
  terminator: '#e3f2fd',
  edge: '#334e68',
  escalation: '#c05621',
  rejection: '#c53030',
  coordination: '#2c7a7b',
  coordinationFill: '#e6fffa',
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Greedy word wrap into lines of at most `width` pixels, by the layout's character estimate. */
function wrap(text: string, width: number, charWidth = CHAR_WIDTH): string[] {
  const perLine = Math.max(1, Math.floor(width / charWidth));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      if (line && line.length + 1 + rest.length <= perLine) {
        line += ` ${rest}`;
        continue;
      }
      if (line) lines.push(line);
      while (rest.length > perLine) {
        lines.push(rest.slice(0, perLine));
        rest = rest.slice(perLine);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** The box a text must stay inside (a cell, a symbol, a label), written on it as `data-box` for checks of the printed drawing. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function textBlock(
  lines: string[],
  x: number,
  y: number,
  options: { anchor?: 'start' | 'middle'; size?: number; weight?: number; fill?: string; box?: Box } = {},
): string {
  const size = options.size ?? 12;
  const lineHeight = (LINE_HEIGHT * size) / 12;
  const tspans = lines.map((l, i) => `<tspan x="${x}" y="${(y + i * lineHeight + size * 0.8).toFixed(1)}">${escapeXml(l)}</tspan>`).join('');
  const b = options.box;
  const box = b ? ` data-box="${round(b.x)} ${round(b.y)} ${round(b.width)} ${round(b.height)}"` : '';
  return `<text font-size="${size}" text-anchor="${options.anchor ?? 'start'}"${options.weight ? ` font-weight="${options.weight}"` : ''} fill="${options.fill ?? COLORS.text}"${box}>${tspans}</text>`;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Lines centred vertically around `cy`. */
function centredBlock(lines: string[], cx: number, cy: number, size: number, weight?: number, fill?: string, box?: Box): string {
  const lineHeight = (LINE_HEIGHT * size) / 12;
  return textBlock(lines, cx, cy - (lines.length * lineHeight) / 2, { anchor: 'middle', size, weight, fill, box });
}

function nodeShape(n: SwimlaneNode): string {
  const dash = n.provenance ? ` stroke-dasharray="${GAP_DASH[n.provenance.status]}"` : '';
  const stroke = `stroke="${COLORS.nodeStroke}" stroke-width="1.5"${dash}`;
  if (n.kind === 'decision') {
    const cx = n.x + n.width / 2;
    const cy = n.y + n.height / 2;
    return `<polygon points="${cx},${n.y} ${n.x + n.width},${cy} ${cx},${n.y + n.height} ${n.x},${cy}" fill="${COLORS.decision}" ${stroke}/>`;
  }
  if (n.kind === 'start' || n.kind === 'end') {
    return `<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="${n.height / 2}" fill="${COLORS.terminator}" ${stroke}/>`;
  }
  return `<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="3" fill="${COLORS.node}" ${stroke}/>`;
}

/** The smallest type a symbol's label is set in before it would leave the symbol. */
const MIN_LABEL_SIZE = 8;

/**
 * A step's label inside its symbol, wrapped: every line drawn (none cut off), the type made smaller
 * (to 8 px) while the lines are taller than the symbol's inner box. A diamond's inner box is the
 * rectangle inside it.
 */
export function nodeLabelLines(n: Pick<SwimlaneNode, 'kind' | 'label' | 'width' | 'height'>): { lines: string[]; size: number; inner: Box } {
  const decision = n.kind === 'decision';
  const inner = decision
    ? { x: n.width * 0.2, y: n.height * 0.2, width: n.width * 0.6, height: n.height * 0.6 }
    : { x: 6, y: 3, width: n.width - 12, height: n.height - 6 };
  return { ...fitText(n.label, inner, decision ? 10.5 : 11.5), inner };
}

/** A text wrapped to a box's width, its type made smaller (to 8 px) while the lines are taller than the box: no line dropped. */
function fitText(text: string, box: { width: number; height: number }, largest: number): { lines: string[]; size: number } {
  let size = largest;
  for (;;) {
    const lines = wrap(text, box.width, (CHAR_WIDTH * size) / 12);
    if (lines.length * ((LINE_HEIGHT * size) / 12) <= box.height || size <= MIN_LABEL_SIZE) return { lines, size };
    size = Math.max(MIN_LABEL_SIZE, size - 0.5);
  }
}

function nodeText(n: SwimlaneNode): string {
  const { lines, size } = nodeLabelLines(n);
  return centredBlock(lines, n.x + n.width / 2, n.y + n.height / 2, size, undefined, undefined, n);
}

function arrowHead(points: Point[], color: string): string {
  const tip = points[points.length - 1];
  const before = points[points.length - 2];
  const dx = Math.sign(tip.x - before.x);
  const dy = Math.sign(tip.y - before.y);
  const back = { x: tip.x - dx * 8, y: tip.y - dy * 8 };
  const side = { x: dy * 4, y: dx * 4 };
  return `<polygon points="${tip.x},${tip.y} ${back.x + side.x},${back.y + side.y} ${back.x - side.x},${back.y - side.y}" fill="${color}"/>`;
}

/**
 * Draws a swimlane layout as a standalone SVG document: the SOP-AP table (No, Kegiatan, one column
 * per Pelaksana, Mutu Baku), the standard symbols, and the edges with their labels. Pure: the same
 * layout gives the same text, for export and print.
 *
 * @example
 * const svg = renderSwimlaneSvg(layoutSwimlanes(sop), { title: sop.identity.title });
 */
export function renderSwimlaneSvg(layout: SwimlaneLayout, options: SwimlaneSvgOptions = {}): string {
  const h = { ...DEFAULT_HEADERS, ...options.headers };
  const legend = { ...DEFAULT_GAP_LEGEND, ...options.gapLegend };
  const words = { ...CONSTRUCT_WORDS, ...options.words };
  const titleHeight = options.title ? 36 : 0;
  const legendHeight = layout.hasGaps ? 30 : 0;
  const width = layout.width + 2;
  const height = layout.height + titleHeight + legendHeight + 2;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="-1 ${-titleHeight - 1} ${width} ${height}" font-family="${escapeXml(options.fontFamily ?? 'Inter, "Noto Sans", "Segoe UI", Arial, sans-serif')}">`,
  );
  out.push(`<rect x="-1" y="${-titleHeight - 1}" width="${width}" height="${height}" fill="#ffffff"/>`);
  if (options.title) out.push(textBlock([options.title], layout.width / 2, -titleHeight + 8, { anchor: 'middle', size: 15, weight: 700 }));

  // Header band.
  const g = layout.groupHeaderHeight;
  out.push(`<rect x="0" y="0" width="${layout.width}" height="${layout.headerHeight}" fill="${COLORS.headerFill}"/>`);
  const groupSpan = (group: 'pelaksana' | 'mutu-baku') => {
    const cols = layout.columns.filter((c) => c.group === group);
    return cols.length ? { x: cols[0].x, width: cols[cols.length - 1].x + cols[cols.length - 1].width - cols[0].x } : null;
  };
  for (const [group, label] of [
    ['pelaksana', h.pelaksana],
    ['mutu-baku', h.mutuBaku],
  ] as const) {
    const span = groupSpan(group);
    if (!span) continue;
    out.push(`<rect x="${span.x}" y="0" width="${span.width}" height="${g}" fill="none" stroke="${COLORS.grid}"/>`);
    out.push(centredBlock([label], span.x + span.width / 2, g / 2, 12, 700, undefined, { x: span.x, y: 0, width: span.width, height: g }));
  }
  for (const c of layout.columns) {
    const top = c.group ? g : 0;
    out.push(`<rect x="${c.x}" y="${top}" width="${c.width}" height="${layout.headerHeight - top}" fill="none" stroke="${COLORS.grid}"/>`);
    const text =
      c.kind === 'lane' ? layout.lanes.find((l) => `lane:${l.id}` === c.id)!.name : c.kind === 'number' ? h.no : c.kind === 'activity' ? h.kegiatan : h[c.kind];
    const lines = wrap(text, c.width - 12, CHAR_WIDTH * 1.08);
    const lane = c.kind === 'lane' ? layout.lanes.find((l) => `lane:${l.id}` === c.id)! : null;
    const cell = { x: c.x, y: top, width: c.width, height: layout.headerHeight - top };
    if (lane?.units.length) {
      // the units under the lane's name, smaller: "Bidang Pelayanan Pendaftaran Penduduk · …"
      const unitLines = wrap(lane.units.join(' · '), c.width - 12, (CHAR_WIDTH * 10) / 12);
      const nameHeight = lines.length * LINE_HEIGHT;
      const unitHeight = (unitLines.length * LINE_HEIGHT * 10) / 12;
      const y0 = (top + layout.headerHeight) / 2 - (nameHeight + 4 + unitHeight) / 2;
      out.push(textBlock(lines, c.x + c.width / 2, y0, { anchor: 'middle', size: 12, weight: 700, box: cell }));
      out.push(
        `<g class="lane-units">${textBlock(unitLines, c.x + c.width / 2, y0 + nameHeight + 4, { anchor: 'middle', size: 10, fill: COLORS.muted, box: cell })}</g>`,
      );
    } else out.push(centredBlock(lines, c.x + c.width / 2, (top + layout.headerHeight) / 2, 12, 700, undefined, cell));
  }

  // Rows and their cells.
  for (const row of layout.rows) {
    for (const c of layout.columns)
      out.push(`<rect x="${c.x}" y="${row.y}" width="${c.width}" height="${row.height}" fill="none" stroke="${COLORS.grid}" stroke-width="0.75"/>`);
    for (const c of layout.columns) {
      const inner = c.width - 16;
      let lines: string[] = [];
      if (c.kind === 'number') lines = row.number ? [row.number] : [];
      else if (c.kind === 'activity') lines = row.activity ? wrap(row.activity, inner) : [];
      else if (c.kind === 'kelengkapan') lines = row.kelengkapan.flatMap((k) => wrap(row.kelengkapan.length > 1 ? `• ${k}` : k, inner));
      else if (c.kind === 'waktu') lines = row.waktu ? wrap(row.waktu, inner) : [];
      else if (c.kind === 'output') lines = [...(row.output ? wrap(row.output, inner) : []), ...row.documents.flatMap((d) => wrap(documentLine(d), inner))];
      else if (c.kind === 'keterangan') lines = row.keterangan ? wrap(row.keterangan, inner) : [];
      if (!lines.length) continue;
      const cell = { x: c.x, y: row.y, width: c.width, height: row.height };
      if (c.kind === 'number' || c.kind === 'waktu') out.push(centredBlock(lines, c.x + c.width / 2, row.y + row.height / 2, 12, undefined, undefined, cell));
      else out.push(textBlock(lines, c.x + 8, row.y + 8, { size: 12, box: cell }));
    }
  }

  // Edges under the nodes, labels over everything.
  for (const e of layout.edges) {
    const color = EDGE_TONE_COLORS[edgeTone(e)];
    out.push(
      `<polyline points="${e.points.map((p) => `${p.x},${p.y}`).join(' ')}" fill="none" stroke="${color}" stroke-width="1.5"${e.escalates ? ' stroke-dasharray="6 3"' : ''}/>`,
    );
    out.push(arrowHead(e.points, color));
  }
  // coordination: a dotted two-way connector on the step's row to a box in the asked lane's column
  for (const c of layout.coordinations) {
    const [a, b] = c.points;
    out.push(`<g class="coordination" data-step="${escapeXml(c.step)}" data-lane="${escapeXml(c.lane)}">`);
    out.push(
      `<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="${COLORS.coordination}" stroke-width="1.8" stroke-linecap="round" stroke-dasharray="${COORDINATION_DASH}"/>`,
    );
    out.push(arrowHead([a, b], COLORS.coordination), arrowHead([b, a], COLORS.coordination));
    out.push(
      `<rect x="${c.box.x}" y="${c.box.y}" width="${c.box.width}" height="${c.box.height}" rx="6" fill="${COLORS.coordinationFill}" stroke="${COLORS.coordination}" stroke-width="1" stroke-dasharray="4 2"/>`,
    );
    const { lines, size } = fitText(coordinationText(c, words), { width: c.box.width - 10, height: c.box.height - 4 }, 10);
    out.push(centredBlock(lines, c.box.x + c.box.width / 2, c.box.y + c.box.height / 2, size, 600, COLORS.coordination, c.box));
    out.push('</g>');
  }
  const diffWords = { ...DEFAULT_DIFF_WORDS, ...options.diffWords };
  for (const n of layout.nodes) {
    const mark = options.highlight?.[n.id];
    if (mark) out.push(diffHalo(n, mark, diffWords[mark]));
    out.push(nodeShape(n), nodeText(n));
  }
  for (const n of layout.nodes) {
    let below = 0;
    if (n.inferredTimeout) {
      out.push(
        `<g class="inferred-timeout"><title>${escapeXml(legend.timeout)}</title>${textBlock([INFERRED_TIMEOUT_TAG], n.x + n.width / 2, n.y + n.height + 2, { anchor: 'middle', size: 9.5, fill: COLORS.muted })}</g>`,
      );
      below++;
    }
    for (const tag of nodeTags(n, words)) {
      out.push(
        `<g class="${tag.kind}">${textBlock([tag.text], n.x + n.width / 2, n.y + n.height + 2 + below * 12, { anchor: 'middle', size: 9.5, fill: COLORS.muted })}</g>`,
      );
      below++;
    }
    if (n.schedule) {
      // a small calendar and the word, on the symbol's upper right corner
      const x = n.x + n.width - 30;
      const y = n.y - 13;
      out.push(
        `<g class="schedule"><title>${escapeXml(fill(words.scheduleTitle, { label: n.schedule.label ?? '' }))}</title>` +
          `<rect x="${x - 12}" y="${y}" width="10" height="10" rx="1.5" fill="#ffffff" stroke="${COLORS.coordination}" stroke-width="1"/>` +
          `<rect x="${x - 12}" y="${y}" width="10" height="3" fill="${COLORS.coordination}"/>` +
          `${textBlock([words.schedule], x, y - 1, { size: 9.5, fill: COLORS.coordination })}</g>`,
      );
    }
  }
  for (const e of layout.edges) {
    if (!e.text || !e.labelPoint) continue;
    const lines = wrap(e.text, 140, 5.6);
    const w = Math.min(150, lines.reduce((max, l) => Math.max(max, l.length), -Infinity) * 5.6 + 10);
    const hgt = lines.length * 14 + 4;
    const border = e.provenance ? ` stroke="${COLORS.muted}" stroke-width="0.8" stroke-dasharray="${GAP_DASH[e.provenance]}"` : '';
    out.push(
      `<rect x="${e.labelPoint.x - w / 2}" y="${e.labelPoint.y - hgt / 2}" width="${w}" height="${hgt}" rx="3" fill="#ffffff" fill-opacity="0.92"${border}/>`,
    );
    const label = { x: e.labelPoint.x - w / 2, y: e.labelPoint.y - hgt / 2, width: w, height: hgt };
    out.push(centredBlock(lines, e.labelPoint.x, e.labelPoint.y, 10.5, 600, edgeTone(e) === 'normal' ? COLORS.muted : EDGE_TONE_COLORS[edgeTone(e)], label));
  }
  if (layout.hasGaps) {
    // the legend of the marks, below the table: what a dashed or dotted symbol or label means
    const y = layout.height + 8;
    out.push(`<g class="gap-legend">`);
    out.push(`<rect x="4" y="${y}" width="28" height="14" rx="2" fill="none" stroke="${COLORS.nodeStroke}" stroke-dasharray="${GAP_DASH.inferred}"/>`);
    out.push(textBlock([legend.inferred], 38, y, { size: 11, fill: COLORS.muted }));
    const x2 = 38 + legend.inferred.length * CHAR_WIDTH * 0.95 + 24;
    out.push(`<rect x="${x2}" y="${y}" width="28" height="14" rx="2" fill="none" stroke="${COLORS.nodeStroke}" stroke-dasharray="${GAP_DASH.incomplete}"/>`);
    out.push(textBlock([legend.incomplete], x2 + 34, y, { size: 11, fill: COLORS.muted }));
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
