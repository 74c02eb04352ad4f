// Every downloadable figure of the site, by name: what /figur/ publishes. The conditions mirror
// the pages' (a figure is offered where it is drawn); the build fails when a page links a file
// this list does not make (the link check) or this list makes a figure that cannot be drawn.
import { ARTICLE_SIZE } from './common';
import { artefactCache, fylker, kommuner, latestYear, mapGeometry, years } from '../data';
import { history, overTimeSummary } from '../overTimeData';
import { gradeMapFigure, fylkeMapFigure } from './maps';
import { gradeBarsFigure } from './gradeBars';
import { comparisonFigure } from './comparison';
import { historyFigure } from './history';
import { itemBlockFigure, itemSections } from './items';
import { changeMapFigure, strategyFigure, yearDistributionFigure } from './development';
import type { FigureFile } from './types';

const INDICATORS = ['prioritering', 'aktivitet', 'kompetanse'] as const;
const MAPS = ['prioritering', 'aktivitet'] as const;

function yearFigures(year: number): FigureFile[] {
  const geometry = mapGeometry(year);
  const out: FigureFile[] = [];
  if (geometry) out.push(...MAPS.map((i) => gradeMapFigure(year, i)));
  out.push(...INDICATORS.map((i) => gradeBarsFigure(year, i)).filter((f) => f.rows.length > 0));
  for (const f of fylker(year)) {
    if (geometry && geometry.kommuner.some((s) => s.kommunenummer.startsWith(f.fylkesnummer))) {
      out.push(...MAPS.map((i) => fylkeMapFigure(year, f.fylkesnummer, i)));
    }
    // A fylke of one or two kommuner has no distribution (FylkeView says why).
    if (f.kommuner.length >= 3) out.push(...INDICATORS.map((i) => gradeBarsFigure(year, i, 'fylke', f.fylkesnummer, `fylke-${i}`)).filter((g) => g.rows.length > 0));
  }
  for (const k of kommuner(year)) out.push(...INDICATORS.map((i) => comparisonFigure(year, k, i)));
  for (const section of itemSections(year)) {
    for (const def of section.blocks) {
      const f = itemBlockFigure(year, def);
      if (f.rows.length > 0 && f.draw(ARTICLE_SIZE) !== null) out.push(f);
    }
  }
  return out;
}

function developmentFigures(): FigureFile[] {
  const summary = overTimeSummary();
  const out: FigureFile[] = INDICATORS.map((i) => yearDistributionFigure(i));
  const strategy = strategyFigure();
  if (strategy) out.push(strategy);
  if (summary && summary.fromYear !== null && summary.toYear !== null && mapGeometry(latestYear())) {
    out.push(...MAPS.map((t) => changeMapFigure(t, summary.fromYear!, summary.toYear!)));
  }
  if (summary && summary.years.length >= 2) {
    for (const k of kommuner(latestYear())) {
      const h = history(k.kommunenummer);
      if (h) out.push(historyFigure(h));
    }
  }
  return out;
}

/** Every figure file, drawn afresh (the figure definitions hold their data: not kept). */
export function allFigureFiles(): Map<string, FigureFile> {
  const all = new Map<string, FigureFile>();
  for (const f of [...years().flatMap(yearFigures), ...developmentFigures()]) {
    if (all.has(f.name)) throw new Error(`To figurer har samme filnavn: /figur/${f.name}`);
    all.set(f.name, f);
  }
  return all;
}

/** What a page says of a figure's file: its title, and its colour key as «fill text» lines ('' without one). */
export interface FigureFileInfo { title: string; legend: string }

/**
 * The pages' view of allFigureFiles, made once per build: the definitions (each holding its
 * figure's rows and drawing closures, 11 MB for the demo) are dropped once title and key are read,
 * and the keys, mostly alike, are kept once each (10 MB → 2 MB for the 10-year fixture).
 */
export function figureFileInfo(): Map<string, FigureFileInfo> {
  const cache = artefactCache();
  let info = cache.get('figureFileInfo') as Map<string, FigureFileInfo> | undefined;
  if (!info) {
    info = new Map();
    const keys = new Map<string, string>();
    for (const [name, f] of allFigureFiles()) {
      const text = (f.legend?.() ?? []).map((l) => `${l.fill} ${l.text}`).join('\n');
      if (!keys.has(text)) keys.set(text, text);
      info.set(name, { title: f.title, legend: keys.get(text)! });
    }
    cache.set('figureFileInfo', info);
  }
  return info;
}
