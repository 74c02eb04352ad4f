// The bench's host verdict (issue 17 §4): every documented limit crossed fails `npm run bench`, for
// the 10-year fixture as for the 3-year demo; no overage is let through as «known».
import { describe, expect, it } from 'vitest';
import { hostFailures, hostReport, type HostBench } from '../../scripts/bench-hosts';
import { checkLimits, type OutputMeasure } from '../../src/lib/publish/checkLimits';
import { HOST_NAMES } from '../../src/lib/publish/hostLimits';

const MiB = 1024 * 1024;
const measure = (over: Partial<OutputMeasure>): OutputMeasure => ({
  files: 7_000, bytes: 100 * MiB, largest: { path: 'data/alle.csv', bytes: 2 * MiB }, staticRules: 40, dynamicRules: 20, headerRules: 10,
  redirectsFileBytes: 4_000, redirectLineChars: 120, configBytes: 8_000, functionBytes: 2_000, headerValueChars: 300, ...over,
});
const bench = (label: string, m: OutputMeasure): HostBench => ({ label, rows: HOST_NAMES.map((host) => ({ host, measure: m, checks: checkLimits(host, m) })) });

describe('hostFailures', () => {
  it('passes sites within every profile’s limits', () => {
    expect(hostFailures([bench('3 årganger', measure({})), bench('10 årganger', measure({ files: 19_000, bytes: 230e6 }))])).toEqual([]);
  });

  it('fails the 10-year fixture just over 250 MiB, naming the host, the limit and the numbers', () => {
    const failing = hostFailures([bench('3 årganger', measure({})), bench('10 årganger', measure({ bytes: 250 * MiB + 1 }))]);
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((l) => l.startsWith('10 årganger: '))).toBe(true);
    expect(failing.some((l) => /Azure/.test(l) && /262 144 001 > 262 144 000/.test(l))).toBe(true);
  });

  it('fails on files and redirect rules too, for the demo as for ten years', () => {
    expect(hostFailures([bench('3 årganger', measure({ files: 20_001 }))]).some((l) => /20 001 > 20 000/.test(l))).toBe(true);
    expect(hostFailures([bench('3 årganger', measure({ staticRules: 990, dynamicRules: 11 }))]).some((l) => /GitLab/.test(l))).toBe(true);
  });
});

describe('hostReport', () => {
  it('prints a row per host, and what the build cost only when the bench made it', () => {
    const made = { ...bench('10 årganger', measure({})), build: { wallMs: 85_200, cpuMs: 123_500, peakRssMB: 538, output: '', drawn: 2_611, cards: 3_793, loadBefore: 3.3 } };
    const lines = hostReport(made).split('\n');
    expect(lines.filter((l) => HOST_NAMES.some((h) => l.startsWith(`  ${h} `)))).toHaveLength(HOST_NAMES.length);
    expect(lines.at(-1)).toBe('  bygget: vegg 85,2 s, CPU 123,5 s, minnetopp 538 MB; 2611 av 3793 delingskort tegnet (resten fra hurtiglageret); maskinlast 3,3 før bygget');
    expect(hostReport(bench('3 årganger', measure({})))).not.toContain('bygget:');
  });
});
