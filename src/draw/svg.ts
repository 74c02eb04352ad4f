// SVG primitives shared by the maps, the share cards and the file frame around a downloaded figure:
// an attribute writer, elements, escaped text. The charts themselves are Plot specs (draw/plot.ts);
// strings from here are byte-stable (one decimal at most) and escaped.
import { esc, num, safeId, wrap } from './map/svg';

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
