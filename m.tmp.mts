import { chmod, stat, readdir, copyFile, readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { forEachLimited } from './scripts/lib/limited.ts';
const files = (await readdir('/tmp/wb', { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? (e as any).path, e.name));
console.log('files', files.length);
for (const round of [1, 2]) {
  let t = performance.now(); let c0 = process.cpuUsage();
  await forEachLimited(files, async (f) => { await stat(f); });
  console.log('stat', (performance.now() - t).toFixed(0), 'ms cpu', ((process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000).toFixed(0));
  t = performance.now(); c0 = process.cpuUsage();
  await forEachLimited(files, async (f) => { await chmod(f, 0o644); });
  console.log('chmod', (performance.now() - t).toFixed(0), 'ms cpu', ((process.cpuUsage(c0).user + process.cpuUsage(c0).system) / 1000).toFixed(0));
}
const pngs = files.filter((f) => f.includes('/kort/'));
for (const mode of ['rw', 'copy', 'rw', 'copy']) {
  await rm('/tmp/cpt', { recursive: true, force: true }); await mkdir('/tmp/cpt');
  const t = performance.now(); const c0 = process.cpuUsage();
  await forEachLimited(pngs, async (f, i) => { const to = `/tmp/cpt/${i}.png`; if (mode === 'rw') await writeFile(to, await readFile(f)); else await copyFile(f, to); });
  console.log(mode, pngs.length, (performance.now() - t).toFixed(0), 'ms main cpu', ((process.cpuUsage(c0).user) / 1000).toFixed(0));
}
