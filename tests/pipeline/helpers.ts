import { readFileSync } from 'node:fs';
import type { RegisterRow, ResponseRow, SurveyDefinition } from '../../src/lib/types';
import { readResponses } from '../../src/lib/read/responses';
import { parseRegister } from '../../src/lib/reference/register';

export const fixture = (name: string): URL => new URL(`../fixtures/pipeline/${name}`, import.meta.url);

export function loadSurveyFile(id: string): SurveyDefinition {
  return JSON.parse(readFileSync(new URL(`../../data/surveys/${id}.json`, import.meta.url), 'utf8')) as SurveyDefinition;
}

export function fixtureRegister(): RegisterRow[] {
  return parseRegister(readFileSync(fixture('register.csv'), 'utf8'), 'register.csv');
}

export function fixtureResponses(survey: SurveyDefinition, register: RegisterRow[] | null): { rows: ResponseRow[]; columns: string[] } {
  const r = readResponses(readFileSync(fixture('responses-2021.csv')), { file: 'responses-2021.csv', survey, register });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return { rows: r.rows, columns: r.columns };
}

/** A 2021 row with every rule input blank, to be filled per test. */
export function blankRow(survey: SurveyDefinition, kommunenummer: string): ResponseRow {
  const row: ResponseRow = { kommunenummer };
  for (const g of Object.keys(survey.gates)) row[g] = null;
  for (const def of Object.values(survey.simple)) for (const c of Object.keys(def.items)) row[c] = null;
  for (const c of Object.keys(survey.tjenester.ways)) row[c] = null;
  row[survey.kompetanse.hinder] = null;
  row[survey.kompetanse.rekruttert] = null;
  return row;
}
