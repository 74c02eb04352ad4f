import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { INDICATOR_COLUMNS, type IndicatorRow, type RegisterRow, type ResponseRow, type SurveyDefinition } from '../types';
import { registerOps, type CountParam, type TjenesterParam } from './ops';
import { ruleInputColumns, SIMPLE_KEYS, SIMPLE_OUTPUT } from './columns';

export type Table = ColumnTable;

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
  const data: (string | null)[][] = cols.map(() => new Array<string | null>(kommuner.length));
  columnExtractor(cols)(kommuner, data);
  return aq.table(Object.fromEntries(cols.map((c, j) => [c, data[j]])));
}

type Extractor = (rows: readonly ResponseRow[], out: (string | null)[][]) => void;
const extractors = new Map<string, Extractor>();

/**
 * Copies the named properties of every row into column arrays, blank ('' or missing) → null.
 * A generated function with constant property names lets V8 use inline caches (the reader's rows
 * share one hidden class): several times faster than `row[name]` in a loop for 100 000 × 90 cells.
 * Where code generation is not allowed, the plain loop does the same.
 */
function columnExtractor(cols: readonly string[]): Extractor {
  const key = cols.join('\u0000');
  let f = extractors.get(key);
  if (f) return f;
  try {
    const body = cols.map((c, j) => `v = r[${JSON.stringify(c)}]; o${j}[i] = v == null || v === '' ? null : v;`).join('\n');
    const decl = cols.map((_, j) => `o${j} = out[${j}]`).join(', ');
    f = new Function('rows', 'out', `const ${decl}; for (let i = 0; i < rows.length; i++) { const r = rows[i]; let v;\n${body}\n}`) as Extractor;
  } catch {
    f = (rows, out) => {
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        for (let j = 0; j < cols.length; j++) {
          const v = r[cols[j]];
          out[j][i] = v == null || v === '' ? null : v;
        }
      }
    };
  }
  extractors.set(key, f);
  return f;
}

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

  const units = aq.table({ kommunenummer: register.map((r) => r.kommunenummer) });
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
  const nr = table.array('kommunenummer') as string[];
  for (let i = 1; i < nr.length; i++) if (nr[i - 1] > nr[i]) return table.orderby('kommunenummer').reify();
  return table;
}

/** The indicator table as plain rows (for JSON and the site). */
export function indicatorRows(table: Table): IndicatorRow[] {
  return table.objects() as unknown as IndicatorRow[];
}
