// npm run bench:engine — time and peak memory of the indicator engine: the demo years (read CSV +
// compute every table) and a synthetic 100 000-row dataset (seeded, in memory, no register).
// Each case runs in its own child process so its peak RSS (getrusage maxrss) is its own.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { RegisterRow, StructureEntry, SurveyDefinition, YearEntry } from '../src/lib/types';
import { computeIndicators, computeYear, artefactFiles, syntheticRows } from '../src/lib/pipeline/index';
import { readResponses } from '../src/lib/read/responses';
import { parseRegister } from '../src/lib/reference/register';
import { resolveReference, REFERENCE_ENV } from '../src/lib/reference/resolve';
import { ROOT } from './lib/cli-input';

export const TARGET = { rows: 100_000, ms: 2000, mb: 500 };
const SYNTHETIC_SEED = 20240101;

interface CaseResult {
  name: string;
  rows: number;
  readMs: number | null;
  computeMs: number;
  tablesMs: number;
  cpuMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  note?: string;
}

const HELP = `Måler tid og minnetopp for indikatormotoren.

Bruk: npm run bench:engine -- [valg]
  --rows <n>     Antall syntetiske rader (standard ${TARGET.rows}).
  --json         Skriv resultatene som JSON.
  --strict       Avslutt med kode 1 hvis 100 000-radersmålet (${TARGET.ms} ms, ${TARGET.mb} MB) brytes.
  -h, --help     Vis denne hjelpen.

Hvert tilfelle kjøres i en egen prosess. «beregning» = indikatortabellen, fordelinger, andeler per
spørsmål og CSV/JSON-tekstene (computeYear + serialisering), og CPU-tiden gjelder lesing + dette;
«tabell» = bare indikatortabellen, målt for seg etterpå. Veggtid avhenger av hva annet maskinen gjør:
sammenlign med CPU-tiden.
Minnetopp er prosessens høyeste RSS (getrusage), inkludert Node selv og de innleste radene.
`;

const mb = (bytes: number) => bytes / 1e6;

function loadJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function referenceDir(): string | null {
  const r = resolveReference({ env: process.env[REFERENCE_ENV] ?? null, projectRoot: ROOT, exists: existsSync });
  return r?.dir ?? null;
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

/** One case, in this (child) process. */
function runCase(name: string, rowsWanted: number): CaseResult {
  if (name === 'synthetic') {
    const survey = loadJson<SurveyDefinition>(join(ROOT, 'data', 'surveys', '2021.json'));
    const rows = syntheticRows(survey, rowsWanted, SYNTHETIC_SEED);
    globalThis.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const cpu0 = process.cpuUsage();
    const [, computeMs] = timed(() => artefactFiles(computeYear({ survey, rows })));
    const cpu = process.cpuUsage(cpu0);
    const [, tablesMs] = timed(() => computeIndicators(rows, survey));
    return {
      name: `syntetisk, ${rowsWanted.toLocaleString('nb-NO')} rader`, rows: rowsWanted, readMs: null, computeMs, tablesMs,
      cpuMs: (cpu.user + cpu.system) / 1000, rssBeforeMb: mb(rssBefore), peakRssMb: process.resourceUsage().maxRSS / 1000,
    };
  }
  const year = Number(name.replace('year-', ''));
  const entry = loadJson<YearEntry>(join(ROOT, 'data', 'years', `${year}.json`));
  const survey = loadJson<SurveyDefinition>(join(ROOT, 'data', 'surveys', `${entry.survey}.json`));
  const structure = loadJson<StructureEntry>(join(ROOT, 'data', 'structures', `${entry.structure}.json`));
  const ref = referenceDir();
  const register: RegisterRow[] | null = ref ? parseRegister(readFileSync(join(ref, structure.register), 'utf8'), structure.register) : null;
  const bytes = readFileSync(join(ROOT, 'data', entry.responses));
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const [read, readMs] = timed(() => readResponses(bytes, { file: entry.responses, survey, register }));
  if (!read.ok) throw new Error(`${entry.responses}: ${read.problems[0]?.message}`);
  const [, computeMs] = timed(() => artefactFiles(computeYear({ survey, rows: read.rows, columns: read.columns, register, entry, structure })));
  const cpu = process.cpuUsage(cpu0);
  const [, tablesMs] = timed(() => computeIndicators(read.rows, survey, register));
  return {
    name: `demo ${year}`, rows: read.rows.length, readMs, computeMs, tablesMs, cpuMs: (cpu.user + cpu.system) / 1000,
    rssBeforeMb: mb(rssBefore), peakRssMb: process.resourceUsage().maxRSS / 1000,
    note: register ? `register ${structure.id}` : 'uten register (fant ikke referansedata)',
  };
}

function demoYears(): string[] {
  const dir = join(ROOT, 'data', 'years');
  return readdirSync(dir)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .filter((f) => existsSync(join(ROOT, 'data', loadJson<YearEntry>(join(dir, f)).responses)))
    .map((f) => `year-${f.slice(0, 4)}`)
    .sort();
}

const fmt = (n: number | null, digits = 0) => (n == null ? '–' : n.toFixed(digits).replace('.', ','));

function main(): void {
  const { values } = parseArgs({
    args: process.argv.slice(2), strict: true, allowPositionals: false,
    options: {
      rows: { type: 'string' }, json: { type: 'boolean' }, strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }, child: { type: 'string' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const rows = values.rows ? Number(values.rows) : TARGET.rows;
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`--rows må være et positivt heltall, fikk «${values.rows}»`);
  if (values.child) {
    process.stdout.write(JSON.stringify(runCase(values.child, rows)));
    return;
  }

  const self = fileURLToPath(import.meta.url);
  const cases = [...demoYears(), 'synthetic'];
  const results: CaseResult[] = cases.map((c) => JSON.parse(execFileSync(
    process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', c, '--rows', String(rows)],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  )) as CaseResult);

  const synthetic = results[results.length - 1];
  const totalMs = (r: CaseResult) => (r.readMs ?? 0) + r.computeMs;
  const within = rows >= TARGET.rows ? totalMs(synthetic) < TARGET.ms && synthetic.peakRssMb < TARGET.mb : null;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ target: TARGET, results, withinTarget: within }, null, 2)}\n`);
  } else {
    const header = ['tilfelle', 'rader', 'lesing ms', 'tabell ms', 'beregning ms', 'CPU ms', 'RSS før MB', 'RSS topp MB', 'merknad'];
    const body = results.map((r) => [
      r.name, r.rows.toLocaleString('nb-NO'), fmt(r.readMs), fmt(r.tablesMs), fmt(r.computeMs), fmt(r.cpuMs),
      fmt(r.rssBeforeMb), fmt(r.peakRssMb), r.note ?? '',
    ]);
    const all = [header, ...body];
    const w = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
    const line = (r: string[]) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ').trimEnd();
    const load = loadavg()[0];
    const cores = availableParallelism();
    process.stdout.write(`Indikatormotoren (Node ${process.version}, ${process.platform}/${process.arch}, ${cores} kjerner, last ${load.toFixed(1)})\n`);
    if (load > cores) {
      process.stdout.write(`Merk: maskinen er opptatt (last ${load.toFixed(1)} på ${cores} kjerner); veggtida er ikke representativ, se CPU-tida.\n`);
    }
    process.stdout.write('\n');
    process.stdout.write(`${line(header)}\n${w.map((n) => '-'.repeat(n)).join('  ')}\n${body.map(line).join('\n')}\n\n`);
    if (within !== null) {
      process.stdout.write(
        `Mål for ${TARGET.rows.toLocaleString('nb-NO')} rader: under ${TARGET.ms} ms og ${TARGET.mb} MB → ` +
          `${fmt(totalMs(synthetic))} ms (CPU ${fmt(synthetic.cpuMs)} ms), ${fmt(synthetic.peakRssMb)} MB: ${within ? 'innenfor' : 'OVER MÅLET'}\n`,
      );
    }
  }
  if (values.strict && within === false) process.exit(1);
}

main();
