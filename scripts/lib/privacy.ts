// The privacy guarantee is structural: free text, contact details and time use are dropped by the
// reader at the header, so their values are never stored, passed on or written anywhere. This
// guard checks that structure, not values: what the reader hands on may hold only kommunenummer
// and the survey's own answer columns, none of them a never-published one. It never looks at
// (or keeps) a comment's text, so an ordinary comment («Ikke relevant», «Informasjonssikkerhet»)
// or a contact named like a kommune can never stop a build; a reader that let such a column
// through stops it, naming the column only.
//
// The end-to-end proof is in the tests: canary values in every never-published column of a
// fixture, none of which may appear in any byte of the built site (tests/build/privacy.test.ts).
import type { ResponseColumns, ResponseRow, SurveyDefinition } from '../../src/lib/types';
import { columnAnswerSets, neverPublishedTest } from '../../src/lib/read/labels';

export class PrivacyLeakError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrivacyLeakError';
  }
}

/**
 * Throws PrivacyLeakError unless `columns` and every row hold only kommunenummer and answer
 * columns the survey defines, none of them never-published.
 */
export function assertPublishable(columns: readonly string[], rows: readonly ResponseRow[] | ResponseColumns, survey: SurveyDefinition, file: string): void {
  const hidden = neverPublishedTest(survey);
  const known = columnAnswerSets(survey);
  const allowed = new Set(['kommunenummer', ...[...known.keys()].filter((c) => !hidden(c))]);
  const refuse = (column: string, why: string) => {
    throw new PrivacyLeakError(`Personvernvakt: kolonnen «${column}» fra ${file} ${why}. Ingenting er publisert.`);
  };
  for (const c of columns) {
    if (hidden(c)) refuse(c, 'skal aldri publiseres, men kom forbi innlesingen');
    if (!allowed.has(c)) refuse(c, 'er ikke et spørsmål i skjemadefinisjonen, men kom forbi innlesingen');
  }
  const expected = new Set(columns);
  if (!Array.isArray(rows)) {
    const data = rows as ResponseColumns;
    for (const key of [...data.names, ...Object.keys(data.values), ...Object.keys(data.coded ?? {})]) if (!expected.has(key)) refuse(key, 'står i svarene uten å være en kolonne innlesingen beholdt');
    return;
  }
  for (const row of rows as readonly ResponseRow[]) {
    for (const key of Object.keys(row)) if (!expected.has(key)) refuse(key, 'står i en rad uten å være en kolonne innlesingen beholdt');
  }
}
