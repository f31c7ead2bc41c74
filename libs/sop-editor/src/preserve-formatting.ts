import { matchLines } from './match-lines';

/** A run of baseline lines [bStart, bEnd) that another text replaces with its lines [start, end). */
interface Hunk {
  side: 'original' | 'edited';
  bStart: number;
  bEnd: number;
  start: number;
  end: number;
}

function hunksOf(side: Hunk['side'], match: Int32Array, length: number): Hunk[] {
  const hunks: Hunk[] = [];
  let b = 0;
  let x = 0;
  while (b < match.length || x < length) {
    if (b < match.length && match[b] === x) {
      b++;
      x++;
      continue;
    }
    const bStart = b;
    const start = x;
    while (b < match.length && match[b] < 0) b++;
    x = b < match.length ? match[b] : length;
    hunks.push({ side, bStart, bEnd: b, start, end: x });
  }
  return hunks;
}

/** Whether a hunk overlaps a group of baseline lines [s, e) (an empty range is an insertion point). */
function overlaps(h: Hunk, s: number, e: number): boolean {
  const hEmpty = h.bStart === h.bEnd;
  const gEmpty = s === e;
  if (hEmpty && gEmpty) return h.bStart === s;
  if (hEmpty) return s < h.bStart && h.bStart < e;
  if (gEmpty) return h.bStart < s && s < h.bEnd;
  return h.bStart < e && s < h.bEnd;
}

/**
 * Carries an edit made on a re-printed document back onto the text the author wrote.
 *
 * The `yaml` package prints an unedited document almost exactly as it was written, but not quite
 * (a comment's indentation, spacing inside a line). `baseline` is the document printed before the
 * edit, `edited` after it. This is a three-way line merge with `baseline` as the common ancestor:
 * where the edit left lines alone, the author's lines are kept byte for byte; where it changed
 * them, its lines are taken (where both differ on the same lines, the edit wins).
 *
 * @example
 * preserveFormatting('a:  1\nb: 2\n', 'a: 1\nb: 2\n', 'a: 1\nb: 3\n') // 'a:  1\nb: 3\n'
 */
export function preserveFormatting(original: string, baseline: string, edited: string): string {
  if (original === baseline) return edited;
  const o = original.split('\n');
  const b = baseline.split('\n');
  const n = edited.split('\n');
  const hunks = [...hunksOf('original', matchLines(b, o), o.length), ...hunksOf('edited', matchLines(b, n), n.length)].sort(
    (x, y) => x.bStart - y.bStart || x.bEnd - x.bStart - (y.bEnd - y.bStart),
  );
  const out: string[] = [];
  let done = 0;
  for (let i = 0; i < hunks.length;) {
    const group = [hunks[i]];
    let s = hunks[i].bStart;
    let e = hunks[i].bEnd;
    for (i++; i < hunks.length && overlaps(hunks[i], s, e); i++) {
      group.push(hunks[i]);
      s = Math.min(s, hunks[i].bStart);
      e = Math.max(e, hunks[i].bEnd);
    }
    out.push(...b.slice(done, s));
    if (group.length === 1) {
      const h = group[0];
      out.push(...(h.side === 'original' ? o : n).slice(h.start, h.end));
    } else {
      // Both changed these lines: the edit's lines, except that a line the edit left alone keeps
      // the author's form when the author's hunk maps line for line onto the baseline.
      const edits = group.filter((h) => h.side === 'edited');
      for (let p = s; ;) {
        const k = edits.findIndex((h) => h.bStart === p);
        if (k >= 0) {
          const [edit] = edits.splice(k, 1);
          out.push(...n.slice(edit.start, edit.end));
          p = edit.bEnd;
          continue;
        }
        if (p >= e) break;
        const own = group.find((h) => h.side === 'original' && h.bStart <= p && p < h.bEnd);
        out.push(own && own.bEnd - own.bStart === own.end - own.start ? o[own.start + p - own.bStart] : b[p]);
        p++;
      }
    }
    done = e;
  }
  out.push(...b.slice(done));
  return out.join('\n');
}
