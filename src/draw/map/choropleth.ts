// Choropleth, fylke and locator maps as SVG strings from a prepared MapGeometry. Pure and
// byte-stable: same input, same bytes; ids derive only from the caller's idPrefix. No <style> and
// no style attributes (the site's CSP is style-src 'self'): hover/focus rules live in site.css,
// keyed on the class «dk-map» (see MAP_CSS).
import type { BBox, KommuneShape, MapGeometry } from './prepare';
import { GRADE_COLORS, SHAPE_STROKE, gradeFill, unknownPattern } from './palette';
import { esc, mapSvgOpen, num, safeId, shapeLinks, wrap, type LinkedMapOptions } from './svg';

export interface ChoroplethOptions extends LinkedMapOptions {
  /** Grade 0–4 per kommunenummer; null or absent = unknown. */
  values: Record<string, number | null | undefined>;
  /** Grade labels 0–4 from the survey definition. */
  labels: readonly string[];
  /** Why a kommune's value is unknown, per kommune; default «svarte ikke». */
  unknownReasons?: Record<string, string>;
  /** Draw the legend inside the SVG (default). A page that scales the map down to a phone's
   * width should set false and give an HTML legend, which keeps its text size. */
  legend?: boolean;
  /** False for the second map of the same kommuner on a page: its links stay out of the Tab order. */
  inTabOrder?: boolean;
  /** The key's rows as counted by the caller (grade null = hatched «Ukjent»), so a drawn key and
   * the page around it share one count; without it the key counts values here. */
  key?: readonly { grade: number | null; text: string }[];
  /** Give each shape link the id «<idPrefix>-k<kommunenummer>», so a link from the kommune's page
   * can name it in the address and the map outline it (:target, js/kartnavn.js). */
  shapeIds?: boolean;
}

export interface FylkeMapOptions extends ChoroplethOptions {
  fylkesnummer: string;
}

export interface LocatorMapOptions {
  geometry: MapGeometry;
  kommunenummer: string;
  /** When given, the fylke is shaded so the reader sees both levels. */
  fylkesnummer?: string;
  idPrefix: string;
  /** Kommune name for the text alternative. */
  name?: string;
  fylkesnavn?: string;
  width?: number; // rendered width in px; default 120
  /**
   * The country's outline from this same-origin file (renderLocatorOutline, same geometry and
   * width) instead of inline: on a page it is the same ~3 KB on every kommune page of a year.
   */
  outlineHref?: string;
}

/** Rules the page stylesheet should carry for map links (the SVG cannot, under the CSP). */
export const MAP_CSS =
  '.dk-map a:hover path, .dk-map a:focus path { stroke: #000; stroke-width: 1.5px; vector-effect: non-scaling-stroke; }';

const DEFAULT_UNKNOWN_REASON = 'svarte ikke';
const LEGEND_WIDTH = 236;
const LINE_HEIGHT = 13;
const SWATCH = 14;

/** Register kommuner with no shape in the boundary file, e.g. 1144 and 1835 in the 2020 file. */
export function missingFromMap(geometry: MapGeometry, register: readonly string[]): string[] {
  const drawn = new Set(geometry.kommuner.map((k) => k.kommunenummer));
  return register.filter((k) => !drawn.has(k)).sort();
}

function isGrade(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isInteger(value) && value >= 0 && value < GRADE_COLORS.length;
}

/** The accessible name of one kommune shape: «Oslo: grad 4 – Både omfattende …». */
export function kommuneAccessibleName(
  name: string,
  value: number | null | undefined,
  labels: readonly string[],
  unknownReason = DEFAULT_UNKNOWN_REASON,
): string {
  return isGrade(value) ? `${name}: grad ${value} – ${labels[value]}` : `${name}: ukjent – ${unknownReason}`;
}

interface LegendBlock {
  svg: string; // drawn at the origin
  width: number;
  height: number;
}

function legend(
  options: ChoroplethOptions,
  drawnKommuner: readonly string[],
  missing: readonly string[],
  patternId: string,
): LegendBlock {
  const counts = [0, 0, 0, 0, 0];
  let unknown = 0;
  for (const k of options.register.length ? options.register : drawnKommuner) {
    const v = options.values[k];
    if (isGrade(v)) counts[v]++;
    else unknown++;
  }
  const maxChars = Math.floor((LEGEND_WIDTH - SWATCH - 8) / 5.6);
  const entries: { fill: string; text: string }[] = options.key
    ? options.key.map((e) => ({ fill: gradeFill(e.grade, patternId), text: e.text }))
    : [
      ...GRADE_COLORS.map((color, g) => ({ fill: color, text: `Grad ${g} – ${options.labels[g]} (${counts[g]})` })),
      { fill: `url(#${patternId})`, text: `Ukjent – ${DEFAULT_UNKNOWN_REASON} (${unknown})` },
    ];
  let y = 0;
  let svg = '';
  for (const entry of entries) {
    const lines = wrap(entry.text, maxChars);
    svg += `<rect x="0" y="${y}" width="${SWATCH}" height="${SWATCH}" fill="${entry.fill}" stroke="${SHAPE_STROKE}" stroke-width=".6"/>`;
    svg += `<text x="${SWATCH + 6}" y="${y + 11}">${lines
      .map((line, i) => `<tspan x="${SWATCH + 6}"${i ? ` dy="${LINE_HEIGHT}"` : ''}>${esc(line)}</tspan>`)
      .join('')}</text>`;
    y += Math.max(SWATCH, lines.length * LINE_HEIGHT) + 5;
  }
  if (missing.length) {
    const names = missing.map((k) => `${options.names[k] ?? k} (${k})`).join(', ');
    const lines = wrap(`Mangler i kartet: ${names}`, Math.floor(LEGEND_WIDTH / 5.6));
    svg += `<text x="0" y="${y + 11}">${lines
      .map((line, i) => `<tspan x="0"${i ? ` dy="${LINE_HEIGHT}"` : ''}>${esc(line)}</tspan>`)
      .join('')}</text>`;
    y += lines.length * LINE_HEIGHT + 5;
  }
  return { svg: `<g font-size="11" fill="#1a1a1a">${svg}</g>`, width: LEGEND_WIDTH, height: y };
}

function overlaps(a: BBox, b: BBox): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

interface Frame {
  width: number;
  height: number;
}

function drawChoropleth(options: ChoroplethOptions, shapes: KommuneShape[], frame: Frame, borders: string | null, missing: string[]): string {
  const id = safeId(options.idPrefix);
  const patternId = `${id}-ukjent`;
  const reasons = options.unknownReasons ?? {};

  const links = shapeLinks(
    shapes,
    options.hrefFor,
    (kn) => kommuneAccessibleName(options.names[kn] ?? kn, options.values[kn], options.labels, reasons[kn]),
    (kn) => {
      const value = options.values[kn];
      return gradeFill(isGrade(value) ? value : null, patternId);
    },
    options.inTabOrder ?? true,
    options.shapeIds ? (kn) => `${id}-k${kn}` : undefined,
  );

  const block = options.legend === false
    ? { svg: '', width: 0, height: 0 }
    : legend(options, shapes.map((s) => s.kommunenummer), missing, patternId);
  // Bottom-right corner is empty on a map of Norway; elsewhere the legend goes below the map.
  const inside: BBox = [frame.width - block.width - 4, frame.height - block.height - 4, frame.width - 4, frame.height - 4];
  const fits = options.legend === false || inside[0] >= 0 && inside[1] >= 0 &&
    shapes.every((s) => !overlaps(s.bbox, [inside[0] - 4, inside[1] - 4, inside[2], inside[3]]));
  const legendX = fits ? inside[0] : 4;
  const legendY = fits ? inside[1] : frame.height + 8;
  const height = fits ? frame.height : Math.ceil(frame.height + 8 + block.height + 4);

  const desc = missing.length
    ? `${options.description} Mangler i kartet: ${missing.map((m) => options.names[m] ?? m).join(', ')}.`
    : options.description;

  return (
    mapSvgOpen(id, frame.width, height, options.title, desc) +
    `<defs>${unknownPattern(patternId)}</defs>` +
    `<g>` +
    `<g stroke="${SHAPE_STROKE}" stroke-width="0.3" stroke-linejoin="round">${links}</g>` +
    (borders ? `<path d="${borders}" fill="none" stroke="#1a1a1a" stroke-width="0.8" stroke-linejoin="round" pointer-events="none" aria-hidden="true"/>` : '') +
    `</g>` +
    (block.svg ? `<g transform="translate(${num(legendX)},${num(legendY)})">${block.svg}</g>` : '') +
    `</svg>`
  );
}

function registerShapes(shapes: KommuneShape[], register: readonly string[]): KommuneShape[] {
  if (!register.length) return shapes;
  const inRegister = new Set(register);
  return shapes.filter((s) => inRegister.has(s.kommunenummer));
}

/** National kommune map: every shape a link named «Kommune: grad N – label», legend with labels. */
export function renderChoropleth(options: ChoroplethOptions): string {
  const { geometry } = options;
  const frame: Frame = { width: geometry.width, height: geometry.height };
  return drawChoropleth(
    options,
    registerShapes(geometry.kommuner, options.register),
    frame,
    geometry.fylkeBorders || null,
    missingFromMap(geometry, options.register),
  );
}

/**
 * One fylke's kommuner from the fylke's own frame (src/map/prepare.ts fylkeFrames): projected and
 * simplified for the size it is drawn at, so a small fylke like Oslo keeps its real outline.
 */
export function renderFylkeMap(options: FylkeMapOptions): string {
  const { geometry, fylkesnummer } = options;
  const register = options.register.filter((k) => k.startsWith(fylkesnummer));
  const own = geometry.fylkeFrames.find((f) => f.fylkesnummer === fylkesnummer);
  const shapes = own ? registerShapes(own.kommuner, register) : [];
  const frame: Frame = { width: own?.width ?? geometry.width, height: own?.height ?? 0 };
  return drawChoropleth({ ...options, register }, shapes, frame, null, missingFromMap(geometry, register));
}

const LOCATOR_MARGIN = 0.06;

/** The locator's frame: the view box with a margin (so the ring around a coastal kommune such as
 * Utsira or Røst is not cut off at the edge), its height in px and the frame units per px. */
function locatorFrame(geometry: MapGeometry, width: number) {
  const unit = (geometry.width * (1 + 2 * LOCATOR_MARGIN)) / width;
  const pad = geometry.width * LOCATOR_MARGIN;
  const height = Math.round(((geometry.height + 2 * pad) * width) / (geometry.width + 2 * pad));
  const box = { x: -pad, y: -pad, width: geometry.width + 2 * pad, height: geometry.height + 2 * pad };
  return { unit, height, box, viewBox: `${num(box.x)} ${num(box.y)} ${num(box.width)} ${num(box.height)}` };
}

function locatorOutlinePath(geometry: MapGeometry, unit: number): string {
  return `<path d="${geometry.outline}" fill="#e3e3e3" stroke="#8a8a8a" stroke-width="${num(0.5 * unit)}" stroke-linejoin="round"/>`;
}

/** The country's outline alone, in the locator's frame: the file a page's locator names by outlineHref. */
export function renderLocatorOutline(geometry: MapGeometry, width = 120): string {
  const { unit, height, viewBox } = locatorFrame(geometry, width);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" width="${width}" height="${height}">${locatorOutlinePath(geometry, unit)}</svg>\n`;
}

/** Small «where is it» map: the country lightly, the fylke shaded, the kommune dark and ringed. */
export function renderLocatorMap(options: LocatorMapOptions): string {
  const { geometry, kommunenummer, fylkesnummer, width = 120 } = options;
  const id = safeId(options.idPrefix);
  const shape = geometry.kommuner.find((k) => k.kommunenummer === kommunenummer);
  const fylke = fylkesnummer ? geometry.fylker.find((f) => f.fylkesnummer === fylkesnummer) : undefined;
  const name = options.name ?? kommunenummer;
  const title = shape
    ? `Kart: ${name} markert${options.fylkesnavn ? ` i ${options.fylkesnavn}` : ''} på Norgeskartet`
    : `Kart: ${name} mangler i kartgrunnlaget`;
  const { unit, height, box, viewBox } = locatorFrame(geometry, width);

  let marker = '';
  if (shape) {
    const [x0, y0, x1, y1] = shape.bbox;
    const r = Math.max((Math.max(x1 - x0, y1 - y0) / 2) + 3 * unit, 6 * unit);
    marker = `<circle cx="${num((x0 + x1) / 2)}" cy="${num((y0 + y1) / 2)}" r="${num(r)}" fill="none" stroke="#b30000" stroke-width="${num(1.5 * unit)}"/>`;
  }
  const outline = options.outlineHref
    ? `<image href="${esc(options.outlineHref)}" x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}"/>`
    : locatorOutlinePath(geometry, unit);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="dk-locator" viewBox="${viewBox}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title">` +
    `<title id="${id}-title">${esc(title)}</title>` +
    outline +
    (fylke ? `<path d="${fylke.d}" fill="#b5b5b5"/>` : '') +
    (shape ? `<path d="${shape.d}" fill="${GRADE_COLORS[4]}"/>` : '') +
    marker +
    `</svg>`
  );
}
