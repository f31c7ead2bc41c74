import { csvField as field, toCsv as document, UTF8_BOM, type CsvValue } from '@sop/csv';

// The API's downloads in its own terms: UTF-8 with a BOM (for Excel), numbers to one decimal. The
// writer itself, with its guard against formulas, is @sop/csv, shared with the comparison download.
export { UTF8_BOM };

/** One CSV field; text a spreadsheet could take for a formula stays text (see @sop/csv). */
export function csvField(value: CsvValue): string {
  return field(value, { decimals: 1 });
}

/** A whole CSV document with CRLF line ends and the UTF-8 BOM. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return document([header, ...rows], { bom: true, decimals: 1 });
}
