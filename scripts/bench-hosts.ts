// npm run bench:hosts — the headroom of every host profile (files, bytes, largest file, redirect
// rules and the rest of src/lib/publish/hostLimits.ts) for the demo site (3 survey years) and the
// ten-year bench fixture (scripts/bench-fixture.ts). One build per site; each profile's own files
// are rendered onto it in memory, as `npm run preview -- --host` does. `npm run bench` runs it too.
//
//   npm run bench:hosts [-- --site3 <built dir>] [--site10 <built dir>] [--json file]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { measuredBuild, type MeasuredBuild } from './lib/measured-build';
import type { ChildUsage } from './lib/child-usage';
import { measureTree, profileMeasure, readBuiltRules } from './lib/hosting';
import { makeBenchFixture } from './bench-fixture';
import { checkLimits, measured, type LimitCheck, type OutputMeasure } from '../src/lib/publish/checkLimits';
import { HOST_LIMITS, HOST_NAMES, type HostName } from '../src/lib/publish/hostLimits';
import { configDirName, renderProfile } from '../src/lib/publish/profiles';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface HostRow {
  host: HostName;
  measure: OutputMeasure;
  checks: LimitCheck[];
}

/** Every profile measured on one built site (rendered from the rules the build wrote beside it). */
export async function hostRows(site: string): Promise<HostRow[]> {
  const built = await readBuiltRules(join(dirname(site), configDirName(basename(site))));
  if (!built) throw new Error(`Fant ikke ${configDirName(basename(site))}/ ved siden av ${site}: bygg med denne versjonen`);
  const tree = await measureTree(site);
  const rows: HostRow[] = [];
  for (const host of HOST_NAMES) {
    const profile = renderProfile(host, { base: built.base, fixed: built.redirects, dynamic: built.dynamic });
    // The tree as this host would receive it: the built profile's root files out, this one's in.
    let files = tree.files;
    let bytes = tree.bytes;
    for (const name of built.site.filter((n) => existsSync(join(site, n)))) {
      files--;
      bytes -= statSync(join(site, name)).size;
    }
    for (const text of Object.values(profile.site)) {
      files++;
      bytes += Buffer.byteLength(text);
    }
    const measure = profileMeasure({ files, bytes, largest: tree.largest }, profile);
    rows.push({ host, measure, checks: checkLimits(host, measure) });
  }
  return rows;
}

const MB = 1024 * 1024;
const pct = (value: number, limit: number) => `${Math.round((100 * value) / limit)} %`;
const num = (n: number) => n.toLocaleString('nb-NO').replace(/\u00a0/g, ' ');

/** One bench's table, a row per host, and what its build cost when the bench made it. */
export function hostReport({ label, rows, build }: HostBench): string {
  const lines = [`Vertsprofiler, ${label}:`, '  vert        filer    MB      største fil  regler (statiske+dynamiske)  nærmeste grense'];
  for (const r of rows) {
    const m = r.measure;
    const tightest = [...r.checks].sort((a, b) => b.value / b.limit - a.value / a.limit)[0];
    const over = r.checks.filter((c) => !c.ok);
    const near = tightest ? `${tightest.label} ${num(tightest.value)} av ${num(tightest.limit)} (${pct(tightest.value, tightest.limit)})` : 'ingen dokumenterte grenser';
    lines.push(
      `  ${r.host.padEnd(10)} ${num(m.files).padStart(7)} ${(m.bytes / MB).toFixed(1).padStart(7)} ${`${(m.largest.bytes / 1024).toFixed(0)} KB`.padStart(11)}  ${`${m.staticRules}+${m.dynamicRules}`.padStart(12)}                 ${over.length > 0 ? `OVER: ${over.map((c) => `${c.label} ${num(c.value)} > ${num(c.limit)}`).join('; ')}` : near}`,
    );
  }
  if (build) lines.push(buildLine(build));
  return lines.join('\n');
}

export interface HostBench {
  label: string;
  rows: HostRow[];
  /** What the build cost, when it was made here. */
  build?: ChildUsage & { drawn: number; cards: number; loadBefore: number };
}

/** The cost of a build the host bench made, one line. */
function buildLine(b: NonNullable<HostBench['build']>): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
  return `  bygget: vegg ${s(b.wallMs)}, CPU ${s(b.cpuMs)}, minnetopp ${b.peakRssMB.toFixed(0)} MB; ${b.drawn} av ${b.cards} delingskort tegnet (resten fra hurtiglageret); maskinlast ${b.loadBefore.toFixed(1).replace('.', ',')} før bygget`;
}

/**
 * Builds (unless given) the 3-year demo and the 10-year fixture and measures every profile. Each
 * build is a process of its own; `cardCache` lets the fixture reuse the share cards an earlier
 * build drew (its first three years are the demo's), which spares npm run bench a thousand PNGs.
 */
export async function benchHosts(options: { site3?: string; site10?: string; cardCache?: string; log?: (l: string) => void } = {}): Promise<HostBench[]> {
  const log = options.log ?? (() => {});
  const tmp = await mkdtemp(join(tmpdir(), 'digikommune-hosts-'));
  try {
    const cardCache = options.cardCache ?? join(tmp, 'kort');
    const site3 = options.site3 ?? join(tmp, 'site3');
    if (!options.site3) await measuredBuild({ out: site3, cardCache, label: 'Bygget (demodata)' });
    const site10 = options.site10 ?? join(tmp, 'site10');
    let build10: MeasuredBuild | undefined;
    if (!options.site10) {
      const fixture = await makeBenchFixture(join(tmp, 'data10'));
      log('  10 år: bygger benkfiksturen …');
      // Built for a host without limits: the build itself must not stop; every profile is measured below.
      build10 = await measuredBuild({ out: site10, cardCache, dataDir: fixture.dataDir, host: 'nginx', label: 'Bygget (benkfikstur, 10 år)' });
    }
    return [
      { label: '3 årganger (demo)', rows: await hostRows(site3) },
      { label: '10 årganger (benkfikstur: demo + 7 kopier av siste år)', rows: await hostRows(site10), build: build10 && { ...build10.usage, drawn: build10.report.cards.drawn, cards: build10.report.cards.count, loadBefore: build10.loadBefore } },
    ];
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Every host limit crossed, for 3 and for 10 years alike: each one fails the bench (issue 17 §4). */
export function hostFailures(benches: HostBench[]): string[] {
  return benches.flatMap((b) => b.rows.flatMap((r) => r.checks.filter((c) => !c.ok)
    .map((c) => `${b.label}: ${HOST_LIMITS[r.host].title} ${c.label} ${num(c.value)} > ${num(c.limit)}`)));
}

/** Prints the host limits crossed; false when any is. */
export function reportHostFailures(benches: HostBench[]): boolean {
  const failing = hostFailures(benches);
  if (failing.length > 0) console.error(`${failing.length} vertsgrense(r) brutt:\n  ${failing.join('\n  ')}`);
  return failing.length === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { site3: { type: 'string' }, site10: { type: 'string' }, json: { type: 'string' } } });
  const benches = await benchHosts({ site3: values.site3 && resolve(values.site3), site10: values.site10 && resolve(values.site10) });
  for (const b of benches) console.log(`${hostReport(b)}\n`);
  if (values.json) await writeFile(values.json, `${JSON.stringify(benches.map((b) => ({ label: b.label, rows: b.rows.map((r) => ({ host: r.host, ...r.measure, checks: r.checks.map((c) => ({ ...c, measured: measured(r.measure, c.key) })) })) })), null, 1)}\n`);
  if (!reportHostFailures(benches)) process.exitCode = 1;
}
