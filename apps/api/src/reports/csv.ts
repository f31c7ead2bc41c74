/** A byte order mark first, so that Excel reads the file as UTF-8 (Indonesian text, "—", "·"). */
export const UTF8_BOM = '\uFEFF';

/** One CSV field (RFC 4180): quoted when it holds a comma, semicolon, quote or line break; quotes doubled. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : String(Math.round(value * 10) / 10)) : String(value);
  // a cell starting with = + - @ is a formula to a spreadsheet: keep it text (OWASP CSV injection)
  if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document with CRLF line ends and the UTF-8 BOM. */
export function toCsv(header: string[], rows: (string | number | boolean | null | undefined)[][]): string {
  return UTF8_BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
