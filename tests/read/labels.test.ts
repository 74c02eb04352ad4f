import { describe, expect, it } from 'vitest';
import {
  columnAnswerSets,
  describeAnswerSet,
  isNeverPublished,
  labelMatcher,
  normaliseLabel,
  requiredColumns,
} from '../../src/lib/read/labels';
import { survey2021 } from './helpers';

describe('normaliseLabel', () => {
  it('trims, collapses whitespace (also no-break spaces), case-folds and composes', () => {
    expect(normaliseLabel('  Vet\u00a0 IKKE \t')).toBe('vet ikke');
    expect(normaliseLabel('A\u030Alesund')).toBe('ålesund');
  });
});

describe('labelMatcher', () => {
  it('maps canonical labels, case/whitespace variants, aliases and codes to the canonical label', () => {
    const grad = labelMatcher(survey2021, 'grad');
    expect(grad('I svært stor grad')).toBe('I svært stor grad');
    expect(grad('  i SVÆRT   stor grad ')).toBe('I svært stor grad');
    expect(grad('Svært stor grad')).toBe('I svært stor grad'); // alias
    expect(grad('I verken stor eller i liten grad')).toBe('I verken stor eller liten grad'); // alias
    expect(grad('5')).toBe('I svært stor grad'); // code
    expect(grad(' 7 ')).toBe('Vet ikke');
    expect(grad('')).toBeNull();
    expect(grad('   ')).toBeNull();
    expect(grad('Kanskje')).toBeUndefined();
    expect(grad('8')).toBeUndefined();
    // A cached unknown stays unknown, a cached variant stays mapped.
    expect(grad('Kanskje')).toBeUndefined();
    expect(grad('  i SVÆRT   stor grad ')).toBe('I svært stor grad');
  });

  it('keeps answer sets apart: a label of one set is unknown in another', () => {
    expect(labelMatcher(survey2021, 'jaNei')('Vet ikke')).toBeUndefined();
    expect(labelMatcher(survey2021, 'jaNeiVetIkke')('vet ikke')).toBe('Vet ikke');
    expect(labelMatcher(survey2021, 'omraade')('ikke relevant')).toBe('Ikke relevant');
    expect(labelMatcher(survey2021, 'innkjop')('ja, DELVIS')).toBe('Ja, delvis');
  });

  it('throws for an answer set the definition lacks', () => {
    expect(() => labelMatcher(survey2021, 'nope')).toThrow(/nope/);
  });
});

describe('describeAnswerSet', () => {
  it('lists the labels and codes', () => {
    const text = describeAnswerSet(survey2021, 'jaNei');
    expect(text).toContain('«Ja», «Nei»');
    expect(text).toContain('1=Ja');
    expect(text).toContain('tomt felt');
  });
});

describe('columnAnswerSets and requiredColumns', () => {
  const sets = columnAnswerSets(survey2021);
  const required = requiredColumns(survey2021);

  it('covers gates, every simple item, tjenester ways, required extras and optional columns', () => {
    expect(sets.get('strategi')).toBe('jaNeiVetIkke');
    expect(sets.get('tilbyr_tjenester')).toBe('jaNeiVetIkke');
    expect(sets.get('strategi_omr_felleslosninger')).toBe('omraade');
    expect(sets.get('sky_omr_backup')).toBe('jaNeiVetIkke');
    expect(sets.get('innkjop_mottak_faktura')).toBe('innkjop');
    expect(sets.get('funksjon_sikkerhetstesting')).toBe('funksjon');
    expect(sets.get('tjeneste_selvaktivert')).toBe('tjeneste');
    expect(sets.get('hinder_kompetanse')).toBe('grad');
    expect(sets.get('rekruttert')).toBe('jaNeiVetIkke');
    expect(sets.get('hinder_ledelse')).toBe('grad');
    expect(sets.get('rekrutteringsvansker')).toBe('jaNei');
    // 4 gates + 14 + 10 + 15 + 8 + 12 items + 4 ways + 2 required + 16 optional
    expect(sets.size).toBe(4 + 14 + 10 + 15 + 8 + 12 + 4 + 2 + 16);
    expect(sets.has('kommunenummer')).toBe(false);
    for (const set of sets.values()) expect(survey2021.answerSets[set]).toBeDefined();
  });

  it('requires kommunenummer, the gates, all items, the ways and hinder_kompetanse/rekruttert only', () => {
    expect(required[0]).toBe('kommunenummer');
    expect(required).toHaveLength(1 + 4 + 14 + 10 + 15 + 8 + 12 + 4 + 2);
    expect(required).toContain('hinder_kompetanse');
    expect(required).toContain('rekruttert');
    expect(required).toContain('prosjekt_omr_andre');
    expect(required).not.toContain('hinder_ledelse');
    expect(required).not.toContain('strategi_oppdatert');
    expect(new Set(required).size).toBe(required.length);
  });
});

describe('isNeverPublished', () => {
  it('matches the prefixes and listed columns, case-insensitively', () => {
    expect(isNeverPublished(survey2021, 'kommentar')).toBe(true);
    expect(isNeverPublished(survey2021, 'kommentar_strategi')).toBe(true);
    expect(isNeverPublished(survey2021, 'Kontakt_Epost')).toBe(true);
    expect(isNeverPublished(survey2021, 'tidsbruk_minutter')).toBe(true);
    expect(isNeverPublished(survey2021, 'strategi')).toBe(false);
    // Every contact column, listed or not: the floor a definition cannot lower.
    expect(isNeverPublished(survey2021, 'kontakt_fax')).toBe(true);
  });

  it('keeps free text, contacts and time use hidden when a definition lists nothing', () => {
    const bare = { ...survey2021, neverPublished: { prefixes: [], columns: [], note: '' } };
    for (const c of ['kommentar', 'Kommentar_2', 'kontakt_navn', 'tidsbruk']) expect(isNeverPublished(bare, c)).toBe(true);
    expect(isNeverPublished(bare, 'kontaktperson_finnes')).toBe(false);
  });
});
