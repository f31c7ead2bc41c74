export { csvField, isFormulaLike, toCsv, UTF8_BOM, type CsvOptions, type CsvValue } from './csv';
