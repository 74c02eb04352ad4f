// The one way the site draws a chart: this small SVG writer. Every shipped chart goes through it.
//
// Why not Observable Plot's scales and marks: none of the site's figures gains from them. Each is
// a bar or dot layout on a fixed 0–100 % or 0–4 axis with long Norwegian labels wrapped on lines of
// their own, so the layout is arithmetic we do anyway (Plot was used with identity scales, i.e. as
// a string writer with a fake DOM). Plot at build time also needs linkedom, writes an inline
// <style> the CSP rejects and per-mark aria-labels a role="img" does not want, and costs build time
// on the hundreds of figures a build draws. Strings from here are byte-stable (one decimal at
// most), escaped, and carry the accessible name (<title>/<desc>) of the figure.
import { esc, num, safeId, wrap } from '../map/svg';

export { esc, num, safeId };

export type AttrValue = string | number | null | undefined | false;
export type Attrs = Record<string, AttrValue>;

/** Attribute list; numbers are rounded to one decimal, null/undefined/false attributes left out. */
export function attrs(a: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(a)) {
    if (value === null || value === undefined || value === false) continue;
    out += ` ${name}="${typeof value === 'number' ? num(value) : esc(value)}"`;
  }
  return out;
}

/** One element; `children` is markup already written by this module (or none: self-closing). */
export function el(tag: string, a: Attrs, children?: string | readonly string[]): string {
  const inner = Array.isArray(children) ? children.join('') : (children as string | undefined);
  return inner === undefined || inner === '' ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${inner}</${tag}>`;
}

/** A text element: the content is escaped here. */
export function text(a: Attrs, content: string): string {
  return `<text${attrs(a)}>${esc(content)}</text>`;
}

export const FONT_FAMILY = 'system-ui, sans-serif';

/** Percent of the chart's width, for fluid charts: «42.5%». */
export function pct(value: number): string {
  return `${num(value)}%`;
}

/**
 * Fluid charts: where a share (0–1) of a bar sits when the bar runs from `left` px to the column's
 * width less `right` px, i.e. at left + share × (100 % − left − right). SVG has no calc() and the
 * CSP forbids inline styles, so the px and the percent term are split between a translate (px) and
 * an x in percent: translate(left − share·(left + right)) with x = share·100 %. Good for a <text>
 * at the end of a bar or a tick; a <line> can use `fluidExtent`.
 */
export function fluidAt(share: number, left: number, right: number): { transform: string; x: string } {
  return { transform: `translate(${num(left - share * (left + right))},0)`, x: pct(share * 100) };
}

/**
 * Fluid charts: the x1, x2 and transform of a horizontal <line> from `left` + `inset` px to the
 * point `fluidAt(share, left, right)` less `inset` px. x2 is in percent and x1 in px, both moved by
 * one translate, so the line's length is share × (column − left − right) − 2 × inset at every width.
 * Drawn with stroke-width = the bar's height and butt caps it is a bar; fills by pattern work as
 * strokes (url(#…)).
 */
export function fluidExtent(share: number, left: number, right: number, inset = 0): { transform: string; x1: number; x2: string } {
  const shift = Math.round((left - share * (left + right) - inset) * 10) / 10;
  return { transform: `translate(${num(shift)},0)`, x1: left + inset - shift, x2: pct(share * 100) };
}

export interface FluidBar {
  share: number;
  left: number;
  right: number;
  /** Top of the bar and its height. */
  y: number;
  height: number;
  fill: string;
  /** Outline colour and width, centred on the bar's edge as a rect's stroke is. */
  outline?: string;
  outlineWidth?: number;
  /** The narrowest column the chart is laid out for: a bar too short there for its outline is drawn as outline only. */
  narrowest: number;
}

/**
 * A bar of a fluid chart (see fluidExtent): a line in the outline colour, half the outline wider
 * than the bar all round, and the fill line half the outline inside it, which looks like a <rect>
 * with a stroke.
 */
export function fluidBar(b: FluidBar): string {
  const mid = b.y + b.height / 2;
  const w = b.outline ? b.outlineWidth ?? 0.6 : 0;
  const line = (inset: number, stroke: string, width: number) =>
    el('line', { ...fluidExtent(b.share, b.left, b.right, inset), y1: mid, y2: mid, stroke, 'stroke-width': width });
  if (!b.outline) return line(0, b.fill, b.height);
  const shortest = b.share * (b.narrowest - b.left - b.right);
  return line(-w / 2, b.outline, b.height + w) + (shortest > w + 0.5 ? line(w / 2, b.fill, b.height - w) : '');
}

export interface ChartFrame {
  /** Made into valid, prefixed ids: «<id>», «<id>-title», «<id>-desc». */
  idPrefix: string;
  width: number;
  /**
   * Fluid: the SVG takes the width of its column (width="100%", no viewBox) and only horizontal
   * positions given in percent stretch, so text keeps its size on a phone and bars grow on a wide
   * screen. `width` is then the narrowest column it is laid out for (a 390-px phone's 358 px).
   */
  fluid?: boolean;
  height: number;
  title: string;
  description: string;
  fontSize: number;
  defs?: string;
}

/** The chart's <svg>: one image for assistive technology, named by its <title> and <desc>. */
export function chartSvg(frame: ChartFrame, body: string): string {
  const id = safeId(frame.idPrefix);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
      id,
      class: frame.fluid ? 'dk-chart fluid' : 'dk-chart',
      viewBox: frame.fluid ? null : `0 0 ${num(frame.width)} ${num(frame.height)}`,
      width: frame.fluid ? '100%' : frame.width,
      height: frame.height,
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      'font-family': FONT_FAMILY,
      'font-size': frame.fontSize,
    })}>` +
    `<title id="${id}-title">${esc(frame.title)}</title><desc id="${id}-desc">${esc(frame.description)}</desc>` +
    (frame.defs ? `<defs>${frame.defs}</defs>` : '') +
    body +
    `</svg>`
  );
}

/** What a downloaded or embedded figure carries inside its own file. */
export interface FigureCaption {
  title?: string;
  /** The source line («Kilde: …»). */
  source?: string;
  /** Licence and credit («Lisens: CC BY 4.0 …»). */
  licence?: string;
  /** Colour key under the chart, for figures whose page gives it as HTML (comparison bars). */
  legend?: readonly { fill: string; text: string }[];
}

/**
 * A chart made standalone for downloads and embeds: the title above and the source and licence
 * below, inside the same SVG, so the file carries its credit wherever it goes. The chart keeps its
 * own drawing; it is placed in a nested <svg> below the title.
 */
export function withCaption(chart: string, caption: FigureCaption, fontSize = 13, margin = 0): string {
  const open = /^<svg\b[^>]*>/.exec(chart);
  if (!open) throw new Error('withCaption: ikke en SVG');
  if (/\bwidth="100%"/.test(open[0])) throw new Error('withCaption: en flytende figur har ingen fast bredde; tegn den med fast bredde');
  const width = Number(/\bwidth="([\d.]+)"/.exec(open[0])?.[1]);
  const height = Number(/\bheight="([\d.]+)"/.exec(open[0])?.[1]);
  if (!Number.isFinite(width) || !Number.isFinite(height)) throw new Error('withCaption: SVG-en mangler bredde og høyde');
  const line = Math.round(fontSize * 1.35);
  const titleSize = Math.round(fontSize * 1.25);
  const titleLine = Math.round(titleSize * 1.3);
  const pad = 8;
  // No font metrics at build time: wrap by a generous average character width so a line never
  // runs past the figure's edge in the usual sans-serif faces.
  const titleLines = caption.title ? wrap(caption.title, Math.floor(width / (titleSize * 0.55))) : [];
  const head = titleLines.map((s, i) => text({ x: 0, y: titleSize + 2 + i * titleLine, 'font-size': titleSize, 'font-weight': 600 }, s)).join('');
  const top = titleLines.length ? titleSize + 2 + (titleLines.length - 1) * titleLine + pad + 4 : 0;
  // The colour key: swatches with their text, in rows that fit the width.
  const swatch = Math.round(fontSize * 1.1);
  const keyItems: string[] = [];
  let kx = 0;
  let krow = 0;
  for (const entry of caption.legend ?? []) {
    const w = swatch + 6 + entry.text.length * fontSize * 0.55 + 14;
    if (kx > 0 && kx + w > width) {
      kx = 0;
      krow++;
    }
    const ky = top + height + pad + krow * line;
    keyItems.push(el('rect', { x: kx, y: ky + (line - swatch) / 2 - 2, width: swatch, height: swatch, fill: entry.fill, stroke: '#4a4a4a', 'stroke-width': 0.6 }));
    keyItems.push(text({ x: kx + swatch + 6, y: ky + line - 6 }, entry.text));
    kx += w;
  }
  const keyHeight = keyItems.length ? (krow + 1) * line + pad / 2 : 0;
  const footLines = [caption.source, caption.licence]
    .filter((s): s is string => !!s)
    .flatMap((s) => wrap(s, Math.floor(width / (fontSize * 0.55))));
  const foot = footLines
    .map((s, i) => text({ x: 0, y: top + height + keyHeight + pad + (i + 1) * line - 4, fill: '#4a4a4a' }, s))
    .join('');
  const total = Math.ceil(top + height + keyHeight + (footLines.length ? pad + footLines.length * line : 0));
  const inner = chart.replace(/^<svg\b/, `<svg x="0" y="${num(top)}"`);
  // The white margin widens the view box on every side, so the drawing keeps its coordinates.
  const outerWidth = width + 2 * margin;
  const outerHeight = total + 2 * margin;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ viewBox: `${-margin} ${-margin} ${num(outerWidth)} ${outerHeight}`, width: outerWidth, height: outerHeight, 'font-family': FONT_FAMILY, 'font-size': fontSize })}>` +
    el('rect', { ...(margin ? { x: -margin, y: -margin } : {}), width: '100%', height: '100%', fill: '#fff' }) +
    `<g fill="#1a1a1a">${head}${keyItems.join('')}${foot}</g>` +
    inner +
    `</svg>`
  );
}
