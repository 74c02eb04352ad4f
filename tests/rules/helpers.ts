import { readFileSync } from 'node:fs';
import type { SurveyDefinition } from '../../src/lib/types';

export function loadSurveyFile(id: string): SurveyDefinition {
  return JSON.parse(readFileSync(new URL(`../../data/surveys/${id}.json`, import.meta.url), 'utf8')) as SurveyDefinition;
}
