import type { Grade } from '../types';

/** high(x): score ≥ 3 (spec, «Composite grades»). */
export const high = (x: number): boolean => x >= 3;

/**
 * Digital prioritering from S = strategi score and P = prosjekter score.
 * Unlike bruk/aktivitet, (0,1) is grade 1 here: only both 0 gives 0.
 */
export function prioritering(S: number | null | undefined, P: number | null | undefined): Grade | null {
  if (S == null || P == null) return null;
  if (S === 0 && P === 0) return 0;
  if (high(S) && high(P)) return 4;
  if (high(S)) return 2;
  if (high(P)) return 3;
  return 1;
}

/** The rule for each grade 0–4 in words (S = strategi, P = prosjekter), as /metode/ prints it. */
export const PRIORITERING_RULE_TEXTS = [
  'S = 0 og P = 0',
  'verken S eller P høy, ikke begge 0',
  'S høy, P ikke høy',
  'P høy, S ikke høy',
  'både S og P høy',
] as const;

/** What «high» means, as /metode/ prints it. */
export const HIGH_RULE_TEXT = '«Høy» betyr poengsum 3 eller 4.';
