// Which test files run together. Unit files run first, in parallel; then the heavy files (those
// that build sites, drive a browser or read the shared builds), two at a time, those that read no
// shared build first, so they run while the global setup is still building. Decided from each
// file's text, so a test added on another branch lands in the right project without editing a list.
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

/**
 * Vitest's order (failed first, then slowest first, or largest first when nothing is known), with
 * the files that wait for no shared build moved ahead of those that do.
 */
export class SharedSitesLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const waits = new Map(sorted.map((f) => [f, readsSharedSite(readFileSync(f.moduleId, 'utf8'))]));
    return [...sorted.filter((f) => !waits.get(f)), ...sorted.filter((f) => waits.get(f))];
  }
}
