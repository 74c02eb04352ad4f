// One palette for grades 0–4 on every map, bar and legend. Grades follow the levels of «Change
// between years» (spec/indicators.md): 0 lightest, 1 lighter, 4 darkest, and 2 and 3 — two kinds of
// middle, not two steps — at the same CIELAB lightness (≈56) in two hues, blue and ochre, that stay
// apart for the common colour-vision deficiencies (they differ along the blue–yellow axis). So no
// reader sees 3 as «more» than 2, also in greyscale. CIELAB L*: ≈95, 77, 56, 56, 22 (the palette
// test checks it). «Ukjent» is never a sixth colour: it is a hatch, so it reads as "no value"
// rather than as a low grade, in colour and in greyscale alike.

export const GRADE_COLORS = ['#edf8b1', '#7fcdbb', '#1d91c0', '#c0762a', '#0c2c84'] as const;

/** Text drawn on a grade's fill: each pair has contrast ≥ 4.5:1 (WCAG AA). */
export const GRADE_TEXT_COLORS = ['#000000', '#000000', '#000000', '#000000', '#ffffff'] as const;

/** Thin strokes around fills so the lightest grade stays visible on a white page. */
export const SHAPE_STROKE = '#6b6b6b';

export const UNKNOWN_BACKGROUND = '#ffffff';
export const UNKNOWN_HATCH = '#6b6b6b';

/** Fill for one grade, or the hatch pattern (defined by `unknownPattern`) for unknown. */
export function gradeFill(grade: number | null | undefined, patternId: string): string {
  return grade !== null && grade !== undefined && Number.isInteger(grade) && grade >= 0 && grade < GRADE_COLORS.length
    ? GRADE_COLORS[grade]
    : `url(#${patternId})`;
}

/**
 * The <pattern> for «Ukjent»: diagonal lines on white, 45°, 4 px apart on screen. `scale` is the
 * zoom of the user space the pattern is used in, so a zoomed map keeps the same hatch density.
 */
export function unknownPattern(id: string, scale = 1): string {
  const transform = scale === 1 ? 'rotate(45)' : `scale(${Math.round(1000 / scale) / 1000}) rotate(45)`;
  return (
    `<pattern id="${id}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="${transform}">` +
    `<rect width="4" height="4" fill="${UNKNOWN_BACKGROUND}"/>` +
    `<path d="M1,0v4" stroke="${UNKNOWN_HATCH}" stroke-width="1.2"/></pattern>`
  );
}
