import { describe, expect, it } from 'vitest';
import { checkSurveyDefinition, parseSurveyDefinition, computeIndicators, indicatorRows } from '../../src/lib/pipeline/index';
import { blankRow, loadSurveyFile } from './helpers';
import type { ResponseRow } from '../../src/lib/types';

describe('survey definitions', () => {
  it('both shipped definitions pass the check', () => {
    for (const id of ['2018', '2021']) expect(checkSurveyDefinition(loadSurveyFile(id), `${id}.json`)).toEqual([]);
  });
  it('broken definitions are reported, not thrown', () => {
    expect(parseSurveyDefinition('{', 'x.json')).toMatchObject({ ok: false });
    const def = loadSurveyFile('2021') as unknown as { simple: { sky: { bins: number[] } } };
    def.simple.sky.bins = [1, 4, 4, 10];
    const r = parseSurveyDefinition(JSON.stringify(def), 'x.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join('\n')).toContain('simple.sky.bins');
  });
});

describe('the 2018 form through the pipeline', () => {
  const survey = loadSurveyFile('2018');
  it('13 strategy areas with SSB bins 12–13 → 4; 2018 ICT-function labels count', () => {
    const areas = Object.keys(survey.simple.strategi.items);
    expect(areas).toHaveLength(13);
    const row: ResponseRow = { ...blankRow(survey, '0101'), strategi: 'Ja', prosjekter: 'Nei' };
    areas.slice(0, 12).forEach((c) => (row[c] = 'Ja'));
    const funksjoner = Object.keys(survey.simple.interne.items);
    funksjoner.forEach((c, i) => (row[c] = i < 8 ? 'Overveiende interne' : 'Overveiende eksterne'));
    row.hinder_kompetanse = 'I ganske stor grad';
    const [r] = indicatorRows(computeIndicators([row], survey));
    expect([r.strategi_antall, r.strategi_score, r.prioritering]).toEqual([12, 4, 2]);
    // 8 in-house functions → score 3 (8–10) → high; hinder stor → B
    expect([r.interne_antall, r.interne_score, r.kompetanse]).toEqual([8, 3, 'B']);
  });
});
