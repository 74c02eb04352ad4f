// Plot at build time: a linkedom document stands in for the browser, and the resulting SVG is
// made accessible (role="img", <title>/<desc>) and byte-stable (rounded numbers, prefixed ids).
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { unknownPattern } from '../map/palette';
import { esc, safeId } from '../map/svg';

export { esc, safeId };

/** What Plot's own <style> said, for the page stylesheet. */
export const FIGURE_CSS = 'svg.plot-d6a7b5 { display: block; height: auto; max-width: 100%; } svg.plot-d6a7b5 text { white-space: pre; }';

export function createDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

export interface FigureText {
  title: string;
  description: string;
  idPrefix: string;
}

const GEOMETRY_ATTRIBUTES = new Set([
  'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'dx', 'dy', 'd', 'transform', 'points', 'viewBox',
]);

function roundNumbers(value: string): string {
  return value.replace(/-?\d+\.\d+(?:e-?\d+)?/g, (m) => {
    const rounded = Math.round(Number(m) * 10) / 10;
    return String(Object.is(rounded, -0) ? 0 : rounded);
  });
}

function roundTree(element: Element): void {
  for (const attr of Array.from(element.attributes)) {
    if (GEOMETRY_ATTRIBUTES.has(attr.name)) element.setAttribute(attr.name, roundNumbers(attr.value));
  }
  for (const child of Array.from(element.children)) roundTree(child);
}

/** The pattern id a chart uses for «Ukjent»; fills reference it as url(#…). */
export function unknownPatternId(idPrefix: string): string {
  return `${safeId(idPrefix)}-ukjent`;
}

/**
 * Plot's options plus the document; returns the finished SVG string. The chart is one image for
 * assistive technology: its <title> and <desc> carry the numbers, so <desc> must be complete.
 */
export function renderPlot(options: Plot.PlotOptions, text: FigureText): string {
  const document = createDocument();
  const svg = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as Element;
  if (svg.tagName.toLowerCase() !== 'svg') {
    throw new Error('Figuren må være ett SVG-element (ingen title/caption/legend i Plot-valgene)');
  }
  roundTree(svg);
  // The site's CSP (style-src 'self') rejects inline <style>; FIGURE_CSS holds Plot's rules instead.
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  svg.setAttribute('font-size', '12');
  const id = safeId(text.idPrefix);
  svg.setAttribute('id', id);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title ${id}-desc`);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Children are presentational inside role="img"; drop Plot's per-mark labels to keep it short.
  for (const el of Array.from(svg.querySelectorAll('[aria-label]'))) el.removeAttribute('aria-label');
  const serialised = svg.outerHTML;
  const openEnd = serialised.indexOf('>') + 1;
  const head =
    `<title id="${id}-title">${esc(text.title)}</title>` +
    `<desc id="${id}-desc">${esc(text.description)}</desc>` +
    `<defs>${unknownPattern(unknownPatternId(text.idPrefix))}</defs>`;
  return serialised.slice(0, openEnd) + head + serialised.slice(openEnd);
}
