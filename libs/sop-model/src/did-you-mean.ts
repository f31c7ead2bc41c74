import { distance as editDistance } from 'fastest-levenshtein';

/**
 * Suggests the closest candidate to a misspelt name, or nothing when none is close.
 *
 * @example
 * didYouMean('kasi-periks', ['kasi-periksa', 'kabid-periksa']) // ' (did you mean "kasi-periksa"?)'
 */
export function didYouMean(value: string, candidates: readonly string[]): string {
  const best = closestName(value, candidates);
  return best !== undefined ? ` (did you mean "${best}"?)` : '';
}

/** The candidate closest to a misspelt name, or undefined when none is close (what {@link didYouMean} suggests). */
export function closestName(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // One edit per three letters, at least one: "kassi" suggests "kasi", but "wa" does not suggest "fax".
  const threshold = Math.max(1, Math.floor(value.length / 3));
  return best !== undefined && bestDistance <= threshold ? best : undefined;
}

/** Lists names for a message, shortened when there are many ("total N" reads the same in Bahasa Indonesia and English). */
export function listNames(names: readonly string[], max = 12): string {
  const shown = names
    .slice(0, max)
    .map((n) => `"${n}"`)
    .join(', ');
  return names.length > max ? `${shown}, … (total ${names.length})` : shown;
}
