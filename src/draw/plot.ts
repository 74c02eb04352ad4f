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
  return drawPlot(spec, o, o.title, o.description);
}

function drawPlot(spec: Plot.PlotOptions, o: RenderOptions, titleText: string, descriptionText: string): string {
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
  title.textContent = titleText;
  const desc = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  desc.setAttribute('id', `${id}-desc`);
  desc.textContent = descriptionText;
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

// Charts drawn from the same numbers under another title or description: a kommune page's
// comparison is the same drawing for every kommune of its fylke and size class with the same grade,
// and the latest year's kommune pages are drawn at /kommune/ and at /<år>/kommune/. Plot and
// linkedom are most of a page's cost, so such a chart is drawn once with placeholders for the two
// texts, and each page gets that drawing with its own texts put in. Bounded, since a build draws a
// few thousand distinct charts at most and a long-lived process (tests) should not keep them all.
const TITLE_SLOT = '\u0001title\u0001';
const DESC_SLOT = '\u0001desc\u0001';
const SHARED_MAX = 4096;
const shared = new Map<string, string>();

/**
 * Where shared drawings are also kept from one build to the next (the build's cache, named by a
 * fingerprint of the code that draws: src/site/drawings.ts), or null: tests and `astro dev` draw
 * every chart. A warm build then draws only charts whose numbers are new.
 */
export interface DrawingStore {
  get(key: string): string | undefined;
  set(key: string, svg: string): void;
}
let store: DrawingStore | null = null;
/** From now on keep drawings in `next` (null: nowhere); what was drawn in memory is let go. */
export function keepDrawingsIn(next: DrawingStore | null): void {
  store = next;
  shared.clear();
}

/** A kept drawing is used only if it is one renderSharedPlot made: an <svg> with both text slots. */
function isSharedDrawing(svg: string): boolean {
  return svg.startsWith('<svg') && svg.endsWith('</svg>') && svg.split(TITLE_SLOT).length === 2 && svg.split(DESC_SLOT).length === 2;
}

/** What linkedom writes for a text node's content (its text-escaper: &, <, > and no-break space). */
function escapeText(s: string): string {
  return s.replace(/[<>&\xA0]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#160;'));
}

/** JSON of a drawing's inputs; a function among them cannot be part of a key, so it is refused. */
function inputKey(inputs: unknown): string {
  return JSON.stringify(inputs, (_k, v: unknown) => {
    if (typeof v === 'function') throw new Error('renderSharedPlot: en funksjon kan ikke være del av nøkkelen; gi verdiene den gir');
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    return v;
  });
}

/**
 * renderPlot, drawn once per distinct `inputs`: everything the spec is made from except the title
 * and description (every other option in `o` is part of the key). The same string renderPlot gives:
 * the texts are escaped as linkedom escapes them, and a text with «"» or «=», which the attribute
 * rounding or the xmlns check could read as markup, or an empty one (linkedom closes an empty
 * element as <title/>), is drawn afresh.
 */
export function renderSharedPlot(inputs: unknown, spec: () => Plot.PlotOptions, o: RenderOptions): string {
  if (o.title === '' || o.description === '' || /["=\u0001]/.test(o.title + o.description)) return renderPlot(spec(), o);
  const key = inputKey([inputs, o.idPrefix, o.fontSize, o.defs ?? null, o.classes ?? null, o.fontFamily ?? null]);
  let svg = shared.get(key);
  if (svg === undefined) {
    const kept = store?.get(key);
    if (kept !== undefined && isSharedDrawing(kept)) svg = kept;
    else {
      svg = drawPlot(spec(), o, TITLE_SLOT, DESC_SLOT);
      store?.set(key, svg);
    }
    if (shared.size >= SHARED_MAX) shared.clear();
    shared.set(key, svg);
  }
  return svg.replace(TITLE_SLOT, () => escapeText(o.title)).replace(DESC_SLOT, () => escapeText(o.description));
}
