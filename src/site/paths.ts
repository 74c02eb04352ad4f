// Pure URL building: every internal link goes through here so a `base` path (a CDN sub-path)
// works everywhere. `urls.ts` binds these to the configured base and the latest year.
import { fylkeSlug, kommuneSlug } from '../lib/format/slug';

export interface KommuneRef { kommunenummer: string; kommunenavn: string }
export type FigureFormat = 'svg' | 'png' | 'csv';
export interface FylkeRef { fylkesnummer: string; fylkesnavn: string }

/** '/', '/sub/' — always with leading and trailing slash. */
export function normaliseBase(base: string | undefined): string {
  if (!base || base === '/' || base === './') return '/';
  return `/${base.replace(/^\/+|\/+$/g, '')}/`;
}

export function makePaths(baseRaw: string | undefined, latest: number) {
  const base = normaliseBase(baseRaw);
  /** `path` is site-relative ('/metode/'); the result carries the base. */
  const withBase = (path: string) => base + path.replace(/^\/+/, '');
  /** The latest year lives at the root; older years under /<year>/. */
  const yearPrefix = (year?: number) => (year === undefined || year === latest ? '/' : `/${year}/`);
  return {
    base,
    withBase,
    home: () => withBase('/'),
    yearPath: (year: number) => withBase(`/${year}/`),
    kommunePath: (k: KommuneRef, year?: number) =>
      withBase(`${yearPrefix(year)}kommune/${kommuneSlug(k.kommunenummer, k.kommunenavn)}/`),
    fylkePath: (f: FylkeRef, year?: number) =>
      withBase(`${yearPrefix(year)}fylke/${fylkeSlug(f.fylkesnummer, f.fylkesnavn)}/`),
    omraderPath: (year?: number) => withBase(`${yearPrefix(year)}sporsmal/`),
    // Year-fixed addresses (issue 9 §1): every year, the latest included, under /<year>/. These are
    // what a citation names; they keep showing that year's figures after the next publication.
    kommuneYearPath: (k: KommuneRef, year: number) =>
      withBase(`/${year}/kommune/${kommuneSlug(k.kommunenummer, k.kommunenavn)}/`),
    fylkeYearPath: (f: FylkeRef, year: number) => withBase(`/${year}/fylke/${fylkeSlug(f.fylkesnummer, f.fylkesnavn)}/`),
    omraderYearPath: (year: number) => withBase(`/${year}/sporsmal/`),
    /** `/kommune/0301/`: the number alone leads (by redirect) to the current page. */
    kommuneNumberPath: (kommunenummer: string, year?: number) =>
      withBase(`${year === undefined ? '/' : `/${year}/`}kommune/${kommunenummer}/`),
    endringsloggPath: () => withBase('/endringslogg/'),
    tilgjengelighetPath: () => withBase('/tilgjengelighet/'),
    feedPath: () => withBase('/feed.xml'),
    metodePath: () => withBase('/metode/'),
    dataPath: () => withBase('/data/'),
    downloadPath: (year: number, file: string) => withBase(`/data/${year}/${file}`),
    assetPath: (file: string) => withBase(`/${file.replace(/^\/+/, '')}`),
    /** Every kommune in one table: `/tabell/` (latest) or `/2021/tabell/`. */
    tabellPath: (year?: number) => withBase(`${yearPrefix(year)}tabell/`),
    /** Kommuner side by side; `nrs` are today's kommunenummer («/sammenlign/?k=0301,4601»). */
    sammenlignPath: (nrs: string[] = []) => withBase(`/sammenlign/${nrs.length ? `?k=${nrs.join(',')}` : ''}`),
    /** One current kommune's data over every year: `/data/kommune/0301.csv`. */
    kommuneDataPath: (kommunenummer: string, format: 'csv' | 'json') => withBase(`/data/kommune/${kommunenummer}.${format}`),
    /** A downloadable figure (`name` from src/site/figures): `/figur/2024/kart-prioritering.svg`. */
    figurePath: (name: string, format: FigureFormat) => withBase(`/figur/${name}.${format}`),
  };
}

export type Paths = ReturnType<typeof makePaths>;

/** Absolute URL for canonical/OpenGraph links. `path` already carries the base. */
export function absoluteUrl(site: string, path: string): string {
  return new URL(path, site.endsWith('/') ? site : site + '/').href;
}
