import type { SwimlaneLayout } from '@sop/swimlane-layout';

/** The printable area of an A4 landscape page with 10 mm margins (PrintPage's @page), in CSS pixels. */
export const A4_LANDSCAPE = { width: (277 / 25.4) * 96, height: (190 / 25.4) * 96 };
/** Room kept on each page for the browser's rounding and the section's spacing, in CSS pixels. */
const PAGE_SLACK = 40;

/** One printed page of a drawing: which rows it shows (layout coordinates), and whether the title and the legend go on it. */
export interface PrintPageSlice {
  /** Top and bottom of the rows on the page; the header band is repeated above them. */
  top: number;
  bottom: number;
  first: boolean;
  last: boolean;
}

/**
 * Splits a drawing into pages of whole rows, each under the repeated header band, so that a page
 * printed at the paper's width fits its height: a long SOP is printed at the same scale as a short
 * one, over several pages, instead of shrunk onto one (300 rows on one page are specks). A drawing
 * narrower than the paper prints at 1:1. A row taller than a page gets a page of its own.
 *
 * @example
 * printPages(layout, 36, 0) // [{ top: 140, bottom: 1400, first: true, last: false }, …]
 */
export function printPages(layout: SwimlaneLayout, titleHeight: number, legendHeight: number, paper = A4_LANDSCAPE): PrintPageSlice[] {
  const width = layout.width + 2;
  const scale = Math.min(1, paper.width / width);
  const capacity = (paper.height - PAGE_SLACK) / scale - layout.headerHeight;
  const pages: PrintPageSlice[] = [];
  let top = layout.headerHeight;
  let bottom = top;
  for (const row of layout.rows) {
    const extra = pages.length === 0 ? titleHeight : 0;
    if (bottom > top && row.y + row.height - top + extra > capacity) {
      pages.push({ top, bottom, first: pages.length === 0, last: false });
      top = bottom;
    }
    bottom = row.y + row.height;
  }
  pages.push({ top, bottom: Math.max(bottom, layout.height), first: pages.length === 0, last: true });
  // the legend under the last rows: a page of its own when it does not fit under them
  const lastPage = pages[pages.length - 1];
  if (legendHeight && lastPage.bottom - lastPage.top + legendHeight + (lastPage.first ? titleHeight : 0) > capacity && pages.length > 0) {
    lastPage.last = false;
    pages.push({ top: lastPage.bottom, bottom: lastPage.bottom, first: false, last: true });
  }
  return pages;
}

/**
 * The drawing of renderSwimlaneSvg as printed pages: the drawing once, hidden, and per page an SVG
 * that shows its title (first page), the header band and the page's rows, and the legend (last
 * page) through `<use>`. One page: the drawing as it is.
 *
 * @example
 * paginatedSvg(renderSwimlaneSvg(layout, { title }), layout, 'main') // '<svg class="print-drawing-source" …><div class="print-sheet" …>…'
 */
export function paginatedSvg(svg: string, layout: SwimlaneLayout, id: string, paper = A4_LANDSCAPE): string {
  const open = svg.indexOf('>');
  const head = svg.slice(0, open);
  // the title band above the table and the legend below it, from the drawing's viewBox
  const [, vy, , vh] = (/viewBox="([^"]*)"/.exec(head)?.[1] ?? '0 -1 0 0').split(' ').map(Number);
  const titleHeight = -vy - 1;
  const legendHeight = Math.max(0, vh - layout.height - titleHeight - 2);
  const pages = printPages(layout, titleHeight, legendHeight, paper);
  if (pages.length === 1) return `<div class="print-sheet">${svg}</div>`;
  const font = /font-family="([^"]*)"/.exec(head)?.[1] ?? 'sans-serif';
  const inner = svg.slice(open + 1, svg.lastIndexOf('</svg>'));
  const ref = `print-drawing-${id}`;
  const width = layout.width + 2;
  const band = (y: number, top: number, height: number) =>
    `<svg x="0" y="${y}" width="${width}" height="${height}" viewBox="-1 ${top} ${width} ${height}"><use href="#${ref}"/></svg>`;
  const out = [
    `<svg class="print-drawing-source" width="0" height="0" aria-hidden="true"><defs><g id="${ref}" font-family="${font}">${inner}</g></defs></svg>`,
  ];
  pages.forEach((p, i) => {
    const parts: string[] = [];
    let y = 0;
    if (p.first && titleHeight) {
      parts.push(band(y, -titleHeight - 1, titleHeight + 1));
      y += titleHeight + 1;
    }
    parts.push(band(y, 0, layout.headerHeight));
    y += layout.headerHeight;
    if (p.bottom > p.top) {
      parts.push(band(y, p.top, p.bottom - p.top + 1));
      y += p.bottom - p.top + 1;
    }
    if (p.last && legendHeight) {
      parts.push(band(y, layout.height, legendHeight + 1));
      y += legendHeight + 1;
    }
    out.push(
      `<div class="print-sheet" data-testid="print-sheet" data-page="${i + 1}"><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">${parts.join('')}</svg></div>`,
    );
  });
  return out.join('');
}
