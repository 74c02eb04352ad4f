// jsonRows writes indicators.json from columns: it must be JSON.stringify of the rows, byte for byte.
import { describe, expect, it } from 'vitest';
import { jsonRows } from '../../src/lib/pipeline/json';

/** The row objects the columns stand for, keys in column order. */
function rowsOf(names: string[], columns: unknown[][]): Record<string, unknown>[] {
  return columns[0].map((_, i) => Object.fromEntries(names.map((n, c) => [n, columns[c][i]])));
}

describe('jsonRows', () => {
  it('writes what JSON.stringify writes for the rows, whatever the cells hold', () => {
    const names = ['kommunenummer', 'svart', 'andel', 'kompetanse', 'merke «x»', 'tom'];
    const columns: unknown[][] = [
      ['0301', '3024', 'a"b\\c', 'linje\nskift', '\u2028', 'æøå', '\ud800'],
      [1, 0, -0, 255, 256, -3, 1e21],
      [0.5, 1 / 3, NaN, Infinity, -Infinity, 2.5e-7, null],
      ['A', null, undefined, 'D', true, false, undefined],
      [{ a: 1 }, [1, 'x'], new Date(0), null, 7, 'x', undefined],
      [undefined, undefined, undefined, undefined, undefined, undefined, undefined],
    ];
    expect(jsonRows(names, columns, 7)).toBe(JSON.stringify(rowsOf(names, columns)));
  });

  it('writes an empty list and rows without keys as JSON.stringify does', () => {
    expect(jsonRows(['a'], [[]], 0)).toBe('[]');
    expect(jsonRows(['a'], [[undefined, 1]], 2)).toBe(JSON.stringify([{ a: undefined }, { a: 1 }]));
  });
});
