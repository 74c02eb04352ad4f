// Year entries, survey definitions and structures, each checked against its schema before any
// survey data or reference file is read. Every problem in every file is collected first, so one
// run lists them all, each naming the file and the field.
import { join } from 'node:path';
import type { Problem, StructureEntry, SurveyDefinition, YearEntry } from '../../src/lib/types';
import { checkStructure, checkSurvey, checkYearEntry } from '../../src/lib/schema';
import type { BuildEffects } from './effects';
import { InputError } from './errors';
import type { InputReader } from './engine-inputs';

export interface Definitions {
  /** Sorted by year. */
  entries: YearEntry[];
  /** year → the entry's file as the manifest names it. */
  entryFiles: Map<number, string>;
  surveys: Map<string, { def: SurveyDefinition; sha: string }>;
  structures: Map<string, StructureEntry>;
}

export async function loadDefinitions(fx: BuildEffects, dataDir: string, input: InputReader): Promise<Definitions> {
  const yearsDir = join(dataDir, 'years');
  if (!(await fx.exists(yearsDir))) throw new InputError(`Fant ikke årgangskatalogen ${yearsDir} (ventet <år>.json der)`);
  const yearFiles = (await fx.readdir(yearsDir)).filter((f) => f.endsWith('.json'));
  if (yearFiles.length === 0) throw new InputError(`Ingen årganger i ${yearsDir} (ventet <år>.json)`);

  const problems: Problem[] = [];
  const entries: YearEntry[] = [];
  const fileOfYear = new Map<number, string>();
  for (const file of yearFiles) {
    const path = join(yearsDir, file);
    const checked = checkYearEntry(await input.readJson(path, 'year', 'årgangen'), input.display(path));
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    const earlier = fileOfYear.get(checked.value.year);
    if (earlier) problems.push({ file: input.display(path), column: 'year', message: `felt «year»: ${checked.value.year} står også i ${earlier}` });
    fileOfYear.set(checked.value.year, input.display(path));
    entries.push(checked.value);
  }
  entries.sort((a, b) => a.year - b.year);

  const surveys = new Map<string, { def: SurveyDefinition; sha: string }>();
  const structures = new Map<string, StructureEntry>();
  for (const entry of entries) {
    if (!surveys.has(entry.survey)) {
      const path = join(dataDir, 'surveys', `${entry.survey}.json`);
      const checked = checkSurvey(await input.readJson(path, 'survey', `skjemadefinisjonen ${entry.survey}`), input.display(path));
      if (checked.ok) surveys.set(entry.survey, { def: checked.value, sha: input.inputs[input.inputs.length - 1].sha256 });
      else problems.push(...checked.problems);
    }
    await loadStructure(entry.structure);
  }

  async function loadStructure(id: string): Promise<void> {
    if (structures.has(id)) return;
    const path = join(dataDir, 'structures', `${id}.json`);
    const checked = checkStructure(await input.readJson(path, 'structure', `inndelingen ${id}`), input.display(path));
    if (!checked.ok) {
      problems.push(...checked.problems);
      return;
    }
    if (checked.value.id !== id) {
      problems.push({ file: input.display(path), column: 'id', message: `felt «id»: er «${checked.value.id}», men fila heter ${id}.json` });
      return;
    }
    structures.set(id, checked.value);
  }

  if (problems.length > 0) throw new InputError('Datafilene kan ikke brukes:', problems);
  return { entries, entryFiles: new Map([...fileOfYear].map(([y, f]) => [y, f])), surveys, structures };
}
