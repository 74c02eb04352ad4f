// Figure downloads (issue 10 §2) in the built demo site: every chart and map offers SVG, PNG and
// CSV files under /figur/; each file exists, carries its title, source and licence, is drawn at
// the article size, and its PNG is the rasterised SVG beside it.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { demoSite } from '../helpers/site';
import { listFiles } from '../../scripts/lib/sitefiles';
import { makeFigureRasteriser } from '../../scripts/lib/cards/raster';
import { compareSnapshot } from '../snapshots/snapshot';
import { FILE_MARGIN } from '../../src/site/figures/standalone';

let site: string;
let files: string[];
const html = (f: string) => readFile(join(site, f), 'utf8');
/** The figure downloads a page offers: its /figur/ names, in page order. */
const downloads = (page: string) => [...page.matchAll(/<a href="\/figur\/([^"]+)\.svg" download>/g)].map((m) => m[1]);

beforeAll(async () => {
  site = await demoSite();
  files = await listFiles(site);
});

describe('figure downloads', () => {
  it('every chart and map on the main pages offers SVG, PNG and CSV', async () => {
    const oslo = await html('kommune/0301-oslo/index.html');
    // Three comparisons and the grades per year (the locator map is a navigation aid without numbers).
    expect(downloads(oslo)).toEqual([
      '2024/kommune/0301-oslo/sammenligning-prioritering', '2024/kommune/0301-oslo/sammenligning-aktivitet',
      '2024/kommune/0301-oslo/sammenligning-kompetanse', '2024/kommune/0301-oslo/utvikling',
    ]);
    // The latest year's /2024/ copy links the same year-fixed files.
    expect(downloads(await html('2024/kommune/0301-oslo/index.html'))).toEqual(downloads(oslo));
    expect(downloads(await html('2018/kommune/0301-oslo/index.html'))[0]).toBe('2018/kommune/0301-oslo/sammenligning-prioritering');
    expect(downloads(await html('index.html'))).toEqual([
      '2024/kart-prioritering', '2024/fordeling-prioritering', '2024/kart-aktivitet', '2024/fordeling-aktivitet', '2024/fordeling-kompetanse',
    ]);
    const vestland = files.find((f) => /^fylke\/46-[^/]+\/index\.html$/.test(f))!;
    expect(downloads(await html(vestland))).toHaveLength(5);
    expect(downloads(await html('utvikling/index.html'))).toEqual([
      '2024/utvikling/fordeling-prioritering', '2024/utvikling/fordeling-aktivitet', '2024/utvikling/fordeling-kompetanse',
      '2024/utvikling/strategiomrader', '2024/utvikling/endring-prioritering', '2024/utvikling/endring-aktivitet',
    ]);
    expect(downloads(await html('sporsmal/index.html')).length).toBeGreaterThanOrEqual(10);
    // Each page's figures have all three formats, and the file name says which figure (for screen readers).
    expect(oslo).toMatch(/Last ned figur: <a href="\/figur\/2024\/kommune\/0301-oslo\/sammenligning-prioritering\.svg" download>SVG<span class="visually-hidden"> \(Digital prioritering: fordeling/);
    for (const format of ['svg', 'png', 'csv']) expect(oslo).toContain(`href="/figur/2024/kommune/0301-oslo/utvikling.${format}"`);
  });

  it('every linked file exists, and every file is linked from a page', async () => {
    const linked = new Set<string>();
    for (const page of files.filter((f) => f.endsWith('.html'))) {
      for (const m of (await html(page)).matchAll(/href="\/(figur\/[^"]+)"/g)) linked.add(m[1]);
    }
    const published = files.filter((f) => f.startsWith('figur/'));
    expect(published.length).toBeGreaterThan(3 * 3000);
    expect([...linked].filter((f) => !published.includes(f))).toEqual([]);
    const unlinked = published.filter((f) => !linked.has(f));
    expect(unlinked).toEqual([]);
  });

  it('a file carries its title, colour key, source and licence, has no links into the site, and is 640 px wide', async () => {
    const svg = await html('figur/2024/kommune/0301-oslo/sammenligning-prioritering.svg');
    expect(svg.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(/^<svg[^>]*>/m.exec(svg)![0]).toMatch(/ width="640"/);
    expect(svg).toContain('>Oslo (grad 4, markert med ramme): digital prioritering i landet,');
    expect(svg).toContain('>Grad 4: Både omfattende IKT-strategi og IKT-prosjekter<');
    expect(svg).toMatch(/>Kilde: syntetiske demodata/);
    expect(svg).toMatch(/>Lisens: CC BY 4\.0 \(https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/deed\.no\)/);
    const map = await html('figur/2024/kart-aktivitet.svg');
    expect(map).not.toMatch(/<a\b/);
    expect(map).not.toContain('tabindex');
    expect(map).toMatch(/>Grad 0 – /); // the legend is inside the file
    expect(map).toContain('Kartgrunnlag: Kartverket (CC BY 4.0)');
    const change = await html('figur/2024/utvikling/endring-prioritering.svg');
    expect(change).toMatch(/>Annen type \(mellom grad 2 og 3\): \d+ kommuner</);
  });

  it('the PNG is the SVG beside it, drawn at its size', async () => {
    const rasteriser = makeFigureRasteriser();
    for (const name of ['2024/kommune/0301-oslo/sammenligning-kompetanse', '2021/kart-prioritering', '2024/utvikling/endring-aktivitet']) {
      const svg = await html(`figur/${name}.svg`);
      const png = await readFile(join(site, `figur/${name}.png`));
      const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      const open = /<svg[^>]*>/.exec(svg)![0];
      expect([w, h], name).toEqual([Number(/ width="(\d+)"/.exec(open)![1]), Number(/ height="(\d+)"/.exec(open)![1])]);
      expect(Buffer.from(rasteriser.png(svg)).equals(png), name).toBe(true);
      expect(png.length, name).toBeLessThanOrEqual(250 * 1024);
    }
  });

  it('the PNG has text: the title row is not blank', async () => {
    const png = await readFile(join(site, 'figur/2024/fordeling-prioritering.png'));
    // Indexed or RGB PNG: decode the first rows and count non-white pixels in the title band.
    const chunks: Buffer[] = [];
    let palette: Buffer | null = null;
    for (let at = 8; at < png.length;) {
      const len = png.readUInt32BE(at);
      const type = png.subarray(at + 4, at + 8).toString('latin1');
      if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + len));
      if (type === 'PLTE') palette = png.subarray(at + 8, at + 8 + len);
      at += 12 + len;
    }
    const [w, colourType] = [png.readUInt32BE(16), png[25]];
    const bpp = colourType === 3 ? 1 : colourType === 2 ? 3 : 4;
    const raw = inflateSync(Buffer.concat(chunks));
    const stride = 1 + w * bpp;
    // Undo the PNG row filters (none, sub, up, average, Paeth) to get the pixels.
    const h = png.readUInt32BE(20);
    const pixels = new Uint8Array(h * w * bpp);
    for (let y = 0; y < h; y++) {
      const filter = raw[y * stride];
      expect(filter, `row ${y} filter`).toBeLessThanOrEqual(4);
      for (let x = 0; x < w * bpp; x++) {
        const at = y * w * bpp + x;
        const a = x >= bpp ? pixels[at - bpp] : 0;
        const b = y > 0 ? pixels[at - w * bpp] : 0;
        const c = x >= bpp && y > 0 ? pixels[at - w * bpp - bpp] : 0;
        const p = a + b - c;
        const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
        const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
        pixels[at] = (raw[y * stride + 1 + x] + predictor) & 0xff;
      }
    }
    const rgbAt = (x: number, y: number) => {
      const i = (y * w + x) * bpp;
      return colourType === 3 ? palette!.subarray(pixels[i] * 3, pixels[i] * 3 + 3) : pixels.subarray(i, i + 3);
    };
    const count = (from: number, to: number, hit: (rgb: Uint8Array) => boolean) => {
      let n = 0;
      for (let y = from; y < to; y++) for (let x = 0; x < w; x++) if (hit(rgbAt(x, y))) n++;
      return n;
    };
    // The title sits 4–18 px below the file's white margin, which is blank on every side.
    expect(count(FILE_MARGIN + 4, FILE_MARGIN + 18, (rgb) => rgb[0] < 128 && rgb[1] < 128 && rgb[2] < 128)).toBeGreaterThan(200);
    const notWhite = (rgb: Uint8Array) => rgb[0] !== 255 || rgb[1] !== 255 || rgb[2] !== 255;
    expect(count(0, FILE_MARGIN, notWhite)).toBe(0);
    expect(count(h - FILE_MARGIN, h, notWhite)).toBe(0);
    let sides = 0;
    for (let y = 0; y < h; y++) for (const x of [0, FILE_MARGIN - 1, w - FILE_MARGIN, w - 1]) if (notWhite(rgbAt(x, y))) sides++;
    expect(sides).toBe(0);
  });

  it('the CSV holds the numbers behind the figure', async () => {
    const csv = (await html('figur/2024/kommune/0301-oslo/sammenligning-prioritering.csv')).trim().split('\n');
    expect(csv[0]).toBe('aar,kommunenummer,kommunenavn,gruppe,grad,beskrivelse,antall_kommuner,kjent,andel_av_kjent,kommunens_egen');
    expect(csv).toHaveLength(1 + 3 * 6); // nation, fylke, size class × grades 0–4 and unknown
    expect(csv.filter((l) => l.endsWith(',ja'))).toHaveLength(3);
    const map = (await html('figur/2024/kart-prioritering.csv')).trim().split('\n');
    const indicators = (await html('data/2024/indicators.csv')).trim().split('\n');
    expect(map.length).toBe(indicators.length);
  });

  it('the downloaded comparison is the snapshot (what ships is what the snapshot shows)', async () => {
    const svg = await html('figur/2024/kommune/0301-oslo/sammenligning-prioritering.svg');
    const result = compareSnapshot('figurfil-sammenligning-oslo-2024', svg);
    expect(result.ok, result.message).toBe(true);
  });
});
