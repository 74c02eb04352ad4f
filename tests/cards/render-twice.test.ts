// Same input → same bytes, within one process: share-card PNGs (resvg, then sharp's libimagequant)
// drawn twice on the build's worker threads, and read back from the PNG cache, are byte-identical, and the card SVG
// is the same string both times. (The byte-for-byte comparison of whole builds is
// tests/build/reproducible.test.ts on fixture builds, and `npm run test:full` on the demo.)
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardSvg, type CardContent } from '../../src/draw/cards/card';
import { drawPngs, type PngBatch } from '../../scripts/lib/cards/draw';
import { nodeEffects } from '../../scripts/lib/effects';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const CONTENT: CardContent = {
  kicker: 'digikommune · Digitalisering i kommunene 2024',
  title: 'Ås & «Bø»',
  subtitle: 'Prøvefylke · 5 400 innbyggere',
  rows: [
    { kind: 'grade', title: 'Digital prioritering', grade: 3, text: 'Grad 3: Omfattende IKT-prosjekter' },
    { kind: 'shares', title: 'Digital aktivitet', shares: [0.1, 0.2, 0.3, 0.4, 0], text: 'Flest i grad 3' },
  ],
  map: null,
  source: 'Kilde: oppdiktede tall',
  synthetic: true,
};
let cache: string;
afterAll(async () => {
  if (cache) await rm(cache, { recursive: true, force: true });
});

describe('rendering twice', () => {
  it('the card SVG and the PNGs of two cards come out byte-identical, drawn or from the cache', async () => {
    const svg = cardSvg(CONTENT);
    expect(cardSvg(structuredClone(CONTENT))).toBe(svg);
    cache = await mkdtemp(join(tmpdir(), 'digikommune-render-'));
    const batches = (cacheDir: string | null): PngBatch[] => [
      { svgs: [svg], kind: 'card', cacheDir },
      { svgs: [cardSvg({ ...CONTENT, title: 'Nord-Fron', synthetic: false })], kind: 'card', cacheDir },
    ];
    const fx = nodeEffects();
    const first = await drawPngs(fx, batches(cache)).done;
    const second = await drawPngs(fx, batches(null)).done;
    const cached = await drawPngs(fx, batches(cache)).done;
    expect(first.map((b) => b.drawn)).toEqual([1, 1]);
    expect(second.map((b) => b.drawn)).toEqual([1, 1]);
    expect(cached.map((b) => [b.drawn, b.cached])).toEqual([[0, 1], [0, 1]]);
    for (const n of [0, 1]) {
      const png = Buffer.from(first[n].pngs[0]);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(Buffer.from(second[n].pngs[0]).equals(png), `batch ${n} drawn again`).toBe(true);
      expect(Buffer.from(cached[n].pngs[0]).equals(png), `batch ${n} from the cache`).toBe(true);
    }
    // Left on disk (the build publishes each from the cache instead of holding them all): the file named is the same PNG.
    const onDisk = await drawPngs(fx, batches(cache).map((b) => ({ ...b, onDisk: true }))).done;
    for (const n of [0, 1]) {
      expect([onDisk[n].drawn, onDisk[n].cached, onDisk[n].pngs[0].length]).toEqual([0, 1, 0]);
      expect((await readFile(onDisk[n].files![0]!)).equals(Buffer.from(first[n].pngs[0])), `batch ${n} on disk`).toBe(true);
    }
  });
});

describe('drawn cards go into the cache as they come', () => {
  it('drawn on disk: the PNG is not held, the file named holds it, and the same SVG twice is written once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'digikommune-render-'));
    try {
      const svg = cardSvg(CONTENT);
      const writes: string[] = [];
      const base = nodeEffects();
      const fx = { ...base, writeFile: (file: string, data: Uint8Array | string) => (writes.push(file), base.writeFile(file, data)) };
      const [drawn] = await drawPngs(fx, [{ svgs: [svg, svg], kind: 'card', cacheDir: join(dir, 'kort'), onDisk: true }]).done;
      expect([drawn.drawn, drawn.pngs[0].length, drawn.pngs[1].length]).toEqual([2, 0, 0]);
      expect(drawn.files![0]).toBe(drawn.files![1]);
      expect(writes).toHaveLength(1);
      expect((await readFile(drawn.files![0]!)).subarray(1, 4).toString('latin1')).toBe('PNG');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a cache that cannot be written fails the drawing with that error, and leaves no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'digikommune-render-'));
    try {
      const base = nodeEffects();
      const fx = { ...base, rename: async () => { throw new Error('disken er full'); } };
      const svgs = [cardSvg(CONTENT), cardSvg({ ...CONTENT, title: 'Nord-Fron' }), cardSvg({ ...CONTENT, title: 'Sel' })];
      await expect(drawPngs(fx, [{ svgs, kind: 'card', cacheDir: dir, onDisk: true }]).done).rejects.toThrow('disken er full');
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a finished drawing lets go of the SVGs', () => {
  // The build keeps `cancel` while the pages render: it must not keep every card's SVG with it
  // (41 MB for ten years; a warm ten-year build peaked 40–60 MB higher while it did).
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const collected = async (ref: WeakRef<object>) => {
    for (let i = 0; i < 10 && ref.deref() !== undefined; i++) {
      await new Promise((r) => setTimeout(r, 10));
      gc();
    }
    return ref.deref() === undefined;
  };

  it('drawn or all from the cache, `cancel` kept, the SVGs are collected', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'digikommune-render-'));
    try {
      const fx = nodeEffects();
      for (const round of ['drawn', 'cached']) {
        let svgs: string[] | null = [cardSvg({ ...CONTENT, title: `Sel ${'x'.repeat(10)}` })];
        const ref = new WeakRef(svgs);
        const drawing = drawPngs(fx, [{ svgs, kind: 'card', cacheDir: dir, onDisk: true }]);
        const [result] = await drawing.done;
        expect(result.drawn, round).toBe(round === 'drawn' ? 1 : 0);
        svgs = null;
        expect(await collected(ref), `${round}: the SVGs are let go`).toBe(true);
        drawing.cancel(); // still callable, and a no-op once done
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
