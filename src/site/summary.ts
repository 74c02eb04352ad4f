// The one quotable sentence about a kommune in a year: grades, year and source. Journalists lift it
// as it stands, so it names the source (or says the numbers are demo data) and never calls an
// unknown value a grade. Also the page's meta description, so a shared link carries it.
import type { KommuneIndicators, SurveyDefinition } from '../lib/types';
import { lowerFirst } from '../lib/format/sentence';
import { gradeName } from '../lib/rules/change';

export function surveyName(s: Pick<SurveyDefinition, 'title'>): string {
  return s.title.replace(/\s*\(.*\)$/, '').replace(/\s+\d{4}$/, '');
}

type Row = Pick<KommuneIndicators, 'kommunenavn' | 'svart' | 'prioritering' | 'aktivitet'>;

/** `name`: the survey's public name that year (see surveyNameOf in source.ts); defaults to the definition's title. */
export function kommuneSummaryText(s: Pick<SurveyDefinition, 'title' | 'grades'>, k: Row, year: number, synthetic: boolean, name = surveyName(s)): string {
  if (k.svart !== 1) {
    return `${k.kommunenavn} svarte ikke på ${synthetic ? `undersøkelsen i ${year} (demodata, ikke SSBs tall)` : `SSBs undersøkelse «${name}» ${year}`}, så gradene er ukjente.`;
  }
  const part = (key: 'prioritering' | 'aktivitet') => {
    const grade = k[key];
    const title = lowerFirst(s.grades[key].title);
    return grade === null
      ? `ukjent grad i ${title} (mangler svar)`
      : `${gradeName(grade)} i ${title} («${lowerFirst(s.grades[key].labels[grade])}»)`;
  };
  const where = synthetic ? `i demodataene for ${year} (ikke SSBs tall)` : `i SSBs undersøkelse «${name}» ${year}`;
  return `${k.kommunenavn} hadde ${part('prioritering')} og ${part('aktivitet')} ${where}.`;
}
