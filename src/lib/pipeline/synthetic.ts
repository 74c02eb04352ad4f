// Seeded synthetic responses for benchmarks and property-style tests (never published as data).
import type { ResponseRow, SurveyDefinition } from '../types';
import { ruleInputColumns } from './columns';
import { prng } from '../random';

function answerSetOf(survey: SurveyDefinition, column: string): string[] {
  if (survey.gates[column]) return survey.answerSets[survey.gates[column].answers];
  for (const def of Object.values(survey.simple)) if (column in def.items) return survey.answerSets[def.answers];
  if (column in survey.tjenester.ways) return survey.answerSets[survey.tjenester.answers];
  if (survey.itemAnswers[column]) return survey.answerSets[survey.itemAnswers[column]];
  if (survey.optional[column]) return survey.answerSets[survey.optional[column].answers];
  return ['Ja', 'Nei'];
}

/**
 * `n` response rows with every rule input answered at random (about 3 % blank), unique
 * 4-character kommunenummer-like ids when n ≤ 9 999, otherwise longer ids (benchmarks only).
 */
export function syntheticRows(survey: SurveyDefinition, n: number, seed = 1): ResponseRow[] {
  const rand = prng(seed);
  const cols = ruleInputColumns(survey).map((c) => ({ c, answers: answerSetOf(survey, c) }));
  const width = Math.max(4, String(n).length);
  const rows: ResponseRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const entries: [string, string | null][] = [['kommunenummer', String(i + 1).padStart(width, '0')]];
    // Half the units lean towards the first answers (Ja, Bare interne …) so every grade occurs.
    const lean = rand() < 0.5 ? 0.6 : 0;
    for (const { c, answers } of cols) {
      const r = rand();
      entries.push([c, r < 0.03 ? null : r < 0.03 + lean ? answers[0] : answers[Math.floor(rand() * answers.length)]]);
    }
    // fromEntries keeps V8's fast (shared-shape) properties: a quarter of the memory of keyed stores.
    rows[i] = Object.fromEntries(entries) as ResponseRow;
  }
  return rows;
}
