// The one way the site draws a chart: an Observable Plot spec rendered at build time into a
// linkedom document, then made CSP-clean and accessible.
//
// CSP: Plot writes one <style> scoped to its className; the className is fixed (PLOT_CLASS) and its
// two rules live in src/styles/site.css, so the element is removed here. Inline style="…" comes only
// from the `style` option, the <figure> wrapper (title/subtitle/caption/legend options), swatch
// legends and tips: specs must not use them, and renderPlot throws if a style attribute slips in.
// Accessibility: the <svg> is one image (role="img") named by its <title> and <desc>; the marks are
// decorative to a screen reader (aria-hidden), the numbers are in the description and in the data
// table the page puts beside the figure.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { safeId } from './map/svg';

export const PLOT_CLASS = 'dk-plot';
import { FONT_FAMILY } from './svg';
export { FONT_FAMILY };

/**
 * Plot lays out in pixels for one width, so a page chart is drawn once at NARROW, the 288-px column
 * of a 320-px phone, and scaled by site.css between that and MAX_SCALE times it: its 13-px text
 * shows at 13–17 px on every screen, and wide columns lay the figures side by side (issue 17 §4: a
 * second, wide drawing of every chart was a fifth of a kommune page).
 */
export const NARROW = 288;
export const MAX_SCALE = 17 / 13;

/** What every figure is told: its accessible name and description, and the prefix of its ids. */
export interface FigureText {
  title: string;
  description: string;
  idPrefix: string;
}

/**
 * How big a chart is drawn: its width and its text size in px. `fluid`: for a page, where the
 * drawing is scaled to its column by site.css (`.dk-fluid`) instead of shown at its own size.
 */
export interface FigureSize { width: number; fontSize: number; fluid?: boolean }

let doc: Document | undefined;
function plotDocument(): Document {
  doc ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return doc;
}

export interface RenderOptions extends FigureText {
  fontSize: number;
  /** <defs> markup (patterns) the spec's fills reference as url(#…). */
  defs?: string;
  /** Extra classes on the <svg> beside PLOT_CLASS. */
  classes?: string;
  /** The share cards name the one font their rasteriser is given. */
  fontFamily?: string;
}

/** One decimal at most in attribute values: Plot writes full doubles, which only cost bytes. */
function roundAttributes(svg: string): string {
  return svg.replace(/="([^"]*)"/g, (_, v: string) => `="${v.replace(/(-?\d+\.\d)\d+/g, (m) => String(Math.round(Number(m) * 10) / 10))}"`);
}

/** Renders a Plot spec to an SVG string: CSP-clean, one image named by <title> and <desc>. */
export function renderPlot(spec: Plot.PlotOptions, o: RenderOptions): string {
  for (const key of ['title', 'subtitle', 'caption', 'figure', 'style'] as const) {
    if (key in spec && (spec as Record<string, unknown>)[key] !== undefined) throw new Error(`renderPlot: «${key}» gir inline stil eller en <figure>; bruk sidens egen tekst`);
  }
  const document = plotDocument();
  const svg = Plot.plot({ ...spec, document, className: PLOT_CLASS, figure: false, style: undefined }) as unknown as Element;
  if (svg.tagName.toLowerCase() !== 'svg') throw new Error('renderPlot: Plot ga ikke en SVG');
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  const id = safeId(o.idPrefix);
  for (const a of ['aria-label', 'aria-description']) svg.removeAttribute(a);
  svg.setAttribute('id', id);
  svg.setAttribute('class', o.classes ? `${PLOT_CLASS} ${o.classes}` : PLOT_CLASS);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title ${id}-desc`);
  svg.setAttribute('font-size', String(o.fontSize));
  svg.setAttribute('font-family', o.fontFamily ?? FONT_FAMILY);
  for (const child of [...svg.children]) {
    child.setAttribute('aria-hidden', 'true');
    // The marks' own names («bar», «x-axis tick») are hidden with them.
    child.removeAttribute('aria-label');
    for (const inner of child.querySelectorAll('[aria-label]')) inner.removeAttribute('aria-label');
  }
  if (svg.querySelector('[style]') || svg.hasAttribute('style')) throw new Error('renderPlot: en inline stil slapp gjennom (CSP)');
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.setAttribute('id', `${id}-title`);
  title.textContent = o.title;
  const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  desc.setAttribute('id', `${id}-desc`);
  desc.textContent = o.description;
  svg.prepend(title, desc);
  let out = roundAttributes(svg.outerHTML);
  if (!out.includes('xmlns=')) out = out.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
  if (o.defs) out = out.replace(/(<\/desc>)/, `$1<defs>${o.defs}</defs>`);
  return out;
}

/**
 * A chart at `size`: one drawing, at a fixed size (cards) or for a page (fluid), marked for site.css
 * to scale it to its column. `draw` gets the width and the id prefix to use.
 */
export function drawSized(size: FigureSize, idPrefix: string, draw: (width: number, idPrefix: string, classes?: string) => string): string {
  return size.fluid ? draw(size.width, idPrefix, 'dk-fluid') : draw(size.width, idPrefix);
}

/** Rough width of a text in px (no font metrics at build time): for margins and wrapping only. */
export function textWidth(s: string, fontSize: number): number {
  let em = 0;
  for (const c of s) em += /\d/.test(c) ? 0.64 : c === ' ' ? 0.32 : /[A-ZÆØÅ]/.test(c) ? 0.7 : /[iljft,.]/.test(c) ? 0.35 : 0.6;
  return em * fontSize;
}

/** How many characters of an average width fit in `px`. */
export function charsIn(px: number, fontSize: number): number {
  return Math.max(8, Math.floor(px / (0.6 * fontSize)));
}
