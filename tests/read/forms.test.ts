// The reader is driven by the survey definition: the 2018 form reads 2018 files and rejects 2021 ones.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/lib/publish/csv';
import { readResponses } from '../../src/lib/read/responses';
import type { SurveyDefinition } from '../../src/lib/types';
import { kommuner, survey2021, utf8, validTable } from './helpers';

const survey2018: SurveyDefinition = JSON.parse(
  readFileSync(new URL('../../data/surveys/2018.json', import.meta.url), 'utf8'),
);
const numbers = kommuner.map((k) => k.kommunenummer);

describe('survey forms', () => {
  it('reads a 2018-form file with the 2018 definition, including its ICT-function labels', () => {
    const t = validTable(numbers, 21, survey2018);
    t.rows[0][t.header.indexOf('funksjon_drift_pc')] = ' overveiende INTERNE ';
    const result = readResponses(utf8(writeCsv(t.header, t.rows, { delimiter: ';' })), { file: 'a2018.csv', survey: survey2018 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows[0].funksjon_drift_pc).toBe('Overveiende interne');
    expect(result.columns).toContain('strategi_omr_tjenester_naeringsliv');
    expect(result.columns).toContain('rekrutteringsvansker');
  });

  it('rejects a 2021-form file read with the 2018 definition, naming the missing 2018 columns', () => {
    const t = validTable(numbers, 22, survey2021);
    const result = readResponses(utf8(writeCsv(t.header, t.rows)), { file: 'a2021.csv', survey: survey2018 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0].message).toMatch(/påkrevde kolonner: .*strategi_omr_tjenester_innbyggere/);
  });

  it('rejects 2021 ICT-function labels under the 2018 definition', () => {
    const t = validTable(numbers, 23, survey2018);
    t.rows[1][t.header.indexOf('funksjon_drift_pc')] = 'For det meste interne medarbeidere';
    const result = readResponses(utf8(writeCsv(t.header, t.rows)), { file: 'a2018.csv', survey: survey2018 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ line: 3, column: 'funksjon_drift_pc' });
    expect(result.problems[0].message).toMatch(/«Utelukkende interne»/);
  });
});
