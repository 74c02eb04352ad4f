import { describe, expect, it } from 'vitest';
import { mapKey } from '../../src/site/mapKey';
import type { Grade } from '../../src/lib/types';

const row = (svart: 0 | 1, prioritering: Grade | null) => ({ svart, prioritering, aktivitet: null, bruk: null, kompetanse: null });
const LABELS = ['null', 'en', 'to', 'tre', 'fire'];

describe('mapKey', () => {
  it('counts grades and both causes of «Ukjent» apart, and leaves out rows with no kommune', () => {
    const key = mapKey([row(1, 2), row(1, 2), row(1, 4), row(0, null), row(0, null), row(1, null)], 'prioritering', LABELS);
    expect(key.grades).toEqual([0, 0, 2, 0, 1]);
    expect(key.split).toEqual({ notAnswered: 2, missing: 1 });
    expect(key.entries.map((e) => e.text)).toEqual([
      'Grad 2 – to (2)',
      'Grad 4 – fire (1)',
      'Ukjent: 3 (2 svarte ikke, 1 mangler svar)',
    ]);
  });
  it('names the one cause when only one occurs, and has no unknown row without unknowns', () => {
    expect(mapKey([row(1, 1), row(1, null)], 'prioritering', LABELS).entries.map((e) => e.text)).toEqual(['Grad 1 – en (1)', 'Ukjent – mangler svar (1)']);
    expect(mapKey([row(1, 1), row(0, null)], 'prioritering', LABELS).entries.at(-1)!.text).toBe('Ukjent – svarte ikke (1)');
    expect(mapKey([row(1, 0)], 'prioritering', LABELS).entries.map((e) => e.grade)).toEqual([0]);
  });
});
