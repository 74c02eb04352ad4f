import { describe, expect, it } from 'vitest';
import { hinderGroup, kompetanse, rekruttert } from '../../src/lib/rules/kompetanse';
import { loadSurveyFile } from './helpers';

describe.each(['2018', '2021'])('kompetansehinder grouping, form %s', (id) => {
  const groups = loadSurveyFile(id).kompetanse.hinderGroups;
  it.each([
    ['I svært liten grad', 'liten'],
    ['I ganske liten grad', 'liten'],
    ['I verken stor eller liten grad', 'middels'],
    ['I ganske stor grad', 'stor'],
    ['I svært stor grad', 'stor'],
    ['Ikke relevant', null],
    ['Vet ikke', null],
    [null, null],
  ])('%s → %s', (answer, group) => expect(hinderGroup(answer, groups)).toBe(group));
});

describe('kompetanse category (high interne = score ≥ 3) × hinder', () => {
  // By hand from the spec table: A high+not stor, B high+stor, C low+not stor, D low+stor.
  it.each([
    [4, 'liten', 'A'], [3, 'middels', 'A'], [3, 'stor', 'B'], [4, 'stor', 'B'],
    [2, 'liten', 'C'], [0, 'middels', 'C'], [2, 'stor', 'D'], [0, 'stor', 'D'], [1, 'liten', 'C'],
  ] as const)('interne score %i, hinder %s → %s', (s, h, cat) => expect(kompetanse(s, h)).toBe(cat));
  it('unknown when either input is unknown', () => {
    expect(kompetanse(null, 'stor')).toBeNull();
    expect(kompetanse(4, null)).toBeNull();
    expect(kompetanse(undefined, undefined)).toBeNull();
  });
});

describe('rekruttert', () => {
  it('Ja → 1, Nei → 0, blank → unknown', () => {
    expect(rekruttert('Ja')).toBe(1);
    expect(rekruttert('Nei')).toBe(0);
    expect(rekruttert(null)).toBeNull();
    expect(rekruttert('Vet ikke')).toBeNull();
  });
});
