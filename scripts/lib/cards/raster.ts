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

/** resvg's own outlines of `texts` (each a <text> at the origin), in one call. */
function outlineTexts(texts: readonly string[]): string[] {
  if (texts.length === 0) return [];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" font-family="${CARD_FONT}">${texts.map((t, i) => `<g id="t${i}">${t}</g>`).join('')}</svg>`;
  // usvg writes each group back with its id around the text's own <g> of paths.
  const flat = new Resvg(svg, { font: FONT_OPTIONS }).toString().replace(/\n\s*/g, '');
  const found = new Map<number, string>();
  const marks = [...flat.matchAll(/<g id="t(\d+)">/g)];
  for (const [k, m] of marks.entries()) {
    const from = m.index + m[0].length;
    const to = k + 1 < marks.length ? marks[k + 1].index : flat.lastIndexOf('</svg>');
    const chunk = flat.slice(from, to);
    if (!chunk.endsWith('</g>')) throw new Error(`Uventet svar fra resvg for teksten ${texts[Number(m[1])]}`);
    found.set(Number(m[1]), chunk.slice(0, -'</g>'.length).replace(/-?\d+\.\d{3,}/g, round));
  }
  // A text that draws nothing (no glyphs) leaves no group.
  return texts.map((_, i) => found.get(i) ?? '');
}

/**
 * Each distinct text outlined once by resvg itself. A card's texts not yet outlined are outlined
 * together: every resvg call loads the two font files (860 KB), which a thread held until the call's
 * JS object was collected, a dozen times per card when each text had a call of its own.
 */
function textOutliner(): (svg: string) => string {
  const outlines = new Map<string, string>();
  // Most of a card's texts are its own (a kommune's name, its numbers: 1 364 of the demo's 1 798
  // distinct texts appear once), and an outline is about 12 KB: kept, they grew a drawing thread's
  // heap by some 25 MB. A text is kept from the second card it appears on, when it has shown it repeats.
  const seenOnce = new Set<string>();
  return (svg) => {
    const fresh = new Map<string, string>();
    for (const [, , , attrs, content] of svg.matchAll(TEXT)) {
      const key = `${attrs}>${content}`;
      if (!outlines.has(key)) fresh.set(key, `<text x="0" y="0"${attrs}>${content}</text>`);
    }
    const drawn = outlineTexts([...fresh.values()]);
    for (const [i, key] of [...fresh.keys()].entries()) {
      fresh.set(key, drawn[i]);
      if (seenOnce.delete(key)) outlines.set(key, drawn[i]);
      else seenOnce.add(key);
    }
    return svg.replace(TEXT, (_m, x: string, y: string, attrs: string, content: string) => {
      const key = `${attrs}>${content}`;
      return `<g transform="translate(${x} ${y})">${outlines.get(key) ?? fresh.get(key)}</g>`;
    });
  };
}

export async function encodeCardPng(image: { pixels: Uint8Array; width: number; height: number }): Promise<Uint8Array> {
  const png = await sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png({ palette: true, colours: CARD_COLOURS, effort: 1, compressionLevel: 9, dither: 0.5 })
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.length);
}

export function makeRasteriser(): Rasteriser {
  const outlined = textOutliner();
  return {
    outlined,
    png(svg) {
      return encodeCardPng(new Resvg(outlined(svg), { font: { loadSystemFonts: false }, fitTo: { mode: 'zoom', value: CARD_SCALE } }).render());
    },
  };
}
