// npm run bins -- --responses <file> --survey <form>: median of each count among the units with a
// non-zero count, and the bins SSB's median rule suggests for this data, beside the bins in force.
import { parseArgs } from 'node:util';
import { parseArgsMessage } from './lib/cli-args';
import { binsReport, computeIndicators } from '../src/lib/pipeline/index';
import { binRanges } from '../src/lib/format/bins';
import { CliInputError, ENCODINGS, knownSurveys, loadRegister, loadResponses, loadSurvey, parseEncoding } from './lib/cli-input';

const HELP = `Viser medianen for hver telling og grensene SSBs medianregel foreslår, ved siden av grensene som gjelder.

Bruk:
  npm run bins -- --responses <fil.csv> --survey <skjema> [valg]

Valg:
  --responses <fil>    Svarfila (CSV), som for «npm run indicators».
  --survey <skjema>    ${knownSurveys().join(' eller ') || '2018 eller 2021'}, eller stien til en skjemadefinisjon i JSON.
  --register <fil>     Kommuneregisteret (valgfritt): kontrollerer kommunenumrene.
  --encoding <koding>  ${ENCODINGS.join(', ')} (standard auto).
  --json               Skriv resultatet som JSON i stedet for en tabell.
  -h, --help           Vis denne hjelpen.

Medianregelen (SSB 2018): grensene settes slik at omtrent halvparten av kommunene med en telling
over 0 havner i skår 1–2 og halvparten i 3–4; hver halvdel deles på samme måte i 1|2 og 3|4.
Kommuner med ukjent telling (tomt portspørsmål) og med 0 er ikke med.
`;

const fmtShare = (x: number | null) => (x == null ? '–' : `${(x * 100).toFixed(1).replace('.', ',')} %`);
const fmtMedian = (x: number | null) => (x == null ? '–' : String(x).replace('.', ','));

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r, j) => {
    const line = r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
    return j === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  }).join('\n');
}

async function main(argv: string[]): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv, strict: true, allowPositionals: false,
      options: {
        responses: { type: 'string' }, survey: { type: 'string' }, register: { type: 'string' },
        encoding: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    process.stderr.write(`Feil: ${parseArgsMessage(e)}\nSe «npm run bins -- --help».\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const missing = ['responses', 'survey'].filter((k) => typeof values[k] !== 'string' || values[k] === '');
  if (missing.length) {
    process.stderr.write(`Feil: mangler ${missing.map((m) => `--${m}`).join(', ')}\nSe «npm run bins -- --help».\n`);
    process.exit(2);
  }
  try {
    const survey = loadSurvey(values.survey as string);
    const register = typeof values.register === 'string' ? loadRegister(values.register) : null;
    const { rows } = loadResponses(values.responses as string, survey, register, parseEncoding(values.encoding as string | undefined));
    const report = binsReport(computeIndicators(rows, survey), survey);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const header = ['indikator', 'maks', 'over 0', 'median', 'grenser i bruk (1 | 2 | 3 | 4)', 'kilde', 'i 1–2', 'foreslått (1 | 2 | 3 | 4)', 'i 1–2'];
    const body = report.map((r) => [
      r.key, String(r.max), String(r.nonZero), fmtMedian(r.median),
      binRanges(r.inForce, r.max).slice(1).join(' | '), r.binsSource === 'ssb2018' ? 'SSB 2018' : 'prosjektvalg',
      fmtShare(r.lowerHalfInForce),
      r.suggested ? binRanges(r.suggested, r.max).slice(1).join(' | ') : '–',
      fmtShare(r.lowerHalfSuggested),
    ]);
    process.stdout.write(`Skjema ${survey.id}, ${rows.length} svar. Tellinger over 0; «i 1–2» = andel av dem med skår 1 eller 2.\n\n`);
    process.stdout.write(`${table([header, ...body])}\n`);
  } catch (e) {
    process.stderr.write(e instanceof CliInputError ? `Kan ikke lese inndata:\n${e.message}\n` : `Uventet feil: ${(e as Error).message}\n`);
    process.exit(1);
  }
}

await main(process.argv.slice(2));
