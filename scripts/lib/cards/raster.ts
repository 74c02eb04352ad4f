// Share cards to PNG: resvg draws, sharp writes an indexed PNG through libimagequant. The font
// comes from the source-sans npm package and nothing else is loaded (loadSystemFonts: false), so
// the bytes are the same on every machine.
// resvg lays text out glyph by glyph on every render, which is most of a card's cost; a card's
// texts repeat across hundreds of cards (the source line, indicator titles, grade words), so each
// distinct text is outlined once (resvg's own outlines, via its usvg output) and reused.
import { createRequire } from 'node:module';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import sharp from 'sharp';
import { CARD_FONT, CARD_SCALE } from '../../../src/draw/cards/frame';
import { CARD_COLOURS } from './encoding';

const require = createRequire(import.meta.url);

/** The TTF files resvg is given: Source Sans 3 regular and bold, from the source-sans package. */
export const CARD_FONT_FILES = ['SourceSans3-Regular.ttf', 'SourceSans3-Bold.ttf'].map((f) => require.resolve(`source-sans/TTF/${f}`));

export const FONT_OPTIONS: ResvgRenderOptions['font'] = {
  loadSystemFonts: false,
  fontFiles: CARD_FONT_FILES,
  defaultFontFamily: CARD_FONT,
  sansSerifFamily: CARD_FONT,
};

// The card writer (src/draw/cards/card.ts) writes every text as one element of this form.
const TEXT = /<text x="([^"]+)" y="([^"]+)"([^>]*)>([^<]*)<\/text>/g;

// Glyph outlines come with six decimals; two keep them within 1/100 px and parse faster.
const round = (n: string) => String(Math.round(Number(n) * 100) / 100);

export interface Rasteriser {
  /** PNG bytes of one card SVG, at CARD_SCALE. */
  png(svg: string): Promise<Uint8Array>;
  /** The SVG with every text replaced by its outline (what `png` renders). */
  outlined(svg: string): string;
}

/**
 * Each distinct text outlined once, by resvg itself, with the attributes it inherits (`around`,
 * put on a <g> around it; empty for the cards, whose texts carry their own).
 */
function textOutliner(): (around: string, attrs: string, content: string) => string {
  const outlines = new Map<string, string>();
  // Most of a card's texts are its own (a kommune's name, its numbers: 1 364 of the demo's 1 798
  // distinct texts appear once), and an outline is about 12 KB: kept, they grew a drawing thread's
  // heap by some 25 MB. A text is kept from its second use, when it has shown it repeats.
  const seenOnce = new Set<string>();
  return (around, attrs, content) => {
    const key = `${around}|${attrs}>${content}`;
    const kept = outlines.get(key);
    if (kept !== undefined) return kept;
    const text = `<text x="0" y="0"${attrs}>${content}</text>`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" font-family="${CARD_FONT}">${around ? `<g${around}>${text}</g>` : text}</svg>`;
    const paths = new Resvg(svg, { font: FONT_OPTIONS }).toString().replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '').replace(/<defs\/>/g, '').replace(/\n\s*/g, '').replace(/-?\d+\.\d{3,}/g, round);
    if (seenOnce.delete(key)) outlines.set(key, paths);
    else seenOnce.add(key);
    return paths;
  };
}

export async function encodeCardPng(image: { pixels: Uint8Array; width: number; height: number }): Promise<Uint8Array> {
  const png = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png({ palette: true, colours: CARD_COLOURS, effort: 1, compressionLevel: 9, dither: 0.5 })
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.length);
}

export function makeRasteriser(): Rasteriser {
  const outline = textOutliner();
  const outlined = (svg: string) => svg.replace(TEXT, (_m, x: string, y: string, attrs: string, content: string) => `<g transform="translate(${x} ${y})">${outline('', attrs, content)}</g>`);
  return {
    outlined,
    png(svg) {
      return encodeCardPng(new Resvg(outlined(svg), { font: { loadSystemFonts: false }, fitTo: { mode: 'zoom', value: CARD_SCALE } }).render());
    },
  };
}
