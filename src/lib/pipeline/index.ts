export { computeIndicators, indicatorsFromTable, responseTable, indicatorRows, isKommune, type Table } from './indicators.ts';
export { toKommuneIndicators } from './kommune.ts';
export { computeDistributions, DISTRIBUTION_INDICATORS, DISTRIBUTION_VALUES, DISTRIBUTION_COLUMNS, UKJENT, MIN_DENOMINATOR, NATION, fylkeOf } from './distributions.ts';
export { computeItemShares, itemSharesFromTable, itemSpecs, BLANK_ANSWER, ITEM_COLUMNS, type ItemSpec } from './items.ts';
export { computeYear, writeArtefacts, artefactFiles, indicatorsCsv, indicatorsExcelCsv, type YearInput, type YearResult, type YearCounts } from './artefacts.ts';
export { binsReport, suggestBins, evenSplit, median, type BinsReportRow } from './bins.ts';
export { formatCsv, type CsvOptions, type Cell } from './csv.ts';
export { SIMPLE_KEYS, SIMPLE_OUTPUT, ruleInputColumns } from './columns.ts';
export { syntheticRows, prng } from './synthetic.ts';
