// Where two versions of a text start and stop differing: the editor's fast path and the YAML pane
// find an edit's place in a 100 kB text with them.

/**
 * How many characters two texts share at their start. Found by halving, each step a comparison of
 * whole substrings (the engine's own loop): a keystroke in a 100 kB text is not a loop over 100,000
 * characters in script.
 */
export function commonPrefix(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  // the largest n with a.slice(0, n) === b.slice(0, n) lies in [lo, hi]
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.startsWith(b.slice(lo, mid), lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How many characters two texts share at their end, at most `max` (see {@link commonPrefix}). */
export function commonSuffix(a: string, b: string, max: number): number {
  let lo = 0;
  let hi = Math.max(0, max);
  // the largest n with equal last n characters lies in [lo, hi]
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.endsWith(b.slice(b.length - mid, b.length - lo), a.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
