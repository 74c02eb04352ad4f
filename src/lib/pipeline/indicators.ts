import { INDICATOR_COLUMNS, type RegisterRow, type ResponseColumns, type ResponseRow, type SurveyDefinition } from '../types';
import { ruleInputColumns } from './columns';
import { scoreResponses } from './score';
import { responseColumns } from '../read/responseColumns';
import { columnValues, tableFromColumns, type Table } from './table';

export type { Table } from './table';
export { indicatorRows } from './table';

/** Rows that are kommuner: `enhetstype` absent or «kommune» (fylkeskommuner and state agencies share the form). */
export function isKommune(row: ResponseRow): boolean {
  const t = row.enhetstype;
  return t == null || t === '' || t.toLowerCase() === 'kommune';
}

/**
 * The kommuner's answers as columns: every rule input (a column missing from the rows is all blank)
 * plus the survey's optional questions named in `columns` (the file's columns). Only known columns
 * are copied, so free text and contact details cannot travel further.
 */
export function kommuneColumns(rows: readonly ResponseRow[], survey: SurveyDefinition, columns: readonly string[] = []): ResponseColumns {
  const optional = columns.filter((c) => c in survey.optional);
  return responseColumns(rows.filter(isKommune), [...new Set(['kommunenummer', ...ruleInputColumns(survey), ...optional])]);
}

/** kommuneColumns as an Arquero table. */
export function responseTable(rows: readonly ResponseRow[], survey: SurveyDefinition, columns: readonly string[] = []): Table {
  return tableFromColumns(kommuneColumns(rows, survey, columns).values);
}

/** A response table's columns, as the reader would have written them. */
export function tableColumns(table: Table): ResponseColumns {
  const names = table.columnNames();
  return { names, values: Object.fromEntries(names.map((c) => [c, columnValues<string | null>(table, c)])), length: table.numRows() };
}

/**
 * The indicator table (spec/data-format.md, «The indicator table»): columns exactly INDICATOR_COLUMNS,
 * sorted by kommunenummer. With a register: one row per register kommune, non-respondents with
 * svart = 0 and unknown (null) values; respondents outside the register are left out (the reader
 * rejects them before this point). Without a register: the responding kommuner.
 */
export function computeIndicators(rows: readonly ResponseRow[], survey: SurveyDefinition, register?: readonly RegisterRow[] | null): Table {
  return indicatorsFromColumns(kommuneColumns(rows, survey), survey, register);
}

/** As computeIndicators, from a responseTable. */
export function indicatorsFromTable(responses: Table, survey: SurveyDefinition, register?: readonly RegisterRow[] | null): Table {
  return indicatorsFromColumns(tableColumns(responses), survey, register);
}

/** As computeIndicators, from the reader's columns: one scoring loop, then Arquero for the join and order. */
export function indicatorsFromColumns(responses: ResponseColumns, survey: SurveyDefinition, register?: readonly RegisterRow[] | null): Table {
  const respondents = tableFromColumns(scoreResponses(responses, survey)).select([...INDICATOR_COLUMNS]);
  if (!register) return sortedByKommune(respondents);

  const units = tableFromColumns({ kommunenummer: register.map((r) => r.kommunenummer) });
  // A left join leaves `undefined` in the non-respondents' cells; unknown is null everywhere.
  const unknownIsNull: Record<string, string> = {};
  for (const c of INDICATOR_COLUMNS) if (c !== 'kommunenummer' && c !== 'svart') unknownIsNull[c] = `d => d.${c} === undefined ? null : d.${c}`;
  return units
    .join_left(respondents, 'kommunenummer')
    .derive({ ...unknownIsNull, svart: (d: { svart: number | null }) => (d.svart === 1 ? 1 : 0) })
    .select([...INDICATOR_COLUMNS])
    .orderby('kommunenummer')
    .reify();
}

/** Sorted by kommunenummer; files usually already are, and then no sort or copy is needed. */
function sortedByKommune(table: Table): Table {
  const nr = columnValues<string>(table, 'kommunenummer');
  for (let i = 1; i < nr.length; i++) if (nr[i - 1] > nr[i]) return table.orderby('kommunenummer').reify();
  return table;
}
