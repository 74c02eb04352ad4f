import { describe, expect, it } from 'vitest';
import { INDICATOR_COLUMNS } from '../../src/lib/types';
import { INDICATOR_CODEBOOK } from '../../src/site/codebook';

describe('codebook', () => {
  it('describes every column of the indicator table, in contract order', () => {
    expect(Object.keys(INDICATOR_CODEBOOK)).toEqual([...INDICATOR_COLUMNS]);
    for (const text of Object.values(INDICATOR_CODEBOOK)) expect(text.length).toBeGreaterThan(5);
  });
});
