import {
  INDICATOR_COLUMNS,
  type DistributionRow, type IndicatorRow, type ItemShareRow, type KommuneIndicators, type RegisterRow,
  type ResponseColumns, type ResponseRow, type StructureEntry, type SurveyDefinition, type YearEntry,
} from '../types';
import { formatCsv, formatCsvColumns, formatCsvColumnsEach, type Cell } from './csv';
import { EXCEL_CSV, PLAIN_CSV } from '../publish/csv';
import { indicatorsFromColumns, kommuneColumns } from './indicators';
import { columnValues, indicatorRows, type Table } from './table';
import { toKommuneIndicators } from './kommune';
import { computeDistributions, DISTRIBUTION_COLUMNS } from './distributions';
import { itemSharesFromColumns, ITEM_COLUMNS } from './items';
import { responseRates, RESPONSE_RATE_COLUMNS, type ResponseRateRow } from './responseRates';

export interface YearInput {
  survey: SurveyDefinition;
  /** The answers column by column, as the reader returns them (`responses`)… */
  responses?: ResponseColumns;
  /** …or as row objects (tests, synthetic data); only the kommuner's rows are used. */
  rows?: readonly ResponseRow[];
  register?: readonly RegisterRow[] | null;
  year?: number;
  /** With `rows`: the columns the file had (the reader's `columns`); default: the first row's keys. */
  columns?: readonly string[];
  entry?: YearEntry;
  structure?: StructureEntry;
}

export interface YearCounts {
  year: number | null;
  survey: string;
  structure: string | null;
  synthetic: boolean | null;
  dataDate: string | null;
  /** Units of the indicator table: the register's kommuner, or the respondents without one. */
  units: number;
  respondents: number;
}

export interface YearResult<R extends IndicatorRow = KommuneIndicators | IndicatorRow> {
  table: Table;
  indicatorsCsv: string;
  indicatorsExcelCsv: string;
  /** KommuneIndicators[] with a register, the respondents' IndicatorRow[] without. */
  indicators: R[];
  distributions: DistributionRow[];
  items: ItemShareRow[];
  /** Response rate for the nation, each fylke and each size class (needs the register). */
  responseRates: ResponseRateRow[];
  summary: YearCounts;
  survey: SurveyDefinition;
  register: readonly RegisterRow[] | null;
}

// The indicator CSV contract (PLAIN_CSV: UTF-8, comma, header in INDICATOR_COLUMNS order,
// unknown = empty) and the same table for Norwegian Excel (EXCEL_CSV).

const indicatorColumns = (table: Table) => INDICATOR_COLUMNS.map((c) => columnValues<Cell>(table, c));

export function indicatorsCsv(table: Table): string {
  return formatCsvColumns(INDICATOR_COLUMNS, indicatorColumns(table), PLAIN_CSV);
}

export function indicatorsExcelCsv(table: Table): string {
  return formatCsvColumns(INDICATOR_COLUMNS, indicatorColumns(table), EXCEL_CSV);
}

/** Everything the site and the downloads need for one survey year, computed in memory. */
export function computeYear(input: YearInput & { register: readonly RegisterRow[] }): YearResult<KommuneIndicators>;
export function computeYear(input: YearInput): YearResult;
export function computeYear(input: YearInput): YearResult {
  const { survey } = input;
  const register = input.register ?? null;
  const rows = input.rows ?? [];
  const responses = input.responses ?? kommuneColumns(rows, survey, input.columns ?? (rows.length ? Object.keys(rows[0]) : []));
  const table = indicatorsFromColumns(responses, survey, register);
  const indicators: (KommuneIndicators | IndicatorRow)[] = register
    ? toKommuneIndicators(table, register, input.responses ?? rows, survey)
    : indicatorRows(table);
  const svart = columnValues<number>(table, 'svart');
  // Both CSVs from one formatting of each column.
  const [csv, excelCsv] = formatCsvColumnsEach(INDICATOR_COLUMNS, indicatorColumns(table), [PLAIN_CSV, EXCEL_CSV]);
  return {
    table,
    indicatorsCsv: csv,
    indicatorsExcelCsv: excelCsv,
    indicators,
    distributions: computeDistributions(table, register),
    items: itemSharesFromColumns(responses, survey),
    responseRates: register ? responseRates(indicators as KommuneIndicators[]) : [],
    summary: {
      year: input.year ?? input.entry?.year ?? null,
      survey: survey.id,
      structure: input.structure?.id ?? input.entry?.structure ?? null,
      synthetic: input.entry?.synthetic ?? null,
      dataDate: input.entry?.dataDate ?? null,
      units: table.numRows(),
      respondents: svart.reduce((a, b) => a + b, 0),
    },
    survey,
    register,
  };
}

const json = (v: unknown): string => `${JSON.stringify(v)}\n`;

/** File name → content of every artefact of one year (deterministic: same input, same bytes). */
export function artefactFiles(result: YearResult): Record<string, string> {
  const files: Record<string, string> = {
    'indicators.csv': result.indicatorsCsv,
    'indicators-excel.csv': result.indicatorsExcelCsv,
    'indicators.json': json(result.indicators),
    'distributions.json': json(result.distributions),
    'distributions.csv': formatCsv(DISTRIBUTION_COLUMNS, result.distributions),
    'items.json': json(result.items),
    'items.csv': formatCsv(ITEM_COLUMNS, result.items),
    'survey.json': json(result.survey),
    'summary.json': json(result.summary),
  };
  if (result.register) {
    files['register.json'] = json(result.register);
    files['response-rates.json'] = json(result.responseRates);
    files['response-rates.csv'] = formatCsv(RESPONSE_RATE_COLUMNS, result.responseRates);
  }
  return files;
}

/**
 * Write every artefact of one year through `write(relativePath, content)` (the caller owns the
 * directory and the atomic swap). Files are written in name order.
 */
export async function writeArtefacts(
  result: YearResult,
  outDir: string,
  write: (path: string, data: string) => void | Promise<void>,
): Promise<string[]> {
  const files = artefactFiles(result);
  const names = Object.keys(files).sort();
  void outDir; // paths are relative to outDir; kept in the signature for callers that log it
  for (const name of names) await write(name, files[name]);
  return names;
}
