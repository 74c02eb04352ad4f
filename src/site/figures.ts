/// <reference types="astro/client" />
// The site's side of the charts and maps: gathers what src/map and src/charts need from data.ts
// and returns SVG strings to inline with set:html. While those modules are being written a plain
// fallback keeps pages buildable; when they exist they are used.
import type { DistributionRow, KompetanseCategory } from '../lib/types';
import { gradeLabel } from '../lib/format/sentence';
import { kommuner, mapGeometry, survey, type MapGeometryArtefact } from './data';
import { kommunePath } from './urls';

type AnyFn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Module = Record<string, unknown>;
const modules = import.meta.glob<Module>(['../map/choropleth.ts', '../map/palette.ts', '../charts/*.ts'], { eager: true });
function fn(file: string, name: string): AnyFn | undefined {
  const f = modules[file]?.[name];
  if (typeof f !== 'function') return undefined;
  // The CSP (style-src 'self') blocks <style> inside inline SVG; site.css carries those rules.
  return ((...args: unknown[]) => {
    const out = (f as AnyFn)(...args);
    return typeof out === 'string' ? stripStyle(out) : out;
  }) as AnyFn;
}

export function stripStyle(svg: string): string {
  return svg.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '');
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Ordered, colour-blind safe and distinct in greyscale (light → dark); «Ukjent» is hatched grey.
export const FALLBACK_GRADE_COLOURS = ['#f7f4b4', '#b5dcae', '#5cb3b8', '#2a7fb0', '#173e8a'];
export const UNKNOWN_FILL = '#e4e4e4';
export const KOMPETANSE_COLOURS: Record<KompetanseCategory, string> = { A: '#1b7837', B: '#8c510a', C: '#5e8fc9', D: '#b2457d' };

export function gradeColours(): string[] {
  const palette = modules['../map/palette.ts'] ?? {};
  for (const name of ['GRADE_COLOURS', 'GRADE_COLORS', 'gradeColours', 'gradeColors']) {
    const v = palette[name];
    if (Array.isArray(v) && v.length >= 5) return v as string[];
  }
  return FALLBACK_GRADE_COLOURS;
}

/** True when src/map draws the maps (its SVG carries its own legend). */
export function hasMapRenderer(): boolean {
  return fn('../map/choropleth.ts', 'renderChoropleth') !== undefined;
}

export type MapIndicator = 'prioritering' | 'aktivitet';

/** Kommuner in the register with no shape in the year's boundary file. */
export function missingFromMap(year: number): { kommunenummer: string; kommunenavn: string }[] {
  const geo = mapGeometry(year) as MapGeometryArtefact | null;
  if (!geo) return kommuner(year).map((k) => ({ kommunenummer: k.kommunenummer, kommunenavn: k.kommunenavn }));
  const shapes = new Set<string>(geo.kommuner.map((s: { kommunenummer: string }) => s.kommunenummer));
  return kommuner(year).filter((k) => !shapes.has(k.kommunenummer)).map((k) => ({ kommunenummer: k.kommunenummer, kommunenavn: k.kommunenavn }));
}

export function choroplethSvg(year: number, indicator: MapIndicator, idPrefix: string): string | null {
  const geometry = mapGeometry(year);
  if (!geometry) return null;
  const def = survey(year).grades[indicator];
  const values: Record<string, number | null> = {};
  const names: Record<string, string> = {};
  const hrefs: Record<string, string> = {};
  for (const k of kommuner(year)) {
    values[k.kommunenummer] = k[indicator];
    names[k.kommunenummer] = k.kommunenavn;
    hrefs[k.kommunenummer] = kommunePath(k, year);
  }
  const title = `${def.title} ${year}`;
  const description = `Kart over kommunene farget etter grad i ${def.title.toLowerCase()} (0–4). Ukjent for kommuner som ikke svarte.`;
  const render = fn('../map/choropleth.ts', 'renderChoropleth');
  if (render) {
    return render({
      geometry, values, labels: def.labels, names, hrefFor: (k: string) => hrefs[k] ?? '#', title, description, idPrefix,
      register: Object.keys(values),
    }) as string;
  }
  const colours = gradeColours();
  const paths = geometry.kommuner.map((s: { kommunenummer: string; d: string }) => {
    const v = values[s.kommunenummer];
    const name = names[s.kommunenummer] ?? s.kommunenummer;
    const label = `${name}: ${v === null || v === undefined ? 'Ukjent' : `grad ${v}, ${gradeLabel(def, v)}`}`;
    const fill = v === null || v === undefined ? `url(#${idPrefix}-ukjent)` : colours[v];
    return `<a href="${escapeXml(hrefs[s.kommunenummer] ?? '#')}" aria-label="${escapeXml(label)}"><path d="${s.d}" fill="${fill}"/></a>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${geometry.width} ${geometry.height}" width="${geometry.width}" height="${geometry.height}" role="group" aria-labelledby="${idPrefix}-t ${idPrefix}-d">`
    + `<title id="${idPrefix}-t">${escapeXml(title)}</title><desc id="${idPrefix}-d">${escapeXml(description)}</desc>`
    + `<defs><pattern id="${idPrefix}-ukjent" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="${UNKNOWN_FILL}"/><path d="M0,0v4" stroke="#888" stroke-width="1"/></pattern></defs>`
    + `<g stroke="#fff" stroke-width="0.4">${paths.join('')}</g><path d="${geometry.fylkeBorders}" fill="none" stroke="#333" stroke-width="0.8"/></svg>`;
}

/** Small locator: the country silhouette with the kommune marked. */
export function locatorSvg(year: number, kommunenummer: string, fylkesnummer: string, idPrefix: string, name: string, fylkesnavn?: string): string | null {
  const geometry = mapGeometry(year);
  if (!geometry) return null;
  const render = fn('../map/choropleth.ts', 'renderLocatorMap');
  if (render) return render({ geometry, kommunenummer, fylkesnummer, idPrefix, name, fylkesnavn, width: 150 }) as string;
  const shape = geometry.kommuner.find((s: { kommunenummer: string }) => s.kommunenummer === kommunenummer);
  if (!shape) return null;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${geometry.width} ${geometry.height}" width="150" role="img" aria-labelledby="${idPrefix}-t"><title id="${idPrefix}-t">${escapeXml(`${name} markert på Norgeskartet`)}</title>`
    + `<path d="${geometry.outline}" fill="#dcdcdc" stroke="#888" stroke-width="1"/><path d="${shape.d}" fill="#c24e00" stroke="#c24e00" stroke-width="4"/></svg>`;
}

/** Zoomed map of one fylke's kommuner, each a link. */
export function fylkeMapSvg(year: number, fylkesnummer: string, indicator: MapIndicator, idPrefix: string): string | null {
  const geometry = mapGeometry(year);
  if (!geometry) return null;
  const def = survey(year).grades[indicator];
  const inFylke = kommuner(year).filter((k) => k.fylkesnummer === fylkesnummer);
  const render = fn('../map/choropleth.ts', 'renderFylkeMap');
  const values: Record<string, number | null> = {};
  const names: Record<string, string> = {};
  const hrefs: Record<string, string> = {};
  for (const k of inFylke) {
    values[k.kommunenummer] = k[indicator];
    names[k.kommunenummer] = k.kommunenavn;
    hrefs[k.kommunenummer] = kommunePath(k, year);
  }
  const title = `${def.title} ${year}, kommunene i ${inFylke[0]?.fylkesnavn ?? fylkesnummer}`;
  const description = `Kart over kommunene i fylket farget etter grad i ${def.title.toLowerCase()}.`;
  if (render) {
    return render({
      geometry, fylkesnummer, values, labels: def.labels, names, hrefFor: (k: string) => hrefs[k] ?? '#', title, description, idPrefix,
      register: Object.keys(values),
    }) as string;
  }
  const shapes = geometry.kommuner.filter((s: { kommunenummer: string }) => s.kommunenummer in values);
  if (shapes.length === 0) return null;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const s of shapes) { x0 = Math.min(x0, s.bbox[0]); y0 = Math.min(y0, s.bbox[1]); x1 = Math.max(x1, s.bbox[2]); y1 = Math.max(y1, s.bbox[3]); }
  const colours = gradeColours();
  const paths = shapes.map((s: { kommunenummer: string; d: string }) => {
    const v = values[s.kommunenummer];
    const label = `${names[s.kommunenummer]}: ${v === null ? 'Ukjent' : `grad ${v}, ${gradeLabel(def, v)}`}`;
    return `<a href="${escapeXml(hrefs[s.kommunenummer])}" aria-label="${escapeXml(label)}"><path d="${s.d}" fill="${v === null ? UNKNOWN_FILL : colours[v]}"/></a>`;
  });
  const pad = 4;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x0 - pad} ${y0 - pad} ${x1 - x0 + 2 * pad} ${y1 - y0 + 2 * pad}" width="${Math.max(300, (x1 - x0) * 2)}" role="group" aria-labelledby="${idPrefix}-t"><title id="${idPrefix}-t">${escapeXml(title)}</title>`
    + `<g stroke="#fff" stroke-width="0.3">${paths.join('')}</g></svg>`;
}

export interface BarDatum { label: string; short: string; count: number; share: number | null; colour: string; highlight?: boolean }

/** Horizontal bars with the count printed at the end of each bar. */
export function barsSvg(data: BarDatum[], title: string, idPrefix: string): string {
  const max = Math.max(1, ...data.map((d) => d.count));
  const rowH = 26, labelW = 70, barW = 260, h = data.length * rowH + 4;
  const rows = data.map((d, i) => {
    const w = Math.round((d.count / max) * barW);
    const y = i * rowH + 2;
    return `<text x="${labelW - 6}" y="${y + 17}" text-anchor="end" font-size="13">${escapeXml(d.short)}</text>`
      + `<rect x="${labelW}" y="${y + 3}" width="${w}" height="18" fill="${d.colour}" stroke="#555" stroke-width="${d.highlight ? 2 : 0.5}"/>`
      + `<text x="${labelW + w + 6}" y="${y + 17}" font-size="13">${d.count}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${labelW + barW + 50} ${h}" width="${labelW + barW + 50}" role="img" aria-labelledby="${idPrefix}-t"><title id="${idPrefix}-t">${escapeXml(title)}</title>${rows.join('')}</svg>`;
}

/** National/fylke/size-class bars of a grade from src/charts/gradeBars (null when unavailable). */
export function gradeBarsSvg(rows: DistributionRow[], labels: readonly string[], title: string, description: string, idPrefix: string): string | null {
  const render = fn('../charts/gradeBars.ts', 'renderGradeBars');
  if (!render || rows.length === 0) return null;
  return render({ rows, labels, title, description, idPrefix, width: 540 }) as string;
}

/** The kommune's grade against nation, fylke and size class, from src/charts/comparison. */
export function comparisonSvg(
  kommunenavn: string, grade: number | null, groups: { label: string; rows: DistributionRow[] }[],
  labels: readonly string[], title: string, description: string, idPrefix: string,
): string | null {
  const render = fn('../charts/comparison.ts', 'renderComparison');
  if (!render || groups.length === 0) return null;
  return render({ kommunenavn, grade, groups, labels, title, description, idPrefix, width: 420 }) as string;
}
