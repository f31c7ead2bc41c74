/** Why a CSV document could not be read, and where. */
export interface CsvParseError {
  /** 1-based line of the document where the problem is. */
  line: number;
  message: string;
}

export interface CsvParseOptions {
  /** The most rows read (the header included); more is an error. Default 100,000. */
  maxRows?: number;
  /** The most fields in one row; more is an error. Default 200. */
  maxFields?: number;
}

/** The rows of a CSV document with the 1-based line each starts on. */
export interface ParsedCsv {
  rows: string[][];
  lines: number[];
}

/**
 * Reads a CSV document (RFC 4180): fields separated by commas (or by semicolons, as spreadsheets in
 * Indonesian locales save them, when the first line has a semicolon and no comma), quoted fields
 * with doubled quotes and line breaks inside, CRLF or LF line ends, a leading UTF-8 BOM ignored,
 * blank lines skipped. Iterative: no input can overflow the stack.
 *
 * @example
 * parseCsv('id,judul\r\n1,"Antrian, lama"\r\n') // { ok: true, value: { rows: [['id', 'judul'], ['1', 'Antrian, lama']], lines: [1, 2] } }
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): { ok: true; value: ParsedCsv } | { ok: false; error: CsvParseError } {
  const maxRows = options.maxRows ?? 100_000;
  const maxFields = options.maxFields ?? 200;
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = (): CsvParseError | null => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0] === '')) {
      if (rows.length >= maxRows) return { line: rowLine, message: `more than ${maxRows} rows: send the rest in another batch` };
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    return null;
  };
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        if (i < src.length && src[i] !== sep && src[i] !== '\r' && src[i] !== '\n') {
          return { ok: false, error: { line, message: `a quoted field must end at a ${sep === ',' ? 'comma' : 'semicolon'} or the end of the line` } };
        }
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
      continue;
    }
    if (c === sep) {
      row.push(field);
      field = '';
      if (row.length >= maxFields) return { ok: false, error: { line, message: `more than ${maxFields} fields in one row` } };
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      const err = endRow();
      if (err) return { ok: false, error: err };
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    field += c;
    i++;
  }
  if (quoted) return { ok: false, error: { line: rowLine, message: 'a quoted field is not closed (a " is missing)' } };
  const err = endRow();
  if (err) return { ok: false, error: err };
  return { ok: true, value: { rows, lines } };
}
