import { describe, expect, it } from 'vitest';
import { computeItemShares, BLANK_ANSWER } from '../../src/lib/pipeline/index';
import { fixtureResponses, loadSurveyFile } from './helpers';

const survey = loadSurveyFile('2021');
const { rows, columns } = fixtureResponses(survey, null);
const items = computeItemShares(rows, survey, columns);
const of = (item: string) => Object.fromEntries(items.filter((r) => r.item === item).map((r) => [r.answer, r]));

describe('item shares on the fixture (counted by hand)', () => {
  it('the strategy gate among all 12 respondents: Ja 9, Nei 1, Vet ikke 1, blank 1', () => {
    const g = of('strategi');
    expect([g.Ja.count, g.Nei.count, g['Vet ikke'].count, g[BLANK_ANSWER].count]).toEqual([9, 1, 1, 1]);
    expect(g.Ja.denominator).toBe(12);
    expect(g.Ja.share).toBe(0.75);
    expect(g.Ja.block).toBe('gate');
  });

  it('strategy areas among the 9 kommuner with a strategy, not among all', () => {
    // area 1 is Ja wherever ≥ 1 area is named: all but 9907 (0 areas) → 8 of 9
    const first = of('strategi_omr_ikt_infrastruktur');
    expect(first.Ja.count).toBe(8);
    expect(first.Ja.denominator).toBe(9);
    expect(first.Ja.among).toBe('kommuner med IKT-/digitaliseringsstrategi');
    // area 14 (felleslosninger) only where all 14 are named: 1010 → 1 of 9; the other 8 said Ikke relevant
    const last = of('strategi_omr_felleslosninger');
    expect(last.Ja.count).toBe(1);
    expect(last['Ikke relevant'].count).toBe(8);
    // 9902 (Nei) filled every area with Ja: not counted
    expect(Object.values(last).reduce((a, r) => a + r.count, 0)).toBe(9);
  });

  it('service ways among the 10 kommuner offering services', () => {
    const w = of('tjeneste_apen_innsyn');
    expect(w['Noen tjenester'].count).toBe(4);
    expect(w['Alle tjenestene'].count).toBe(2);
    expect(w['Ingen tjenester'].count).toBe(1);
    expect(w['Noen tjenester'].denominator).toBe(10);
    expect(w['Noen tjenester'].share).toBe(0.4);
  });

  it('procurement and the competence obstacle among all respondents', () => {
    // innkjop_planlegging (item 1) is Ja, helt wherever ≥ 1 activity is digital: all but 9902, 9903 → 10
    expect(of('innkjop_planlegging')['Ja, helt'].count).toBe(10);
    expect(of('innkjop_planlegging')['Ja, helt'].denominator).toBe(12);
    const h = of('hinder_kompetanse');
    expect(h['I svært stor grad'].count).toBe(2); // 9902, 1011
    expect(h[BLANK_ANSWER].count).toBe(1); // 1010
  });

  it('every answer label is listed (zeros included) and counts add up to the denominator', () => {
    const byItem = new Map<string, number>();
    for (const r of items) byItem.set(r.item, (byItem.get(r.item) ?? 0) + r.count);
    for (const r of items) expect(byItem.get(r.item), r.item).toBe(r.denominator);
    expect(Object.keys(of('strategi_omr_robotisering'))).toEqual(['Ja', 'Nei', 'Ikke relevant', 'Vet ikke', BLANK_ANSWER]);
  });

  it('optional questions appear only when the file has them; free text never', () => {
    expect(items.some((r) => r.item === 'rekrutteringsvansker')).toBe(false);
    expect(items.some((r) => r.item.startsWith('kommentar') || r.item.startsWith('kontakt'))).toBe(false);
    const withOptional = rows.map((r, i) => ({ ...r, rekrutteringsvansker: i % 2 ? 'Ja' : 'Nei', politiske_foringer: 'I ganske stor grad' }));
    const more = computeItemShares(withOptional, survey, [...columns, 'rekrutteringsvansker', 'politiske_foringer']);
    const v = more.filter((r) => r.item === 'rekrutteringsvansker');
    // asked among those who tried to recruit: rekruttert = Ja in 6 rows
    expect(v[0].denominator).toBe(6);
    expect(more.filter((r) => r.item === 'politiske_foringer')[0].denominator).toBe(12);
  });

  it('a population under 3 units gets counts but no share', () => {
    const few = computeItemShares(rows.slice(0, 2), survey, columns);
    expect(few.every((r) => r.share === null)).toBe(true);
    expect(few.some((r) => r.count > 0)).toBe(true);
  });
});
