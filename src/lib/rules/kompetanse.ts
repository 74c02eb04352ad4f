import type { HinderGroup, KompetanseCategory } from '../types';
import type { Answer } from './counts';
import { high } from './prioritering';

/**
 * Group the «Manglende kompetanse» obstacle answer into liten / middels / stor.
 * Ikke relevant, Vet ikke, blank (anything not in a group) → unknown.
 */
export function hinderGroup(answer: Answer, groups: Readonly<Record<HinderGroup, readonly string[]>>): HinderGroup | null {
  if (answer == null) return null;
  if (groups.stor.includes(answer)) return 'stor';
  if (groups.middels.includes(answer)) return 'middels';
  if (groups.liten.includes(answer)) return 'liten';
  return null;
}

/**
 * Kompetanse category (project choice, spec): high(interne score) × hinder stor or not.
 * A «Mest interne, ikke stort hinder» · B «Mest interne, mangler kompetanse» ·
 * C «Mest eksterne, ikke stort hinder» · D «Mest eksterne, mangler kompetanse».
 */
export function kompetanse(interneScore: number | null | undefined, hinder: HinderGroup | null | undefined): KompetanseCategory | null {
  if (interneScore == null || hinder == null) return null;
  const stor = hinder === 'stor';
  if (high(interneScore)) return stor ? 'B' : 'A';
  return stor ? 'D' : 'C';
}

/** Ja → 1, Nei → 0, anything else (blank) → unknown. Used for rekruttert and rekrutteringsvansker. */
export function jaNei(answer: Answer): 0 | 1 | null {
  if (answer === 'Ja') return 1;
  if (answer === 'Nei') return 0;
  return null;
}

export const rekruttert = jaNei;

/** The rule for each kompetanse category in words, as /metode/ prints it. */
export const KOMPETANSE_RULE_TEXTS: Readonly<Record<KompetanseCategory, string>> = {
  A: 'interne høy, hinder liten/middels',
  B: 'interne høy, hinder stor',
  C: 'interne ikke høy, hinder liten/middels',
  D: 'interne ikke høy, hinder stor',
};
