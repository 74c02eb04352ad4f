// npm run bench:floor (and part of npm run bench) — the site build against its floor: Astro alone
// writing as many plain pages of a kommune page's size (scripts/lib/floor-project.ts). Prints the
// ratios build/floor for wall time, CPU time and peak RSS, warm (share-card cache full) and cold
// (cache empty: every card drawn), for the 3-year demo and, when asked, the 10-year fixture.
// Goals (issue 20 §3): warm ≤ 2 × the floor's time, cold ≤ 4 ×, peak RSS ≤ 1.5 ×; reported, never
// failing, since the machine's load moves them. Fails only when the CPU-time or peak-RSS ratio is
// more than REGRESSION_FACTOR × its committed baseline (scripts/bench-baseline.json, «floorRatios»);
// the wall-time ratio is shown only (see GATED).
// Every run is its own process, measured back to back (cold build, floor, warm build, floor again),
// so the floor and the builds see much the same load. The floor runs twice, around the warm build,
// and the builds are divided by the better of its two runs, measure by measure: a floor run slowed
// by something else (in CI the second ran up to 39 % slower, just after the warm build's writes)
// never makes a build look closer to it. The load and how far the two runs lie apart are printed.
//
//   npm run bench:floor [-- --ten] [--update-baseline] [--json file]
//   DIGIKOMMUNE_BENCH_TEN=1 npm run bench      (the 10-year ratios too; CI runs the 3-year ones)
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runMeasured, type ChildUsage } from './lib/child-usage';
import { BUILD_ENV, BUILD_HEAP_FLAG, measuredBuild, type MeasuredBuild } from './lib/measured-build';
import { writeFloorProject } from './lib/floor-project';
import { listFiles } from './lib/sitefiles';
import { makeBenchFixture } from './bench-fixture';
import { describeFailure } from './lib/errors';
import { judgeRatio, loadBaseline, REGRESSION_FACTOR, updateFloorRatios } from './lib/baseline';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BASELINE = join(ROOT, 'scripts', 'bench-baseline.json');

/** The goals of issue 20 §3: build / floor. */
export const FLOOR_GOALS = { warmTime: 2, coldTime: 4, rss: 1.5 } as const;

export type Measure = 'time' | 'cpu' | 'rss';
export const MEASURES: Measure[] = ['time', 'cpu', 'rss'];
/**
 * The ratios held to the baseline. Wall time is not: on the shared machine one run of the bench
 * measured the cold build at 7.3 × the floor and the next at 25.5 ×, the load having changed
 * between the build and the floor; CPU time and peak RSS hardly move with the load.
 */
export const GATED: Measure[] = ['cpu', 'rss'];
export const isGated = (id: string) => GATED.includes(id.split('.')[2] as Measure);

export interface FloorBench {
  years: 3 | 10;
  pages: number;
  /** Median HTML bytes of a kommune page of the site, and the floor's mean page. */
  sitePageBytes: number;
  floorPageBytes: number;
  cold: ChildUsage;
  /** The floor's two runs, before and after the warm build. */
  floors: ChildUsage[];
  /** The better of the two, measure by measure: what the builds are divided by. */
  floor: ChildUsage;
  warm: ChildUsage;
  /** Load average (1 min) before each run: cold, floor, warm, floor, and after the last. */
  load: number[];
  /** Share cards drawn by each build (the build's own line): all in the cold one, none in the warm one. */
  drawn: { cold: number; warm: number };
}

/** Baseline id of one ratio: `<years>.<warm|cold>.<time|cpu|rss>`. */
export const ratioId = (years: number, kind: 'warm' | 'cold', m: Measure) => `${years}.${kind}.${m}`;

export function ratios(b: FloorBench): Record<string, number> {
  const pick = (u: ChildUsage, m: Measure) => (m === 'time' ? u.wallMs : m === 'cpu' ? u.cpuMs : u.peakRssMB);
  const out: Record<string, number> = {};
  for (const kind of ['warm', 'cold'] as const) for (const m of MEASURES) out[ratioId(b.years, kind, m)] = pick(b[kind], m) / pick(b.floor, m);
  return out;
}

/** The goal a ratio is held to, if any (CPU time is shown for the load's sake, without a goal). */
export function goalOf(id: string): number | null {
  const [, kind, m] = id.split('.');
  if (m === 'rss') return FLOOR_GOALS.rss;
  if (m === 'time') return kind === 'warm' ? FLOOR_GOALS.warmTime : FLOOR_GOALS.coldTime;
  return null;
}

async function htmlStats(dir: string, pick: (file: string) => boolean = () => true): Promise<{ count: number; sizes: number[] }> {
  const files = (await listFiles(dir)).filter((f) => f.endsWith('.html') && pick(f));
  const sizes: number[] = [];
  for (const f of files) sizes.push((await stat(join(dir, f))).size);
  return { count: files.length, sizes };
}

/** The best of a measure's runs: the least wall time, CPU time and peak RSS, each on its own. */
export function bestUsage(runs: readonly ChildUsage[]): ChildUsage {
  const least = (pick: (u: ChildUsage) => number) => Math.min(...runs.map(pick));
  return { wallMs: least((u) => u.wallMs), cpuMs: least((u) => u.cpuMs), peakRssMB: least((u) => u.peakRssMB), output: runs.at(-1)?.output ?? '' };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/**
 * The site built cold (an empty share-card cache: every card drawn), Astro's floor, then the site
 * warm (the cache the cold build filled), each in its own process and back to back. `cold` is a
 * cold build already made (npm run bench's: the same build measures the site's pages and budgets).
 */
export async function benchFloor(years: 3 | 10, options: { cold?: MeasuredBuild; log?: (l: string) => void } = {}): Promise<FloorBench> {
  const log = options.log ?? (() => {});
  const tmp = await mkdtemp(join(tmpdir(), `digikommune-floor-${years}-`));
  try {
    const load: number[] = [];
    let cold = options.cold;
    if (!cold) {
      const dataDir = years === 10 ? (await makeBenchFixture(join(tmp, 'data10'))).dataDir : undefined;
      log(`  ${years} år: bygger kaldt …`);
      cold = await measuredBuild({ out: join(tmp, 'site'), cardCache: join(tmp, 'kort'), dataDir, host: dataDir ? 'nginx' : undefined, label: `Kaldt bygg (${years} år)` });
    }
    load.push(cold.loadBefore);
    const { count: pages } = await htmlStats(cold.out);
    const kommune = await htmlStats(cold.out, (f) => /^(\d{4}\/)?kommune\/\d{4}-[^/]+\/index\.html$/.test(f));
    const sitePageBytes = median(kommune.sizes.filter((s) => s > 4096)); // redirect pages are ~1 KB
    const floorDir = join(tmp, 'gulv');
    await writeFloorProject(floorDir, { pages, pageBytes: sitePageBytes }, join(ROOT, 'node_modules'));
    const floorRun = async (n: number) => {
      log(`  ${years} år: gulvet (${n}. gang), ${pages} sider à ${(sitePageBytes / 1024).toFixed(0)} KB …`);
      load.push(loadavg()[0]);
      const run = await runMeasured({
        nodeArgs: [BUILD_HEAP_FLAG, join(ROOT, 'node_modules', 'astro', 'astro.js'), 'build', '--silent'],
        cwd: floorDir,
        env: { ...BUILD_ENV, ASTRO_TELEMETRY_DISABLED: '1' },
        label: `Gulvet (${years} år)`,
      });
      const written = await htmlStats(join(floorDir, 'dist'));
      if (written.count !== pages) throw new Error(`Gulvet skrev ${written.count} sider, ventet ${pages}`);
      await rm(join(floorDir, 'dist'), { recursive: true, force: true });
      return { run, sizes: written.sizes };
    };
    const first = await floorRun(1);
    log(`  ${years} år: bygger varmt …`);
    load.push(loadavg()[0]);
    // The same data and host as the cold build, into a folder of its own (the cold one may be kept).
    const warm = await measuredBuild({ out: join(tmp, 'site-varm'), cardCache: cold.cardCache, dataDir: cold.dataDir, host: cold.host, label: `Varmt bygg (${years} år)` });
    const second = await floorRun(2);
    await rm(floorDir, { recursive: true, force: true });
    load.push(loadavg()[0]);
    const drawn = { cold: cold.report.cards.drawn, warm: warm.report.cards.drawn };
    if (drawn.cold !== cold.report.cards.count) throw new Error(`Det kalde bygget tegnet ${drawn.cold} av ${cold.report.cards.count} delingskort; kortlageret var ikke tomt`);
    // A warm run that drew cards measured something between warm and cold: not what it says.
    if (drawn.warm !== 0) throw new Error(`Det varme bygget tegnet ${drawn.warm} delingskort; kortlageret var ikke fullt`);
    const floors = [first.run, second.run];
    return { years, pages, sitePageBytes, floorPageBytes: mean(first.sizes), cold: cold.usage, floors, floor: bestUsage(floors), warm: warm.usage, load, drawn };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** How far apart two runs lie, in per cent of the smaller. */
const spread = (xs: number[]) => (100 * (Math.max(...xs) - Math.min(...xs))) / Math.min(...xs);
const n1 = (x: number) => x.toFixed(1).replace('.', ',');
const n2 = (x: number) => x.toFixed(2).replace('.', ',');

export interface RatioVerdict { id: string; value: number; goal: number | null; baseline: number | undefined; limit: number | undefined; regression: boolean }

export function judgeRatios(measured: Record<string, number>, baseline: Record<string, number> | undefined): RatioVerdict[] {
  return Object.entries(measured).map(([id, value]) => {
    const v = judgeRatio(value, isGated(id) ? baseline?.[id] : undefined);
    return { id, value, goal: goalOf(id), baseline: isGated(id) ? baseline?.[id] : undefined, limit: v.kind === 'no-baseline' ? undefined : v.limit, regression: v.kind === 'regression' };
  });
}

export function floorReport(b: FloorBench, verdicts: RatioVerdict[]): string {
  const row = (label: string, u: ChildUsage) => `    ${label.padEnd(26)} vegg ${n1(u.wallMs / 1000).padStart(6)} s   CPU ${n1(u.cpuMs / 1000).padStart(6)} s   minnetopp ${u.peakRssMB.toFixed(0).padStart(5)} MB`;
  const label: Record<string, string> = { time: 'veggtid', cpu: 'CPU-tid', rss: 'minnetopp (RSS)' };
  const lines = [
    `Bygget mot gulvet (Astro alene), ${b.years === 3 ? '3 årganger (demo)' : '10 årganger (benkfikstur)'}: ${b.pages} HTML-sider; kommuneside (median) ${n1(b.sitePageBytes / 1024)} KB, gulvets sider ${n1(b.floorPageBytes / 1024)} KB i snitt`,
    row(`kaldt bygg (${b.drawn.cold} kort tegnet)`, b.cold),
    row('gulvet, 1. gang', b.floors[0]),
    row(`varmt bygg (${b.drawn.warm} kort tegnet)`, b.warm),
    row('gulvet, 2. gang', b.floors[1]),
    row('gulvet, beste (deles på)', b.floor),
    `    gulvets to kjøringer ligger ${n1(spread(b.floors.map((u) => u.wallMs)))} % fra hverandre i veggtid, ${n1(spread(b.floors.map((u) => u.peakRssMB)))} % i minnetopp`,
    `    maskinlast (1 min) før kaldt, gulv, varmt, gulv og etter: ${b.load.map(n1).join(' / ')} på ${availableParallelism()} kjerner. Under last blåses veggtida opp; forholdstallene holder bare så langt lasten var den samme gjennom kjøringene.`,
  ];
  for (const v of verdicts) {
    const [, kind, m] = v.id.split('.');
    const goal = v.goal === null ? '' : `${v.value <= v.goal ? 'innenfor' : 'OVER'} målet ${n2(v.goal)} ×`;
    const base = !isGated(v.id) ? 'vises, feiler aldri (avhenger av lasten)' : v.baseline === undefined ? 'INGEN GRUNNLINJE' : `${v.regression ? 'BRUTT' : 'OK'}: grunnlinja ${n2(v.baseline)} ×, grense ${n2(v.limit!)} ×`;
    lines.push(`    ${`${kind === 'warm' ? 'varmt' : 'kaldt'} / gulv, ${label[m]}`.padEnd(34)} ${n2(v.value).padStart(6)} ×   ${goal.padEnd(22)} ${base}`);
  }
  return lines.join('\n');
}

/** Runs the floor benches, prints them; false when a ratio doubled against its baseline. */
export async function runFloorBenches(options: { ten: boolean; cold3?: MeasuredBuild; update?: boolean; json?: string; log?: (l: string) => void }): Promise<boolean> {
  const baseline = loadBaseline(BASELINE).floorRatios;
  let ok = true;
  const all: Record<string, number> = {};
  const benches: FloorBench[] = [];
  for (const years of options.ten ? ([3, 10] as const) : ([3] as const)) {
    const b = await benchFloor(years, { cold: years === 3 ? options.cold3 : undefined, log: options.log });
    benches.push(b);
    const measured = ratios(b);
    Object.assign(all, measured);
    const verdicts = judgeRatios(measured, baseline);
    console.log(floorReport(b, verdicts));
    const broken = verdicts.filter((v) => v.regression);
    if (broken.length > 0) {
      console.error(`  ${broken.length} forholdstall mer enn ${REGRESSION_FACTOR} × grunnlinja: ${broken.map((v) => v.id).join(', ')}`);
      ok = false;
    }
  }
  if (!options.ten) console.log('  (10 årganger: DIGIKOMMUNE_BENCH_TEN=1 npm run bench, eller npm run bench:floor -- --ten)');
  if (options.update) {
    updateFloorRatios(BASELINE, Object.fromEntries(Object.entries(all).filter(([id]) => isGated(id))), `${availableParallelism()} kjerner, maskinlast ${benches.flatMap((b) => b.load).map(n1).join('/')}`);
    console.log(`Skrev forholdstallene til ${BASELINE}`);
  }
  if (options.json) await writeFile(options.json, `${JSON.stringify({ benches, ratios: all }, null, 1)}\n`);
  return ok;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { ten: { type: 'boolean', default: false }, 'update-baseline': { type: 'boolean', default: false }, json: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
  try {
    const ok = await runFloorBenches({ ten: values.ten || process.env.DIGIKOMMUNE_BENCH_TEN === '1', update: values['update-baseline'], json: values.json, log: (l) => console.log(l) });
    process.exitCode = ok ? 0 : 1;
  } catch (e) {
    console.error(`bench:floor feilet: ${describeFailure(e)}`);
    process.exitCode = 1;
  }
}
