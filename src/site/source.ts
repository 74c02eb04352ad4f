// The line under every figure: which year, which source, and whether the numbers are synthetic.
import { survey, yearSummary } from './data';
import { surveyName } from './summary';
import { groupByName, sourceText } from '../lib/format/sourceText';

/** The survey's public name in `year`: the year entry's `surveyName`, else the definition's title. */
export function surveyNameOf(year: number): string {
  return yearSummary(year).surveyName ?? surveyName(survey(year));
}

export function sourceLine(year: number, opts: { map?: boolean } = {}): string {
  return sourceText([{ name: surveyNameOf(year), years: [year] }], yearSummary(year).synthetic, opts);
}

/** The same line for a figure spanning several survey years (/utvikling/). */
export function sourceLineYears(years: readonly number[], opts: { map?: boolean } = {}): string {
  if (years.length === 0) return '';
  return sourceText(groupByName(years, surveyNameOf), years.some((y) => yearSummary(y).synthetic), opts);
}
