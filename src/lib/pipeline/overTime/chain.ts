// Following a kommune across structures: compose the correspondence of each pair of structures
// (2020→2024, later 2024→20xx …) into one map from any year's number to the current structure.
// A new pair of structures is one more `StructureLink` (a new correspondence file), never code.
import type { CorrespondenceRow, Endring, KommuneIndicators } from '../../types';
import { forwardMap } from '../../reference/correspondence';

/** One pair of consecutive structures and its correspondence rows. */
export interface StructureLink {
  /** Structure id of the earlier structure (`kommunenummer_2020` side of the rows). */
  from: string;
  /** Structure id of the later structure (`kommunenummer_2024` side of the rows). */
  to: string;
  rows: CorrespondenceRow[];
}

/** One survey year as the pipeline produced it. */
export interface OverTimeYear {
  year: number;
  structure: string;
  indicators: KommuneIndicators[];
}

/** `ukjent`: the number could not be followed to the current structure (no link or not in it). */
export type Kobling = Endring | 'ukjent';

export interface Successor {
  kommunenummer: string;
  kommunenavn: string;
}

/** Where one kommune of an earlier structure went, composed over every link up to the current one. */
export interface Trace {
  kommunenummer: string;
  kommunenavn: string;
  structure: string;
  endring: Kobling;
  successors: Successor[]; // sorted by kommunenummer; empty when endring = 'ukjent'
  /** The successor an old page leads to: the only one, else the one that kept the name, else the most populous. */
  main: Successor | null;
}

// A split or merge anywhere on the path makes the whole path a split or merge; a renumbering
// anywhere makes it a renumbering (unless the number ends up where it started).
const RANK: Record<Endring, number> = { uendret: 0, nytt_nummer: 1, delt: 2, 'sammenslått': 2 };

function combine(a: Endring, b: Endring): Endring {
  return RANK[b] > RANK[a] ? b : a;
}

/**
 * The links from `structure` to `current`, in order, or null when the chain does not reach it.
 * Links form a chain (each structure has at most one successor structure); a cycle is an error.
 */
export function linkPath(structure: string, current: string, links: StructureLink[]): StructureLink[] | null {
  const path: StructureLink[] = [];
  const seen = new Set<string>([structure]);
  let at = structure;
  while (at !== current) {
    const next = links.filter((l) => l.from === at);
    if (next.length === 0) return null;
    if (next.length > 1) {
      throw new Error(`Flere korrespondanser fra kommuneinndelingen ${at}: ${next.map((l) => l.to).join(', ')}`);
    }
    at = next[0].to;
    if (seen.has(at)) throw new Error(`Korrespondansene danner en sirkel ved kommuneinndelingen ${at}`);
    seen.add(at);
    path.push(next[0]);
  }
  return path;
}

/** Population in the current structure, used to pick the main successor of a split. */
export type Population = Map<string, number | null>;

function pickMain(successors: Successor[], fromName: string, population: Population): Successor | null {
  if (successors.length === 0) return null;
  if (successors.length === 1) return successors[0];
  // The successor that kept the name first (2018 Haram, merged into 1507 Ålesund in 2020 and split
  // off again in 2024, leads to 1580 Haram, not to the larger 1508 Ålesund); then the largest
  // population; then the lowest number.
  return [...successors].sort((a, b) => {
    const na = a.kommunenavn === fromName ? 0 : 1;
    const nb = b.kommunenavn === fromName ? 0 : 1;
    if (na !== nb) return na - nb;
    const pa = population.get(a.kommunenummer) ?? -1;
    const pb = population.get(b.kommunenummer) ?? -1;
    if (pa !== pb) return pb - pa;
    return a.kommunenummer.localeCompare(b.kommunenummer);
  })[0];
}

/**
 * Trace every kommune of `structure` (the numbers in `units`, plus every number the first link
 * knows) to the current structure. `names` gives current names (the current register wins over the
 * correspondence's spelling).
 */
export function traceStructure(
  structure: string,
  units: Successor[],
  current: string,
  links: StructureLink[],
  currentNames: Map<string, string>,
  population: Population,
): Map<string, Trace> {
  const out = new Map<string, Trace>();
  const path = linkPath(structure, current, links);
  const start = new Map<string, string>();
  for (const u of units) start.set(u.kommunenummer, u.kommunenavn);
  if (path && path.length > 0) {
    for (const r of path[0].rows) if (!start.has(r.kommunenummer_2020)) start.set(r.kommunenummer_2020, r.kommunenavn_2020);
  }

  const forwards = (path ?? []).map((l) => forwardMap(l.rows));
  for (const [nr, navn] of [...start].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (!path) {
      out.set(nr, { kommunenummer: nr, kommunenavn: navn, structure, endring: 'ukjent', successors: [], main: null });
      continue;
    }
    let frontier: Successor[] = [{ kommunenummer: nr, kommunenavn: navn }];
    let endring: Endring = 'uendret';
    let lost = false;
    for (const forward of forwards) {
      const next = new Map<string, Successor>();
      for (const s of frontier) {
        const rows = forward.get(s.kommunenummer) ?? [];
        if (rows.length === 0) lost = true;
        for (const r of rows) {
          endring = combine(endring, r.endring);
          next.set(r.kommunenummer_2024, { kommunenummer: r.kommunenummer_2024, kommunenavn: r.kommunenavn_2024 });
        }
      }
      frontier = [...next.values()];
    }
    if (lost || frontier.length === 0) {
      out.set(nr, { kommunenummer: nr, kommunenavn: navn, structure, endring: 'ukjent', successors: [], main: null });
      continue;
    }
    const successors = frontier
      .map((s) => ({ kommunenummer: s.kommunenummer, kommunenavn: currentNames.get(s.kommunenummer) ?? s.kommunenavn }))
      .sort((a, b) => a.kommunenummer.localeCompare(b.kommunenummer));
    if (endring === 'nytt_nummer' && successors.length === 1 && successors[0].kommunenummer === nr) endring = 'uendret';
    out.set(nr, {
      kommunenummer: nr, kommunenavn: navn, structure, endring, successors, main: pickMain(successors, navn, population),
    });
  }
  return out;
}

/** The year's units (kommuner in its indicator table) as number + name. */
export function unitsOf(year: OverTimeYear): Successor[] {
  return year.indicators.map((r) => ({ kommunenummer: r.kommunenummer, kommunenavn: r.kommunenavn }));
}
