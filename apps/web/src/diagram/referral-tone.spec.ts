import { edgeTone, layoutSwimlanes, renderSwimlaneSvg } from '@sop/swimlane-layout';
import { loadFixture, loadSeed } from '../../../../libs/sop-model/src/__fixtures__/seeds';
import { sheetSymbolsHtml } from './sheet-markup';

describe('an outcome that hands the complaint to another agency (kind referral, ADR 0041)', () => {
  const layout = layoutSwimlanes(loadFixture('valid/referral.yaml'));
  const referral = layout.edges.find((e) => e.outcome === 'bukan-kewenangan')!;

  it('is drawn in its own tone, apart from the office’s escalations and rejections, in every drawing', () => {
    expect(edgeTone(referral)).toBe('referral');
    expect(layout.edges.filter((e) => edgeTone(e) === 'referral')).toEqual([referral]);
    const sheet = sheetSymbolsHtml(layout, new Map());
    expect(sheet).toContain('edge-referral');
    expect(sheet).toContain('url(#sop-arrow-referral)');
    expect(renderSwimlaneSvg(layout)).toContain('#6b46c1');
  });

  it('leaves the seeds’ drawings as they were (none of them refers)', () => {
    for (const id of ['metro', 'buleleng']) expect(layoutSwimlanes(loadSeed(id)).edges.some((e) => edgeTone(e) === 'referral')).toBe(false);
  });
});
