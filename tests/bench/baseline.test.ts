// The benchmarks' pass/fail rule: CPU time against the committed baseline, a clear multiple only.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeCpu, judgeRatio, loadBaseline, REGRESSION_FACTOR, updateBaseline, updateFloorRatios } from '../../scripts/lib/baseline';

const dir = mkdtempSync(join(tmpdir(), 'digikommune-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('judgeCpu', () => {
  it('fails only above the factor times the baseline', () => {
    expect(REGRESSION_FACTOR).toBe(2);
    expect(judgeCpu(300, 300)).toEqual({ kind: 'ok', limitMs: 600 });
    expect(judgeCpu(600, 300)).toEqual({ kind: 'ok', limitMs: 600 });
    expect(judgeCpu(601, 300)).toEqual({ kind: 'regression', limitMs: 600 });
    // A 3 s stall in the reader of a demo year (about 0.3 s CPU) is a regression.
    expect(judgeCpu(3300, 300).kind).toBe('regression');
  });

  it('says when there is nothing to compare with', () => {
    expect(judgeCpu(300, undefined)).toEqual({ kind: 'no-baseline' });
  });
});

describe('baseline file', () => {
  it('the committed baseline covers the demo years, the large case and the site build', () => {
    const b = loadBaseline(new URL('../../scripts/bench-baseline.json', import.meta.url).pathname);
    const years = ['2021', '2024'].map((y) => `demo-${y}`);
    expect(Object.keys(b.cpuMs)).toEqual(expect.arrayContaining([...years, 'large-100000', 'site-build']));
  });

  it('rejects a value that is not a positive number, naming it', () => {
    const p = join(dir, 'bad.json');
    writeFileSync(p, JSON.stringify({ cpuMs: { 'demo-2021': 0 } }));
    expect(() => loadBaseline(p)).toThrow(/cpuMs\.demo-2021 må være et positivt tall/);
    writeFileSync(p, JSON.stringify({}));
    expect(() => loadBaseline(p)).toThrow(/mangler «cpuMs»/);
  });

  it('update keeps the comment and the ids it does not measure, rounds and sorts', () => {
    const p = join(dir, 'b.json');
    writeFileSync(p, JSON.stringify({ $comment: 'why', cpuMs: { 'site-build': 9000, 'demo-2021': 100 } }));
    updateBaseline(p, { 'demo-2021': 250.6, 'large-100000': 3000.2 }, 'test');
    expect(JSON.parse(readFileSync(p, 'utf8'))).toEqual({
      $comment: 'why', measuredOn: 'test', cpuMs: { 'demo-2021': 251, 'large-100000': 3000, 'site-build': 9000 },
    });
  });
});

describe('build/floor ratios', () => {
  it('a ratio fails only when it more than doubles its baseline', () => {
    expect(judgeRatio(1.9, 1.0)).toEqual({ kind: 'ok', limit: 2 });
    expect(judgeRatio(2.0, 1.0)).toEqual({ kind: 'ok', limit: 2 });
    expect(judgeRatio(2.01, 1.0)).toEqual({ kind: 'regression', limit: 2 });
    expect(judgeRatio(5, undefined)).toEqual({ kind: 'no-baseline' });
  });

  it('the committed baseline holds the 3-year ratios, warm and cold, time and peak memory', () => {
    const b = loadBaseline(new URL('../../scripts/bench-baseline.json', import.meta.url).pathname);
    expect(Object.keys(b.floorRatios ?? {})).toEqual(expect.arrayContaining(['3.warm.time', '3.warm.rss', '3.cold.time', '3.cold.rss']));
  });

  it('rejects a ratio that is not a positive number, naming it', () => {
    const p = join(dir, 'bad-ratio.json');
    writeFileSync(p, JSON.stringify({ cpuMs: {}, floorRatios: { '3.warm.rss': -1 } }));
    expect(() => loadBaseline(p)).toThrow(/floorRatios\.3\.warm\.rss må være et positivt tall/);
  });

  it('updating ratios keeps the CPU times, and updating CPU times keeps the ratios', () => {
    const p = join(dir, 'r.json');
    writeFileSync(p, JSON.stringify({ $comment: 'why', measuredOn: 'a', cpuMs: { 'site-build': 9000 } }));
    updateFloorRatios(p, { '3.warm.time': 1.234, '3.cold.rss': 2.5 }, 'last 3');
    updateBaseline(p, { 'site-build': 8000.4 }, 'b');
    expect(JSON.parse(readFileSync(p, 'utf8'))).toEqual({
      $comment: 'why', measuredOn: 'b', cpuMs: { 'site-build': 8000 },
      floorRatios: { '3.cold.rss': 2.5, '3.warm.time': 1.23 }, floorMeasuredOn: 'last 3',
    });
  });
});
