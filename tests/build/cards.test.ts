// Share cards in the built demo site: every page that names an og:image has it, at 600×315 (the
// size feeds show; the og:image size meta says so) and within 20 KB, with alt text; kommune, fylke, year overview and forside pages all have one.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoSite } from '../helpers/site';
import { listFiles } from '../../scripts/lib/sitefiles';

const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1] ?? null;

describe('share cards', () => {
  it('every page that names a card has it, 600×315 as its meta says, ≤ 20 KB, with alt text and a large-image twitter card', async () => {
    const site = await demoSite();
    const files = await listFiles(site);
    const pages = files.filter((f) => f.endsWith('index.html'));
    const used = new Set<string>();
    for (const page of pages) {
      const html = await readFile(join(site, page), 'utf8');
      const image = meta(html, 'og:image');
      if (!image) continue;
      const file = new URL(image).pathname.replace(/^\//, '');
      used.add(file);
      expect(meta(html, 'og:image:alt'), page).toMatch(/\S{3}/);
      expect(meta(html, 'twitter:card'), page).toBe('summary_large_image');
      expect([meta(html, 'og:image:width'), meta(html, 'og:image:height')], page).toEqual(['600', '315']);
    }
    for (const file of used) {
      const png = await readFile(join(site, file));
      expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([600, 315]);
      expect(png.length, file).toBeLessThanOrEqual(20 * 1024);
    }
    // Every card file is used by some page, and there are no others.
    expect(files.filter((f) => f.startsWith('kort/')).sort()).toEqual([...used].sort());
  });

  it('kommune pages of every year, fylke pages, year overviews and the forside have cards; the forside shares the latest year\'s', async () => {
    const site = await demoSite();
    const files = await listFiles(site);
    const manifest = JSON.parse(await readFile(join(site, 'data', 'manifest.json'), 'utf8')) as { years: { year: number }[] };
    const years = manifest.years.map((y) => y.year).sort();
    const latest = years[years.length - 1];
    const html = (f: string) => readFile(join(site, f), 'utf8');
    const forside = meta(await html('index.html'), 'og:image');
    expect(forside).toMatch(new RegExp(`/kort/${latest}/landet\\.png$`));
    for (const year of years) {
      expect(meta(await html(`${year}/index.html`), 'og:image')).toMatch(new RegExp(`/kort/${year}/landet\\.png$`));
      const kommunePages = files.filter((f) => (year === latest ? /^kommune\/\d{4}-[^/]+\/index\.html$/ : new RegExp(`^${year}/kommune/\\d{4}-[^/]+/index\\.html$`)).test(f));
      const withCard = [];
      for (const f of kommunePages) {
        const h = await html(f);
        if (/http-equiv="?refresh/i.test(h)) continue; // an old number's redirect page
        const nr = /kommune\/(\d{4})-/.exec(f)![1];
        expect(meta(h, 'og:image'), f).toMatch(new RegExp(`/kort/${year}/kommune/${nr}\\.png$`));
        withCard.push(f);
      }
      expect(withCard.length).toBeGreaterThan(300);
    }
    const fylke = files.find((f) => /^fylke\/\d{2}-[^/]+\/index\.html$/.test(f))!;
    expect(meta(await html(fylke), 'og:image')).toMatch(new RegExp(`/kort/${latest}/fylke/\\d{2}\\.png$`));
  });
});
