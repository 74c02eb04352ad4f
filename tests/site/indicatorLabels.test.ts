import { describe, expect, test } from 'vitest';
import { indicatorLabels } from '../../src/site/indicatorLabels';
import type { SurveyDefinition } from '../../src/lib/types';

// Hand-made survey fragment: distinct labels so a mix-up of indicator or index shows.
const survey = {
  grades: {
    prioritering: { title: 'Prioritering-tittel', labels: ['p0', 'p1', 'p2', 'p3', 'p4'] },
    bruk: { title: 'Bruk-tittel', labels: ['b0', 'b1', 'b2', 'b3', 'b4'] },
    aktivitet: { title: 'Aktivitet-tittel', labels: ['a0', 'a1', 'a2', 'a3', 'a4'] },
  },
  kompetanse: { categories: { A: 'kat A', B: 'kat B', C: 'kat C', D: 'kat D' } },
} as unknown as Pick<SurveyDefinition, 'grades' | 'kompetanse'>;

describe('indicatorLabels', () => {
  test('a grade is titled by the survey and labelled by its value 0–4', () => {
    expect(indicatorLabels(survey, 'aktivitet')).toEqual({
      title: 'Aktivitet-tittel',
      labels: { '0': 'a0', '1': 'a1', '2': 'a2', '3': 'a3', '4': 'a4' },
    });
    expect(indicatorLabels(survey, 'bruk').labels['2']).toBe('b2');
  });

  test('kompetanse is «Digital kompetanse», labelled by category, and a copy of the survey’s map', () => {
    const { title, labels } = indicatorLabels(survey, 'kompetanse');
    expect(title).toBe('Digital kompetanse');
    expect(labels).toEqual({ A: 'kat A', B: 'kat B', C: 'kat C', D: 'kat D' });
    labels.A = 'endret';
    expect(survey.kompetanse.categories.A).toBe('kat A');
  });
});
