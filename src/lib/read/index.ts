export { parseCsv, toCsv, detectDelimiter, CsvSyntaxError } from './csv';
export type { Delimiter, CsvRecord, ParsedCsv } from './csv';
