// The build's cache of shared chart drawings: the file store the pages use (src/site/drawings.ts)
// and the folder the build names for it by a fingerprint of the code (scripts/lib/drawings.ts).
import { afterEach, describe, expect, test } from 'vitest';
import { mkdtemp, mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileDrawingStore } from '../../src/site/drawings';
import { drawingFingerprint, drawingsFolder, KEEP_DRAWINGS } from '../../scripts/lib/drawings';
import { nodeEffects } from '../../scripts/lib/effects';

const temps: string[] = [];
afterEach(async () => {
  for (const t of temps.splice(0)) await rm(t, { recursive: true, force: true });
});
const temp = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'digikommune-tegninger-'));
  temps.push(dir);
  return dir;
};

describe('the file store of drawings', () => {
  test('nothing kept is undefined; what is set comes back; the folder is made at the first write and again if removed', async () => {
    const dir = join(await temp(), 'a', 'b');
    const store = fileDrawingStore(dir);
    expect(store.get('nøkkel')).toBeUndefined();
    store.set('nøkkel', '<svg>æøå</svg>');
    expect(store.get('nøkkel')).toBe('<svg>æøå</svg>');
    expect(store.get('annen')).toBeUndefined();
    await rm(dir, { recursive: true });
    store.set('nøkkel', '<svg>igjen</svg>');
    expect(fileDrawingStore(dir).get('nøkkel')).toBe('<svg>igjen</svg>');
    // Named by the key's hash, written beside and renamed: no temp file is left.
    expect(await readdir(dir)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.svg$/)]);
  });
});

describe('the folder the build names', () => {
  const site = async () => {
    const root = await temp();
    await mkdir(join(root, 'src', 'draw'), { recursive: true });
    await writeFile(join(root, 'src', 'draw', 'plot.ts'), 'export const a = 1;\n');
    await writeFile(join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
    return root;
  };

  test('its fingerprint changes with any file under src/ and with the lockfile, and only then', async () => {
    const fx = nodeEffects();
    const root = await site();
    const first = await drawingFingerprint(fx, root);
    expect(first).toMatch(/^[0-9a-f]{16}$/);
    expect(await drawingFingerprint(fx, root)).toBe(first);
    await writeFile(join(root, 'src', 'draw', 'plot.ts'), 'export const a = 2;\n');
    const second = await drawingFingerprint(fx, root);
    expect(second).not.toBe(first);
    await writeFile(join(root, 'src', 'ny.ts'), '');
    const third = await drawingFingerprint(fx, root);
    expect(third).not.toBe(second);
    await writeFile(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
    expect(await drawingFingerprint(fx, root)).not.toBe(third);
  });

  test(`keeps the drawings of the ${KEEP_DRAWINGS} versions of the code used last, and nothing else in the cache is touched`, async () => {
    const fx = nodeEffects();
    const root = await site();
    const cache = await temp();
    await writeFile(join(cache, 'a'.repeat(64) + '.png'), 'kort');
    const old: string[] = [];
    for (let i = 0; i < KEEP_DRAWINGS + 2; i++) {
      const dir = join(cache, 'tegninger', `${String(i).repeat(16)}`);
      await mkdir(dir, { recursive: true });
      // The higher i, the longer ago it was used.
      const at = new Date(Date.now() - (i + 1) * 60_000);
      await utimes(dir, at, at);
      old.push(`${String(i).repeat(16)}`);
    }
    const mine = await drawingsFolder(fx, root, cache);
    expect(mine).toBe(join(cache, 'tegninger', await drawingFingerprint(fx, root)));
    expect((await readdir(join(cache, 'tegninger'))).sort()).toEqual([...old.slice(0, KEEP_DRAWINGS - 1), mine.split('/').pop()!].sort());
    expect(await readdir(cache)).toEqual(['a'.repeat(64) + '.png', 'tegninger']);
  });
});
