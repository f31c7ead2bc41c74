/** One regulation cited in an SOP's Dasar Hukum, e.g. `{ key: 'uu:24:2013', label: 'UU 24/2013' }`. */
export interface Citation {
  /** Identifies the regulation across SOPs: kind, number and year (a Perda also by regency). */
  key: string;
  /** A short name, e.g. "UU 24/2013", "Permendagri 19/2010", "Perda Kota Metro 12/2018". */
  label: string;
  /** The Dasar Hukum entry it comes from, as written. */
  text: string;
}

const KINDS: { pattern: RegExp; kind: string; label: string }[] = [
  { pattern: /menteri\s+dalam\s+negeri|permendagri/i, kind: 'permendagri', label: 'Permendagri' },
  { pattern: /pendayagunaan|permenpan/i, kind: 'permenpan-rb', label: 'PermenPAN-RB' },
  { pattern: /presiden|perpres/i, kind: 'perpres', label: 'Perpres' },
  { pattern: /peraturan\s+pemerintah|\bpp\b/i, kind: 'pp', label: 'PP' },
  { pattern: /wali\s*kota|perwal|perwako/i, kind: 'perwal', label: 'Perwal' },
  { pattern: /bupati|perbup/i, kind: 'perbup', label: 'Perbup' },
  { pattern: /daerah|perda/i, kind: 'perda', label: 'Perda' },
  { pattern: /undang|\buu\b/i, kind: 'uu', label: 'UU' },
];

const NUMBER_YEAR = /\b(?:nomor|no)\b\.?\s*(\d+)\s+tahun\s+(\d{4})/i;
/** Splits "X sebagaimana telah diubah dengan Y": both X and Y are in force. */
const AMENDED_BY = /\bsebagaimana\s+(?:telah\s+)?(?:diubah|dirubah)\s+(?:terakhir\s+)?dengan\b/i;

function citationOf(segment: string, text: string, regency: string): Citation | null {
  const m = NUMBER_YEAR.exec(segment);
  if (!m) return null;
  const before = segment.slice(0, m.index);
  const kind = KINDS.find((k) => k.pattern.test(before));
  if (!kind) return null;
  const number = String(Number(m[1]));
  if (kind.kind === 'perda' || kind.kind === 'perwal' || kind.kind === 'perbup') {
    // a regency's own regulation: the same number and year elsewhere is another regulation
    return { key: `${kind.kind}:${regency.toLowerCase()}:${number}:${m[2]}`, label: `${kind.label} ${regency} ${number}/${m[2]}`, text };
  }
  return { key: `${kind.kind}:${number}:${m[2]}`, label: `${kind.label} ${number}/${m[2]}`, text };
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The regulations a Dasar Hukum entry cites: the first one it names, and the one that amends it
 * when it says "sebagaimana telah diubah dengan …". Regulations named only in the title of another
 * ("tentang Pelaksanaan UU No. 23 Tahun 2006") are not counted. An entry with no recognisable
 * number and year is kept as its own text.
 *
 * @example
 * citationsOf('UU No.23 Tahun 2006 tentang Administrasi Kependudukan sebagaimana telah diubah dengan UU No.24 Tahun 2013', 'Kabupaten Lumajang')
 *   .map((c) => c.label) // ['UU 23/2006', 'UU 24/2013']
 */
export function citationsOf(text: string, regency: string): Citation[] {
  const segments = text.split(AMENDED_BY);
  const found = segments.map((s) => citationOf(s, text, regency)).filter((c): c is Citation => c !== null);
  if (found.length === 0) return [{ key: `text:${normalise(text)}`, label: text.trim(), text }];
  return found.filter((c, i) => found.findIndex((o) => o.key === c.key) === i);
}
