// One survey year: its responses read against its register and definition, the indicator
// tables computed and written as artefacts, and its map with what the map lacks.
import { join } from 'node:path';
import type { KommuneIndicators, Problem, RegisterRow, StructureEntry, SurveyDefinition, YearEntry } from '../../src/lib/types';
import { readResponses } from '../../src/lib/read/responses';
import { computeYear, writeArtefacts, type YearResult } from '../../src/lib/pipeline/artefacts';
import type { MapGeometry } from '../../src/draw/map/prepare';
import type { BuildEffects } from './effects';
import { InputError } from './errors';
import { assertPublishable } from './privacy';
import { confinedPath, type InputReader } from './engine-inputs';
import { mapForRegister, type MapCoverage } from './engine-map';
import { publicationOf } from './engine-publication';
import { sha256 } from './hash';
import { checkPublication, figureDigest, type YearPublication } from '../../src/lib/publication/versions';

export interface YearInputs {
  entry: YearEntry;
  /** The year entry's file as the manifest names it (for messages about its fields). */
  entryFile: string;
  survey: SurveyDefinition;
  structure: StructureEntry;
  register: RegisterRow[];
  geometry: MapGeometry | null;
}

export interface YearOutput {
  computed: YearResult<KommuneIndicators>;
  coverage: MapCoverage | null;
  publication: YearPublication;
}

export interface YearDirs {
  dataDir: string;
  artefactDir: string;
  digests?: 'check' | 'write';
}

const json = (v: unknown) => `${JSON.stringify(v, null, 1)}\n`;

export async function runYear(y: YearInputs, dirs: YearDirs, input: InputReader, fx: BuildEffects): Promise<YearOutput> {
  const { entry, survey, register } = y;
  const responsesPath = confinedPath(dirs.dataDir, entry.responses, y.entryFile, 'responses');
  const bytes = await input.read(responsesPath, 'responses', `svarfila for ${entry.year}`);
  const file = input.display(responsesPath);
  // Nothing is revised silently: the file must be the one the recorded version was computed from.
  const publication = checkPublication(entry as unknown as Record<string, unknown> & { year: number }, sha256(bytes), y.entryFile, file);
  const result = readResponses(bytes, { file, survey, register });
  if (!result.ok) throw new InputError(`Svarfila for ${entry.year} kan ikke brukes:`, result.problems as Problem[]);
  for (const note of result.notes) fx.log(`  ${note}`);
  assertPublishable(result.columns, result.responses, survey, file);

  const computed = computeYear({ survey, responses: result.responses, register, year: entry.year, entry, structure: y.structure });
  const yearDir = join(dirs.artefactDir, String(entry.year));
  await fx.mkdir(yearDir);
  await writeArtefacts(computed, yearDir, (rel: string, content: string) => fx.writeFile(join(yearDir, rel), content));
  const digest = figureDigest(computed.indicators as unknown as ({ kommunenummer: string } & Record<string, unknown>)[]);
  const yearPublication = await publicationOf(entry.year, publication, digest, dirs, fx);
  await fx.writeFile(join(yearDir, 'publication.json'), json(yearPublication));

  if (!y.geometry) return { computed, coverage: null, publication: yearPublication };
  const { drawn, coverage } = mapForRegister(y.geometry, register);
  if (coverage.missing.length > 0) fx.log(`  Grensefila mangler ${coverage.missing.length} kommune(r): ${coverage.missing.map((m) => m.kommunenummer).join(', ')} (listes, tegnes ikke)`);
  if (coverage.extra.length > 0) fx.log(`  Grensefila har ${coverage.extra.length} kommune(r) som ikke er i registeret: ${coverage.extra.join(', ')} (utelatt fra kartet)`);
  await fx.writeFile(join(yearDir, 'map.json'), `${JSON.stringify(drawn)}\n`);
  await fx.writeFile(join(yearDir, 'map-coverage.json'), json(coverage));
  return { computed, coverage, publication: yearPublication };
}
