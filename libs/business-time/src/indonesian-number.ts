// a Map, not an object: a word such as "constructor" or "__proto__" is no digit
const DIGIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['satu', 1],
  ['dua', 2],
  ['tiga', 3],
  ['empat', 4],
  ['lima', 5],
  ['enam', 6],
  ['tujuh', 7],
  ['delapan', 8],
  ['sembilan', 9],
]);

/**
 * Reads a number written in Indonesian words, as SOP documents spell a time limit out ("empat
 * belas", "enam puluh", "seratus dua puluh", "satu setengah"): 0 to 999, with an optional
 * "setengah" (a half) at the end. Null for anything else (the reader never guesses).
 *
 * @example
 * ```ts
 * readIndonesianNumber('empat belas'); // 14
 * readIndonesianNumber('satu setengah'); // 1.5
 * readIndonesianNumber('banyak'); // null
 * ```
 */
export function readIndonesianNumber(words: string): number | null {
  const tokens = words.trim().toLowerCase().split(/\s+/);
  if (tokens.length === 1 && tokens[0] === 'nol') return 0;
  let i = 0;
  let total = 0;
  const digitAt = (at: number): number | undefined => DIGIT_WORDS.get(tokens[at] ?? '');
  // hundreds
  const hundreds = digitAt(i);
  if (tokens[i] === 'seratus') {
    total += 100;
    i += 1;
  } else if (hundreds !== undefined && tokens[i + 1] === 'ratus') {
    total += hundreds * 100;
    i += 2;
  }
  // tens and units
  const first = digitAt(i);
  if (tokens[i] === 'sepuluh') {
    total += 10;
    i += 1;
  } else if (tokens[i] === 'sebelas') {
    total += 11;
    i += 1;
  } else if (first !== undefined && tokens[i + 1] === 'belas') {
    total += 10 + first;
    i += 2;
  } else if (first !== undefined && tokens[i + 1] === 'puluh') {
    total += first * 10;
    i += 2;
    const unit = digitAt(i);
    if (unit !== undefined) {
      total += unit;
      i += 1;
    }
  } else if (first !== undefined) {
    total += first;
    i += 1;
  }
  if (tokens[i] === 'setengah') {
    total += 0.5;
    i += 1;
  } else if (tokens[i] === 'seperempat') {
    total += 0.25;
    i += 1;
  }
  return i > 0 && i === tokens.length ? total : null;
}
