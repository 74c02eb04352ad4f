// Latent digital maturity per kommune: the single trait that makes a kommune's answers hang
// together (and bigger kommuner do more), carried across waves through the kommune correspondence.
import type { CorrespondenceRow, RegisterRow } from '../types';
import { LOG_POP, MATURITY, PROGRESS } from './model';
import { stream } from './prng';

/** Standardised ln(innbyggere); an unknown population counts as a typical kommune. */
export function sizeZ(innbyggere: number | null): number {
  if (innbyggere == null || !(innbyggere > 0)) return 0;
  return (Math.log(innbyggere) - LOG_POP.mean) / LOG_POP.sd;
}

/** Maturity of a kommune seen for the first time: size plus its own seeded idiosyncrasy. */
export function freshMaturity(seed: number, kommunenummer: string, innbyggere: number | null): number {
  const rng = stream(seed, 'modenhet', kommunenummer);
  return MATURITY.size * sizeZ(innbyggere) + MATURITY.own * rng.normal();
}

export function baseMaturity(register: readonly RegisterRow[], seed: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of register) m.set(r.kommunenummer, freshMaturity(seed, r.kommunenummer, r.innbyggere));
  return m;
}

/** An earlier wave this one continues: its register, its seed and the years between them. */
export interface DemoBase {
  register: readonly RegisterRow[];
  seed: number;
  /** Rows old number → new number (`kommunenummer_2020` is the base's, `kommunenummer_2024` this wave's). */
  correspondence: readonly CorrespondenceRow[];
  years: number;
  /** The base wave's own predecessor, when it was not a first wave. */
  follows?: DemoBase;
}

/** Maturity of every kommune of a wave's register, following its chain of earlier waves. */
export function waveMaturity(register: readonly RegisterRow[], seed: number, follows?: DemoBase): Map<string, number> {
  return follows ? carriedMaturity(register, seed, follows) : baseMaturity(register, seed);
}

/**
 * Maturity in a later structure: each kommune inherits its predecessor's (a renumbered kommune is
 * the same kommune; both parts of a split inherit the whole's; a merger takes the population-weighted
 * mean), plus the average progress since the base wave and its own change. A kommune without a
 * predecessor starts fresh.
 */
export function carriedMaturity(register: readonly RegisterRow[], seed: number, base: DemoBase): Map<string, number> {
  const before = waveMaturity(base.register, base.seed, base.follows);
  const population = new Map(base.register.map((r) => [r.kommunenummer, r.innbyggere ?? 0]));
  const predecessors = new Map<string, CorrespondenceRow[]>();
  for (const row of base.correspondence) {
    if (!before.has(row.kommunenummer_2020)) continue;
    const list = predecessors.get(row.kommunenummer_2024) ?? [];
    list.push(row);
    predecessors.set(row.kommunenummer_2024, list);
  }
  const m = new Map<string, number>();
  for (const r of register) {
    const rows = predecessors.get(r.kommunenummer);
    if (!rows || rows.length === 0) {
      m.set(r.kommunenummer, freshMaturity(seed, r.kommunenummer, r.innbyggere));
      continue;
    }
    let weight = 0;
    let sum = 0;
    for (const p of rows) {
      const w = Math.max(population.get(p.kommunenummer_2020) ?? 0, 1);
      weight += w;
      sum += w * before.get(p.kommunenummer_2020)!;
    }
    const rng = stream(seed, 'utvikling', r.kommunenummer);
    const split = rows.some((p) => p.endring === 'delt');
    const change = PROGRESS.perYear * base.years + PROGRESS.noise * rng.normal() + (split ? PROGRESS.splitNoise * rng.normal() : 0);
    m.set(r.kommunenummer, sum / weight + change);
  }
  return m;
}
