export { parseCsv, toCsv, detectDelimiter, CsvSyntaxError } from './csv';
export type { Delimiter, CsvRecord, ParsedCsv } from './csv';
export { decodeBytes } from './decode';
export type { Decoded, EncodingChoice } from './decode';
export { normaliseLabel, labelMatcher, describeAnswerSet, columnAnswerSets, requiredColumns, isNeverPublished } from './labels';
export type { LabelMatcher } from './labels';
