export { csvField, isFormulaLike, toCsv, UTF8_BOM, type CsvOptions, type CsvValue } from './csv';
export { parseCsv, type CsvParseError, type CsvParseOptions, type ParsedCsv } from './parse-csv';
