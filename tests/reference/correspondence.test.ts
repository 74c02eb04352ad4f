import { describe, expect, it } from 'vitest';
import {
  backwardMap,
  checkCoverage,
  formatCorrespondence,
  forwardMap,
  parseCorrespondence,
  renumbered,
} from '../../src/lib/reference/correspondence';
import { ReferenceDataError } from '../../src/lib/reference/errors';
import { loadCorrespondence, loadRegister, readReferenceText, requireReferenceDir } from '../../scripts/lib/reference-files';
import type { RegisterRow } from '../../src/lib/types';

const HEADER = 'kommunenummer_2020,kommunenavn_2020,kommunenummer_2024,kommunenavn_2024,endring';
const SMALL = [
  HEADER,
  '0301,Oslo,0301,Oslo,uendret',
  '1507,Ålesund,1508,Ålesund,delt',
  '1507,Ålesund,1580,Haram,delt',
  '3025,Asker,3203,Asker,nytt_nummer',
  '',
].join('\n');

const reg = (...list: [string, string][]): RegisterRow[] =>
  list.map(([nr, navn]) => ({ kommunenummer: nr, kommunenavn: navn, fylkesnummer: nr.slice(0, 2), fylkesnavn: 'F', innbyggere: null }));
const OLD = reg(['0301', 'Oslo'], ['1507', 'Ålesund'], ['3025', 'Asker']);
const NEW = reg(['0301', 'Oslo'], ['1508', 'Ålesund'], ['1580', 'Haram'], ['3203', 'Asker']);

describe('parseCorrespondence', () => {
  it('reads one row per pair', () => {
    const rows = parseCorrespondence(SMALL, 'e.csv');
    expect(rows).toHaveLength(4);
    expect(rows[2]).toEqual({ kommunenummer_2020: '1507', kommunenavn_2020: 'Ålesund', kommunenummer_2024: '1580', kommunenavn_2024: 'Haram', endring: 'delt' });
    expect(formatCorrespondence(rows)).toBe(SMALL);
  });

  it('rejects unknown endring, uendret with a new number, bad numbers and duplicate pairs, naming line and column', () => {
    const text = [
      HEADER,
      '0301,Oslo,0301,Oslo,flyttet', // 2
      '3025,Asker,3203,Asker,uendret', // 3
      '301,Oslo,0301,Oslo,uendret', // 4
      '1101,Eigersund,1101,Eigersund,nytt_nummer', // 5
      '1507,Ålesund,1508,Ålesund,delt', // 6
      '1507,Ålesund,1508,Ålesund,delt', // 7
    ].join('\n');
    try {
      parseCorrespondence(text, 'e.csv');
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(ReferenceDataError);
      const p = (e as ReferenceDataError).problems;
      expect(p.map((x) => [x.line, x.column])).toEqual([
        [2, 'endring'],
        [3, 'endring'],
        [4, 'kommunenummer_2020'],
        [5, 'endring'],
        [7, 'kommunenummer_2024'],
      ]);
      expect((e as Error).message).toContain('e.csv, linje 2, kolonne endring');
    }
  });
});

describe('maps, coverage and renumbering on a small hand-made structure', () => {
  const rows = parseCorrespondence(SMALL, 'e.csv');

  it('forwardMap gives both parts of a split; backwardMap leads both back to the old kommune', () => {
    expect(forwardMap(rows).get('1507')!.map((r) => r.kommunenummer_2024)).toEqual(['1508', '1580']);
    expect(backwardMap(rows).get('1580')!.map((r) => r.kommunenummer_2020)).toEqual(['1507']);
    expect(backwardMap(rows).get('3203')!.map((r) => r.kommunenummer_2020)).toEqual(['3025']);
    expect(forwardMap(rows).size).toBe(3);
    expect(backwardMap(rows).size).toBe(4);
  });

  it('checkCoverage accepts a complete correspondence', () => {
    expect(checkCoverage(rows, OLD, NEW, 'e.csv')).toEqual([]);
  });

  it('checkCoverage finds kommuner missing on either side and numbers not in the registers', () => {
    const problems = checkCoverage(rows, [...OLD, ...reg(['1101', 'Eigersund'])], [...NEW.filter((r) => r.kommunenummer !== '1580'), ...reg(['4601', 'Bergen'])]);
    const text = problems.map((p) => p.message).join('\n');
    expect(text).toContain('1101 Eigersund (gammelt register) mangler');
    expect(text).toContain('4601 Bergen (nytt register) mangler');
    expect(text).toContain('1580 finnes ikke i det nye registeret');
    expect(problems).toHaveLength(3);
  });

  it('checkCoverage requires delt on every part of a split, and a split to have several parts', () => {
    const wrong = rows.map((r) => (r.kommunenummer_2024 === '1580' ? { ...r, endring: 'nytt_nummer' as const } : r));
    expect(checkCoverage(wrong, OLD, NEW).map((p) => p.value)).toEqual(['nytt_nummer']);
    const lonely = rows.map((r) => (r.kommunenummer_2020 === '3025' ? { ...r, endring: 'delt' as const } : r));
    expect(checkCoverage(lonely, OLD, NEW)[0].message).toContain('bare til 3203');
  });

  it('checkCoverage requires the register names', () => {
    const renamed = rows.map((r) => (r.kommunenummer_2024 === '3203' ? { ...r, kommunenavn_2024: 'Askær' } : r));
    expect(checkCoverage(renamed, OLD, NEW)).toMatchObject([{ column: 'kommunenavn_2024', value: 'Askær' }]);
  });

  it('renumbered leads the split kommune to the part with its name, and skips unchanged numbers', () => {
    expect(renumbered(rows)).toEqual([
      { from: '1507', fromName: 'Ålesund', to: '1508', toName: 'Ålesund', endring: 'delt', split: true },
      { from: '3025', fromName: 'Asker', to: '3203', toName: 'Asker', endring: 'nytt_nummer', split: false },
    ]);
  });

  it('renumbered leaves out a split where one part keeps the old number', () => {
    const kept = parseCorrespondence([HEADER, '1507,Ålesund,1507,Ålesund,delt', '1507,Ålesund,1580,Haram,delt'].join('\n'), 'e');
    expect(renumbered(kept)).toEqual([]);
  });
});

describe('the real 2020 → 2024 correspondence (through the resolver)', () => {
  const ref = requireReferenceDir();
  const old = loadRegister(ref, 'registers/kommuner-2020.csv');
  const next = loadRegister(ref, 'registers/kommuner-2024.csv');
  const rows = loadCorrespondence(ref, 'registers/endringer-2020-2024.csv');

  it('covers every kommune of kommuner-2020.csv and kommuner-2024.csv with no problem', () => {
    expect(old).toHaveLength(356);
    expect(next).toHaveLength(357);
    expect(checkCoverage(rows, old, next)).toEqual([]);
    expect(new Set(rows.map((r) => r.kommunenummer_2020))).toEqual(new Set(old.map((r) => r.kommunenummer)));
    expect(new Set(rows.map((r) => r.kommunenummer_2024))).toEqual(new Set(next.map((r) => r.kommunenummer)));
  });

  it('handles the Ålesund split: 1507 → 1508 Ålesund and 1580 Haram', () => {
    expect(forwardMap(rows).get('1507')!.map((r) => [r.kommunenummer_2024, r.kommunenavn_2024, r.endring])).toEqual([
      ['1508', 'Ålesund', 'delt'],
      ['1580', 'Haram', 'delt'],
    ]);
    expect(backwardMap(rows).get('1580')!.map((r) => r.kommunenummer_2020)).toEqual(['1507']);
    expect(rows.filter((r) => r.endring === 'delt')).toHaveLength(2);
  });

  it('renumbered() finds Asker 3025 → 3203 and exactly the old numbers that no longer exist', () => {
    const moves = renumbered(rows);
    expect(moves.find((m) => m.from === '3025')).toMatchObject({ to: '3203', toName: 'Asker', split: false });
    expect(moves.find((m) => m.from === '1507')).toMatchObject({ to: '1508', split: true });
    const newNumbers = new Set(next.map((r) => r.kommunenummer));
    const gone = old.map((r) => r.kommunenummer).filter((nr) => !newNumbers.has(nr));
    expect(moves.map((m) => m.from).sort()).toEqual(gone.sort());
    for (const m of moves) expect(newNumbers.has(m.to)).toBe(true);
  });

  it('formatCorrespondence writes the file back byte for byte', () => {
    expect(formatCorrespondence(rows)).toBe(readReferenceText(ref, 'registers/endringer-2020-2024.csv'));
  });
});
