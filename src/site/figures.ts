// The site's side of the charts and maps: gathers what src/map and src/charts need from data.ts
// and returns SVG strings to inline with set:html.
import type { DistributionRow, KompetanseCategory } from '../lib/types';
import { renderChoropleth, renderFylkeMap, renderLocatorMap } from '../map/choropleth';
import { GRADE_COLORS, UNKNOWN_HATCH } from '../map/palette';
import { renderGradeBars } from '../charts/gradeBars';
import { kommuner, mapGeometry, survey } from './data';
import { kommunePath } from './urls';
import { unknownReason } from './unknown';
import { formatNumber, formatPercent } from '../lib/format/number';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The CSP (style-src 'self') blocks <style> inside inline SVG; site.css carries those rules. */
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

function gradeInputs(year: number, indicator: MapIndicator, fylkesnummer?: string) {
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
  // The legend is HTML beside the map (GradeLegend): inside the SVG it shrinks with the map.
  return { values, names, hrefFor: (nr: string) => hrefs[nr] ?? '#', register: Object.keys(values), unknownReasons, legend: false };
}

/**
 * National choropleth of one grade; null when the year has no boundary file. `inTabOrder: false`
 * for the second map of a page, so Tab crosses the kommuner once (the table links them all too).
 */
export function choroplethSvg(year: number, indicator: MapIndicator, idPrefix: string, inTabOrder = true): string | null {
  const geometry = mapGeometry(year);
  if (!geometry) return null;
  const def = survey(year).grades[indicator];
  return stripStyle(renderChoropleth({
    geometry,
    ...gradeInputs(year, indicator),
    labels: def.labels,
    title: `${def.title} ${year}`,
    description: `Kart over kommunene farget etter grad i ${def.title.toLowerCase()} (0–4). Skravert: ukjent (svarte ikke eller mangler svar). Hver kommune er en lenke til kommunens side.`,
    idPrefix,
    inTabOrder,
  }));
}

/** Small locator: the country, the fylke shaded and the kommune marked; null without a shape. */
export function locatorSvg(year: number, kommunenummer: string, fylkesnummer: string, idPrefix: string, name: string, fylkesnavn?: string): string | null {
  const geometry = mapGeometry(year);
  if (!geometry || !geometry.kommuner.some((s) => s.kommunenummer === kommunenummer)) return null;
  return stripStyle(renderLocatorMap({ geometry, kommunenummer, fylkesnummer, idPrefix, name, fylkesnavn, width: 150 }));
}

/** Zoomed map of one fylke's kommuner, each a link; null when none has a shape. */
export function fylkeMapSvg(year: number, fylkesnummer: string, indicator: MapIndicator, idPrefix: string, inTabOrder = true): string | null {
  const geometry = mapGeometry(year);
  if (!geometry || !geometry.kommuner.some((s) => s.kommunenummer.startsWith(fylkesnummer))) return null;
  const def = survey(year).grades[indicator];
  const inputs = gradeInputs(year, indicator, fylkesnummer);
  const fylkesnavn = kommuner(year).find((k) => k.fylkesnummer === fylkesnummer)?.fylkesnavn ?? fylkesnummer;
  return stripStyle(renderFylkeMap({
    geometry,
    fylkesnummer,
    ...inputs,
    labels: def.labels,
    title: `${def.title} ${year}, kommunene i ${fylkesnavn}`,
    description: `Kart over kommunene i ${fylkesnavn} farget etter grad i ${def.title.toLowerCase()}. Skravert: ukjent.`,
    idPrefix,
    inTabOrder,
  }));
}

/** Bars of one grade distribution (nation, fylke or size class) from src/charts/gradeBars. */
export function gradeBarsSvg(rows: DistributionRow[], labels: readonly string[], title: string, description: string, idPrefix: string, unknownLabel?: string): string | null {
  if (rows.length === 0) return null;
  return stripStyle(renderGradeBars({ rows, labels, title, description, idPrefix, unknownLabel, ...CHART_SIZE }));
}

/**
 * Bar charts are drawn this narrow so their text stays ≥ 12 px where it is shown: at full size
 * on a desktop, and scaled to a 358-px column on a 390-px phone (13 × 358 / 370 ≈ 12.6 px).
 */
export const CHART_SIZE = { width: 370, fontSize: 13 } as const;

export interface BarDatum { label: string; short: string; count: number; share: number | null; colour: string; highlight?: boolean }

/** Plain horizontal bars with counts, for the unordered kompetanse categories. */
export function barsSvg(data: BarDatum[], title: string, idPrefix: string): string {
  const max = Math.max(1, ...data.map((d) => d.count));
  // Count and share after the bar, as in the grade bars; the unknown row has a count only.
  const text = (d: BarDatum) => (d.share === null ? formatNumber(d.count) : `${formatNumber(d.count)} (${formatPercent(d.share)})`);
  const rowH = 26, labelW = 60, textW = 100, barW = CHART_SIZE.width - labelW - textW, h = data.length * rowH + 4;
  const rows = data.map((d, i) => {
    const w = Math.round((d.count / max) * barW);
    const y = i * rowH + 2;
    return `<text x="${labelW - 6}" y="${y + 17}" text-anchor="end">${escapeXml(d.short)}</text>`
      + `<rect x="${labelW}" y="${y + 3}" width="${w}" height="18" fill="${d.colour}" stroke="${d.highlight ? '#c24e00' : UNKNOWN_HATCH}" stroke-width="${d.highlight ? 2 : 0.5}"/>`
      + `<text x="${labelW + w + 6}" y="${y + 17}">${escapeXml(text(d))}</text>`;
  });
  const desc = data.map((d) => `${d.short === d.label ? d.short : `${d.short} – ${d.label}`}: ${text(d)}`).join('. ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_SIZE.width} ${h}" width="${CHART_SIZE.width}" role="img" aria-labelledby="${idPrefix}-t ${idPrefix}-d" font-family="system-ui, sans-serif" font-size="${CHART_SIZE.fontSize}"><title id="${idPrefix}-t">${escapeXml(title)}</title><desc id="${idPrefix}-d">${escapeXml(desc)}.</desc>${rows.join('')}</svg>`;
}
