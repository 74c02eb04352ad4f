import { describe, expect, it } from 'vitest';
import { boundedSlug, fylkeSlug, kommuneSlug, slugify, SLUG_NAME_MAX } from '../../src/lib/format/slug';

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

describe('bounded slugs', () => {
  it('cut a long name at a word boundary, within the bound, ASCII only', () => {
    const name = 'Nordre Sørre Østre Vestre Midtre Langnavnkommune i Fjellet og Fjorden';
    const slug = kommuneSlug('9999', name);
    const namePart = slug.slice('9999-'.length);
    expect(namePart.length).toBeLessThanOrEqual(SLUG_NAME_MAX);
    expect(namePart).toBe('nordre-sorre-ostre-vestre-midtre');
    expect(slug).toMatch(/^[a-z0-9-]+$/);
  });
  it('leave names within the bound as they are', () => {
    expect(boundedSlug('Porsanger - Porsángu - Porsanki')).toBe('porsanger-porsangu-porsanki');
  });
  it('cut a single over-long word at the bound', () => {
    expect(boundedSlug('a'.repeat(60))).toBe('a'.repeat(SLUG_NAME_MAX));
  });
});
