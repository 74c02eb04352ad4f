// Development over time (issue #6): several survey years, followed through the kommune reforms
// between their structures. Pure: the build passes in each year's tables and the correspondence
// rows, and writes the returned files under the artefacts directory.
import type { ItemShareRow, SurveyDefinition } from '../types';
import type { OverTimeYear, StructureLink } from './overTime/chain';
import { buildModel, type OverTimeModel } from './overTime/model';
import { longTable, longTableCsv, longTableExcelCsv, type LongRow } from './overTime/longTable';
import { allHistories, kommuneHistory, type KommuneHistory } from './overTime/history';
import { changeCounts, changes, movers, type ChangeCount, type ChangeRow, type Movers } from './overTime/changes';
import { nationalDistribution, strategyAreas, type StrategyAreas, type YearDistributionRow } from './overTime/national';
import { changesTable, distributionTable, strategyTable, tableCsv, tableExcelCsv } from './overTime/tableCsv';
import { redirects, redirectsFile, defaultKommunePath, type KommunePathFn, type Redirect } from './overTime/redirects';

export * from './overTime/chain';
export * from './overTime/model';
export * from './overTime/longTable';
export * from './overTime/history';
export * from './overTime/changes';
export * from './overTime/national';
export * from './overTime/redirects';
export * from './overTime/kommuneData';

export interface OverTimeYearInput extends OverTimeYear {
  /** The survey definition used that year (strategy areas and their labels). */
  survey?: SurveyDefinition;
  /** The pipeline's item shares that year (`<year>/items.json`). */
  items?: ItemShareRow[];
}

export interface OverTimeInput {
  years: OverTimeYearInput[];
  /** Correspondence per pair of consecutive structures, e.g. { from: '2020', to: '2024', rows }. */
  links: StructureLink[];
  pathFor?: KommunePathFn;
  /** How many kommuner each «moved most» list holds. */
  moversCount?: number;
}

/** `utvikling/oversikt.json`: what the development page needs besides the larger tables. */
export interface OverTimeSummary {
  years: number[];
  structures: Record<string, string>; // year → structure id
  latestYear: number;
  currentStructure: string;
  /** The pair the change map and «moved most» compare: the two latest survey years. */
  fromYear: number | null;
  toYear: number | null;
  changeCounts: ChangeCount[];
  movers: Movers[];
  redirectCount: number;
  longRows: number;
}

export interface OverTimeResult {
  model: OverTimeModel;
  summary: OverTimeSummary;
  long: LongRow[];
  histories: Record<string, KommuneHistory>;
  changes: ChangeRow[];
  distribution: YearDistributionRow[];
  strategy: StrategyAreas;
  redirects: Redirect[];
}

export function overTime(input: OverTimeInput): OverTimeResult {
  const model = buildModel(input.years, input.links);
  const [fromYear, toYear] = model.years.length >= 2 ? model.years.slice(-2) : [null, null];
  const changeRows = fromYear !== null && toYear !== null ? changes(model, fromYear, toYear) : [];
  const long = longTable(model);
  const redirectList = redirects(model, input.pathFor ?? defaultKommunePath);
  const withItems = input.years
    .filter((y): y is OverTimeYearInput & { survey: SurveyDefinition; items: ItemShareRow[] } => !!y.survey && !!y.items);
  return {
    model,
    summary: {
      years: model.years,
      structures: Object.fromEntries([...model.structureOf].map(([y, s]) => [String(y), s])),
      latestYear: model.latestYear,
      currentStructure: model.currentStructure,
      fromYear, toYear,
      changeCounts: changeCounts(changeRows),
      movers: changeRows.length ? [movers(changeRows, 'prioritering', input.moversCount), movers(changeRows, 'aktivitet', input.moversCount)] : [],
      redirectCount: redirectList.length,
      longRows: long.length,
    },
    long,
    histories: allHistories(model),
    changes: changeRows,
    distribution: nationalDistribution(model),
    strategy: strategyAreas(withItems),
    redirects: redirectList,
  };
}

/** File names under the artefacts directory (the site's loader reads the same names). */
export const OVERTIME_FILES = {
  summary: 'utvikling/oversikt.json',
  distribution: 'utvikling/fordeling.json',
  distributionCsv: 'utvikling/fordeling.csv',
  distributionExcel: 'utvikling/fordeling-excel.csv',
  strategy: 'utvikling/strategiomrader.json',
  strategyCsv: 'utvikling/strategiomrader.csv',
  strategyExcel: 'utvikling/strategiomrader-excel.csv',
  changes: 'utvikling/endringer.json',
  changesCsv: 'utvikling/endringer.csv',
  changesExcel: 'utvikling/endringer-excel.csv',
  histories: 'utvikling/historikk.json',
  longCsv: 'utvikling/kommuner-over-tid.csv',
  longExcel: 'utvikling/kommuner-over-tid-excel.csv',
  longJson: 'utvikling/kommuner-over-tid.json',
  redirects: 'redirects.json',
} as const;

const json = (v: unknown) => JSON.stringify(v, null, 1) + '\n';

/**
 * Every artefact as `relative path → text`, ready for the build to write. `_redirects` is not
 * here: it needs the site's base path, see `redirectsFile(result.redirects, base)`.
 */
export function overTimeArtefacts(result: OverTimeResult): Record<string, string> {
  const distribution = distributionTable(result.distribution);
  const strategy = strategyTable(result.strategy);
  const changes = changesTable(result.changes);
  return {
    [OVERTIME_FILES.summary]: json(result.summary),
    [OVERTIME_FILES.distribution]: json(result.distribution),
    [OVERTIME_FILES.distributionCsv]: tableCsv(distribution),
    [OVERTIME_FILES.distributionExcel]: tableExcelCsv(distribution),
    [OVERTIME_FILES.strategy]: json(result.strategy),
    [OVERTIME_FILES.strategyCsv]: tableCsv(strategy),
    [OVERTIME_FILES.strategyExcel]: tableExcelCsv(strategy),
    [OVERTIME_FILES.changes]: json(result.changes),
    [OVERTIME_FILES.changesCsv]: tableCsv(changes),
    [OVERTIME_FILES.changesExcel]: tableExcelCsv(changes),
    [OVERTIME_FILES.histories]: json(result.histories),
    [OVERTIME_FILES.longCsv]: longTableCsv(result.long),
    [OVERTIME_FILES.longExcel]: longTableExcelCsv(result.long),
    [OVERTIME_FILES.longJson]: JSON.stringify(result.long) + '\n',
    [OVERTIME_FILES.redirects]: json(result.redirects),
  };
}

export { kommuneHistory, redirectsFile };
