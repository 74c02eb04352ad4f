// Which demo waves exist and how they chain: pure assembly from already-loaded inputs.
import type { CorrespondenceRow, RegisterRow, SurveyDefinition, YearEntry } from '../types';
import type { DemoWave } from './generate';

export interface DemoYearInput {
  entry: YearEntry;
  survey: SurveyDefinition;
  /** Register of the year's structure. */
  register: RegisterRow[];
  /** The structure's predecessor (data/structures/<id>.json `previous`), loaded. */
  previous: { structure: string; register: RegisterRow[]; correspondence: CorrespondenceRow[] } | null;
}

export interface PlannedWave {
  year: number;
  /** Path of the responses file relative to data/ (the year entry's `responses`). */
  responses: string;
  wave: DemoWave;
}

/** The seed of a demo year is the year itself (the year entries say «frø 2021», «frø 2024»). */
export const demoSeed = (year: number): number => year;

const identity = (register: readonly RegisterRow[]): CorrespondenceRow[] =>
  register.map((r) => ({
    kommunenummer_2020: r.kommunenummer,
    kommunenavn_2020: r.kommunenavn,
    kommunenummer_2024: r.kommunenummer,
    kommunenavn_2024: r.kommunenavn,
    endring: 'uendret',
  }));

/**
 * Synthetic years only, oldest first. Each wave continues the latest earlier wave it can reach: one
 * in the same structure (kommuner keep their numbers) or in the structure's predecessor (through
 * the correspondence), so a kommune's maturity, and with it its answers, evolves plausibly.
 */
export function planDemoWaves(inputs: readonly DemoYearInput[]): PlannedWave[] {
  const years = inputs.filter((i) => i.entry.synthetic).sort((a, b) => a.entry.year - b.entry.year);
  const planned: PlannedWave[] = [];
  for (const input of years) {
    const { entry } = input;
    let follows: DemoWave['follows'];
    for (let i = planned.length - 1; i >= 0 && !follows; i--) {
      const earlier = years[i];
      const gap = entry.year - earlier.entry.year;
      if (earlier.entry.structure === entry.structure) {
        follows = { register: earlier.register, seed: demoSeed(earlier.entry.year), correspondence: identity(earlier.register), years: gap, follows: planned[i].wave.follows };
      } else if (input.previous && input.previous.structure === earlier.entry.structure) {
        follows = { register: input.previous.register, seed: demoSeed(earlier.entry.year), correspondence: input.previous.correspondence, years: gap, follows: planned[i].wave.follows };
      }
    }
    planned.push({
      year: entry.year,
      responses: entry.responses,
      wave: { register: input.register, survey: input.survey, seed: demoSeed(entry.year), follows },
    });
  }
  return planned;
}
