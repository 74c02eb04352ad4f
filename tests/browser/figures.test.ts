// The Plot charts as a reader sees them, in Debian's Chromium: on the forside, a kommune page,
// /utvikling/ and an embed, at 320, 390 and 1280 px, every chart's text is shown at 13 px or more
// (its font size times the drawing's scale on screen), exactly one drawing of each narrow/wide pair
// is shown, nothing scrolls sideways and the site's CSP is never violated. Screenshots of the
// kommune page go to tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openDemo } from '../helpers/browser';
import type { StaticServer } from '../helpers/server';
import { ROOT } from '../helpers/site';
import { publishedIndicators } from '../helpers/demo';
import { kommuneSlug } from '../../src/lib/format/slug';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const WIDTHS = [320, 390, 1280] as const;
let server: StaticServer;
let browser: Browser;
let pages: { name: string; path: string }[] = [];

beforeAll(async () => {
  const demo = await openDemo();
  ({ server, browser } = demo);
  const site = demo.site;
  const manifest = JSON.parse(await readFile(join(site, 'data', 'manifest.json'), 'utf8')) as { years: { year: number }[] };
  const year = Math.max(...manifest.years.map((y) => y.year));
  const oslo = (await publishedIndicators(site, year)).find((k) => k.kommunenummer === '0301')!;
  const slug = kommuneSlug(oslo.kommunenummer, oslo.kommunenavn);
  pages = [
    { name: 'forside', path: '' },
    { name: 'kommune', path: `kommune/${slug}/` },
    { name: 'utvikling', path: 'utvikling/' },
    { name: 'embed', path: `embed/${year}/kommune/${slug}/` },
  ];
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Measured { charts: number; smallest: number; pairsShown: number[]; overflow: number; hiddenRole: number }

describe('Plot charts as displayed', () => {
  for (const width of WIDTHS) {
    it(`text ≥ 13 px, one drawing per pair, no sideways scrolling and no CSP refusal at ${width} px`, async () => {
      for (const { name, path } of pages) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const refused: string[] = [];
        context.on('console', (m) => {
          if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) refused.push(m.text());
        });
        const page = await context.newPage();
        const response = await page.goto(server.url(path), { waitUntil: 'load' });
        expect(response?.status(), path).toBe(200);
        const m: Measured = await page.evaluate(() => {
          const shown = (e: Element) => e.getBoundingClientRect().width > 0 && getComputedStyle(e).display !== 'none';
          const charts = [...document.querySelectorAll('svg.dk-plot')].filter(shown) as SVGSVGElement[];
          let smallest = Infinity;
          for (const svg of charts) {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            for (const t of svg.querySelectorAll('text')) {
              if (!t.textContent?.trim()) continue;
              smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
            }
          }
          // Each page chart is a narrow and a wide drawing side by side in the markup: one is shown.
          const pairsShown = [...document.querySelectorAll('svg.dk-narrow')].map((n) => [n, n.nextElementSibling].filter((e) => e && shown(e)).length);
          return {
            charts: charts.length,
            smallest,
            pairsShown,
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            hiddenRole: charts.filter((c) => c.getAttribute('role') !== 'img' || !c.querySelector('title') || !c.querySelector('desc')).length,
          };
        });
        if (name === 'kommune' && (width === 320 || width === 1280)) {
          await mkdir(ARTIFACTS, { recursive: true });
          await page.screenshot({ path: join(ARTIFACTS, `plot-kommune-${width}.png`), fullPage: true });
        }
        await context.close();
        // The kommune embed is a summary with grade swatches, no chart: nothing to measure there but the page.
        if (name !== 'embed') expect(m.charts, `${name} at ${width}: charts shown`).toBeGreaterThan(0);
        if (m.charts > 0) expect(m.smallest, `${name} at ${width}: smallest chart text`).toBeGreaterThanOrEqual(13 - 0.01);
        expect(m.pairsShown.every((n) => n === 1), `${name} at ${width}: one drawing of each pair`).toBe(true);
        expect(m.overflow, `${name} at ${width}: sideways scrolling`).toBeLessThanOrEqual(0);
        expect(m.hiddenRole, `${name} at ${width}: charts without role=img, <title> and <desc>`).toBe(0);
        expect(refused, `${name} at ${width}: CSP`).toEqual([]);
      }
    }, 300_000);
  }
});
