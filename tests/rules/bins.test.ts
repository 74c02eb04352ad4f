import { describe, expect, it } from 'vitest';
import { score } from '../../src/lib/rules/bins';
import { loadSurveyFile } from './helpers';

// Expected score for every count 0…max, written by hand from the spec's bin table
// (spec/indicators.md, «Simple indicators»), index = count.
const SPEC_2018: Record<string, number[]> = {
  //           0 1 2 3 4 5 6 7 8 9 10 11 12 13
  strategi: [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4],
  //           0 1 2 3 4 5 6 7 8 9 10
  prosjekter: [0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 4],
  //     0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
  sky: [0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4],
  //         0 1 2 3 4 5 6 7 8
  innkjop: [0, 1, 1, 1, 2, 2, 3, 3, 4],
  //         0 1 2 3 4 5 6 7 8 9 10 11 12
  interne: [0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4],
  //           0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 (points)
  tjenester: [0, 1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4],
};
// 2021: 14 strategy areas, project-choice bins 1–5, 6–9, 10–12, 13–14; everything else as 2018.
const SPEC_2021: Record<string, number[]> = {
  ...SPEC_2018,
  //           0 1 2 3 4 5 6 7 8 9 10 11 12 13 14
  strategi: [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4],
};

describe.each([
  ['2018', SPEC_2018],
  ['2021', SPEC_2021],
])('score bins of survey form %s', (id, expected) => {
  const survey = loadSurveyFile(id);
  for (const key of ['strategi', 'prosjekter', 'sky', 'innkjop', 'interne'] as const) {
    it(`${key}: every count 0…${expected[key].length - 1} gets the spec's score`, () => {
      const def = survey.simple[key];
      expect(Object.keys(def.items).length).toBe(expected[key].length - 1);
      expected[key].forEach((want, count) => expect(score(count, def.bins), `count ${count}`).toBe(want));
    });
  }
  it('tjenester: every point total 0…14 gets the spec\'s score', () => {
    expect(survey.tjenester.maxPoints).toBe(14);
    expected.tjenester.forEach((want, pts) => expect(score(pts, survey.tjenester.bins), `points ${pts}`).toBe(want));
  });
});

describe('score', () => {
  it('unknown count → unknown score', () => {
    expect(score(null, [1, 5, 7, 9])).toBeNull();
    expect(score(undefined, [1, 5, 7, 9])).toBeNull();
  });
  it('counts beyond the last bound stay 4', () => {
    expect(score(99, [1, 4, 7, 10])).toBe(4);
  });
});
