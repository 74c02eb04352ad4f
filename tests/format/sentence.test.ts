import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../src/lib/types';
import {
  fillTemplate, gradeLabel, gradeText, kommuneSummary, kompetanseText, simpleMax, simpleSentence,
} from '../../src/lib/format/sentence';

const survey2018 = JSON.parse(readFileSync(new URL('../../data/surveys/2018.json', import.meta.url), 'utf8')) as SurveyDefinition;
const survey2021 = JSON.parse(readFileSync(new URL('../../data/surveys/2021.json', import.meta.url), 'utf8')) as SurveyDefinition;

describe('simpleSentence', () => {
  it('fills the definition template and appends the score word', () => {
    const def = survey2018.simple.strategi;
    expect(simpleMax(def)).toBe(13);
    const s = simpleSentence(def, 11, 3, survey2018);
    expect(s).toBe(`${def.sentence.replace('{antall}', '11').replace('{max}', '13')} → ${survey2018.scoreLabels[3]}`);
    expect(s).toContain('11 av 13');
  });
  it('uses the 2021 form size (14 areas)', () => {
    expect(simpleSentence(survey2021.simple.strategi, 14, 4, survey2021)).toContain('14 av 14');
  });
  it('uses max points for tjenester', () => {
    const s = simpleSentence(survey2021.tjenester, 7, 4, survey2021);
    expect(s).toContain(`7 av ${survey2021.tjenester.maxPoints}`);
    expect(s.endsWith(`→ ${survey2021.scoreLabels[4]}`)).toBe(true);
  });
  it('says unknown without inventing a number', () => {
    const s = simpleSentence(survey2021.simple.sky, null, null, survey2021);
    expect(s).toContain('..');
    expect(s.endsWith('→ ukjent')).toBe(true);
  });
});

describe('fillTemplate', () => {
  it('keeps unknown placeholders', () => {
    expect(fillTemplate('{a} og {b}', { a: 1 })).toBe('1 og {b}');
  });
});

describe('gradeText and kompetanseText', () => {
  const def = survey2021.grades.prioritering;
  it('shows grade number and label', () => {
    expect(gradeText(def, 4)).toBe(`Grad 4: ${def.labels[4]}`);
    expect(gradeText(def, 0)).toBe(`Grad 0: ${def.labels[0]}`);
    expect(gradeLabel(def, 2)).toBe(def.labels[2]);
  });
  it('distinguishes unknown from not answered', () => {
    expect(gradeText(def, null)).toBe('Ukjent');
    expect(gradeText(def, null, false)).toBe('Ukjent – svarte ikke');
    expect(gradeLabel(def, null)).toBe('Ukjent');
  });
  it('labels kompetanse categories', () => {
    expect(kompetanseText(survey2021.kompetanse, 'B')).toBe(`B: ${survey2021.kompetanse.categories.B}`);
    expect(kompetanseText(survey2021.kompetanse, null, false)).toBe('Ukjent – svarte ikke');
  });
});

describe('kommuneSummary', () => {
  it('names both grades for a respondent', () => {
    const s = kommuneSummary(survey2021, { kommunenavn: 'Oslo', year: 2021, svart: true, prioritering: 4, aktivitet: 1, kompetanse: 'A' });
    expect(s).toMatch(/^I 2021 hadde Oslo grad 4 av 4 i digital prioritering/);
    expect(s).toContain('grad 1 av 4 i digital aktivitet');
    expect(s).toContain(survey2021.grades.aktivitet.labels[1].toLowerCase());
  });
  it('says a non-respondent did not answer', () => {
    const s = kommuneSummary(survey2021, { kommunenavn: 'Træna', year: 2024, svart: false, prioritering: null, aktivitet: null, kompetanse: null });
    expect(s).toContain('svarte ikke');
    expect(s).not.toMatch(/grad \d/);
  });
  it('handles an unknown grade of a respondent', () => {
    const s = kommuneSummary(survey2021, { kommunenavn: 'X', year: 2021, svart: true, prioritering: null, aktivitet: 2, kompetanse: null });
    expect(s).toContain('ukjent grad i digital prioritering');
  });
});
