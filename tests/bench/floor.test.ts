// The floor bench's arithmetic: which ratios it reports and which goal each is held to.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bestUsage, floorReport, goalOf, judgeRatios, ratios, type FloorBench } from '../../scripts/bench-floor';
import { BUILD_HEAP_FLAG, buildScriptMatchesBench } from '../../scripts/lib/measured-build';
import { floorConfig, floorCounts, floorPage } from '../../scripts/lib/floor-project';
import { PAGE_CONCURRENCY } from '../../scripts/lib/astro';

const usage = (wallMs: number, cpuMs: number, peakRssMB: number) => ({ wallMs, cpuMs, peakRssMB, output: '' });
const bench: FloorBench = {
  years: 3, pages: 100, sitePageBytes: 50_000, floorPageBytes: 49_000,
  cold: usage(40_000, 60_000, 600), floors: [usage(10_000, 12_500, 400), usage(11_000, 12_000, 410)], floor: usage(10_000, 12_000, 400), warm: usage(18_000, 20_000, 500),
  load: [1, 1, 1, 1, 1], drawn: { cold: 10, warm: 0 },
};

describe('ratios', () => {
  it('divides each build by the floor, warm and cold, for wall time, CPU time and peak RSS', () => {
    expect(ratios(bench)).toEqual({
      '3.warm.time': 1.8, '3.warm.cpu': 20_000 / 12_000, '3.warm.rss': 1.25,
      '3.cold.time': 4, '3.cold.cpu': 5, '3.cold.rss': 1.5,
    });
  });

  it('holds time to 2 × warm and 4 × cold, memory to 1.5 ×, and CPU time to no goal', () => {
    expect(goalOf('3.warm.time')).toBe(2);
    expect(goalOf('10.cold.time')).toBe(4);
    expect(goalOf('3.cold.rss')).toBe(1.5);
    expect(goalOf('3.warm.cpu')).toBeNull();
  });

  it('flags only the CPU and memory ratios past twice their baseline, never wall time, and none without a baseline', () => {
    const v = judgeRatios(ratios(bench), { '3.warm.time': 0.85, '3.warm.cpu': 0.8, '3.cold.rss': 1.5 });
    expect(v.filter((x) => x.regression).map((x) => x.id)).toEqual(['3.warm.cpu']);
    expect(v.find((x) => x.id === '3.warm.time')).toMatchObject({ baseline: undefined, regression: false });
    expect(v.find((x) => x.id === '3.cold.cpu')).toMatchObject({ baseline: undefined, limit: undefined, regression: false });
    expect(judgeRatios(ratios(bench), undefined).some((x) => x.regression)).toBe(false);
  });
});

describe('the floor, run twice', () => {
  it('is divided by as the better of its runs before and after the warm build, measure by measure', () => {
    // The first run was faster in wall time and lighter, the second used less CPU.
    expect(bestUsage(bench.floors)).toEqual({ ...bench.floor, output: '' });
    expect(bestUsage([usage(8_000, 9_000, 300)])).toMatchObject({ wallMs: 8_000, cpuMs: 9_000, peakRssMB: 300 });
  });

  it('prints both runs, their mean and how far apart they lie', () => {
    const text = floorReport(bench, judgeRatios(ratios(bench), undefined));
    expect(text).toMatch(/gulvet, 1\. gang +vegg +10,0 s/);
    expect(text).toMatch(/gulvet, 2\. gang +vegg +11,0 s/);
    expect(text).toMatch(/gulvet, beste \(deles på\) +vegg +10,0 s +CPU +12,0 s/);
    expect(text).toContain('ligger 10,0 % fra hverandre i veggtid, 2,5 % i minnetopp');
    expect(text).toMatch(/varmt \/ gulv, veggtid +1,80 ×/);
  });
});

describe('floor page', () => {
  it('splits the bytes between the chart and the table and yields the asked number of pages', () => {
    const small = floorCounts(10_000);
    const large = floorCounts(50_000);
    expect(large.bars).toBeGreaterThan(4 * small.bars);
    expect(large.rows).toBeGreaterThan(4 * small.rows);
    const page = floorPage({ pages: 5060, pageBytes: 50_000 });
    expect(page).toContain('Array.from({ length: 5060 }');
    expect(page).toContain(`Array.from({ length: ${large.bars} }`);
    expect(page).toMatch(/<svg[^>]*>/);
    expect(page).toContain('<table>');
  });
});

describe('floor config', () => {
  it('renders as many pages at a time as the site build does (an Astro option any site may set)', () => {
    expect(PAGE_CONCURRENCY).toBeGreaterThan(1);
    expect(floorConfig()).toContain(`concurrency: ${PAGE_CONCURRENCY} }`);
  });
});

describe('the heap cap', () => {
  it('npm run build starts the program the bench measures, with its heap cap before any NODE_OPTIONS of the caller (a later flag wins)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(BUILD_HEAP_FLAG).toMatch(/^--max-old-space-size=\d+$/);
    expect(buildScriptMatchesBench(pkg)).toBe(true);
    expect(buildScriptMatchesBench({ scripts: { build: 'tsx scripts/build.ts' } })).toBe(false);
    // The bench starts the compiled build; npm run build through tsx would be another program.
    expect(buildScriptMatchesBench({ scripts: { build: pkg.scripts.build.replace('node scripts/run-build.mjs', 'tsx scripts/build.ts') } })).toBe(false);
  });
});
