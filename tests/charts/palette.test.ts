// Spec «Change between years»: 0 lightest, 4 darkest, grades 2 and 3 at the same CIELAB lightness
// (± 3) in two different hues, on every map, bar and legend (they all take GRADE_COLORS).
import { describe, expect, test } from 'vitest';
import { GRADE_COLORS } from '../../src/draw/map/palette';
import { gradeLevel } from '../../src/lib/rules/change';

/** sRGB hex → CIELAB (D65), by the CIE formulas. */
function lab(hex: string): { L: number; a: number; b: number } {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const X = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const Z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return { L: 116 * f(Y) - 16, a: 500 * (f(X) - f(Y)), b: 200 * (f(Y) - f(Z)) };
}

describe('grade palette', () => {
  const L = GRADE_COLORS.map((c) => lab(c).L);

  test('the CIELAB formula is right (white 100, black 0, sRGB red 53.2)', () => {
    expect(lab('#ffffff').L).toBeCloseTo(100, 1);
    expect(lab('#000000').L).toBeCloseTo(0, 1);
    expect(lab('#ff0000').L).toBeCloseTo(53.24, 1);
  });

  test('grades 2 and 3 have the same lightness (± 3)', () => {
    expect(Math.abs(L[2] - L[3])).toBeLessThanOrEqual(3);
  });

  test('grades 2 and 3 differ in hue, clearly', () => {
    const [c2, c3] = [lab(GRADE_COLORS[2]), lab(GRADE_COLORS[3])];
    expect(Math.hypot(c2.a - c3.a, c2.b - c3.b)).toBeGreaterThan(40);
  });

  test('lightness falls with the level: 0 lightest, 4 darkest, each level ≥ 15 L* apart (readable in greyscale)', () => {
    for (let g = 0; g < GRADE_COLORS.length; g++) {
      for (let h = 0; h < GRADE_COLORS.length; h++) {
        if (gradeLevel(g) < gradeLevel(h)) expect(L[g] - L[h], `grad ${g} vs ${h}`).toBeGreaterThanOrEqual(15);
      }
    }
    expect(Math.max(...L)).toBe(L[0]);
    expect(Math.min(...L)).toBe(L[4]);
  });
});
