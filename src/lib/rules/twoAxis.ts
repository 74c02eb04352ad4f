import type { Grade } from '../types';
import { high } from './prioritering';

/**
 * The rule shared by *bruk* and *aktivitet*: 0 if min = 0 and max ≤ 1; 1 if both ≤ 2 otherwise;
 * 2 if only the first axis is high; 3 if only the second is; 4 if both are (high = ≥ 3).
 */
export function twoAxis(first: number | null | undefined, second: number | null | undefined): Grade | null {
  if (first == null || second == null) return null;
  if (Math.min(first, second) === 0 && Math.max(first, second) <= 1) return 0;
  if (high(first) && high(second)) return 4;
  if (high(first)) return 2;
  if (high(second)) return 3;
  return 1;
}

/** Bruk av digitale tjenester from C = sky score and I = innkjøp score. */
export const bruk = (C: number | null | undefined, I: number | null | undefined): Grade | null => twoAxis(C, I);

/** Digital aktivitet from U = bruk grade (used as a 0–4 input) and T = tjenester score. */
export const aktivitet = (U: number | null | undefined, T: number | null | undefined): Grade | null => twoAxis(U, T);

/** The twoAxis rule for each grade 0–4 in words, with the two axes' letters, as /metode/ prints it. */
export function twoAxisRuleTexts(first: string, second: string): readonly string[] {
  return [
    `minst av ${first} og ${second} er 0 og størst er høyst 1`,
    'begge høyst 2, ikke grad 0',
    `${first} høy, ${second} høyst 2`,
    `${second} høy, ${first} høyst 2`,
    `både ${first} og ${second} høy`,
  ];
}
