import { describe, expect, it } from 'vitest';
import { countItems } from '../../src/lib/rules/counts';

const open = ['Ja'];
const areas = ['Ja', 'Nei', 'Ja', 'Ikke relevant', 'Vet ikke', null, 'Ja'];

describe('countItems (spec: Counting answers)', () => {
  it('gate Ja: counts only the items answered with a counting label', () => {
    expect(countItems(areas, ['Ja'], { answer: 'Ja', open })).toBe(3);
  });
  it('gate Nei or Vet ikke: 0, even when the follow-up items were filled', () => {
    expect(countItems(areas, ['Ja'], { answer: 'Nei', open })).toBe(0);
    expect(countItems(areas, ['Ja'], { answer: 'Vet ikke', open })).toBe(0);
  });
  it('gate blank: unknown (null), not 0, whatever the items say', () => {
    expect(countItems(areas, ['Ja'], { answer: null, open })).toBeNull();
    expect(countItems(areas, ['Ja'], { answer: undefined, open })).toBeNull();
    expect(countItems(areas, ['Ja'], { answer: '', open })).toBeNull();
  });
  it('gate Ja with no item answered Ja gives 0 (strategy with 0 areas named)', () => {
    expect(countItems(['Nei', null, 'Vet ikke'], ['Ja'], { answer: 'Ja', open })).toBe(0);
  });
  it('ungated block: counts, blanks count 0, an all-blank block is 0', () => {
    const innkjop = ['Ja, helt', 'Ja, delvis', 'Nei', 'Vet ikke', null, 'Ja, helt'];
    expect(countItems(innkjop, ['Ja, helt', 'Ja, delvis'])).toBe(3);
    expect(countItems([null, null, null], ['Ja, helt', 'Ja, delvis'])).toBe(0);
  });
  it('ICT functions: only «mainly in-house» answers count (2021 and 2018 wording)', () => {
    const f2021 = ['Bare/kun interne medarbeidere', 'For det meste interne medarbeidere', 'Omtrent likt fordelt', 'For det meste eksterne leverandører', 'Bare/kun eksterne leverandører', 'Ikke relevant', 'Vet ikke'];
    expect(countItems(f2021, ['Bare/kun interne medarbeidere', 'For det meste interne medarbeidere'])).toBe(2);
    const f2018 = ['Utelukkende interne', 'Overveiende interne', 'Noenlunde likt fordelt', 'Overveiende eksterne', 'Utelukkende eksterne'];
    expect(countItems(f2018, ['Utelukkende interne', 'Overveiende interne'])).toBe(2);
  });
});
