// The rule functions, registered once as Arquero ops so table expressions call them directly on
// column values (no per-row object is built, which keeps 100 000 rows well under a second).
import * as aq from 'arquero';
import { countItems, type Answer } from '../rules/counts';
import { score, type Bins } from '../rules/bins';
import { tjenesterPoeng, type ServicePoints, type Complexity } from '../rules/tjenester';
import { prioritering } from '../rules/prioritering';
import { bruk, aktivitet } from '../rules/twoAxis';
import { hinderGroup, kompetanse, jaNei } from '../rules/kompetanse';
import type { HinderGroup } from '../types';

export interface CountParam {
  gated: boolean;
  gateOpen: readonly string[];
  counts: readonly string[];
}

export interface TjenesterParam {
  gateOpen: readonly string[];
  complexities: readonly Complexity[];
  points: ServicePoints;
}

let registered = false;

export function registerOps(): void {
  if (registered) return;
  const opts = { override: true };
  aq.addFunction('dk_antall', (p: CountParam, gate: Answer, ...items: Answer[]) =>
    countItems(items, p.counts, p.gated ? { answer: gate, open: p.gateOpen } : undefined), opts);
  aq.addFunction('dk_score', (antall: number | null, bins: Bins) => score(antall, bins), opts);
  aq.addFunction('dk_tjenester', (p: TjenesterParam, gate: Answer, ...answers: Answer[]) =>
    tjenesterPoeng(
      { answer: gate, open: p.gateOpen },
      answers.map((answer, i) => ({ answer, complexity: p.complexities[i] })),
      p.points,
    ), opts);
  aq.addFunction('dk_prioritering', prioritering, opts);
  aq.addFunction('dk_bruk', bruk, opts);
  aq.addFunction('dk_aktivitet', aktivitet, opts);
  aq.addFunction('dk_hinder', (a: Answer, groups: Record<HinderGroup, string[]>) => hinderGroup(a, groups), opts);
  aq.addFunction('dk_kompetanse', kompetanse, opts);
  aq.addFunction('dk_janei', jaNei, opts);
  registered = true;
}
