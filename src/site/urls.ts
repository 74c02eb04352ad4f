/// <reference types="astro/client" />
// URL helpers bound to the configured base (astro.config.mjs `base`) and the latest year.
import { artefactCache, latestYear } from './data';
import { makePaths, type FigureFormat, type FylkeRef, type KommuneRef, type Paths } from './paths';

export type { FigureFormat, FylkeRef, KommuneRef } from './paths';
export { absoluteUrl, normaliseBase } from './paths';

function paths(): Paths {
  // Bound once per artefact directory (data.ts): the latest year is the data's.
  const cache = artefactCache();
  let bound = cache.get('paths') as Paths | undefined;
  if (!bound) cache.set('paths', (bound = makePaths(import.meta.env?.BASE_URL ?? '/', latestYear())));
  return bound;
}

export const withBase = (path: string) => paths().withBase(path);
export const homePath = () => paths().home();
export const yearPath = (year: number) => paths().yearPath(year);
/** `/kommune/0301-oslo/` for the latest year (or no year), `/2021/kommune/0301-oslo/` otherwise. */
export const kommunePath = (k: KommuneRef, year?: number) => paths().kommunePath(k, year);
export const fylkePath = (f: FylkeRef, year?: number) => paths().fylkePath(f, year);
/** Answer shares per questionnaire item: `/sporsmal/` (latest) or `/2021/sporsmal/`. */
export const omraderPath = (year?: number) => paths().omraderPath(year);
export const metodePath = () => paths().metodePath();
export const dataPath = () => paths().dataPath();
export const downloadPath = (year: number, file: string) => paths().downloadPath(year, file);
export const assetPath = (file: string) => paths().assetPath(file);
/** Always `/<year>/kommune/<slug>/`, also for the latest year: the address a citation names. */
export const kommuneYearPath = (k: KommuneRef, year: number) => paths().kommuneYearPath(k, year);
export const fylkeYearPath = (f: FylkeRef, year: number) => paths().fylkeYearPath(f, year);
export const omraderYearPath = (year: number) => paths().omraderYearPath(year);
export const kommuneNumberPath = (kommunenummer: string, year?: number) => paths().kommuneNumberPath(kommunenummer, year);
export const endringsloggPath = () => paths().endringsloggPath();
export const tilgjengelighetPath = () => paths().tilgjengelighetPath();
export const feedPath = () => paths().feedPath();
export const tabellPath = (year?: number) => paths().tabellPath(year);
export const sammenlignPath = (nrs?: string[]) => paths().sammenlignPath(nrs);
export const kommuneDataPath = (kommunenummer: string, format: 'csv' | 'json') => paths().kommuneDataPath(kommunenummer, format);
export const figurePath = (name: string, format: FigureFormat) => paths().figurePath(name, format);
