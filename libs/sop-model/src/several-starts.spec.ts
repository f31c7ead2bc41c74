import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSopGraph, canReachEnd, flowsOf, reachableFromStart, validateSop } from './index';

const twoWaysIn = readFileSync(join(__dirname, '__fixtures__', 'valid', 'two-ways-in.yaml'), 'utf8');

describe('several ways in (valid/two-ways-in.yaml)', () => {
  const result = validateSop(twoWaysIn, { file: 'two-ways-in.yaml' });
  const graph = buildSopGraph(flowsOf(result.sop!)[0]);

  it('is valid with no issue', () => {
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
    expect(graph.starts.map((s) => [s.id, s.channels])).toEqual([
      ['aduan-online', ['web', 'website', 'email', 'lapor']],
      ['aduan-langsung', ['tatap-muka']],
    ]);
  });

  it('every end is reachable from each start', () => {
    const toEnd = canReachEnd(graph);
    for (const start of graph.starts) {
      const from = reachableFromStart(graph, start.id);
      for (const end of graph.ends) expect(from.has(end.id)).toBe(true);
      for (const step of from) expect(toEnd.has(step)).toBe(true);
    }
  });

  it('the walk-in path never reaches the online first steps, nor the online path the walk-in desk', () => {
    expect([...reachableFromStart(graph, 'aduan-langsung')].sort()).toEqual(['aduan-langsung', 'fo-catat', 'kasi-periksa', 'selesai']);
    expect([...reachableFromStart(graph, 'aduan-online')].sort()).toEqual(['admin-verifikasi', 'aduan-online', 'kasi-periksa', 'selesai']);
  });

  it('refuses channels on a step that is not a start', () => {
    const text = twoWaysIn.replace('    activity: Kasi menindaklanjuti pengaduan\n', '    channels: [email]\n    activity: Kasi menindaklanjuti pengaduan\n');
    const issues = validateSop(text).issues;
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([['channels-not-on-start', 63, 15]]);
    expect(issues[0].message).toContain('only a start of the per-complaint flow serves intake channels');
  });
});
