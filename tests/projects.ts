// Which test files run together. Unit files run in parallel; files that build sites, drive a
// browser or read the shared demo build run one at a time after them, so a build never competes
// with another for the two cores. Decided from each file's text, so a test added on another
// branch lands in the right project without editing a list.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface TestFiles {
  /** Read the demo site built once by the global setup. */
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
    if (/\bdemoSite\(/.test(text)) files.demo.push(rel);
    else if (/^tests\/(build|browser)\//.test(rel) || /\b(runBuildCli|launchBrowser|cachedSite)\(/.test(text)) files.serial.push(rel);
    else files.unit.push(rel);
  }
  return files;
}
