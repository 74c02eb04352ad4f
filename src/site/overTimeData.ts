// Read access to the development-over-time artefacts (`<artefacts>/utvikling/*.json`), for the
// /utvikling/ page and the kommune pages. Pages arrange these; nothing is recomputed here except
// cheap lookups.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { artefactCache, artefactDir } from './data';
import { surveyForms } from './siteRoot';
import type { SurveyDefinition } from '../lib/types';
import {
  OVERTIME_FILES, type ChangeRow, type KommuneHistory, type LongRow, type OverTimeSummary, type Redirect,
  type StrategyAreas, type YearDistributionRow,
} from '../lib/pipeline/overTime';

function read<T>(relative: string, fallback: T): T {
  const cache = artefactCache();
  relative = `overtime:${relative}`;
  if (cache.has(relative)) return cache.get(relative) as T;
  const file = join(artefactDir(), relative.slice('overtime:'.length));
  const value = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : fallback;
  cache.set(relative, value);
  return value;
}

/** Null when the build wrote no over-time artefacts (e.g. an old artefact directory). */
export function overTimeSummary(): OverTimeSummary | null {
  return read<OverTimeSummary | null>(OVERTIME_FILES.summary, null);
}

export function yearDistribution(): YearDistributionRow[] {
  return read<YearDistributionRow[]>(OVERTIME_FILES.distribution, []);
}

export function strategyAreasOverTime(): StrategyAreas | null {
  return read<StrategyAreas | null>(OVERTIME_FILES.strategy, null);
}

/** Change between the two latest years per current kommune (sorted by number). */
export function changeRows(): ChangeRow[] {
  return read<ChangeRow[]>(OVERTIME_FILES.changes, []);
}

export function histories(): Record<string, KommuneHistory> {
  return read<Record<string, KommuneHistory>>(OVERTIME_FILES.histories, {});
}

export function history(currentNr: string): KommuneHistory | undefined {
  return histories()[currentNr];
}

export function longRows(): LongRow[] {
  return read<LongRow[]>(OVERTIME_FILES.longJson, []);
}

export function overTimeRedirects(): Redirect[] {
  return read<Redirect[]>(OVERTIME_FILES.redirects, []);
}

/**
 * The current kommuner a kommune of `year` (by that year's number) leads to: the main successor
 * first, then the other parts of a split. Empty when it cannot be followed.
 */
export function currentKommunerFor(year: number, kommunenummer: string): string[] {
  const cache = artefactCache();
  const key = `successors:${year}`;
  let index = cache.get(key) as Map<string, string[]> | undefined;
  if (!index) {
    index = new Map();
    for (const r of longRows()) {
      if (r.year !== year || !r.kommunenummer_gjeldende) continue;
      const rest = r.etterfolgere.split(' ').filter((n) => n && n !== r.kommunenummer_gjeldende);
      index.set(r.kommunenummer, [r.kommunenummer_gjeldende, ...rest]);
    }
    cache.set(key, index);
  }
  return index.get(kommunenummer) ?? [];
}

export interface OverTimeDownload {
  file: string;
  format: 'csv' | 'excel-csv' | 'json';
  bytes: number;
}

/** The published over-time files (`/data/utvikling/…`), as the build listed them in downloads.json. */
export function overTimeDownloads(): OverTimeDownload[] {
  const sets = read<{ dir: string; files: OverTimeDownload[] }[]>('downloads.json', []);
  return sets.find((s) => s.dir === 'utvikling')?.files ?? [];
}

export function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}

export interface SplitNote {
  nr: string;
  navn: string;
  /** «Ålesund (1508)», «Haram (1580)»: the largest part first. */
  parts: string[];
  partNames: string[];
  years: number[];
}

/** Kommuner of earlier years that were split later, from the long table. */
export function splitsOverTime(): SplitNote[] {
  const all = histories();
  const name = (nr: string) => all[nr]?.kommunenavn ?? nr;
  const out = new Map<string, SplitNote>();
  for (const r of longRows()) {
    if (r.endring !== 'delt' || !r.kommunenummer_gjeldende) continue;
    const key = `${r.kommunenummer}|${r.kommunenavn}`;
    const entry = out.get(key);
    if (entry) { entry.years.push(r.year); continue; }
    const main = r.kommunenummer_gjeldende;
    const nrs = [main, ...r.etterfolgere.split(' ').filter((n) => n && n !== main)];
    out.set(key, { nr: r.kommunenummer, navn: r.kommunenavn, parts: nrs.map((n) => `${name(n)} (${n})`), partNames: nrs.map(name), years: [r.year] });
  }
  return [...out.values()];
}

export interface StrategyFormDiff {
  from: { id: string; count: number };
  to: { id: string; count: number };
  removed: string[]; // labels only in the earlier form
  added: string[]; // labels only in the later form
}

/**
 * How the strategy-area lists of consecutive questionnaire forms differ. Reads every form in
 * data/surveys (not only the years on the site), so the note can explain 2018's 13 vs 2021's 14
 * areas even when the published years share one form.
 */
export function strategyFormDiffs(): StrategyFormDiff[] {
  const forms = surveyForms();
  return forms.slice(1).map((to, i) => {
    const a = forms[i].simple.strategi.items;
    const b = to.simple.strategi.items;
    return {
      from: { id: forms[i].id, count: Object.keys(a).length },
      to: { id: to.id, count: Object.keys(b).length },
      removed: Object.keys(a).filter((k) => !(k in b)).map((k) => a[k]),
      added: Object.keys(b).filter((k) => !(k in a)).map((k) => b[k]),
    };
  });
}
