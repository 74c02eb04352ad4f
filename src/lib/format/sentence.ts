// Sentences built from the survey definition's templates, so wording lives in data/surveys/*.json.
import type {
  GradeDefinition, KompetanseCategory, KompetanseDefinition, Score, SimpleIndicatorDefinition,
  SurveyDefinition, TjenesterDefinition,
} from '../types';
import { gradeName } from '../rules/change';

export const UNKNOWN_LABEL = 'Ukjent';
export const NOT_ANSWERED = 'Ukjent – svarte ikke';

/** Number of items a simple indicator counts (its «max»). */
export function simpleMax(def: SimpleIndicatorDefinition | TjenesterDefinition): number {
  return 'maxPoints' in def ? def.maxPoints : Object.keys(def.items).length;
}

export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));
}

/** The score's word (0 «ingen» … 4 «veldig høy»), or «ukjent». */
export function scoreLabel(survey: Pick<SurveyDefinition, 'scoreLabels'>, score: Score | null): string {
  return score === null ? 'ukjent' : survey.scoreLabels[score];
}

/**
 * «Strategien omtaler 11 av 13 områder → høy». Unknown counts say so instead of inventing a number.
 */
export function simpleSentence(
  def: SimpleIndicatorDefinition | TjenesterDefinition,
  antall: number | null,
  score: Score | null,
  survey: Pick<SurveyDefinition, 'scoreLabels'>,
): string {
  if (antall === null || score === null) {
    return `${fillTemplate(def.sentence, { antall: '..', max: simpleMax(def) })} → ukjent`;
  }
  return `${fillTemplate(def.sentence, { antall, max: simpleMax(def) })} → ${scoreLabel(survey, score)}`;
}

/** «Grad 4: Både omfattende IKT-strategi og IKT-prosjekter» (or «Ukjent – svarte ikke»). */
export function gradeText(def: GradeDefinition, grade: number | null, answered = true): string {
  if (grade === null) return answered ? UNKNOWN_LABEL : NOT_ANSWERED;
  return `Grad ${grade}: ${def.labels[grade]}`;
}

export function gradeLabel(def: GradeDefinition, grade: number | null): string {
  return grade === null ? UNKNOWN_LABEL : def.labels[grade];
}

export function kompetanseText(def: KompetanseDefinition, category: KompetanseCategory | null, answered = true): string {
  if (category === null) return answered ? UNKNOWN_LABEL : NOT_ANSWERED;
  return `${category}: ${def.categories[category]}`;
}

/** Lowercase first letter, for a label used mid-sentence. */
export function lowerFirst(text: string): string {
  return text.length === 0 ? text : text[0].toLocaleLowerCase('nb') + text.slice(1);
}

export interface SummaryInput {
  kommunenavn: string;
  year: number;
  svart: boolean;
  prioritering: number | null;
  aktivitet: number | null;
  kompetanse: KompetanseCategory | null;
}

/**
 * One quotable sentence: «I 2021 hadde Oslo grad 4 i digital prioritering (både …) og grad 2 i
 * digital aktivitet (…).» Non-respondents get a sentence saying exactly that.
 */
export function kommuneSummary(
  survey: Pick<SurveyDefinition, 'grades' | 'kompetanse'>,
  k: SummaryInput,
): string {
  if (!k.svart) {
    return `${k.kommunenavn} svarte ikke på SSBs undersøkelse i ${k.year}, så indikatorene er ukjente.`;
  }
  const part = (key: 'prioritering' | 'aktivitet', grade: number | null) => {
    const title = lowerFirst(survey.grades[key].title);
    return grade === null
      ? `ukjent grad i ${title}`
      : `${gradeName(grade)} i ${title} («${lowerFirst(survey.grades[key].labels[grade])}»)`;
  };
  return `I ${k.year} hadde ${k.kommunenavn} ${part('prioritering', k.prioritering)} og ${part('aktivitet', k.aktivitet)}.`;
}
