import { describe, expect, test } from 'vitest';
import { kommuneSummaryText, surveyName } from '../../src/site/summary';
import type { SurveyDefinition } from '../../src/lib/types';

const survey = {
  title: 'Bruk av IKT i offentlig sektor 2021 (skjema for kommuner)',
  grades: {
    prioritering: { title: 'Digital prioritering', labels: ['P0', 'P1', 'P2', 'P3', 'Både omfattende strategi og prosjekter'] },
    aktivitet: { title: 'Digital aktivitet', labels: ['A0', 'A1', 'Bruker mye, tilbyr lite', 'A3', 'A4'] },
  },
} as unknown as Pick<SurveyDefinition, 'title' | 'grades'>;

describe('the quotable kommune sentence', () => {
  test('names grades, year and the real source', () => {
    const text = kommuneSummaryText(survey, { kommunenavn: 'Bergli', svart: 1, prioritering: 4, aktivitet: 2 }, 2024, false);
    expect(text).toBe('Bergli hadde grad 4 av 4 i digital prioritering («både omfattende strategi og prosjekter») og grad 2 i digital aktivitet («bruker mye, tilbyr lite») i SSBs undersøkelse «Bruk av IKT i offentlig sektor» 2024.');
  });

  test('demo data never claim SSB as the source', () => {
    const text = kommuneSummaryText(survey, { kommunenavn: 'Bergli', svart: 1, prioritering: 4, aktivitet: 2 }, 2024, true);
    expect(text).toContain('i demodataene for 2024 (ikke SSBs tall)');
    expect(text).not.toContain('i SSBs undersøkelse');
  });

  test('an unknown grade is not a grade, and a non-respondent is said to have not answered', () => {
    expect(kommuneSummaryText(survey, { kommunenavn: 'Dal', svart: 1, prioritering: null, aktivitet: 0 }, 2021, false))
      .toMatch(/^Dal hadde ukjent grad i digital prioritering \(mangler svar\) og grad 0 av 4/);
    expect(kommuneSummaryText(survey, { kommunenavn: 'Øy', svart: 0, prioritering: null, aktivitet: null }, 2021, false))
      .toBe('Øy svarte ikke på SSBs undersøkelse «Bruk av IKT i offentlig sektor» 2021, så gradene er ukjente.');
  });

  test('survey name without form and year', () => {
    expect(surveyName(survey)).toBe('Bruk av IKT i offentlig sektor');
  });
});
