export { parseCsv, scanCsv, toCsv, detectDelimiter, CsvSyntaxError } from './csv';
export type { Delimiter, CsvRecord, ParsedCsv } from './csv';
export { decodeBytes } from './decode';
export type { Decoded, EncodingChoice } from './decode';
export { normaliseLabel, labelMatcher, describeAnswerSet, columnAnswerSets, requiredColumns, isNeverPublished, neverPublishedTest } from './labels';
export type { LabelMatcher } from './labels';
export { readResponses, readResponsesOrThrow, formatProblems, displayValue, InputError } from './responses';
export type { ReadOptions, ReadResult, ReadSuccess, ReadFailure } from './responses';
