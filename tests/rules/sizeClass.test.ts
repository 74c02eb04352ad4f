import { describe, expect, it } from 'vitest';
import { sizeClass, SIZE_CLASS_LABELS } from '../../src/lib/rules/sizeClass';

describe('size class (thresholds 2 000, 5 000, 10 000, 30 000, 50 000)', () => {
  it.each([
    [0, 'u2000'], [1999, 'u2000'], [2000, '2000-4999'], [4999, '2000-4999'], [5000, '5000-9999'],
    [9999, '5000-9999'], [10000, '10000-29999'], [29999, '10000-29999'], [30000, '30000-49999'],
    [49999, '30000-49999'], [50000, '50000+'], [697010, '50000+'],
  ] as const)('%i inhabitants → %s', (n, c) => expect(sizeClass(n)).toBe(c));
  it('unknown population → unknown class', () => {
    expect(sizeClass(null)).toBeNull();
    expect(sizeClass(undefined)).toBeNull();
  });
  it('Norwegian labels', () => {
    expect(SIZE_CLASS_LABELS.u2000).toBe('Under 2 000');
    expect(SIZE_CLASS_LABELS['50000+']).toBe('50 000 eller flere');
  });
});

describe('size class phrases read as Norwegian noun phrases', () => {
  it('the top class ends with «eller flere», not «og over innbyggere»', async () => {
    const { sizeClassPhrase } = await import('../../src/lib/rules/sizeClass');
    expect(sizeClassPhrase('50000+')).toBe('kommuner med 50 000 innbyggere eller flere');
    expect(sizeClassPhrase('u2000')).toBe('kommuner med under 2 000 innbyggere');
    expect(sizeClassPhrase('2000-4999')).toBe('kommuner med 2 000–4 999 innbyggere');
  });
});
