import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSop } from '@sop/model';
import { layoutSwimlanes } from './layout-swimlanes';
import { renderSwimlaneSvg } from './render-swimlane-svg';

const metro = validateSop(readFileSync(join(__dirname, '../../../sops/metro.yaml'), 'utf8')).sop!;

describe('renderSwimlaneSvg', () => {
  it('draws the table headers, every lane, step and edge label as text', () => {
    const layout = layoutSwimlanes(metro);
    const svg = renderSwimlaneSvg(layout, { title: 'DIAGRAM ALUR & <uji>' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('DIAGRAM ALUR &amp; &lt;uji&gt;');
    for (const header of ['Pelaksana', 'Mutu Baku', 'Kelengkapan', 'Waktu', 'Output', 'Kepala Dinas Dukcapil', 'Ditolak', 'Tidak terselesaikan']) expect(svg).toContain(header);
    expect(svg.match(/<polygon points="[^"]+" fill="#fff8e1"/g)).toHaveLength(metro.steps.filter((s) => s.kind === 'decision').length);
    expect(svg.match(/<polyline /g)).toHaveLength(layout.edges.length);
  });

  it('translates the headers and leaves out hidden Mutu Baku columns', () => {
    const svg = renderSwimlaneSvg(layoutSwimlanes(metro, { showMutuBaku: false }), { headers: { pelaksana: 'Actors', kegiatan: 'Activity' } });
    expect(svg).toContain('Actors');
    expect(svg).toContain('Activity');
    expect(svg).not.toContain('Kelengkapan');
  });

  it('is stable', () => {
    expect(renderSwimlaneSvg(layoutSwimlanes(metro))).toBe(renderSwimlaneSvg(layoutSwimlanes(metro)));
  });
});
