// npm run indicators -- --responses <file.csv> --survey <2018|2021|path> [--register <file>] --out <dir>
// Reads and checks everything first, computes in memory, then writes into a temporary directory
// beside --out and moves the files into place only when all succeeded: a bad input writes nothing.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseArgsMessage } from './lib/cli-args';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { computeYear, writeArtefacts } from '../src/lib/pipeline/index';
import { CliInputError, ENCODINGS, userPath, knownSurveys, loadRegister, loadResponses, loadSurvey, parseEncoding } from './lib/cli-input';

const HELP = `Beregner SSBs indikatorer for digitalisering i kommunene fra én årgangs svarfil.

Bruk:
  npm run indicators -- --responses <fil.csv> --survey <skjema> --out <mappe> [valg]

Valg:
  --responses <fil>    Svarfila (CSV, én rad per kommune). UTF-8 med/uten BOM eller Windows-1252,
                       skilletegn «,» eller «;» (oppdages automatisk).
  --survey <skjema>    Skjemadefinisjonen: ${knownSurveys().join(' eller ') || '2018 eller 2021'} (data/surveys/<id>.json),
                       eller stien til en egen definisjon i JSON.
  --register <fil>     Kommuneregisteret for året (CSV: kommunenummer,kommunenavn,fylkesnummer,
                       fylkesnavn,innbyggere). Med register: hvert kommunenummer må finnes der, og
                       tabellen får én rad per kommune i registeret (de som ikke svarte får svart=0
                       og tomme celler); størrelsesklasser og fylkesnavn hentes herfra.
                       Uten register: ingen registerkontroll, radene er kommunene som svarte.
  --encoding <koding>  Tegnkoding for svarfila: ${ENCODINGS.join(', ')} (standard auto).
  --out <mappe>        Hvor tabellene skrives. Opprettes om nødvendig; filer med samme navn
                       erstattes, andre filer i mappa røres ikke.
  -h, --help           Vis denne hjelpen.

Skriver:
  indicators.csv        Indikatortabellen (UTF-8, komma, kolonner i avtalt rekkefølge, tom = ukjent)
  indicators-excel.csv  Samme tabell for norsk Excel (semikolon, UTF-8 med BOM, CRLF)
  indicators.json       Samme rader som JSON (med register: kommunenavn, fylke, størrelse)
  distributions.json/.csv  Antall og andel per verdi: hele landet, per fylke, per størrelsesklasse
  items.json/.csv       Andel per svar for hvert spørsmål, blant enhetene rapporten regner blant
  survey.json, summary.json (og med --register: register.json og response-rates.json/.csv,
                        svarandelen for landet, per fylke og per størrelsesklasse)

Ved feil i inndata skrives problemene (fil, linje, kolonne, verdi, hva som er lov) til stderr,
ingenting skrives, og avslutningskoden er 1. Ukjente valg gir avslutningskode 2.
`;

/** Where the command writes: the process's streams, or a test's buffers when it runs main() in-process. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}
const processIo: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** Runs the command; resolves to its exit code (0, 1 bad input, 2 bad usage). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`Feil: ${message}\nSe «npm run indicators -- --help».\n`);
    return 2;
  };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        responses: { type: 'string' },
        survey: { type: 'string' },
        register: { type: 'string' },
        encoding: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    return usage(parseArgsMessage(e));
  }
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const missing = ['responses', 'survey', 'out'].filter((k) => typeof values[k] !== 'string' || values[k] === '');
  if (missing.length) return usage(`mangler ${missing.map((m) => `--${m}`).join(', ')}`);

  const out = userPath(values.out as string);
  try {
    const encoding = parseEncoding(values.encoding as string | undefined);
    const survey = loadSurvey(values.survey as string);
    const register = typeof values.register === 'string' ? loadRegister(values.register) : null;
    const responses = loadResponses(values.responses as string, survey, register, encoding);
    const result = computeYear({ survey, responses: responses.responses, register });

    // Everything is computed: now write beside --out and move into place.
    mkdirSync(dirname(out), { recursive: true });
    const tmp = mkdtempSync(join(dirname(out), `.${basename(out)}.tmp-`));
    chmodSync(tmp, 0o755 & ~process.umask()); // mkdtemp makes it private; the result is a normal folder
    const names: string[] = [];
    try {
      await writeArtefacts(result, tmp, (name, data) => {
        writeFileSync(join(tmp, name), data);
        names.push(name);
      });
      if (!existsSync(out)) {
        renameSync(tmp, out);
      } else {
        for (const name of names) renameSync(join(tmp, name), join(out, name));
        rmSync(tmp, { recursive: true, force: true });
      }
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      throw e;
    }
    for (const note of responses.notes) io.stdout(`${note}\n`);
    const s = result.summary;
    io.stdout(
      `Skjema ${survey.id}: ${s.respondents} kommuner svarte${register ? ` av ${s.units} i registeret` : ''}. ` +
        `Skrev ${names.length} filer til ${out}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof CliInputError) {
      io.stderr(`Kan ikke beregne indikatorene:\n${e.message}\n`);
      return 1;
    }
    io.stderr(`Uventet feil: ${(e as Error).message}\n`);
    return 1;
  }
}

// Run as a command, not when a test imports main() to run it in-process.
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
