import { describe, expect, it } from 'vitest';
import { groupByName, sourceText } from '../../src/lib/format/sourceText';

const OLD = 'Bruk av IKT i offentlig sektor';
const NEW = 'Digitalisering og IKT i offentlig sektor';
// SSB renamed the survey in 2022.
const nameOf = (y: number) => (y >= 2022 ? NEW : OLD);

describe('source line text', () => {
  it('names the survey as it was called in the year', () => {
    expect(sourceText([{ name: nameOf(2024), years: [2024] }], false)).toBe(`Kilde: SSB, «${NEW}» 2024.`);
    expect(sourceText([{ name: nameOf(2021), years: [2021] }], true, { map: true }))
      .toBe(`Kilde: syntetiske demodata etter skjemaet til SSBs «${OLD}», 2021 (ikke SSBs tall). Kartgrunnlag: Kartverket (CC BY 4.0).`);
  });

  it('a span across the renaming names both, each with its years', () => {
    const groups = groupByName([2024, 2018, 2021], nameOf);
    expect(groups).toEqual([{ name: OLD, years: [2018, 2021] }, { name: NEW, years: [2024] }]);
    expect(sourceText(groups, false)).toBe(`Kilde: SSB, «${OLD}» 2018 og 2021 og «${NEW}» 2024.`);
    expect(sourceText(groups, true)).toContain(`skjemaene til SSBs «${OLD}» 2018 og 2021 og «${NEW}» 2024 (ikke SSBs tall)`);
  });

  it('one name over several years stays one group', () => {
    expect(groupByName([2022, 2024], nameOf)).toEqual([{ name: NEW, years: [2022, 2024] }]);
    expect(sourceText([], false)).toBe('');
  });
});
