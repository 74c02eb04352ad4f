// The committed demo files are exactly what `npm run demo` makes: nobody hand-edits them.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoFiles } from '../../scripts/demo';

describe('committed demo data', () => {
  const files = demoFiles();

  it('covers every synthetic year (2018 on the 2018 form and structure)', () => {
    expect(files.map((f) => f.year)).toEqual([2018, 2021, 2024]);
  });

  for (const f of files) {
    it(`data/responses/${f.year}.csv equals a fresh generation`, () => {
      expect(existsSync(f.file)).toBe(true);
      const committed = readFileSync(f.file, 'utf8');
      // Compare sizes first so a mismatch does not print two whole files.
      expect(committed.length).toBe(f.csv.length);
      expect(committed === f.csv).toBe(true);
    });
  }

  it('regenerating gives byte-identical files', () => {
    const again = demoFiles();
    expect(again.map((f) => f.csv)).toEqual(files.map((f) => f.csv));
  });
});
