import { describe, expect, it } from 'vitest';
import { INDICATOR_COLUMNS } from '../../src/lib/types';
import { PUBLISHED_INDICATOR_COLUMNS } from '../../src/lib/pipeline/kommune';
import { INDICATOR_CODEBOOK } from '../../src/site/codebook';

describe('codebook', () => {
  it('describes every column of the published indicator table, in file order', () => {
    expect(Object.keys(INDICATOR_CODEBOOK)).toEqual([...PUBLISHED_INDICATOR_COLUMNS]);
    // The contract's columns keep their order; the register's come right after the number.
    expect(PUBLISHED_INDICATOR_COLUMNS.filter((c) => (INDICATOR_COLUMNS as readonly string[]).includes(c))).toEqual([...INDICATOR_COLUMNS]);
    expect(PUBLISHED_INDICATOR_COLUMNS.slice(0, 6)).toEqual(['kommunenummer', 'kommunenavn', 'fylkesnummer', 'fylkesnavn', 'innbyggere', 'storrelse']);
    for (const text of Object.values(INDICATOR_CODEBOOK)) expect(text.length).toBeGreaterThan(5);
  });
});
