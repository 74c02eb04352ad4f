import { describe, expect, it } from 'vitest';
import { prioritering } from '../../src/lib/rules/prioritering';
import { twoAxis, bruk, aktivitet } from '../../src/lib/rules/twoAxis';

// Hand-written from spec/indicators.md, «Composite grades». Row = first input, column = second.
// prioritering[S][P]: 0 only when both are 0; (0,1) is grade 1.
const PRIORITERING = [
  //P: 0  1  2  3  4
  [0, 1, 1, 3, 3], // S=0
  [1, 1, 1, 3, 3], // S=1
  [1, 1, 1, 3, 3], // S=2
  [2, 2, 2, 4, 4], // S=3
  [2, 2, 2, 4, 4], // S=4
];
// twoAxis[a][b] (bruk: a = sky C, b = innkjøp I; aktivitet: a = bruk U, b = tjenester T):
// 0 when min = 0 and max ≤ 1, so (0,1) and (1,0) are grade 0 here.
const TWO_AXIS = [
  //b: 0  1  2  3  4
  [0, 0, 1, 3, 3], // a=0
  [0, 1, 1, 3, 3], // a=1
  [1, 1, 1, 3, 3], // a=2
  [2, 2, 2, 4, 4], // a=3
  [2, 2, 2, 4, 4], // a=4
];

const pairs = [0, 1, 2, 3, 4].flatMap((a) => [0, 1, 2, 3, 4].map((b) => [a, b] as const));

describe('prioritering: all 25 (S, P) pairs', () => {
  it.each(pairs)('S=%i, P=%i', (S, P) => expect(prioritering(S, P)).toBe(PRIORITERING[S][P]));
});

describe.each([
  ['twoAxis', twoAxis],
  ['bruk', bruk],
  ['aktivitet', aktivitet],
])('%s: all 25 pairs', (_name, rule) => {
  it.each(pairs)('(%i, %i)', (a, b) => expect(rule(a, b)).toBe(TWO_AXIS[a][b]));
});

describe('the 2018 tables differ where the spec says they do', () => {
  it('(0,1): prioritering 1, bruk 0, aktivitet 0', () => {
    expect(prioritering(0, 1)).toBe(1);
    expect(bruk(0, 1)).toBe(0);
    expect(aktivitet(1, 0)).toBe(0);
  });
  it('a bruk grade of 3 counts as much use, 2 does not', () => {
    expect(aktivitet(3, 0)).toBe(2);
    expect(aktivitet(2, 0)).toBe(1);
  });
});

describe('unknown propagation', () => {
  it.each([
    [null, 2], [2, null], [null, null], [undefined, 0], [0, undefined],
  ] as const)('(%s, %s) → unknown for every composite', (a, b) => {
    expect(prioritering(a, b)).toBeNull();
    expect(bruk(a, b)).toBeNull();
    expect(aktivitet(a, b)).toBeNull();
  });
  it('0 is a value, not unknown', () => {
    expect(prioritering(0, 0)).toBe(0);
    expect(bruk(0, 0)).toBe(0);
  });
});
