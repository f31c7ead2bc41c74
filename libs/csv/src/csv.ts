/** A byte order mark first, so that Excel reads the file as UTF-8 (Indonesian text, "—", "·"). */
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Start with the UTF-8 byte order mark, so that Excel reads the file as UTF-8. Default false. */
  bom?: boolean;
  /** Round numbers to at most this many decimals (1: 2.46 → 2.5); default: as they are. */
  decimals?: number;
}

// What makes a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a formula: = + - @,
// a tab or a carriage return first (OWASP, CSV injection), also after leading spaces or line
// breaks, which spreadsheets skip; and their full-width forms, which some turn into the ASCII ones.
const FORMULA = /^[\s\u00A0\u2000-\u200B\u3000\uFEFF]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Whether a spreadsheet could take this text for a formula (`=1+1`, `-2+3+cmd|…`, ` @SUM(…)`). */
export function isFormulaLike(text: string): boolean {
  return FORMULA.test(text);
}

/**
 * One CSV field (RFC 4180): text that a spreadsheet could take for a formula gets a leading `'`
 * (shown as text, never run), and is quoted; any field holding a quote, comma, semicolon or line
 * break is quoted, its quotes doubled. Numbers are written as numbers (a negative one is no formula).
 *
 * @example
 * csvField('-2+3+cmd|\' /C calc\'!A0') // `"'-2+3+cmd|' /C calc'!A0"`
 * csvField('Antrian, lama')           // '"Antrian, lama"'
 * csvField(-3)                        // '-3'
 */
export function csvField(value: CsvValue, options: Pick<CsvOptions, 'decimals'> = {}): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    if (options.decimals === undefined || Number.isInteger(value)) return String(value);
    const factor = 10 ** options.decimals;
    return String(Math.round(value * factor) / factor);
  }
  const text = String(value);
  if (isFormulaLike(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document, one line per row (the header is the first); CRLF line ends (a last one too);
 * the UTF-8 BOM first with `bom: true`.
 *
 * @example
 * toCsv([['Saluran', 'Jumlah'], ['telepon', 1]], { bom: true }) // '\uFEFFSaluran,Jumlah\r\ntelepon,1\r\n'
 */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const body = rows.map((row) => row.map((value) => csvField(value, options)).join(',')).join('\r\n') + '\r\n';
  return options.bom ? UTF8_BOM + body : body;
}
