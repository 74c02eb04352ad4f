import type { Answer, Gate } from './counts';

export type Complexity = 'enkel' | 'kompleks';

export interface ServiceWay {
  answer: Answer;
  complexity: Complexity;
}

/** Points per canonical answer, by complexity (survey definition `tjenester.points`); others give 0. */
export type ServicePoints = Readonly<Record<Complexity, Readonly<Record<string, number>>>>;

/**
 * Service points (spec, «Service points»): sum over the four ways of offering services.
 * Gate not open (Nei) → 0 points; gate blank → unknown.
 */
export function tjenesterPoeng(gate: Gate, ways: readonly ServiceWay[], points: ServicePoints): number | null {
  if (gate.answer == null || gate.answer === '') return null;
  if (!gate.open.includes(gate.answer)) return 0;
  let sum = 0;
  for (const w of ways) {
    if (w.answer == null) continue;
    sum += points[w.complexity][w.answer] ?? 0;
  }
  return sum;
}
