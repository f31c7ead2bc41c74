/** What replaces a complainant's identity in free text (a complaint's text, an officer's note). */
export const REDACTED = '[identitas disamarkan]';

export interface RedactOptions {
  /**
   * Strike out every phone number and e-mail address, not only the complainant's own: for text the
   * complainant wrote (the complaint itself), where any number or address in it is theirs or a third
   * person's. Without it (replies and notes, written by the office) the office's own contact details
   * stay readable, and only the complainant's own number and address are struck out.
   */
  anyContact?: boolean;
}

/**
 * Free text without the complainant's identity, however it is spelled. Struck out:
 * - the complainant's own values (`confidential`: the case's name, address, phone, e-mail, NIK… as
 *   filed), matched case-insensitively after Unicode NFKC, without zero-width characters or accents,
 *   whatever the spaces, dashes, dots, slashes or underscores between their parts; a phone number
 *   matches with 0, 62 or +62 in front; a name also when spelled letter by letter (`B U D I`) and
 *   by its parts (`Pak Budi`, `B. Santoso`);
 * - anything shaped like a NIK or No. KK (15 or more digits however separated);
 * - e-mail addresses written `budi [at] gmail [dot] com`, `budi @ gmail.com`… when they are the
 *   complainant's; with `anyContact`, every e-mail address and every number of 8 or more digits
 *   that is not a date.
 *
 * The office's own numbers and addresses in a reply stay. What is struck out is the span of the
 * text as written (its original characters), so the words around it stay as they were.
 *
 * @example
 * redactIdentity('Sudah ditelepon ke 0812–3456–7890, Ni Made Ayu puas', ['Ni Made Ayu', '+6281234567890'])
 * // 'Sudah ditelepon ke [identitas disamarkan], [identitas disamarkan] puas'
 * redactIdentity('Hubungi kami di (0362) 21234 atau dukcapil@bulelengkab.go.id', ['Ni Made Ayu'])
 * // unchanged
 */
export function redactIdentity(text: string, confidential: readonly string[] = [], options: RedactOptions = {}): string {
  if (text.length === 0) return text;
  const base = normalise(text);
  const values = confidential.map(classify).filter((v): v is Value => v !== null);
  const spans: Span[] = [];
  const strike = (m: Mapped, a: number, b: number) => spans.push([m.from[a], m.to[b - 1]]);

  // e-mail addresses, with the spellings people use to hide them from robots
  const emails = new Set(values.filter((v) => v.kind === 'email').map((v) => v.key));
  const spelled = spellEmails(base);
  for (const m of spelled.text.matchAll(EMAIL)) {
    if (options.anyContact || emails.has(m[0])) strike(spelled, m.index, m.index + m[0].length);
  }

  // numbers: NIK and KK by shape, the complainant's own numbers, and with anyContact any long number
  const numberKeys = values.filter((v) => v.kind === 'number').map((v) => v.key);
  for (const m of base.text.matchAll(NUMBER_RUN)) {
    const at = m.index;
    const positions: number[] = [];
    let digits = '';
    for (let i = 0; i < m[0].length; i++) {
      const c = m[0][i];
      if (c >= '0' && c <= '9') {
        digits += c;
        positions.push(at + i);
      }
    }
    const end = at + m[0].length;
    if (digits.length >= ID_DIGITS || (options.anyContact && digits.length >= CONTACT_DIGITS && !DATE.test(m[0]))) {
      strike(base, ...parentheses(base.text, at, end));
      continue;
    }
    for (const key of numberKeys) {
      for (let i = digits.indexOf(key); i >= 0; i = digits.indexOf(key, i + 1)) {
        let first = i;
        if (digits[first - 1] === '0') first -= 1;
        else if (first >= 2 && digits.slice(first - 2, first) === '62') first -= 2;
        const last = positions[i + key.length - 1] + 1;
        strike(base, ...parentheses(base.text, first === 0 ? at : positions[first], last));
      }
    }
  }

  // names, addresses and other values as written: the whole value, and a name by its parts
  const words = wordsOf(base);
  for (const value of values) {
    if (value.kind !== 'text') continue;
    for (const [a, b] of findWords(words, value.key, value.bounds)) strike(base, a, b);
    for (const part of value.parts) {
      for (const [a, b] of findWords(words, part, [0, part.length])) {
        const [from, to] = withInitials(base.text, a, b, value.initials);
        strike(base, from, to);
      }
    }
  }

  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const [a, b] of merge(spans, text)) {
    out += text.slice(last, a) + REDACTED;
    last = b;
  }
  return out + text.slice(last);
}

/** 15 digits or more: a NIK or No. KK (16), or one with a digit missing or added; never a phone number. */
const ID_DIGITS = 15;
/** With anyContact, a number this long is struck out unless it is a date: a phone number, an account. */
const CONTACT_DIGITS = 8;

// Digits with up to three separators between them: "0812 - 3456", "3508/1234", "(0362) 21234", "+62 812"
const NUMBER_RUN = /\(?\+?\(?\d(?:[ .\-/_()]{0,3}\d)*/g;
// 12/11/2026, 2026-11-12, 12.11.26, with a time after it (10.30)
const DATE = /^(?:\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?(?:19|20)?\d{2}|(?:19|20)\d{2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{1,2})(?:\s\d{1,2}\.\d{2})?$/;
// bounded (a local part has at most 64 characters, a domain 253): a long text without spaces stays linear
const EMAIL = /[^\s@<>()"',;:[\]]{1,64}@[^\s@<>()"',;:[\]]{1,253}\.[a-z]{2,}/g;

// Parts of a name that do not identify anyone on their own: Balinese birth-order and caste names,
// honorifics. Struck out with the rest of the name, never alone.
const NAME_PARTICLES = new Set(
  'i ni luh made putu wayan gede kadek nengah nyoman komang ketut gusti agung anak ida bagus dewa desak ngurah sang cokorda tjokorda bapak pak ibu bu sdr sdri saudara saudari haji hajjah hj drs dr ir bin binti'.split(
    ' ',
  ),
);
// Words that make a value an address rather than a name: its parts are not struck out alone.
const ADDRESS_WORDS = new Set(
  'jl jln jalan gg gang rt rw no nomor desa ds kel kelurahan kec kecamatan kab kabupaten kota dusun dsn banjar br perum perumahan blok komplek kompleks lingkungan lingk link jorong nagari kampung kp'.split(
    ' ',
  ),
);

type Span = [start: number, end: number];

/** Text normalised for matching; each of its UTF-16 units comes from original[from[i]..to[i]). */
interface Mapped {
  text: string;
  from: number[];
  to: number[];
}

// a character with the combining marks that follow it
const SEGMENT = /[\s\S]\p{M}*/uy;
const MARK = /\p{M}/gu;
// zero-width spaces and joiners, the soft hyphen, the word joiner, bidi controls, the BOM
const FORMAT = /\p{Cf}/gu;
const DASH = /[\p{Pd}\u2212]/gu;
const SPACE = /\s/g;

/**
 * NFKC (full-width digits and letters, ＠, non-breaking and ideographic spaces), without format
 * characters and accents, lower case, dashes as "-", runs of spaces as one.
 */
function normalise(original: string): Mapped {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  const push = (unit: string, start: number, end: number) => {
    if (unit === ' ' && text.endsWith(' ')) {
      to[to.length - 1] = end;
      return;
    }
    text += unit;
    from.push(start);
    to.push(end);
  };
  for (let i = 0; i < original.length;) {
    const code = original.charCodeAt(i);
    // printable ASCII not followed by a combining mark: as it is, in lower case
    if (code >= 0x20 && code < 0x7f && !(original.charCodeAt(i + 1) >= 0x300)) {
      push(code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : original[i], i, i + 1);
      i += 1;
      continue;
    }
    SEGMENT.lastIndex = i;
    const segment = SEGMENT.exec(original);
    // SEGMENT matches any character, so it always matches where a character is left
    if (!segment) throw new Error(`redactIdentity: no segment at offset ${i}`);
    const seg = segment[0];
    const n = seg.normalize('NFKC').normalize('NFD').replace(MARK, '').replace(FORMAT, '').toLowerCase().replace(DASH, '-').replace(SPACE, ' ');
    for (const unit of n) push(unit, i, i + seg.length);
    i += seg.length;
  }
  return { text, from, to };
}

/** Replaces each match of `re`; every unit of a replacement comes from the whole span it replaced. */
function rewrite(m: Mapped, re: RegExp, replace: (match: RegExpMatchArray) => string): Mapped {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let last = 0;
  const copy = (a: number, b: number) => {
    text += m.text.slice(a, b);
    from.push(...m.from.slice(a, b));
    to.push(...m.to.slice(a, b));
  };
  for (const match of m.text.matchAll(re)) {
    const a = match.index;
    const b = a + match[0].length;
    if (b === a) continue;
    copy(last, a);
    const replacement = replace(match);
    text += replacement;
    for (let i = 0; i < replacement.length; i++) {
      from.push(m.from[a]);
      to.push(m.to[b - 1]);
    }
    last = b;
  }
  if (last === 0) return m;
  copy(last, m.text.length);
  return { text, from, to };
}

const TLD = '(?:com|net|org|id|co|go|ac|or|sch|web|my|info|biz|edu|gov|mil|io)\\b';
const EMAIL_SPELLINGS: [RegExp, (m: RegExpMatchArray) => string][] = [
  // budi [at] gmail [dot] com, budi(at)gmail(dot)com, budi {@} gmail.com
  [/\s?[[({<]\s?(?:at|et|@)\s?[\])}>]\s?/g, () => '@'],
  [/\s?[[({<]\s?(?:dot|titik)\s?[\])}>]\s?/g, () => '.'],
  // budi @ gmail.com
  [/\s?@\s?/g, () => '@'],
  // budi at gmail dot com, budi at gmail.com
  [
    /([^\s@<>()"',;:[\]]{1,64}) at ([a-z0-9-]+(?:(?: (?:dot|titik) |\s?\.\s?)[a-z0-9-]+)+)/g,
    (m) => `${m[1]}@${m[2].replace(/ (?:dot|titik) |\s?\.\s?/g, '.')}`,
  ],
  // budi@gmail dot com, budi@gmail . com
  // (the look-behind is bounded: it is tried at every position of the text)
  [new RegExp(`(?<=@[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){0,4})(?: (?:dot|titik) |\\s?\\.\\s?)(?=${TLD})`, 'g'), () => '.'],
];

function spellEmails(m: Mapped): Mapped {
  if (!/@|\bat\b|[[({<]\s?et\s?[\])}>]/.test(m.text)) return m;
  return EMAIL_SPELLINGS.reduce((acc, [re, replace]) => rewrite(acc, re, replace), m);
}

/**
 * A number's span with its parentheses balanced: "(0812) 3456-7890" whole, but only the digits of
 * "Ayu (0812-3456-7890, …" and of "(+62 812 3456 7890)", whose parentheses stay around the mark.
 */
function parentheses(text: string, start: number, end: number): Span {
  const struck = text.slice(start, end);
  const open = struck.split('(').length - 1;
  const close = struck.split(')').length - 1;
  if (open > close && text[end] === ')' && close > 0) return [start, end + 1];
  if (open > close && text[start] === '(') return parentheses(text, start + 1, end);
  return [start, end];
}

type Value = { kind: 'email' | 'number'; key: string } | { kind: 'text'; key: string; bounds: number[]; parts: string[]; initials: Set<string> };

function classify(raw: string): Value | null {
  const n = normalise(raw).text.trim();
  if (n.includes('@')) return n.length >= 3 ? { kind: 'email', key: spellEmails(normalise(raw)).text.trim() } : null;
  const digits = n.replace(/\D/g, '');
  if (!/\p{L}/u.test(n) && digits.length > 0) {
    // a phone number matches with 0, 62 or +62 in front: the key is what follows them
    const key = digits.startsWith('62') && digits.length >= 10 ? digits.slice(2) : digits.startsWith('0') ? digits.slice(1) : digits;
    return key.length >= 7 ? { kind: 'number', key } : null;
  }
  const words = n.match(WORD) ?? [];
  const key = words.join('');
  if (key.length < 3) return null;
  const bounds = [0];
  for (const w of words) bounds.push(bounds[bounds.length - 1] + w.length);
  const nameLike = /^[\p{L} .'\-,]+$/u.test(n) && words.length <= 6 && !words.some((w) => ADDRESS_WORDS.has(w));
  const parts = nameLike && words.length > 1 ? words.filter((w) => w.length >= 3 && !NAME_PARTICLES.has(w)) : [];
  return { kind: 'text', key, bounds, parts, initials: new Set(words.map((w) => w[0])) };
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The normalised text's letters and digits, run together, and where its words start and end. */
interface Words {
  compact: string;
  /** index in the normalised text of each unit of `compact` */
  at: number[];
  /** for each unit of `compact`: the [start, end) in `compact` of its word */
  word: Span[];
}

function wordsOf(m: Mapped): Words {
  let compact = '';
  const at: number[] = [];
  const word: Span[] = [];
  for (const w of m.text.matchAll(WORD)) {
    const span: Span = [compact.length, compact.length + w[0].length];
    for (let i = 0; i < w[0].length; i++) {
      at.push(w.index + i);
      word.push(span);
    }
    compact += w[0];
  }
  return { compact, at, word };
}

/**
 * Where `key` (letters and digits run together, its own words ending at `bounds`) is written in the
 * text as whole words: each word of the text it covers is one of its words, several of them run
 * together, or a single letter ("B U D I"); never a piece of a longer word. Spans in the normalised text.
 */
function findWords(words: Words, key: string, bounds: number[]): Span[] {
  const found: Span[] = [];
  for (let i = words.compact.indexOf(key); i >= 0; i = words.compact.indexOf(key, i + 1)) {
    const end = i + key.length;
    if (words.word[i][0] !== i || words.word[end - 1][1] !== end) continue;
    let whole = true;
    for (let j = i; j < end; j = words.word[j][1]) {
      const [ws, we] = words.word[j];
      if (we - ws > 1 && !(bounds.includes(ws - i) && bounds.includes(we - i))) whole = false;
    }
    if (whole) found.push([words.at[i], words.at[end - 1] + 1]);
  }
  return found;
}

/** A part of a name with the initials written next to it: "B. Santoso", "Budi S.". */
function withInitials(text: string, a: number, b: number, initials: Set<string>): Span {
  const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let i = a - 1;
  while (text[i] === ' ') i--;
  if (text[i] === '.') i--;
  if (i < a - 1 && isLetter(text[i]) && !isLetter(text[i - 1]) && initials.has(text[i])) a = i;
  let j = b;
  while (text[j] === ' ') j++;
  if (j > b && isLetter(text[j]) && !isLetter(text[j + 1]) && initials.has(text[j])) b = text[j + 1] === '.' ? j + 2 : j + 1;
  return [a, b];
}

/** Overlapping spans, and spans with only spaces between them, as one. */
function merge(spans: Span[], text: string): Span[] {
  const sorted = [...spans].sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const out: Span[] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && (a <= last[1] || /^[\s\p{Cf}]*$/u.test(text.slice(last[1], a)))) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
