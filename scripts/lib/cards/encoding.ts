// What decides a share card's bytes besides its SVG, apart from the drawing code (raster.ts): kept
// here so the build's main thread, which only computes cache keys (draw.ts), does not load sharp
// and resvg (~0.3 s and ~20 MB in a build whose cards all come from the cache).

/** Raise when the drawing or encoding changes in a way the inputs do not show (clears the card cache). */
export const CARD_RENDER_REVISION = 2;

/**
 * A card is flat fills with anti-aliased edges: 64 colours hold it without visible banding (the
 * hand-written quantiser this replaces kept 256 and wrote 40 % more bytes; see the README).
 */
export const CARD_COLOURS = 64;
