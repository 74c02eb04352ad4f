// Synthetic demo responses for one survey wave: pure, seeded, byte-identical for the same input.
import { writeCsv } from '../publish/csv';
import type { RegisterRow, ResponseRow, SurveyDefinition } from '../types';
import { sizeZ, waveMaturity, type DemoBase } from './latent';
import { RESPONSE } from './model';
import { stream } from './prng';
import { demoColumns, respond } from './respond';

export interface DemoWave {
  /** The kommune register in effect for the wave (every kommune is asked). */
  register: readonly RegisterRow[];
  /** A survey definition of the 2021 form (labels, items and optional questions are read from it). */
  survey: SurveyDefinition;
  seed: number;
  /** The earlier wave this one continues, so the same kommune shows progress (absent for the first wave). */
  follows?: DemoBase;
}

/** Responding kommuner only (non-respondents are absent, as in a real export), sorted by kommunenummer. */
export function generateDemoRows(wave: DemoWave): ResponseRow[] {
  const { register, survey, seed } = wave;
  const maturity = waveMaturity(register, seed, wave.follows);
  const rows: ResponseRow[] = [];
  const sorted = [...register].sort((a, b) => (a.kommunenummer < b.kommunenummer ? -1 : a.kommunenummer > b.kommunenummer ? 1 : 0));
  let previous: string | null = null;
  for (const k of sorted) {
    if (k.kommunenummer === previous) throw new Error(`demo: kommunenummer ${k.kommunenummer} står to ganger i registeret`);
    previous = k.kommunenummer;
    const z = sizeZ(k.innbyggere);
    const p = 1 / (1 + Math.exp(-(RESPONSE.intercept + RESPONSE.size * z)));
    if (!stream(seed, 'svar', k.kommunenummer).chance(p)) continue;
    rows.push(respond(survey, k.kommunenummer, maturity.get(k.kommunenummer)!, z, stream(seed, 'svarene', k.kommunenummer)));
  }
  return rows;
}

/** The demo file: UTF-8 text, comma, LF, header row; blank answers are empty cells. */
export function generateDemoCsv(wave: DemoWave): string {
  const columns = demoColumns(wave.survey);
  const rows = generateDemoRows(wave);
  return writeCsv(columns, rows.map((r) => columns.map((c) => r[c] ?? null)));
}
