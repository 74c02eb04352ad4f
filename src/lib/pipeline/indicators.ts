import { INDICATOR_COLUMNS, type RegisterRow, type ResponseRow, type SurveyDefinition } from '../types';
import { registerOps, type CountParam, type TjenesterParam } from './ops';
import { ruleInputColumns, SIMPLE_KEYS, SIMPLE_OUTPUT } from './columns';
import { columnValues, tableFromColumns, type Table } from './table';

export type { Table } from './table';
export { indicatorRows } from './table';

/** Rows that are kommuner: `enhetstype` absent or «kommune» (fylkeskommuner and state agencies share the form). */
export function isKommune(row: ResponseRow): boolean {
  const t = row.enhetstype;
  return t == null || t === '' || t.toLowerCase() === 'kommune';
}

/**
 * Column-wise table of the kommuner's answers: every rule input (a column missing from the rows is
 * all blank) plus the survey's optional questions named in `columns` (the file's columns).
 * Only known columns are copied, so free text and contact details cannot travel further.
 */
export function responseTable(rows: readonly ResponseRow[], survey: SurveyDefinition, columns: readonly string[] = []): Table {
  const optional = columns.filter((c) => c in survey.optional);
  const cols = [...new Set(['kommunenummer', ...ruleInputColumns(survey), ...optional])];
  const kommuner = rows.filter(isKommune);
  return tableFromColumns(Object.fromEntries(cols.map((c) => [c, kommuner.map((row) => blankIsNull(row[c]))])));
}

/** Blank ('' or missing) is unknown. */
const blankIsNull = (v: string | null | undefined): string | null => (v == null || v === '' ? null : v);

const col = (name: string): string => `d[${JSON.stringify(name)}]`;

/**
 * The indicator table (spec/data-format.md, «The indicator table»): columns exactly INDICATOR_COLUMNS,
 * sorted by kommunenummer. With a register: one row per register kommune, non-respondents with
 * svart = 0 and unknown (null) values; respondents outside the register are left out (the reader
 * rejects them before this point). Without a register: the responding kommuner.
 */
export function computeIndicators(rows: readonly ResponseRow[], survey: SurveyDefinition, register?: readonly RegisterRow[] | null): Table {
  return indicatorsFromTable(responseTable(rows, survey), survey, register);
}

/** As computeIndicators, from a responseTable (so the answers are extracted from the rows once). */
export function indicatorsFromTable(responses: Table, survey: SurveyDefinition, register?: readonly RegisterRow[] | null): Table {
  registerOps();
  const params: Record<string, unknown> = {};
  const simple: Record<string, string> = {};
  const scores: Record<string, string> = {};
  for (const key of SIMPLE_KEYS) {
    const def = survey.simple[key];
    const p: CountParam = { gated: def.gate != null, gateOpen: survey.gateOpen, counts: def.counts };
    params[`count_${key}`] = p;
    params[`bins_${key}`] = def.bins;
    const gate = def.gate ? col(def.gate) : 'null';
    const items = Object.keys(def.items).map(col).join(', ');
    simple[SIMPLE_OUTPUT[key].antall] = `(d, $) => op.dk_antall($.count_${key}, ${gate}, ${items})`;
    scores[SIMPLE_OUTPUT[key].score] = `(d, $) => op.dk_score(d.${SIMPLE_OUTPUT[key].antall}, $.bins_${key})`;
  }
  const tj = survey.tjenester;
  const ways = Object.keys(tj.ways);
  const tp: TjenesterParam = { gateOpen: survey.gateOpen, complexities: ways.map((w) => tj.ways[w].complexity), points: tj.points };
  params.tjenester = tp;
  params.bins_tjenester = tj.bins;
  params.hinderGroups = survey.kompetanse.hinderGroups;

  const computed = responses
    .params(params)
    .derive({
      ...simple,
      tjenester_poeng: `(d, $) => op.dk_tjenester($.tjenester, ${col(tj.gate)}, ${ways.map(col).join(', ')})`,
      kompetansehinder: `(d, $) => op.dk_hinder(${col(survey.kompetanse.hinder)}, $.hinderGroups)`,
      // The rekruttert input column and the output column share a name: the output replaces it.
      rekruttert: `d => op.dk_janei(${col(survey.kompetanse.rekruttert)})`,
    })
    .derive({ ...scores, tjenester_score: '(d, $) => op.dk_score(d.tjenester_poeng, $.bins_tjenester)' })
    .derive({
      prioritering: 'd => op.dk_prioritering(d.strategi_score, d.prosjekt_score)',
      bruk: 'd => op.dk_bruk(d.sky_score, d.innkjop_score)',
      kompetanse: 'd => op.dk_kompetanse(d.interne_score, d.kompetansehinder)',
    })
    .derive({ aktivitet: 'd => op.dk_aktivitet(d.bruk, d.tjenester_score)', svart: () => 1 });

  const respondents = computed.select([...INDICATOR_COLUMNS]);
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
