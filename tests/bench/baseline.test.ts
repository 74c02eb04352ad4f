// The benchmarks' pass/fail rule: CPU time against the committed baseline, a clear multiple only.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeCpu, loadBaseline, REGRESSION_FACTOR, updateBaseline } from '../../scripts/lib/baseline';

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
