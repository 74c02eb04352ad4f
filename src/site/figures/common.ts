// What the figure definitions share: the maps drawn from the data layer (d3-geo, for pages and
// files), the colours of grades and kompetanse categories, and the page and file sizes.
import type { KompetanseCategory } from '../../lib/types';
import { renderChoropleth, renderFylkeMap, renderLocatorMap } from '../../draw/map/choropleth';
import { GRADE_COLORS } from '../../draw/map/palette';
import { NARROW, type FigureSize } from '../../draw/plot';
import { kommuner, mapGeometry, survey } from '../data';
import { kommunePath, withBase } from '../urls';
import { unknownReason } from '../../lib/format/unknown';
import { mapKey } from '../mapKey';

/** The CSP (style-src 'self') blocks <style> inside inline SVG (the maps); site.css carries those rules. */
export function stripStyle(svg: string): string {
  return svg.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '');
}

export const UNKNOWN_FILL = '#e4e4e4';
/** Kompetanse categories are unordered: distinct hues, not a scale. */
export const KOMPETANSE_COLOURS: Record<KompetanseCategory, string> = { A: '#1b7837', B: '#8c510a', C: '#5e8fc9', D: '#b2457d' };

export function gradeColours(): readonly string[] {
  return GRADE_COLORS;
}

export type MapIndicator = 'prioritering' | 'aktivitet';

/** Kommuner in the register with no shape in the year's boundary file (all of them without a map). */
export function missingFromMap(year: number): { kommunenummer: string; kommunenavn: string }[] {
  const geo = mapGeometry(year);
  const shapes = new Set(geo ? geo.kommuner.map((s) => s.kommunenummer) : []);
  return kommuner(year).filter((k) => !shapes.has(k.kommunenummer)).map((k) => ({ kommunenummer: k.kommunenummer, kommunenavn: k.kommunenavn }));
}

function gradeInputs(year: number, indicator: MapIndicator, fylkesnummer?: string, legend = false) {
  const def = survey(year).grades[indicator];
  const values: Record<string, number | null> = {};
  const names: Record<string, string> = {};
  const hrefs: Record<string, string> = {};
  const unknownReasons: Record<string, string> = {};
  for (const k of kommuner(year)) {
    if (fylkesnummer && k.fylkesnummer !== fylkesnummer) continue;
    values[k.kommunenummer] = k[indicator];
    names[k.kommunenummer] = k.kommunenavn;
    hrefs[k.kommunenummer] = kommunePath(k, year);
    if (k[indicator] === null) unknownReasons[k.kommunenummer] = unknownReason(k, indicator);
  }
  // On the page the legend is HTML beside the map (GradeLegend): inside the SVG it shrinks with
  // the map. A figure file has no page around it, so it carries the legend inside.
  const rows = kommuner(year).filter((k) => !fylkesnummer || k.fylkesnummer === fylkesnummer);
  const key = mapKey(rows, indicator, def.labels).entries;
  return { values, names, hrefFor: (nr: string) => hrefs[nr] ?? '#', register: Object.keys(values), unknownReasons, legend, key };
}

/**
 * National choropleth of one grade; null when the year has no boundary file. `inTabOrder: false`
 * for the second map of a page, so Tab crosses the kommuner once (the table links them all too).
 */
export function choroplethSvg(year: number, indicator: MapIndicator, idPrefix: string, inTabOrder = true, legend = false): string | null {
  const geometry = mapGeometry(year);
  if (!geometry) return null;
  const def = survey(year).grades[indicator];
  return stripStyle(renderChoropleth({
    geometry,
    ...gradeInputs(year, indicator, undefined, legend),
    labels: def.labels,
    title: `${def.title} ${year}`,
    description: `Kart over kommunene farget etter grad i ${def.title.toLowerCase()} (0–4). Skravert: ukjent (svarte ikke eller mangler svar). Hver kommune er en lenke til kommunens side.`,
    idPrefix,
    inTabOrder,
  }));
}

/** The kommune page's locator, in px; its outline file (/kart/norge-<år>.svg) is drawn for it. */
export const LOCATOR_WIDTH = 150;

/** The year's shared outline under the locators (src/pages/kart). */
export const locatorOutlinePath = (year: number) => withBase(`/kart/norge-${year}.svg`);

/**
 * Small locator: the country, the fylke shaded and the kommune marked; null without a shape. The
 * country's outline is the year's shared file, not inline.
 */
export function locatorSvg(year: number, kommunenummer: string, fylkesnummer: string, idPrefix: string, name: string, fylkesnavn?: string): string | null {
  const geometry = mapGeometry(year);
  if (!geometry || !geometry.kommuner.some((s) => s.kommunenummer === kommunenummer)) return null;
  return stripStyle(renderLocatorMap({ geometry, kommunenummer, fylkesnummer, idPrefix, name, fylkesnavn, width: LOCATOR_WIDTH, outlineHref: locatorOutlinePath(year) }));
}

/** Zoomed map of one fylke's kommuner, each a link; null when none has a shape. */
export function fylkeMapSvg(year: number, fylkesnummer: string, indicator: MapIndicator, idPrefix: string, inTabOrder = true, legend = false): string | null {
  const geometry = mapGeometry(year);
  if (!geometry || !geometry.kommuner.some((s) => s.kommunenummer.startsWith(fylkesnummer))) return null;
  const def = survey(year).grades[indicator];
  const inputs = gradeInputs(year, indicator, fylkesnummer, legend);
  const fylkesnavn = kommuner(year).find((k) => k.fylkesnummer === fylkesnummer)?.fylkesnavn ?? fylkesnummer;
  return stripStyle(renderFylkeMap({
    geometry,
    fylkesnummer,
    ...inputs,
    labels: def.labels,
    title: `${def.title} ${year}, kommunene i ${fylkesnavn}`,
    shapeIds: true,
    description: `Kart over kommunene i ${fylkesnavn} farget etter grad i ${def.title.toLowerCase()}. Skravert: ukjent.`,
    idPrefix,
    inTabOrder,
  }));
}

export type { FigureSize };

/**
 * Charts on the pages: drawn once at the 288-px column of a 320-px screen and scaled by site.css to
 * the figure's column, never below that width nor above 17/13 of it, so their text shows at 13–17 px.
 */
export const CHART_SIZE: FigureSize = { width: NARROW, fontSize: 13, fluid: true };

/**
 * The one fixed size for downloads: an article column. The files reuse the same figure functions
 * as the pages, drawn inside a white margin so the whole file is this wide (figureFiles/standalone).
 */
export const ARTICLE_SIZE: FigureSize = { width: 640, fontSize: 13 };
