import { describe, expect, test } from 'vitest';
import { groupUnknownLabel, missingAnswers, unknownLabel, unknownReason, unknownSplit, unknownSplitText } from '../../src/lib/format/unknown';
import type { KommuneIndicators, SurveyDefinition } from '../../src/lib/types';

// Hand-made rows: only the fields the helpers read.
const row = (over: Partial<KommuneIndicators>): KommuneIndicators => ({
  svart: 1, prioritering: 2, aktivitet: 2, bruk: 2, kompetanse: 'A',
  strategi_antall: 5, prosjekt_antall: 3, sky_antall: 2, innkjop_antall: 1, tjenester_poeng: 4, interne_antall: 6, kompetansehinder: 'liten',
  ...over,
} as KommuneIndicators);

const survey = {
  gates: {
    strategi: { question: '2', text: 'Har virksomheten en IKT-/digitaliseringsstrategi?' },
    prosjekter: { question: '5', text: 'Har virksomheten IKT-prosjekter?' },
    sky: { question: '8', text: 'Bruker virksomheten skytjenester?' },
    tilbyr: { question: '9', text: 'Tilbyr virksomheten tjenester?' },
  },
  simple: { strategi: { gate: 'strategi' }, prosjekter: { gate: 'prosjekter' }, sky: { gate: 'sky' }, innkjop: { gate: null }, interne: { gate: null } },
  tjenester: { gate: 'tilbyr' },
} as unknown as Pick<SurveyDefinition, 'gates' | 'simple' | 'tjenester'>;

describe('unknown values: did not answer vs. missing answer', () => {
  test('a non-respondent is «svarte ikke», a respondent with a blank gate is «mangler svar»', () => {
    const absent = row({ svart: 0, prioritering: null, aktivitet: null, kompetanse: null });
    const blank = row({ prioritering: null, strategi_antall: null });
    expect(unknownReason(absent, 'prioritering')).toBe('svarte ikke');
    expect(unknownReason(blank, 'prioritering')).toBe('mangler svar på et portspørsmål');
    expect(unknownLabel(absent, 'aktivitet')).toBe('Ukjent – svarte ikke');
    expect(unknownLabel(blank, 'prioritering')).toBe('Ukjent – mangler svar på et portspørsmål');
  });

  test('a group splits its unknown count by cause and labels it accordingly', () => {
    const rows = [
      row({ svart: 0, prioritering: null }), row({ svart: 0, prioritering: null }),
      row({ prioritering: null, strategi_antall: null }), row({ prioritering: 3 }),
    ];
    const split = unknownSplit(rows, 'prioritering');
    expect(split).toEqual({ notAnswered: 2, missing: 1 });
    expect(unknownSplitText(split)).toBe('2 svarte ikke, 1 mangler svar');
    expect(groupUnknownLabel(split)).toBe('Ukjent (svarte ikke eller mangler svar)');
    expect(groupUnknownLabel({ notAnswered: 2, missing: 0 })).toBe('Ukjent – svarte ikke');
    expect(groupUnknownLabel({ notAnswered: 0, missing: 1 })).toBe('Ukjent – mangler svar');
  });

  test('the missing question is named from the indicator row', () => {
    expect(missingAnswers(row({ prioritering: null, strategi_antall: null }), 'prioritering', survey))
      .toEqual(['svarte ikke på spørsmål 2, «Har virksomheten en IKT-/digitaliseringsstrategi?»']);
    expect(missingAnswers(row({ aktivitet: null, sky_antall: null, tjenester_poeng: null }), 'aktivitet', survey))
      .toEqual(['svarte ikke på spørsmål 8, «Bruker virksomheten skytjenester?»', 'svarte ikke på spørsmål 9, «Tilbyr virksomheten tjenester?»']);
    expect(missingAnswers(row({ kompetanse: null, kompetansehinder: null }), 'kompetanse', survey)[0]).toMatch(/hinder/);
    // Known values and non-respondents have nothing missing to explain.
    expect(missingAnswers(row({}), 'prioritering', survey)).toEqual([]);
    expect(missingAnswers(row({ svart: 0, prioritering: null, strategi_antall: null }), 'prioritering', survey)).toEqual([]);
  });
});

test('kompetanse unknown for a respondent: the hinder was not stated (blank, «Vet ikke» or «Ikke relevant»)', () => {
  const k = row({ kompetanse: null, kompetansehinder: null });
  expect(unknownLabel(k, 'kompetanse')).toBe('Ukjent – kompetansehinder ikke oppgitt');
  expect(unknownReason(k, 'kompetanse')).toBe('kompetansehinder ikke oppgitt');
});

test('kompetanse: the split names the missing hinder', () => {
  expect(unknownSplitText({ notAnswered: 3, missing: 2 }, 'kompetanse')).toBe('3 svarte ikke, 2 oppga ikke kompetansehinder');
});
