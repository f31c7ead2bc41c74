import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSop } from '@sop/model';
import { layoutSwimlanes, renderSwimlaneSvg } from '@sop/swimlane-layout';
import { A4_LANDSCAPE, paginatedSvg, printPages } from './print-pages';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateLargeSop } = require('../../../../scripts/generate-large-sop.js') as { generateLargeSop: (o: { steps: number; lanes: number }) => string };

const metro = validateSop(readFileSync(join(__dirname, '../../../../sops/metro.yaml'), 'utf8')).sop!;
const besar = validateSop(generateLargeSop({ steps: 300, lanes: 8 })).sop!;

describe('printPages: a long drawing over pages of whole rows', () => {
  it('keeps a drawing that fits A4 landscape on one page', () => {
    const layout = layoutSwimlanes(metro);
    expect(printPages(layout, 36, 30)).toHaveLength(1);
  });

  it('splits 300 steps into pages of whole rows that each fit the paper at its width, every row once', () => {
    const layout = layoutSwimlanes(besar);
    const pages = printPages(layout, 36, 0);
    expect(pages.length).toBeGreaterThan(10);
    const scale = Math.min(1, A4_LANDSCAPE.width / (layout.width + 2));
    for (const p of pages) expect((p.bottom - p.top + layout.headerHeight + (p.first ? 36 : 0)) * scale).toBeLessThanOrEqual(A4_LANDSCAPE.height);
    // contiguous, at row boundaries, from the header to the end
    expect(pages[0].top).toBe(layout.headerHeight);
    expect(pages.at(-1)!.bottom).toBe(layout.height);
    const edges = new Set(layout.rows.map((r) => r.y));
    for (let i = 1; i < pages.length; i++) {
      expect(pages[i].top).toBe(pages[i - 1].bottom);
      expect(edges.has(pages[i].top)).toBe(true);
    }
    expect(pages.filter((p) => p.first)).toHaveLength(1);
    expect(pages.filter((p) => p.last)).toEqual([pages.at(-1)]);
  });
});

describe('paginatedSvg', () => {
  it('draws the drawing once and shows it per page under the repeated header band', () => {
    const layout = layoutSwimlanes(besar);
    const html = paginatedSvg(renderSwimlaneSvg(layout, { title: 'SOP Uji' }), layout, 'main');
    const pages = printPages(layout, 36, 0);
    expect(html.match(/data-testid="print-sheet"/g)).toHaveLength(pages.length);
    expect(html.match(/>Kegiatan nomor 150 menurut uraian</g)).toHaveLength(1);
    // the title band on the first page only; the header band on every page
    expect(html.match(/viewBox="-1 -37 /g)).toHaveLength(1);
    expect(html.match(new RegExp(`viewBox="-1 0 ${layout.width + 2} ${layout.headerHeight}"`, 'g'))).toHaveLength(pages.length);
  });

  it('leaves a one-page drawing as it is', () => {
    const layout = layoutSwimlanes(metro);
    const svg = renderSwimlaneSvg(layout);
    expect(paginatedSvg(svg, layout, 'main')).toBe(`<div class="print-sheet">${svg}</div>`);
  });
});
