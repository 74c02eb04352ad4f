// The floor project of npm run bench, built for real (small): Astro alone writes the pages asked
// for, each near the size asked for, and the measured child reports its own peak memory and CPU.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFloorProject } from '../../scripts/lib/floor-project';
import { runMeasured } from '../../scripts/lib/child-usage';
import { listFiles } from '../../scripts/lib/sitefiles';

const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const dir = mkdtempSync(join(tmpdir(), 'digikommune-floor-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the floor project', () => {
  it('writes the number of pages asked for, each within 15 % of the size asked for', async () => {
    const project = join(dir, 'gulv');
    await writeFloorProject(project, { pages: 12, pageBytes: 30_000 }, join(ROOT, 'node_modules'));
    const usage = await runMeasured({
      nodeArgs: [join(ROOT, 'node_modules', 'astro', 'astro.js'), 'build', '--silent'],
      cwd: project,
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
      label: 'gulvet',
    });
    const pages = (await listFiles(join(project, 'dist'))).filter((f) => f.endsWith('.html'));
    expect(pages).toHaveLength(12);
    for (const p of pages) {
      const bytes = readFileSync(join(project, 'dist', p)).length;
      expect(Math.abs(bytes - 30_000) / 30_000).toBeLessThan(0.15);
    }
    const page = readFileSync(join(project, 'dist', 'side', '7', 'index.html'), 'utf8');
    expect(page).toMatch(/<svg[^>]*>.*<rect/s);
    expect(page).toMatch(/<table>.*<th scope="row">Rad 1 på side 7<\/th>/s);
    // The child measured itself: a Node process with Astro loaded takes tens of MB at least.
    expect(usage.peakRssMB).toBeGreaterThan(30);
    expect(usage.cpuMs).toBeGreaterThan(0);
  });

  it('a failing child is reported with its own last lines', async () => {
    await expect(runMeasured({ nodeArgs: ['-e', 'console.error("ingen sider her"); process.exit(3)'], cwd: dir, label: 'Prøven' }))
      .rejects.toThrow(/Prøven feilet \(kode 3\):\ningen sider her/);
  });
});
