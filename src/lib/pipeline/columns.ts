import type { SimpleKey, SurveyDefinition } from '../types';

/** Output column names of each simple indicator (the CSV contract says prosjekt_, not prosjekter_). */
export const SIMPLE_OUTPUT: Record<SimpleKey, { antall: string; score: string }> = {
  strategi: { antall: 'strategi_antall', score: 'strategi_score' },
  prosjekter: { antall: 'prosjekt_antall', score: 'prosjekt_score' },
  sky: { antall: 'sky_antall', score: 'sky_score' },
  innkjop: { antall: 'innkjop_antall', score: 'innkjop_score' },
  interne: { antall: 'interne_antall', score: 'interne_score' },
};

export const SIMPLE_KEYS: readonly SimpleKey[] = ['strategi', 'prosjekter', 'sky', 'innkjop', 'interne'];

/** Every input column an indicator rule reads, in questionnaire order. */
export function ruleInputColumns(survey: SurveyDefinition): string[] {
  const cols = new Set<string>();
  for (const key of SIMPLE_KEYS) {
    const def = survey.simple[key];
    if (def.gate) cols.add(def.gate);
    for (const item of Object.keys(def.items)) cols.add(item);
  }
  cols.add(survey.tjenester.gate);
  for (const way of Object.keys(survey.tjenester.ways)) cols.add(way);
  cols.add(survey.kompetanse.hinder);
  cols.add(survey.kompetanse.rekruttert);
  return [...cols];
}
