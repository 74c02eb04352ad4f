// The share card's frame and font, apart from its drawing (card.ts, which draws with Plot): the
// card threads that rasterise it need these numbers and nothing of Plot or linkedom (~10 MB each).

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/**
 * The card is drawn in a 1200×630 frame and published at half that (issue 17 §4): 600×315 is the
 * size feeds show it at, every text is ≥ 12 px there (see card.ts), and it weighs a third.
 */
export const CARD_SCALE = 0.5;
export const PUBLISHED_CARD_WIDTH = CARD_WIDTH * CARD_SCALE;
export const PUBLISHED_CARD_HEIGHT = CARD_HEIGHT * CARD_SCALE;
/** The family the rasteriser loads from the source-sans package; nothing else is available to it. */
export const CARD_FONT = 'Source Sans 3';
