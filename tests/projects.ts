// Which test files run together. Unit files run first, in parallel; then the heavy files (those
// that build sites, drive a browser or read the shared builds), two at a time, those that read no
// shared build first, so they run while the global setup is still building. Decided from each
// file's text, so a test added on another branch lands in the right project without editing a list.
// With the demo site already built (DIGIKOMMUNE_TEST_SITE) nothing waits for a build: all files
// run as one group, longest first, so the two workers finish together (see SharedSitesLast).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export interface TestFiles {
  /** Read a site the global setup builds once per run (the demo, the base-path fixture). */
  demo: string[];
  /** Build sites of their own, start builds or browsers, or sit in tests/build or tests/browser. */
  serial: string[];
  unit: string[];
}

function testFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'full' && e.name !== 'fixtures') testFiles(p, out);
    else if (e.isFile() && e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

export function classify(root: string): TestFiles {
  const files: TestFiles = { demo: [], serial: [], unit: [] };
  for (const file of testFiles(join(root, 'tests')).sort()) {
    const rel = relative(root, file);
    const text = readFileSync(file, 'utf8');
    if (readsSharedSite(text)) files.demo.push(rel);
    else if (/^tests\/(build|browser)\//.test(rel) || /\b(runBuildCli|launchBrowser|cachedSite)\(/.test(text)) files.serial.push(rel);
    else files.unit.push(rel);
  }
  return files;
}

const readsSharedSite = (text: string) => /\b(demoSite|fixtureSiteUnderBase|openDemo)\(/.test(text);

/** The demo site is built already (named by DIGIKOMMUNE_TEST_SITE): no file waits for a build. */
export const sitePrebuilt = () => !!process.env.DIGIKOMMUNE_TEST_SITE;

/**
 * How long each file took in the last clean-clone CI run (tests/durations.json, ms), for the
 * order only. A file not listed (new, or under 0.5 s) counts as 20 s when it is heavy, 0 when not.
 */
function expectedMs(root: string): (file: TestSpecification) => number {
  const known = JSON.parse(readFileSync(join(root, 'tests', 'durations.json'), 'utf8')) as Record<string, number>;
  return (f) => known[relative(root, f.moduleId)] ?? (f.project.name === 'unit' ? 0 : 20_000);
}

/**
 * Longest first, so that with two workers neither is left alone with a long file at the end (on a
 * clean clone vitest knows no durations and starts the largest files first, which put a 170 s
 * browser file last). While the global setup still builds the demo, the files that wait for no
 * shared build go ahead of those that do.
 */
export class SharedSitesLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ms = expectedMs(this.ctx.config.root);
    const sorted = [...files].sort((a, b) => ms(b) - ms(a));
    if (sitePrebuilt()) return sorted;
    const waits = new Map(sorted.map((f) => [f, readsSharedSite(readFileSync(f.moduleId, 'utf8'))]));
    return [...sorted.filter((f) => !waits.get(f)), ...sorted.filter((f) => waits.get(f))];
  }
}
