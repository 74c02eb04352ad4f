// `npm run demo`: regenerates the synthetic demo responses (data/responses/<year>.csv) for every
// year entry marked synthetic. `npm run demo -- --check` only verifies the committed files.
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDemoCsv, planDemoWaves, type DemoYearInput } from '../src/lib/demo/index';
import { loadStructure, PROJECT_ROOT, type ReferenceOptions } from './lib/reference-files';
import type { SurveyDefinition, YearEntry } from '../src/lib/types';

export interface DemoFile {
  year: number;
  /** Absolute path of the responses file. */
  file: string;
  csv: string;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Generates (in memory) the demo file of every synthetic year entry under `<root>/data`. */
export function demoFiles(opts: ReferenceOptions & { root?: string } = {}): DemoFile[] {
  const root = opts.root ?? PROJECT_ROOT;
  const dataDir = path.join(root, 'data');
  const yearsDir = path.join(dataDir, 'years');
  const inputs: DemoYearInput[] = [];
  for (const name of readdirSync(yearsDir).filter((f) => f.endsWith('.json')).sort()) {
    const entry = readJson<YearEntry>(path.join(yearsDir, name));
    if (!entry.synthetic) continue;
    const survey = readJson<SurveyDefinition>(path.join(dataDir, 'surveys', `${entry.survey}.json`));
    const loaded = loadStructure(entry.structure, { ...opts, projectRoot: root, dataDir });
    inputs.push({
      entry,
      survey,
      register: loaded.register,
      previous: loaded.previous
        ? { structure: loaded.previous.structure.id, register: loaded.previous.register, correspondence: loaded.previous.correspondence }
        : null,
    });
  }
  return planDemoWaves(inputs).map((p) => ({ year: p.year, file: path.join(dataDir, p.responses), csv: generateDemoCsv(p.wave) }));
}

function main(argv: string[]): number {
  let check = false;
  let reference: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') check = true;
    else if (a === '--reference') reference = argv[++i] ?? null;
    else if (a === '--help' || a === '-h') {
      console.log([
        'Bruk: npm run demo -- [--check] [--reference <katalog>]',
        '',
        'Lager de syntetiske demodataene (data/responses/<år>.csv) for hvert år som er merket',
        '«synthetic» i data/years/. Samme frø gir byte-identiske filer.',
        '  --check                 skriv ingenting; feil hvis de lagrede filene avviker',
        '  --reference <katalog>   referansedata (registre) hvis ikke standardstedet brukes',
      ].join('\n'));
      return 0;
    } else {
      console.error(`Ukjent valg: ${a} (se --help)`);
      return 2;
    }
  }
  const files = demoFiles({ reference });
  let stale = 0;
  for (const f of files) {
    const rows = f.csv.split('\n').length - 2;
    const rel = path.relative(process.cwd(), f.file);
    if (check) {
      const same = existsSync(f.file) && readFileSync(f.file, 'utf8') === f.csv;
      if (!same) stale++;
      console.log(`${same ? 'ok     ' : 'AVVIKER'} ${rel} (${f.year}, ${rows} svar)`);
    } else {
      mkdirSync(path.dirname(f.file), { recursive: true });
      writeFileSync(f.file, f.csv);
      console.log(`skrev ${rel} (${f.year}, ${rows} svar, syntetiske)`);
    }
  }
  if (stale > 0) console.error(`${stale} fil(er) avviker fra en ny generering: kjør npm run demo.`);
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  }
}
