// npm run reference [-- --out <dir>] [--check] [--reference <dir>]
// Downloads the reference data (registers from SSB, boundaries from Kartverket via a pinned
// upstream copy) into the git-ignored cache, or checks the reference directory in use.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PLAN, sha256 } from '../src/lib/reference/download';
import { ReferenceDataError, ReferenceDownloadError, ReferenceMissingError, ReferenceOfflineError } from '../src/lib/reference/errors';
import { PROJECT_ROOT, downloadReferenceTo, loadStructure, referencePath, requireReferenceDir } from '../src/lib/reference/node';
import { REFERENCE_CACHE, REFERENCE_ENV, SOURCE_LABEL } from '../src/lib/reference/resolve';

const HELP = `Bruk: npm run reference [-- valg]

Laster ned referansedata til ${REFERENCE_CACHE}/ (ikke versjonert):
  kartgrenser  Kartverket (CC BY 4.0) via robhop/fylker-og-kommuner, festet til én commit, SHA-256-kontrollert
  registre     SSB KLASS 131 (kommuner), 104 (fylker), StatBank 07459 (folketall 1. januar)
  endringer    SSB KLASS 131 endringer 2020 → 2024

Valg:
  --out <katalog>        skriv hit i stedet for ${REFERENCE_CACHE}/
  --check                last ikke ned; kontroller referansekatalogen som er i bruk
  --reference <katalog>  (med --check) kontroller denne katalogen
  --help                 vis denne teksten

Referansekatalogen velges i denne rekkefølgen: --reference, ${REFERENCE_ENV},
${REFERENCE_CACHE}/ (hvis komplett), ../shared/ ved siden av prosjektet.`;

interface Args {
  out: string | null;
  check: boolean;
  reference: string | null;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { out: null, check: false, reference: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} trenger en katalog`);
      return v;
    };
    if (a === '--help' || a === '-h') args.help = true;
    else if (a === '--check') args.check = true;
    else if (a === '--out') args.out = value();
    else if (a === '--reference') args.reference = value();
    else if (a.startsWith('--out=')) args.out = a.slice(6);
    else if (a.startsWith('--reference=')) args.reference = a.slice(12);
    else throw new UsageError(`ukjent valg «${a}»`);
  }
  if (args.reference && !args.check) throw new UsageError('--reference brukes bare sammen med --check');
  return args;
}

class UsageError extends Error {}

function check(reference: string | null): void {
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
    if (args.check) {
      check(args.reference);
      return 0;
    }
    const outDir = path.resolve(args.out ?? path.join(PROJECT_ROOT, REFERENCE_CACHE));
    const written = await downloadReferenceTo({ outDir, log: (l) => console.log(l) });
    console.log(`Skrev ${written.length} filer til ${outDir}`);
    return 0;
  } catch (e) {
    if (
      e instanceof ReferenceOfflineError ||
      e instanceof ReferenceDownloadError ||
      e instanceof ReferenceMissingError ||
      e instanceof ReferenceDataError
    ) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main();
