// With DIGIKOMMUNE_WRITE_DURATIONS=1, writes each test file's duration in this run to
// tests/durations.json, which only sets the order files start in (tests/projects.ts). Refresh it
// from a whole run on a 2-core machine with the demo prebuilt, as CI runs the tests
// (DIGIKOMMUNE_TEST_SITE=<built demo> DIGIKOMMUNE_WRITE_DURATIONS=1 npm test), and commit it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export const DURATIONS_FILE = (root: string) => join(root, 'tests', 'durations.json');

export default class Durations implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    if (process.env.DIGIKOMMUNE_WRITE_DURATIONS !== '1') return;
    const root = modules[0]?.project.config.root;
    if (!root) return;
    // A run of some files updates theirs; files under half a second are left out (their order
    // does not matter).
    const known = JSON.parse(readFileSync(DURATIONS_FILE(root), 'utf8')) as Record<string, number>;
    for (const m of modules) {
      const ms = Math.round(m.diagnostic().duration);
      if (ms >= 500) known[relative(root, m.moduleId)] = ms;
      else delete known[relative(root, m.moduleId)];
    }
    const rows = Object.entries(known).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    writeFileSync(DURATIONS_FILE(root), `{\n${rows.map(([f, ms]) => `${JSON.stringify(f)}: ${ms}`).join(',\n')}\n}\n`);
  }
}
