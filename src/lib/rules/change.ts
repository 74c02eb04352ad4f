// «Change between years» (spec/indicators.md, project choice): grades 2 and 3 are two kinds of
// middle, not two steps, so movement is counted on the levels 0 < 1 < {2, 3} < 4 and a 2 ↔ 3 move
// is «annen type» — neither up nor down.

export type Movement = 'opp' | 'samme' | 'annen_type' | 'ned';

/** The level of a grade: 0, 1, 2 (for grades 2 and 3) or 3 (for grade 4). */
export function gradeLevel(grade: number): number {
  if (!Number.isInteger(grade) || grade < 0 || grade > 4) throw new Error(`Ugyldig grad: ${grade}`);
  return grade <= 2 ? grade : grade === 3 ? 2 : 3;
}

/** Axis labels of the levels, lowest first. */
export const LEVEL_LABELS = ['0', '1', '2 / 3', '4'] as const;

/** Steps moved on the levels (negative = down); 0 for the same grade and for 2 ↔ 3. */
export function levelSteps(from: number, to: number): number {
  return gradeLevel(to) - gradeLevel(from);
}

export function movement(from: number, to: number): Movement {
  const steps = levelSteps(from, to);
  if (steps > 0) return 'opp';
  if (steps < 0) return 'ned';
  return from === to ? 'samme' : 'annen_type';
}

/** The rule as /metode/ and /utvikling/ print it. */
export const MOVEMENT_RULE_TEXT =
  'Endring i grad telles på nivåene 0 < 1 < {2, 3} < 4: grad 2 og 3 er to ulike typer midt på skalaen, ikke to trinn. ' +
  'Fra 0 til 1, fra 1 til 2 eller 3 og fra 2 eller 3 til 4 er opp; motsatt vei er ned. ' +
  'Fra 2 til 3 eller fra 3 til 2 er «annen type» – verken opp eller ned – og telles for seg. ' +
  'Ukjent grad ett av årene gjør kommunen ikke sammenlignbar.';

/**
 * How a grade is named in text: «grad 4 av 4» ranks it on the scale, which is right for 0, 1 and 4;
 * 2 and 3 are kinds, not ranks, so they are named without «av 4» (the label beside them names the kind).
 */
export function gradeName(grade: number): string {
  return gradeLevel(grade) === 2 ? `grad ${grade}` : `grad ${grade} av 4`;
}
