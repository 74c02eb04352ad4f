// One site build as the bench runs it: `scripts/build.ts` in a process of its own, started the way
// `npm run build` starts it (the compiled build, heap cap, malloc arenas), its wall time, CPU time
// and peak RSS measured (child-usage.ts) and its timings and share cards read from the build's
// --report file. Every bench that needs a build (the site's figures, the floor's ratios, the hosts'
// headroom) takes it from here, so one cold build can serve all three.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { runMeasured, type ChildUsage } from './child-usage';
import type { BuildReport } from './build';
import type { HostName } from '../../src/lib/publish/hostLimits';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** What `npm run build` runs (package.json): the build compiled by esbuild, without tsx's loader. */
export const BUILD_ENTRY = join(ROOT, 'scripts', 'run-build.mjs');

/**
 * The heap cap `npm run build` starts Node with (package.json). V8 lets the old generation grow to
 * about four times what survived the last full collection when the heap limit is large (4 GB on a
 * 24 GB machine), and the pages' garbage fills that room; under a 1 GiB cap it grows by about 1.6.
 * The floor runs under the same cap, so the ratios compare like with like.
 */
export const BUILD_HEAP_FLAG = '--max-old-space-size=1024';
/**
 * glibc gives each thread that allocates (card threads, libuv's pool, V8's helpers) its own malloc
 * arena and seldom returns their free pages: two arenas held the cold build's peak ~120 MB lower.
 */
export const BUILD_ENV = { MALLOC_ARENA_MAX: '2' } as const;

/** True when `npm run build` starts the build as the bench measures it: same entry, heap cap and arenas. */
export const buildScriptMatchesBench = (pkg: { scripts: Record<string, string> }) =>
  pkg.scripts.build.includes(`NODE_OPTIONS="${BUILD_HEAP_FLAG} $NODE_OPTIONS" `) && pkg.scripts.build.startsWith(`MALLOC_ARENA_MAX=\${MALLOC_ARENA_MAX:-${BUILD_ENV.MALLOC_ARENA_MAX}} `)
  && pkg.scripts.build.endsWith(` node ${relative(ROOT, BUILD_ENTRY)}`);

// The file is read back as what build.ts's buildReport wrote: the schema is held to that type.
const ReportSchema: z.ZodType<BuildReport> = z.object({
  timings: z.object({ engineMs: z.number(), pagesMs: z.number(), cardsWaitMs: z.number(), totalMs: z.number() }),
  cards: z.object({ count: z.number(), bytes: z.number(), maxBytes: z.number(), drawn: z.number() }),
});

export interface BuildRun {
  out: string;
  /** The share-card cache: empty for a cold build; a warm one reuses what an earlier build drew. */
  cardCache: string;
  /** A data directory other than the demo's (the 10-year fixture), and the host it is built for. */
  dataDir?: string;
  host?: HostName;
  label: string;
}

export interface MeasuredBuild extends Omit<BuildRun, 'label'> {
  /** The machine's load (1 min) as the build started: the wall time means little without it. */
  loadBefore: number;
  usage: ChildUsage;
  report: BuildReport;
}

export async function measuredBuild(run: BuildRun): Promise<MeasuredBuild> {
  const tmp = await mkdtemp(join(tmpdir(), 'digikommune-report-'));
  try {
    const reportFile = join(tmp, 'report.json');
    const loadBefore = loadavg()[0];
    const usage = await runMeasured({
      nodeArgs: [
        BUILD_HEAP_FLAG, BUILD_ENTRY,
        '--out', run.out, '--card-cache', run.cardCache, '--no-download', '--report', reportFile,
        ...(run.dataDir ? ['--data', run.dataDir] : []), ...(run.host ? ['--host', run.host] : []),
      ],
      cwd: ROOT,
      env: { ...BUILD_ENV },
      label: run.label,
    });
    const report = ReportSchema.parse(JSON.parse(await readFile(reportFile, 'utf8')));
    return { out: run.out, cardCache: run.cardCache, dataDir: run.dataDir, host: run.host, loadBefore, usage, report };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
