import type { SwimlaneLayout } from '@sop/swimlane-layout';

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

/**
 * The text of the table's body rows as HTML: per row the number, the activity and the Mutu Baku
 * cells that have content (the Pelaksana cells are empty: the symbols are drawn over them). One
 * string set at once is far cheaper for the browser than thousands of elements made one by one.
 */
export function sheetBodyHtml(layout: SwimlaneLayout): string {
  const out: string[] = [];
  for (const row of layout.rows) {
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
      } else if (c.kind === 'output') content = row.output === null ? null : escape(row.output);
      if (content === null || content === '') continue;
      const testId = c.group === 'mutu-baku' ? ` data-testid="mutu-${c.kind}"` : '';
      out.push(`<div class="${className}"${testId} style="left:${c.x}px;top:${row.y}px;width:${c.width}px;height:${row.height}px">${content}</div>`);
    }
  }
  return out.join('');
}
