// Share cards to PNG with resvg. The font comes from the source-sans npm package and nothing else
// is loaded (loadSystemFonts: false), so the bytes are the same on every machine.
// resvg lays text out glyph by glyph on every render, which is most of a card's cost; a card's
// texts repeat across hundreds of cards (the source line, indicator titles, grade words), so each
// distinct text is outlined once (resvg's own outlines, via its usvg output) and reused.
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { CARD_FONT } from '../../../src/draw/cards/card';
import { encodePng } from '../../../src/draw/cards/png';

const require = createRequire(import.meta.url);

/** The TTF files resvg is given: Source Sans 3 regular and bold, from the source-sans package. */
export const CARD_FONT_FILES = ['SourceSans3-Regular.ttf', 'SourceSans3-Bold.ttf'].map((f) => require.resolve(`source-sans/TTF/${f}`));

export const FONT_OPTIONS: ResvgRenderOptions['font'] = {
  loadSystemFonts: false,
  fontFiles: CARD_FONT_FILES,
  defaultFontFamily: CARD_FONT,
  sansSerifFamily: CARD_FONT,
};

// The card writer (src/cards/card.ts) writes every text as one element of this form.
const TEXT = /<text x="([^"]+)" y="([^"]+)"([^>]*)>([^<]*)<\/text>/g;

/** Raise when the drawing or encoding changes in a way the inputs do not show (clears the card cache). */
export const CARD_RENDER_REVISION = 1;

// Glyph outlines come with six decimals; two keep them within 1/100 px and parse faster.
const round = (n: string) => String(Math.round(Number(n) * 100) / 100);

export interface Rasteriser {
  /** PNG bytes of one card SVG. */
  png(svg: string): Uint8Array;
  /** The SVG with every text replaced by its outline (what `png` renders). */
  outlined(svg: string): string;
}

/**
 * Each distinct text outlined once, by resvg itself, with the attributes it inherits (`around`,
 * put on a <g> around it; empty for the cards, whose texts carry their own).
 */
function textOutliner(): (around: string, attrs: string, content: string) => string {
  const outlines = new Map<string, string>();
  return (around, attrs, content) => {
    const key = `${around}|${attrs}>${content}`;
    let paths = outlines.get(key);
    if (paths === undefined) {
      const text = `<text x="0" y="0"${attrs}>${content}</text>`;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" font-family="${CARD_FONT}">${around ? `<g${around}>${text}</g>` : text}</svg>`;
      paths = new Resvg(svg, { font: FONT_OPTIONS }).toString().replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '').replace(/<defs\/>/g, '').replace(/\n\s*/g, '').replace(/-?\d+\.\d{3,}/g, round);
      outlines.set(key, paths);
    }
    return paths;
  };
}

const encode = (image: { pixels: Uint8Array; width: number; height: number }) =>
  encodePng(image.pixels, image.width, image.height, (d) => deflateSync(d, { level: 6 }));

export function makeRasteriser(): Rasteriser {
  const outline = textOutliner();
  const outlined = (svg: string) => svg.replace(TEXT, (_m, x: string, y: string, attrs: string, content: string) => `<g transform="translate(${x} ${y})">${outline('', attrs, content)}</g>`);
  return {
    outlined,
    png(svg) {
      return encode(new Resvg(outlined(svg), { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } }).render());
    },
  };
}

/** Raise when figure PNGs change in a way their SVGs do not show (clears their cache). */
export const FIGURE_RENDER_REVISION = 1;

/** Figure PNGs are drawn at the article size (640 px wide); the SVG beside each is for print and high-density screens. Twice the size cost 2.5 times the drawing time and 2.4 times the bytes (118 MB for the demo). */
export const FIGURE_ZOOM = 1;

// Properties a <text> takes from its ancestors that change its outline.
const INHERITED = ['font-size', 'font-weight', 'fill', 'text-anchor'] as const;
const TAG = /<(\/?)([a-zA-Z]+)\b([^>]*?)(\/?)>/g;
const attrOf = (attrs: string, name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];

/**
 * The chart and map figure files (/figur/…) to PNG. Their texts inherit size, weight and colour
 * from the <svg> and <g> around them, so the outline of each text is made with what it inherits;
 * texts with <tspan> lines (the maps' legends) are left to resvg with the same font.
 */
export function makeFigureRasteriser(zoom = FIGURE_ZOOM): Rasteriser {
  const outline = textOutliner();
  const outlined = (svg: string): string => {
    const stack: Record<string, string | undefined>[] = [];
    let out = '';
    let last = 0;
    TAG.lastIndex = 0;
    for (let m = TAG.exec(svg); m; m = TAG.exec(svg)) {
      const [, closing, tag, attrs, selfClosing] = m;
      if (tag === 'svg' || tag === 'g') {
        if (closing) stack.pop();
        else if (!selfClosing) stack.push(Object.fromEntries(INHERITED.map((p) => [p, attrOf(attrs, p)])));
        continue;
      }
      if (tag !== 'text' || closing) continue;
      const end = svg.indexOf('</text>', TAG.lastIndex);
      const content = svg.slice(TAG.lastIndex, end);
      if (content.includes('<')) continue; // <tspan> lines: drawn by resvg itself
      const inherited: Record<string, string> = {};
      for (const frame of stack) for (const p of INHERITED) if (frame[p] !== undefined) inherited[p] = frame[p]!;
      const context = INHERITED.filter((p) => inherited[p] !== undefined).map((p) => ` ${p}="${inherited[p]}"`).join('');
      const x = attrOf(attrs, 'x') ?? '0';
      const y = attrOf(attrs, 'y') ?? '0';
      const rest = attrs.replace(/(^|\s)[xy]="[^"]*"/g, '');
      out += svg.slice(last, m.index) + `<g transform="translate(${x} ${y})">${outline(context, rest, content)}</g>`;
      last = end + '</text>'.length;
      TAG.lastIndex = last;
    }
    return out + svg.slice(last);
  };
  return {
    outlined,
    png(svg) {
      const flat = outlined(svg);
      const fonts = flat.includes('<text') ? FONT_OPTIONS : { loadSystemFonts: false };
      return encode(new Resvg(flat, { font: fonts, fitTo: { mode: 'zoom', value: zoom } }).render());
    },
  };
}
