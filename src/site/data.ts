// The ONLY place pages read data: the pipeline's artefacts (see PREAMBLE: artefact layout).
// Everything is read once and memoised; pages arrange what comes back and never recompute indicators.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type {
  DistributionRow, GroupKind, ItemShareRow, KommuneIndicators, RegisterRow, SurveyDefinition, YearSummary,
} from '../lib/types';
import type { MapGeometry } from '../draw/map/prepare';
import { numberRedirects, type NumberRedirect } from '../lib/publication/numberRedirects';
import type { SiteIdentity } from '../lib/publication/identity';
import type { YearPublication } from '../lib/publication/versions';
import type { ResponseRateRow } from '../lib/pipeline/responseRates';
import { keepDrawingsFromEnv } from './drawings';

// Every page reads its data through this module before it draws, so the build's drawing cache is
// taken up here, once per build (Astro bundles this module afresh for each).
keepDrawingsFromEnv();

export interface SiteInfo {
  years: YearSummary[];
  latest: number;
  synthetic: boolean;
  generated: string;
  reference: Record<string, unknown>;
}

export interface FylkeGroup {
  fylkesnummer: string;
  fylkesnavn: string;
  kommuner: KommuneIndicators[];
}

export interface Redirect {
  from: string;
  to: string;
  status?: number;
  kommunenummer_fra?: string;
  kommunenavn_til?: string;
  note?: string;
}

/** Map geometry as written by src/draw/map/prepare.ts (`<year>/map.json`). */
export type MapGeometryArtefact = MapGeometry;

let explicitDir: string | null = null;
let resolved = { named: '', cwd: '', dir: '' };

/**
 * The artefact directory the data layer reads: the one passed to readingArtefacts while it runs,
 * else the Astro build's (scripts/lib/astro.ts names it for the bundle Astro makes of this module).
 */
export function artefactDir(): string {
  const named = explicitDir ?? (process.env.DIGIKOMMUNE_ARTEFACTS || '.artefacts');
  const cwd = process.cwd();
  // Asked for on every read (a fifth of a second of a build when resolved each time).
  if (resolved.named !== named || resolved.cwd !== cwd) resolved = { named, cwd, dir: resolve(cwd, named) };
  return resolved.dir;
}

/** Runs `read` against the artefacts in `dir` (the build script's figure files), then restores the previous directory. */
export function readingArtefacts<T>(dir: string, read: () => T): T {
  const saved = explicitDir;
  explicitDir = dir;
  try {
    return read();
  } finally {
    explicitDir = saved;
  }
}

const caches = new Map<string, Map<string, unknown>>();

/**
 * Memo for one artefact directory. Astro bundles its own copy of this module per build; the build
 * script (figure files) imports it directly and may build several sites in one process (tests),
 * so what is remembered belongs to the directory it was read from.
 */
export function artefactCache(): Map<string, unknown> {
  const dir = artefactDir();
  let cache = caches.get(dir);
  if (!cache) {
    caches.clear();
    caches.set(dir, (cache = new Map()));
  }
  return cache;
}

function readJson<T>(relative: string, fallback?: T): T {
  const cache = artefactCache();
  const key = `json:${relative}`;
  if (cache.has(key)) return cache.get(key) as T;
  const file = join(artefactDir(), relative);
  if (!existsSync(file)) {
    if (fallback !== undefined) return fallback;
    throw new Error(`Mangler artefakt ${file}. Kjør «npm run build» (eller sett DIGIKOMMUNE_ARTEFACTS).`);
  }
  const value = JSON.parse(readFileSync(file, 'utf8')) as T;
  cache.set(key, value);
  return value;
}

function memo<T>(key: string, make: () => T): T {
  const cache = artefactCache();
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

/** Raw text of an artefact file (for downloads), or null when absent. */
export function artefactText(relative: string): string | null {
  const file = join(artefactDir(), relative);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

export function siteInfo(): SiteInfo {
  return readJson<SiteInfo>('site.json');
}

/** Survey years, ascending. */
export function years(): number[] {
  return memo('years', () => siteInfo().years.map((y) => y.year).sort((a, b) => a - b));
}

export function latestYear(): number {
  return siteInfo().latest;
}

export function yearSummary(year: number): YearSummary {
  const y = siteInfo().years.find((s) => s.year === year);
  if (!y) throw new Error(`Ukjent år ${year}`);
  return y;
}

/** True when any year (or the given year) is synthetic demo data. */
export function isSynthetic(year?: number): boolean {
  return year === undefined ? siteInfo().synthetic || siteInfo().years.some((y) => y.synthetic) : yearSummary(year).synthetic;
}

/** Every kommune of the year's register (respondents and not), sorted by kommunenummer. */
export function kommuner(year: number): KommuneIndicators[] {
  return readJson<KommuneIndicators[]>(`${year}/indicators.json`);
}

export function kommune(year: number, kommunenummer: string): KommuneIndicators | undefined {
  return memo(`kommuneIndex:${year}`, () => new Map(kommuner(year).map((k) => [k.kommunenummer, k]))).get(kommunenummer);
}

/** Fylker of the year, by number, each with its kommuner sorted by name (Norwegian collation). */
export function fylker(year: number): FylkeGroup[] {
  return memo(`fylker:${year}`, () => {
    const groups = new Map<string, FylkeGroup>();
    for (const k of kommuner(year)) {
      let g = groups.get(k.fylkesnummer);
      if (!g) groups.set(k.fylkesnummer, (g = { fylkesnummer: k.fylkesnummer, fylkesnavn: k.fylkesnavn, kommuner: [] }));
      g.kommuner.push(k);
    }
    const list = [...groups.values()].sort((a, b) => a.fylkesnummer.localeCompare(b.fylkesnummer));
    for (const g of list) g.kommuner.sort((a, b) => a.kommunenavn.localeCompare(b.kommunenavn, 'nb'));
    return list;
  });
}

export function fylke(year: number, fylkesnummer: string): FylkeGroup | undefined {
  return fylker(year).find((f) => f.fylkesnummer === fylkesnummer);
}

export function distributions(year: number): DistributionRow[] {
  return readJson<DistributionRow[]>(`${year}/distributions.json`);
}

const VALUE_ORDER = ['0', '1', '2', '3', '4', 'A', 'B', 'C', 'D', 'liten', 'middels', 'stor'];
const valueRank = (v: string) => (v === 'ukjent' ? 999 : VALUE_ORDER.indexOf(v) === -1 ? 500 : VALUE_ORDER.indexOf(v));

/** Rows of one indicator in one group (e.g. 'prioritering', 'fylke', '03'), values in order, «ukjent» last. */
export function distribution(year: number, indicator: string, group: GroupKind, key: string): DistributionRow[] {
  return memo(`dist:${year}:${indicator}:${group}:${key}`, () =>
    distributions(year)
      .filter((r) => r.indicator === indicator && r.group === group && r.groupKey === key)
      .sort((a, b) => valueRank(a.value) - valueRank(b.value)),
  );
}

/** Response rate for the nation, each fylke and each size class (`<year>/response-rates.json`). */
export function responseRates(year: number): ResponseRateRow[] {
  return readJson<ResponseRateRow[]>(`${year}/response-rates.json`, []);
}

export function items(year: number): ItemShareRow[] {
  return readJson<ItemShareRow[]>(`${year}/items.json`, []);
}

export function survey(year: number): SurveyDefinition {
  return readJson<SurveyDefinition>(`${year}/survey.json`);
}

export function register(year: number): RegisterRow[] {
  return readJson<RegisterRow[]>(`${year}/register.json`, []);
}

/** The projected, simplified map of the year's structure, or null when the build had no boundaries. */
export function mapGeometry(year: number): MapGeometryArtefact | null {
  return readJson<MapGeometryArtefact | null>(`${year}/map.json`, null);
}

/** Old-number URLs that lead to current pages (issue #6), if the pipeline wrote any. */
export function redirects(): Redirect[] {
  return readJson<Redirect[]>('redirects.json', []);
}

export interface DownloadFile {
  file: string;
  table: string;
  format: 'csv' | 'excel-csv' | 'json';
  title: string;
  bytes: number;
  sha256: string;
}
export interface DownloadGroup { dir: string; files: DownloadFile[] }

/** Download files the build publishes under /data/<dir>/ (written by the build before Astro runs). */
export function downloads(): DownloadGroup[] {
  return readJson<DownloadGroup[]>('downloads.json', []);
}

/** `/kommune/<nr>/` and `/<year>/kommune/<nr>/` → the kommune's page (also old numbers). */
export function numberRedirectList(): NumberRedirect[] {
  return memo('numberRedirects', () => numberRedirects({
    latest: latestYear(),
    years: years().map((year) => ({ year, kommuner: kommuner(year) })),
    moved: redirects().filter((r) => r.kommunenummer_fra && r.kommunenavn_til)
      .map((r) => ({ kommunenummer_fra: r.kommunenummer_fra!, to: r.to, kommunenavn_til: r.kommunenavn_til! })),
  }));
}

/** Publisher, address, contact, licence and accessibility facts (data/site.json, checked by the build). */
export function identity(): SiteIdentity {
  return readJson<SiteIdentity>('identity.json');
}

/** The year's version, its date, and every correction with the kommuner it changed. */
export function publication(year: number): YearPublication {
  return readJson<YearPublication>(`${year}/publication.json`);
}
