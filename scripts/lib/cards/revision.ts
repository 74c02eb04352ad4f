// What decides a card's PNG bytes besides its SVG and the libraries' versions: part of the cache
// key (draw.ts). Apart from raster.ts so that the main thread, which only reads the cache, does not
// load resvg and sharp (libvips): 22 MB of a warm build's memory for nothing.

/** Raise when the drawing or encoding changes in a way the inputs do not show (clears the card cache). */
export const CARD_RENDER_REVISION = 2;

/**
 * A card is flat fills with anti-aliased edges: 64 colours hold it without visible banding (the
 * hand-written quantiser this replaces kept 256 and wrote 40 % more bytes; see the README).
 */
export const CARD_COLOURS = 64;
