/**
 * Pairs the equal lines of two texts along a longest common subsequence (Myers' O(ND) diff, after
 * trimming the common head and tail, so an edit of a few lines in a long file costs little).
 * Returns, for each line of `a`, the index of its partner in `b`, or -1 when it has none.
 *
 * @example
 * matchLines(['a', 'b', 'c'], ['a', 'x', 'c']) // Int32Array [0, -1, 2]
 */
export function matchLines(a: readonly string[], b: readonly string[]): Int32Array {
  const matches = new Int32Array(a.length).fill(-1);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) {
    matches[head] = head;
    head++;
  }
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
    matches[a.length - 1 - tail] = b.length - 1 - tail;
    tail++;
  }
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n === 0 || m === 0) return matches;

  // Myers: V[k] is the furthest x reached on diagonal k = x - y. trace[d] keeps V as it was before
  // round d, over the diagonals round d reads (-d-1 … d+1), so memory grows with D², not D·(N+M).
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[head + x] === b[head + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }

  let x = n;
  let y = m;
  for (let d = found; d >= 0; d--) {
    const saved = trace[d];
    const at = (k: number): number => saved[k + d + 1];
    const k = x - y;
    let prevK: number;
    let prevX: number;
    if (d === 0) {
      prevK = 0;
      prevX = 0;
    } else {
      prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
      prevX = at(prevK);
    }
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      matches[head + x] = head + y;
    }
    x = prevX;
    y = prevY;
  }
  return matches;
}
