import {
  CONSTRUCT_WORDS,
  COORDINATION_DASH,
  documentLine,
  EDGE_TONE_COLORS,
  edgeTone,
  GAP_DASH,
  nodeTags,
  type ConstructWords,
  type SwimlaneLayout,
  type SwimlaneNode,
} from '@sop/swimlane-layout';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const LINE = '#9aa5b1'; // --line-strong of styles.css
const MUTU_BODY_FILL = '#fbfdfb';

/** The horizontal extent of a header group's columns, or null when none is shown. */
export function groupSpan(layout: SwimlaneLayout, group: 'pelaksana' | 'mutu-baku'): { x: number; width: number } | null {
  const cols = layout.columns.filter((c) => c.group === group);
  if (!cols.length) return null;
  const last = cols[cols.length - 1];
  return { x: cols[0].x, width: last.x + last.width - cols[0].x };
}

/**
 * The body's rules and fills as one SVG: the Mutu Baku tint, and every body cell's right and bottom
 * border drawn as a single path, instead of a bordered box per cell (a 300-row SOP has some 4,000
 * cells). Colours are attributes so that the PNG export keeps them. The header cells stay boxes.
 */
export function sheetGridSvg(layout: SwimlaneLayout): string {
  const { width, height, headerHeight } = layout;
  const mutu = groupSpan(layout, 'mutu-baku');
  const d: string[] = [];
  for (const c of layout.columns) d.push(`M${c.x + c.width - 0.5} ${headerHeight}V${height}`);
  for (const row of layout.rows) d.push(`M0 ${row.y + row.height - 0.5}H${width}`);
  const tint = mutu ? `<rect x="${mutu.x}" y="${headerHeight}" width="${mutu.width}" height="${height - headerHeight}" fill="${MUTU_BODY_FILL}"/>` : '';
  return (
    `<svg class="sheet-grid" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true">` +
    `${tint}<path d="${d.join('')}" fill="none" stroke="${LINE}" stroke-width="1" shape-rendering="crispEdges"/></svg>`
  );
}

/** A horizontal band of the sheet (sheet coordinates): the rows that reach into it. */
export interface RowBand {
  top: number;
  bottom: number;
}

/** How far the band of rows drawn reaches beyond the view, and the steps it moves by (sheet pixels). */
const BAND_STEP = 800;

/**
 * The band of rows to draw for a view of the sheet (React Flow's transform `[x, y, zoom]` over a pane
 * `height` pixels high): what is in view and up to two steps of {@link BAND_STEP} beyond it, in whole
 * steps, so that it changes once per step of panning, not at every frame. As a `top:bottom` key,
 * equal for equal bands (a store selector's result).
 */
export function rowBandKey(transform: readonly [number, number, number], height: number): string {
  const [, y, zoom] = transform;
  const z = zoom > 0 ? zoom : 1;
  const top = Math.floor(-y / z / BAND_STEP - 1) * BAND_STEP;
  const bottom = Math.ceil((height - y) / z / BAND_STEP + 1) * BAND_STEP;
  return `${top}:${bottom}`;
}

/** The band a {@link rowBandKey} names. */
export function rowBandOf(key: string): RowBand {
  const [top, bottom] = key.split(':').map(Number);
  return { top, bottom };
}

/**
 * The text of the table's body rows as HTML (only the rows reaching into `band` when given: the
 * editor draws the rows in view, as it draws the steps in view): per row the number, the activity and the Mutu Baku
 * cells that have content (the Pelaksana cells are empty: the symbols are drawn over them). One
 * string set at once is far cheaper for the browser than thousands of elements made one by one.
 */
export function sheetBodyHtml(layout: SwimlaneLayout, band?: RowBand): string {
  const out: string[] = [];
  for (const row of layout.rows) {
    if (band && (row.y + row.height <= band.top || row.y >= band.bottom)) continue;
    for (const c of layout.columns) {
      let content: string | null = null;
      let className = 'sheet-text';
      if (c.kind === 'number') {
        content = row.number === null ? null : escape(row.number);
        className += ' sheet-center sheet-number';
      } else if (c.kind === 'activity') content = row.activity === null ? null : escape(row.activity);
      else if (c.kind === 'kelengkapan') {
        if (row.kelengkapan.length > 1) content = `<ul>${row.kelengkapan.map((k) => `<li>${escape(k)}</li>`).join('')}</ul>`;
        else if (row.kelengkapan.length === 1) content = escape(row.kelengkapan[0]);
      } else if (c.kind === 'waktu') {
        content = row.waktu === null ? null : escape(row.waktu);
        className += ' sheet-center';
      } else if (c.kind === 'output') {
        // the step's output as written, then the documents its outcomes produce (ADR 0014)
        const docs = row.documents
          .map((d) => `<div class="sheet-document" data-testid="mutu-document" data-outcome="${escape(d.outcome)}">${escape(documentLine(d))}</div>`)
          .join('');
        content = row.output === null && !docs ? null : `${row.output === null ? '' : escape(row.output)}${docs}`;
      } else if (c.kind === 'keterangan') content = row.keterangan === null ? null : escape(row.keterangan);
      if (content === null || content === '') continue;
      const testId = c.group === 'mutu-baku' ? ` data-testid="mutu-${c.kind}"` : c.kind === 'keterangan' ? ' data-testid="keterangan"' : '';
      out.push(`<div class="${className}"${testId} style="left:${c.x}px;top:${row.y}px;width:${c.width}px;height:${row.height}px">${content}</div>`);
    }
  }
  return out.join('');
}

const EDGE_TONES = EDGE_TONE_COLORS;
const DIAMOND_FILL = '#fff8e1';
const SYMBOL_STROKE = '#243b53';

/**
 * The symbols and arrows of a read-only diagram as markup: every edge along the layout's route in
 * one SVG (arrowheads per tone, escalations dashed), the outcome labels, and every step in its
 * standard symbol with the same classes and test ids as the interactive step nodes. A page that
 * only shows the SOP sets this at once instead of mounting a component per step and per edge.
 */
/** The words a read-only diagram shows for marked steps and labels, in the UI's language. */
export interface GapWords {
  /** Tooltip of a mark: inferred, incomplete. */
  inferred: string;
  incomplete: string;
  /** The tag under a step whose timeout rule is a platform decision. */
  timeoutTag: string;
}

const COORDINATION = '#2c7a7b';
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

/**
 * The coordination connectors (ADR 0014): per step and asked lane, a dotted two-way line on the
 * step's row and a box in the asked lane's column with the coordination's label. Drawn on the sheet
 * under the symbols, for the read-only and the interactive diagrams alike.
 */
export function sheetCoordinationHtml(layout: SwimlaneLayout, words: ConstructWords = CONSTRUCT_WORDS, titles?: ReadonlyMap<string, string>): string {
  if (!layout.coordinations.length) return '';
  const marker = `<marker id="sop-coordination-end" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${COORDINATION}"/></marker>`;
  const lines = layout.coordinations.map((c) => {
    const [a, b] = c.points;
    return `<path class="coordination-line" data-coordination-id="${escape(c.id)}" d="M${a.x} ${a.y}L${b.x} ${b.y}" fill="none" stroke="${COORDINATION}" stroke-width="1.8" stroke-linecap="round" stroke-dasharray="${COORDINATION_DASH}" marker-start="url(#sop-coordination-end)" marker-end="url(#sop-coordination-end)"/>`;
  });
  const out = [
    `<svg class="sheet-edges sheet-coordination" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" aria-hidden="true"><defs>${marker}</defs>${lines.join('')}</svg>`,
  ];
  for (const c of layout.coordinations) {
    const text = c.label ?? fill(words.coordinationWith, { lane: c.laneName });
    const title = titles?.get(c.id) ?? text;
    out.push(
      `<div class="coordination-box" data-testid="coordination" data-step-id="${escape(c.step)}" data-lane-id="${escape(c.lane)}" title="${escape(title)}" style="left:${c.box.x}px;top:${c.box.y}px;width:${c.box.width}px;height:${c.box.height}px">${escape(text)}</div>`,
    );
  }
  return out.join('');
}

/** The marks of a step beside its symbol as markup: the tags under it and the schedule's calendar on its corner. */
export function stepMarksHtml(n: SwimlaneNode, words: ConstructWords = CONSTRUCT_WORDS, first = 0): string {
  const tags = nodeTags(n, words)
    .map(
      (tag, i) =>
        `<span class="step-tag step-tag-${tag.kind}" data-testid="${tag.kind}" style="top:calc(100% + ${3 + (first + i) * 13}px)">${escape(tag.text)}</span>`,
    )
    .join('');
  const schedule = n.schedule
    ? `<span class="step-schedule" data-testid="schedule-tag" title="${escape(fill(words.scheduleTitle, { label: n.schedule.label ?? '' }))}"><span class="step-schedule-icon" aria-hidden="true"></span>${escape(words.schedule)}</span>`
    : '';
  return tags + schedule;
}

export function sheetSymbolsHtml(
  layout: SwimlaneLayout,
  titles: ReadonlyMap<string, string | null>,
  gapWords?: GapWords,
  words: ConstructWords = CONSTRUCT_WORDS,
): string {
  const out: string[] = [];
  // the referral's arrow head only where an edge refers (no SOP drawn before it changes)
  const refers = layout.edges.some((e) => edgeTone(e) === 'referral');
  const markers = Object.entries(EDGE_TONES)
    .filter(([tone]) => tone !== 'referral' || refers)
    .map(
      ([tone, color]) =>
        `<marker id="sop-arrow-${tone}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${color}"/></marker>`,
    )
    .join('');
  const paths = layout.edges.map((e) => {
    const tone = edgeTone(e);
    const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('');
    const dash = e.escalates ? ' stroke-dasharray="6 3"' : '';
    return `<path class="sheet-edge edge-${tone}" data-edge-id="${escape(e.id)}" d="${d}" fill="none" stroke="${EDGE_TONES[tone]}" stroke-width="1.6"${dash} marker-end="url(#sop-arrow-${tone})"/>`;
  });
  out.push(
    `<svg class="sheet-edges" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" aria-hidden="true"><defs>${markers}</defs>${paths.join('')}</svg>`,
  );
  for (const e of layout.edges) {
    if (!e.text || !e.labelPoint) continue;
    const tone = edgeTone(e);
    const gap = e.provenance
      ? ` edge-label-gap edge-label-gap-${e.provenance}" data-gap="${e.provenance}"${gapWords ? ` title="${escape(gapWords[e.provenance])}"` : ''}`
      : '"';
    out.push(
      `<div class="edge-label edge-label-${tone}${gap} data-testid="edge-label" style="left:${e.labelPoint.x}px;top:${e.labelPoint.y}px;transform:translate(-50%,-50%)">${escape(e.text)}</div>`,
    );
  }
  for (const n of layout.nodes) {
    const diamond =
      n.kind === 'decision'
        ? `<svg class="step-diamond" width="${n.width}" height="${n.height}" viewBox="0 0 ${n.width} ${n.height}" aria-hidden="true"><polygon points="${n.width / 2},1 ${n.width - 1},${n.height / 2} ${n.width / 2},${n.height - 1} 1,${n.height / 2}" fill="${DIAMOND_FILL}" stroke="${SYMBOL_STROKE}" stroke-width="1.5"${n.provenance ? ` stroke-dasharray="${GAP_DASH[n.provenance.status]}"` : ''}/></svg>`
        : '';
    const gap = n.provenance?.status;
    const title = (titles.get(n.id) ?? n.label) + (gap && gapWords ? ` (${gapWords[gap]})` : '');
    const inferred =
      n.inferredTimeout && gapWords
        ? `<span class="step-timeout-tag" data-testid="inferred-timeout" title="${escape(gapWords.inferred)}">${escape(gapWords.timeoutTag)}</span>`
        : '';
    const tag = inferred + stepMarksHtml(n, words, inferred ? 1 : 0);
    // .step-decision pads by a share of its box; the sheet is a wider containing block, so in pixels here
    const pad = n.kind === 'decision' ? `;padding:0 ${Math.round(n.width * 0.22)}px` : '';
    out.push(
      `<div class="step step-${n.kind} sheet-step${n.citizen ? ' step-citizen' : ''}${gap ? ` step-gap step-gap-${gap}` : ''}" data-testid="step-node" data-step-id="${escape(n.id)}" data-kind="${n.kind}"${gap ? ` data-gap="${gap}"` : ''} title="${escape(title)}" style="left:${n.x}px;top:${n.y}px;width:${n.width}px;height:${n.height}px${pad}">${diamond}<span class="step-label">${escape(n.label)}</span>${tag}</div>`,
    );
  }
  return out.join('');
}
