import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSop, type SopDocument } from '@sop/model';
import { layoutSwimlanes } from '@sop/swimlane-layout';
import { sheetBodyHtml, sheetGridSvg } from './sheet-markup';

const metro = validateSop(readFileSync(join(__dirname, '../../../../sops/metro.yaml'), 'utf8')).sop!;

describe('the sheet markup behind the flowchart', () => {
  it('writes each row’s number, activity and Mutu Baku, and no box for the empty lane cells', () => {
    const layout = layoutSwimlanes(metro);
    const html = sheetBodyHtml(layout);
    expect(html).toContain('>1 hari<');
    expect(html).toContain('data-testid="mutu-waktu"');
    for (const row of layout.rows) if (row.activity) expect(html).toContain(row.activity.replace(/&/g, '&amp;'));
    // at most five text boxes a row (number, activity, kelengkapan, waktu, output), never one per lane
    expect((html.match(/<div /g) ?? []).length).toBeLessThanOrEqual(layout.rows.length * 5);
  });

  it('escapes the SOP’s text: markup in an activity is shown, not run', () => {
    const sop: SopDocument = structuredClone(metro);
    sop.steps[1].activity = 'Cek <img src=x onerror=alert(1)> & "catat"';
    const html = sheetBodyHtml(layoutSwimlanes(sop));
    expect(html).not.toContain('<img');
    expect(html).toContain('Cek &lt;img src=x onerror=alert(1)&gt; &amp; &quot;catat&quot;');
  });

  it('draws every column and row rule in one path, and tints the Mutu Baku only when it is shown', () => {
    const withMutu = sheetGridSvg(layoutSwimlanes(metro));
    expect((withMutu.match(/<path /g) ?? []).length).toBe(1);
    expect(withMutu).toContain('fill="#fbfdfb"');
    expect(sheetGridSvg(layoutSwimlanes(metro, { showMutuBaku: false }))).not.toContain('fill="#fbfdfb"');
  });
});
