import { describe, expect, it } from 'vitest';
import { tjenesterPoeng, type ServiceWay } from '../../src/lib/rules/tjenester';
import { loadSurveyFile } from './helpers';

const survey = loadSurveyFile('2021');
const points = survey.tjenester.points;
const open = ['Ja'];
const gateJa = { answer: 'Ja', open };

// The spec's service-points table, by hand: answer → [simple way, complex way].
const TABLE: [string | null, number, number][] = [
  ['Ingen tjenester', 0, 0],
  ['Noen tjenester', 1, 2],
  ['Omtrent halvparten av tjenestene', 3, 4],
  ['De fleste tjenestene', 3, 4],
  ['Alle tjenestene', 3, 4],
  ['Ikke relevant', 0, 0],
  ['Vet ikke', 0, 0],
  [null, 0, 0],
];

const one = (answer: string | null, complexity: 'enkel' | 'kompleks'): ServiceWay[] => [{ answer, complexity }];

describe('tjenester points (spec table)', () => {
  it.each(TABLE)('%s → simple %i, complex %i', (answer, enkel, kompleks) => {
    expect(tjenesterPoeng(gateJa, one(answer, 'enkel'), points)).toBe(enkel);
    expect(tjenesterPoeng(gateJa, one(answer, 'kompleks'), points)).toBe(kompleks);
  });
  it('sums the four ways: maximum 3 + 3 + 4 + 4 = 14', () => {
    const all: ServiceWay[] = Object.values(survey.tjenester.ways).map((w) => ({ answer: 'Alle tjenestene', complexity: w.complexity }));
    expect(tjenesterPoeng(gateJa, all, points)).toBe(14);
  });
  it('mixed: Noen (simple 1) + De fleste (simple 3) + Noen (complex 2) + Vet ikke (0) = 6', () => {
    const ways: ServiceWay[] = [
      { answer: 'Noen tjenester', complexity: 'enkel' },
      { answer: 'De fleste tjenestene', complexity: 'enkel' },
      { answer: 'Noen tjenester', complexity: 'kompleks' },
      { answer: 'Vet ikke', complexity: 'kompleks' },
    ];
    expect(tjenesterPoeng(gateJa, ways, points)).toBe(6);
  });
  it('gate Nei → 0 points even when the ways are filled; gate blank → unknown', () => {
    const filled: ServiceWay[] = [{ answer: 'Alle tjenestene', complexity: 'kompleks' }];
    expect(tjenesterPoeng({ answer: 'Nei', open }, filled, points)).toBe(0);
    expect(tjenesterPoeng({ answer: null, open }, filled, points)).toBeNull();
  });
  it('the 2018 definition gives the same points', () => {
    expect(loadSurveyFile('2018').tjenester.points).toEqual(points);
  });
});
