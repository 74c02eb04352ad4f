// npm run reference [-- --out <dir>] [--update] [--check] [--reference <dir>]
// Downloads the reference data (registers from SSB, boundaries from Kartverket via a pinned
// upstream copy) into the git-ignored cache, compared with the committed lock; or checks the
// reference directory in use.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../src/lib/reference/hash';
import { DEFAULT_PLAN } from '../src/lib/reference/plan';
import { ReferenceDataError, ReferenceDownloadError, ReferenceMissingError, ReferenceOfflineError } from '../src/lib/reference/errors';
import { LOCK_FILE, ReferenceLockError, describeDifference } from '../src/lib/reference/lock';
import { PROJECT_ROOT, loadStructure, referencePath, requireReferenceDir } from './lib/reference-files';
import { downloadReferenceTo } from './lib/reference-download';
import { lockDifferences, readLock } from './lib/reference-lock';
import { REFERENCE_CACHE, REFERENCE_ENV, SOURCE_LABEL } from '../src/lib/reference/resolve';

const HELP = `Bruk: npm run reference [-- valg]

Laster ned referansedata til ${REFERENCE_CACHE}/ (ikke versjonert):
  kartgrenser  Kartverket (CC BY 4.0) via robhop/fylker-og-kommuner, festet til én commit, SHA-256-kontrollert
  registre     SSB KLASS 131 (kommuner), 104 (fylker), StatBank 07459 (folketall 1. januar)
  endringer    SSB KLASS 131 endringer 2018 → 2020 og 2020 → 2024

Resultatet sammenlignes med ${LOCK_FILE} (SHA-256 av hver fil). Avviker det, skrives
ingenting, og en oppsummering viser hva som er endret (navn, folketall, kommuner lagt til
eller fjernet).

Valg:
  --out <katalog>        skriv hit i stedet for ${REFERENCE_CACHE}/
  --update               skriv filene og en ny ${LOCK_FILE} også når de avviker (for gjennomsyn før commit)
  --check                last ikke ned; kontroller referansekatalogen som er i bruk (også mot låsen)
  --reference <katalog>  (med --check) kontroller denne katalogen
  --help                 vis denne teksten

Referansekatalogen velges i denne rekkefølgen: --reference, ${REFERENCE_ENV},
${REFERENCE_CACHE}/ (hvis komplett), ../shared/ ved siden av prosjektet.`;

interface Args {
  out: string | null;
  update: boolean;
  check: boolean;
  reference: string | null;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { out: null, update: false, check: false, reference: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} trenger en katalog`);
      return v;
    };
    if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--check') args.check = true;
    else if (a === '--update') args.update = true;
    else if (a === '--out') args.out = value();
    else if (a === '--reference') args.reference = value();
    else if (a.startsWith('--out=')) args.out = a.slice(6);
    else if (a.startsWith('--reference=')) args.reference = a.slice(12);
    else throw new UsageError(`ukjent valg «${a}»`);
  }
  if (args.reference && !args.check) throw new UsageError('--reference brukes bare sammen med --check');
  if (args.update && args.check) throw new UsageError('--update og --check kan ikke brukes sammen');
  return args;
}

class UsageError extends Error {}

function check(reference: string | null): number {
  const ref = requireReferenceDir({ reference });
  console.log(`Referansekatalog: ${ref.dir} (fra ${SOURCE_LABEL[ref.source]})`);
  const ids = readdirSync(path.join(PROJECT_ROOT, 'data', 'structures'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
  for (const id of ids) {
    const s = loadStructure(id, { resolved: ref });
    const parts = [`${s.register.length} kommuner`];
    if (s.kommuneBoundaries) parts.push('kommunegrenser');
    if (s.fylkeBoundaries) parts.push('fylkesgrenser');
    if (s.previous) parts.push(`korrespondanse fra ${s.previous.structure.id} (${s.previous.correspondence.length} rader, dekker begge registre)`);
    console.log(`  ${id}: ${parts.join(', ')}`);
  }
  for (const b of DEFAULT_PLAN.boundaries) {
    const actual = sha256(readFileSync(referencePath(ref, b.file)));
    // Boundary files are pinned; another version would make maps differ from the credited source.
    console.log(`  ${b.file}: ${actual === b.sha256 ? 'SHA-256 som festet' : `SHA-256 ${actual} avviker fra festet ${b.sha256}`}`);
  }
  const lock = readLock(PROJECT_ROOT);
  if (!lock) {
    console.log(`  ${LOCK_FILE} mangler`);
    return 1;
  }
  const diffs = lockDifferences(lock, ref.dir);
  if (diffs.length === 0) {
    console.log(`  alle ${Object.keys(lock.files).length} filer stemmer med ${LOCK_FILE}`);
    return 0;
  }
  console.log(`  ${diffs.length} fil(er) avviker fra ${LOCK_FILE}:`);
  for (const d of diffs) console.log(`    - ${describeDifference(d)}`);
  return 1;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`Feil: ${e.message}\n\n${HELP}`);
      return 2;
    }
    throw e;
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  try {
    if (args.check) return check(args.reference);
    const outDir = path.resolve(args.out ?? path.join(PROJECT_ROOT, REFERENCE_CACHE));
    console.log(`Laster ned referansedata til ${outDir}/ …`);
    const done = await downloadReferenceTo({ outDir, update: args.update, log: (l) => console.log(l) });
    console.log(`Skrev ${done.written.length} filer til ${outDir}`);
    if (done.lockWritten) {
      console.log(
        done.differences.length > 0
          ? `Skrev ny ${LOCK_FILE}: se over endringene (git diff) før commit.`
          : `${LOCK_FILE} er uendret: nedlastingen stemmer med låsen.`,
      );
    }
    return 0;
  } catch (e) {
    if (
      e instanceof ReferenceOfflineError ||
      e instanceof ReferenceDownloadError ||
      e instanceof ReferenceMissingError ||
      e instanceof ReferenceDataError ||
      e instanceof ReferenceLockError
    ) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main();
