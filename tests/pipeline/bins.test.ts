import { describe, expect, it } from 'vitest';
import { binsReport, computeIndicators, evenSplit, median, suggestBins, syntheticRows } from '../../src/lib/pipeline/index';
import { loadSurveyFile } from './helpers';

describe('median rule for bins', () => {
  it('median of odd and even lists', () => {
    expect(median([1, 2, 9])).toBe(2);
    expect(median([1, 2, 3, 9])).toBe(2.5);
    expect(median([])).toBeNull();
  });
  it('evenSplit picks the threshold closest to half below / half at-or-above', () => {
    expect(evenSplit([1, 2, 3, 4, 5, 6, 7, 8], 2, 8)).toBe(5); // 4 | 4
    expect(evenSplit([1, 1, 1, 5], 2, 5)).toBe(2); // 3 | 1 for every t in 2…5: first wins
    expect(evenSplit([], 2, 5)).toBeNull();
  });
  it('uniform 1…8 → [1, 3, 5, 7]: half in 1–2, half in 3–4, each half split in two', () => {
    expect(suggestBins([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([1, 3, 5, 7]);
  });
  it('suggested bounds are strictly increasing even for degenerate data', () => {
    for (const data of [[5], [1, 1, 1], [13, 13, 13, 13], [1, 14]]) {
      const b = suggestBins(data)!;
      expect(b[0]).toBe(1);
      expect(b[1]).toBeGreaterThan(b[0]);
      expect(b[2]).toBeGreaterThan(b[1]);
      expect(b[3]).toBeGreaterThan(b[2]);
    }
    expect(suggestBins([])).toBeNull();
  });
  it('binsReport covers the five counts and service points, with the bins in force', () => {
    const survey = loadSurveyFile('2021');
    const report = binsReport(computeIndicators(syntheticRows(survey, 400, 5), survey), survey);
    expect(report.map((r) => r.key)).toEqual(['strategi', 'prosjekter', 'sky', 'innkjop', 'interne', 'tjenester']);
    expect(report[0].inForce).toEqual([1, 6, 10, 13]);
    for (const r of report) {
      expect(r.nonZero).toBeGreaterThan(0);
      // the suggested bins split the non-zero units closer to half than any other 2|3 boundary would
      expect(Math.abs(r.lowerHalfSuggested! - 0.5)).toBeLessThanOrEqual(Math.abs(r.lowerHalfInForce! - 0.5) + 1e-9);
    }
  });
});
