import { describe, expect, it } from 'vitest';
import { fylkeSlug, kommuneSlug, slugify } from '../../src/lib/format/slug';

describe('slugify', () => {
  it('transliterates Norwegian letters', () => {
    expect(slugify('Bærum')).toBe('baerum');
    expect(slugify('Tønsberg')).toBe('tonsberg');
    expect(slugify('Åsnes')).toBe('asnes');
    expect(slugify('Ørland')).toBe('orland');
  });
  it('transliterates Sami letters', () => {
    expect(slugify('Guovdageaidnu Kautokeino')).toBe('guovdageaidnu-kautokeino');
    expect(slugify('Kárášjohka')).toBe('karasjohka');
    expect(slugify('Unjárga - Nesseby')).toBe('unjarga-nesseby');
    expect(slugify('Deatnu - Tana')).toBe('deatnu-tana');
    expect(slugify('Gáivuotna Kåfjord Kaivuono')).toBe('gaivuotna-kafjord-kaivuono');
    expect(slugify('čđŋšŧž')).toBe('cdnstz');
  });
  it('turns spaces, parentheses and punctuation into single hyphens', () => {
    expect(slugify('Herøy (Møre og Romsdal)')).toBe('heroy-more-og-romsdal');
    expect(slugify('  Aurskog-Høland ')).toBe('aurskog-holand');
    expect(slugify('Os / Oslo')).toBe('os-oslo');
  });
  it('produces ASCII only', () => {
    expect(slugify('Trøndelag – Trööndelage')).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('kommuneSlug and fylkeSlug', () => {
  it('prefix the number', () => {
    expect(kommuneSlug('0301', 'Oslo')).toBe('0301-oslo');
    expect(fylkeSlug('03', 'Oslo')).toBe('03-oslo');
    expect(fylkeSlug('54', 'Troms og Finnmark - Romsa ja Finnmárku')).toBe('54-troms-og-finnmark-romsa-ja-finnmarku');
  });
});
