// Spec («Comparison groups», project choice): a group with fewer than 3 responding units shows its
// counts but no share, so tiny groups are not over-read. The one place this rule lives.

export const MIN_DENOMINATOR = 3;

/** Whether a group of `denominator` known answers gets a share at all. */
export function hasShare(denominator: number): boolean {
  return denominator >= MIN_DENOMINATOR;
}

/** count / denominator, or null below MIN_DENOMINATOR. */
export function shareOf(count: number, denominator: number): number | null {
  return hasShare(denominator) ? count / denominator : null;
}

/** The rule as /metode/ prints it. */
export const SHARE_RULE_TEXT =
  `En gruppe med færre enn ${MIN_DENOMINATOR} kommuner med kjent svar får antall, men ingen andel, så små grupper ikke blir overtolket. Hver andel står med nevneren sin («41 av 98 kommuner»).`;
