// A survey definition arrives as JSON from a file the user names: check the parts the rules read
// before computing, so a broken definition ends in a clear message instead of a stack trace.
// The rules are the schema in src/lib/schema/survey.ts, the same the build checks.
import type { Problem, SurveyDefinition } from '../types';
import { checkSurvey } from '../schema';

/** Problems with a parsed survey definition (empty when it can be used): the one schema, shared with the build. */
export function checkSurveyDefinition(def: unknown, file: string): Problem[] {
  const checked = checkSurvey(def, file);
  return checked.ok ? [] : checked.problems;
}

/** Parse and check survey definition text. */
export function parseSurveyDefinition(text: string, file: string): { ok: true; survey: SurveyDefinition } | { ok: false; problems: Problem[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [{ file, message: `ugyldig JSON: ${(e as Error).message}` }] };
  }
  const problems = checkSurveyDefinition(parsed, file);
  return problems.length ? { ok: false, problems } : { ok: true, survey: parsed as SurveyDefinition };
}
