import { describe, expect, it } from 'vitest';
import { binRanges } from '../../src/lib/format/bins';

describe('binRanges', () => {
  it('matches the published 2018 strategy bins (13 areas)', () => {
    expect(binRanges([1, 6, 10, 12], 13)).toEqual(['0', '1–5', '6–9', '10–11', '12–13']);
  });
  it('writes a one-value bin as a single number', () => {
    expect(binRanges([1, 4, 6, 8], 8)).toEqual(['0', '1–3', '4–5', '6–7', '8']);
    expect(binRanges([1, 2, 4, 7], 14)).toEqual(['0', '1', '2–3', '4–6', '7–14']);
  });
  it('writes an open top without a maximum', () => {
    expect(binRanges([1, 4, 7, 10])[4]).toBe('≥ 10');
  });
});
