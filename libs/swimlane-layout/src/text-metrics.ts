/**
 * Text measures without a browser: the layout is pure, so widths are estimated from the number of
 * characters (an average glyph of the UI's sans-serif font), and word wrapping is greedy like a
 * browser's. Estimates err on the wide side so that drawn text fits the space given to it.
 */

/** Average width of a glyph of the 12 px UI font, in pixels. */
export const CHAR_WIDTH = 6.4;
/** Line height of the 12 px UI font, in pixels. */
export const LINE_HEIGHT = 16;

/** The texts most recently measured, per characters per line: an edit lays out again a table whose texts are mostly as they were. */
const measured = new Map<number, Map<string, number>>();
/** Texts kept per line length, at most; the memo starts again past that. */
const MEASURED_KEPT = 10_000;

/** How many lines a text takes when wrapped at `width` pixels. */
export function wrappedLines(text: string, width: number, charWidth = CHAR_WIDTH): number {
  const perLine = Math.max(1, Math.floor(width / charWidth));
  let known = measured.get(perLine);
  if (!known) measured.set(perLine, (known = new Map<string, number>()));
  let lines = known.get(text);
  if (lines === undefined) {
    if (known.size >= MEASURED_KEPT) known.clear();
    known.set(text, (lines = countLines(text, perLine)));
  }
  return lines;
}

function countLines(text: string, perLine: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let length = word.length;
      if (used > 0 && used + 1 + length <= perLine) {
        used += 1 + length;
        continue;
      }
      if (used > 0) lines++;
      // a word longer than a line breaks wherever the line ends
      while (length > perLine) {
        lines++;
        length -= perLine;
      }
      used = length;
    }
  }
  return lines;
}

/** Shortens a text to at most `max` characters, at a word boundary where there is one, ending with "…". */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:/-]+$/, '')}…`;
}
