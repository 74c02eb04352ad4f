import { describe, expect, it } from 'vitest';
import { formatCount, formatCountNoun, formatNumber, formatPercent, formatShare, nounFor, percentValue } from '../../src/lib/format/number';

const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('formatNumber', () => {
  it('uses a decimal comma', () => {
    expect(formatNumber(94.5, 1)).toBe('94,5');
    expect(formatNumber(0.25, 2)).toBe('0,25');
  });
  it('groups thousands with a narrow no-break space from five digits', () => {
    expect(formatNumber(2000)).toBe('2000');
    expect(formatNumber(12000)).toBe(`12${NNBSP}000`);
    expect(formatNumber(697010)).toBe(`697${NNBSP}010`);
    expect(formatNumber(1234567.891, 1)).toBe(`1${NNBSP}234${NNBSP}567,9`);
  });
  it('uses a true minus sign and never prints −0', () => {
    expect(formatNumber(-12345)).toBe(`−12${NNBSP}345`);
    expect(formatNumber(-0.01, 1)).toBe('0,0');
  });
  it('prints SSB «..» for unknown values', () => {
    expect(formatNumber(null)).toBe('..');
    expect(formatNumber(undefined)).toBe('..');
    expect(formatNumber(Number.NaN)).toBe('..');
  });
});

describe('formatPercent', () => {
  it('prints a fraction as per cent with one decimal and a no-break space', () => {
    expect(formatPercent(0.945)).toBe(`94,5${NBSP}%`);
    expect(formatPercent(1)).toBe(`100,0${NBSP}%`);
    expect(formatPercent(41 / 98)).toBe(`41,8${NBSP}%`);
    expect(formatPercent(0.5, 0)).toBe(`50${NBSP}%`);
  });
  it('prints «..» for a missing share', () => {
    expect(formatPercent(null)).toBe('..');
  });
});

describe('formatShare', () => {
  it('gives count, denominator and share', () => {
    expect(formatShare(41, 98)).toBe(`41 av 98 kommuner (41,8${NBSP}%)`);
    expect(formatShare(3, 3, 'kommuner')).toBe(`3 av 3 kommuner (100,0${NBSP}%)`);
  });
  it('leaves out the share below three known answers', () => {
    expect(formatShare(1, 2)).toBe('1 av 2 kommuner');
    expect(formatShare(0, 0)).toBe('0 av 0 kommuner');
  });
  it('accepts another noun or none', () => {
    expect(formatShare(5, 10, 'områder')).toBe(`5 av 10 områder (50,0${NBSP}%)`);
    expect(formatShare(5, 10, '')).toBe(`5 av 10 (50,0${NBSP}%)`);
  });
});

describe('formatCount and percentValue', () => {
  it('uses SSB symbols for zero and unknown', () => {
    expect(formatCount(0)).toBe('–');
    expect(formatCount(null)).toBe('..');
    expect(formatCount(15000)).toBe(`15${NNBSP}000`);
  });
  it('gives machine-readable percentages', () => {
    expect(percentValue(0.4184)).toBe('41.8');
    expect(percentValue(null)).toBe('');
  });
});

describe('SSB symbols', () => {
  it('the /metode/ list explains exactly the symbols the formatters print for unknown and zero', async () => {
    const { SYMBOL_EXPLANATIONS } = await import('../../src/lib/format/symbols');
    const printed = new Set([formatNumber(null), formatPercent(null), formatCount(null), formatCount(0)]);
    expect(new Set(SYMBOL_EXPLANATIONS.map((s) => s.symbol))).toEqual(printed);
    const unknown = SYMBOL_EXPLANATIONS.find((s) => s.symbol === '..');
    expect(unknown?.text).toMatch(/^Tallgrunnlag mangler/);
    // «.» is SSB's «lovlig umulig», «:» confidentiality: neither is how this site marks an unknown.
    expect(SYMBOL_EXPLANATIONS.some((s) => s.symbol === '.' || s.symbol === ':')).toBe(false);
  });
});

describe('singular and plural nouns', () => {
  it('formatShare agrees the noun with the denominator: singular only for exactly one', () => {
    expect(formatShare(1, 1)).toBe('1 av 1 kommune');
    expect(formatShare(0, 1)).toBe('0 av 1 kommune');
    expect(formatShare(1, 2)).toBe('1 av 2 kommuner');
    expect(formatShare(0, 0)).toBe('0 av 0 kommuner');
    expect(formatShare(1, 1, { one: 'kommune i Oslo', other: 'kommuner i Oslo' })).toBe('1 av 1 kommune i Oslo');
    expect(formatShare(1, 1, 'områder')).toBe('1 av 1 områder');
  });
  it('formatCountNoun and nounFor', () => {
    expect(formatCountNoun(1)).toBe('1 kommune');
    expect(formatCountNoun(0)).toBe('0 kommuner');
    expect(formatCountNoun(356)).toBe('356 kommuner');
    expect(formatCountNoun(1, { one: 'område', other: 'områder' })).toBe('1 område');
    expect(nounFor(2, { one: 'svar', other: 'svar' })).toBe('svar');
    expect(nounFor(1, 'kommuner')).toBe('kommuner');
  });
});
