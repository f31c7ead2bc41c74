import { matchLines } from './match-lines';

/** Length of a longest common subsequence, by dynamic programming. */
function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = up;
    }
  }
  return row[b.length];
}

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe('matchLines', () => {
  it('pairs the equal lines around a change', () => {
    expect(Array.from(matchLines(['a', 'b', 'c'], ['a', 'x', 'c']))).toEqual([0, -1, 2]);
    expect(Array.from(matchLines(['a', 'b'], ['x', 'a', 'y', 'b', 'z']))).toEqual([1, 3]);
    expect(Array.from(matchLines([], ['a']))).toEqual([]);
    expect(Array.from(matchLines(['a'], []))).toEqual([-1]);
  });

  it('finds a longest common subsequence of random texts', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const line = (): string => 'abcd'[Math.floor(next() * 4)];
      const a = Array.from({ length: Math.floor(next() * 30) }, line);
      const b = Array.from({ length: Math.floor(next() * 30) }, line);
      const match = Array.from(matchLines(a, b));
      const pairs = match.map((j, i) => [i, j]).filter(([, j]) => j >= 0);
      for (const [i, j] of pairs) expect(a[i]).toBe(b[j]);
      for (let k = 1; k < pairs.length; k++) expect(pairs[k][1]).toBeGreaterThan(pairs[k - 1][1]);
      expect(pairs.length).toBe(lcsLength(a, b));
    }
  });
});
