// The years and the structure chain, indexed once so every view (long table, histories, changes,
// redirects) reads the same links.
import type { KommuneIndicators } from '../../types';
import { traceStructure, unitsOf, type OverTimeYear, type Population, type StructureLink, type Successor, type Trace } from './chain';

export interface OverTimeModel {
  /** Survey years, ascending. */
  years: number[];
  latestYear: number;
  currentStructure: string;
  structureOf: Map<number, string>;
  /** year → kommunenummer (that year's) → indicator row */
  rows: Map<number, Map<string, KommuneIndicators>>;
  /** year → kommunenummer (that year's) → where it went */
  traces: Map<number, Map<string, Trace>>;
  /** The kommuner of the current structure (the latest year's table), sorted by number. */
  current: Successor[];
  currentNames: Map<string, string>;
  /** year → current kommunenummer → that year's kommunenummer(s) it descends from */
  predecessors: Map<number, Map<string, string[]>>;
  links: StructureLink[];
}

export function buildModel(yearsIn: OverTimeYear[], links: StructureLink[]): OverTimeModel {
  if (yearsIn.length === 0) throw new Error('Utvikling over tid trenger minst ett undersøkelsesår');
  const years = [...yearsIn].sort((a, b) => a.year - b.year);
  for (let i = 1; i < years.length; i++) {
    if (years[i].year === years[i - 1].year) throw new Error(`Året ${years[i].year} er oppgitt to ganger`);
  }
  const latest = years[years.length - 1];
  const currentStructure = latest.structure;
  const current = unitsOf(latest).sort((a, b) => a.kommunenummer.localeCompare(b.kommunenummer));
  const currentNames = new Map(current.map((u) => [u.kommunenummer, u.kommunenavn]));
  const population: Population = new Map(latest.indicators.map((r) => [r.kommunenummer, r.innbyggere]));

  const rows = new Map<number, Map<string, KommuneIndicators>>();
  const traces = new Map<number, Map<string, Trace>>();
  const predecessors = new Map<number, Map<string, string[]>>();
  const structureOf = new Map<number, string>();
  // Years sharing a structure share one trace; compute each structure once.
  const byStructure = new Map<string, Map<string, Trace>>();

  for (const y of years) {
    structureOf.set(y.year, y.structure);
    rows.set(y.year, new Map(y.indicators.map((r) => [r.kommunenummer, r])));
    let t = byStructure.get(y.structure);
    if (!t) {
      t = traceStructure(y.structure, unitsOf(y), currentStructure, links, currentNames, population);
      byStructure.set(y.structure, t);
    }
    traces.set(y.year, t);
    const pred = new Map<string, string[]>();
    for (const nr of rows.get(y.year)!.keys()) {
      const trace = t.get(nr)!;
      for (const s of trace.successors) {
        const list = pred.get(s.kommunenummer) ?? [];
        list.push(nr);
        pred.set(s.kommunenummer, list);
      }
    }
    for (const list of pred.values()) list.sort();
    predecessors.set(y.year, pred);
  }

  return {
    years: years.map((y) => y.year), latestYear: latest.year, currentStructure, structureOf, rows, traces,
    current, currentNames, predecessors, links,
  };
}
