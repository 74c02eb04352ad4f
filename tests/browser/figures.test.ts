// The Plot charts as a reader sees them, in Debian's Chromium: on the forside, a kommune page,
// /utvikling/ and an embed, at 320, 390 and 1280 px, every chart's text is shown at 13 px or more
// (its font size times the drawing's scale on screen) and at most 17.5 px (a chart is drawn once,
// at the phone column, and never blown up), nothing scrolls sideways and the site's CSP is never
// violated; at 1280 px the kommune page's comparisons stand side by side. Screenshots of the
// kommune page go to tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openDemo, Tabs } from '../helpers/browser';
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

interface Measured { charts: number; smallest: number; largest: number; drawings: number[]; rows: number; overflow: number; hiddenRole: number; touching: string[] }

/** A listed page, loaded once, and whatever the CSP refused while it loaded and was measured. */
interface Loaded { page: Page; refused: string[] }
const loaded = new Map<string, Promise<Loaded>>();
// The pages stay open across the widths' tests (a tab each, in one context); closed with it.
const tabs = new Tabs(() => browser, { viewport: { width: 1280, height: 900 } });
afterAll(() => tabs.close());

/**
 * The page at `path`, loaded once and resized to `width` for each width's test: the site switches
 * layout with CSS media queries alone and no script reads the width when the page loads, so the
 * resized page is laid out as one loaded at that width (a load per page and width was most of the time).
 */
async function at(width: number, path: string): Promise<Loaded> {
  let l = loaded.get(path);
  if (!l) {
    l = (async () => {
      const page = await tabs.open({ viewport: { width, height: 900 } });
      const refused: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) refused.push(m.text());
      });
      const response = await page.goto(server.url(path), { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      return { page, refused };
    })();
    loaded.set(path, l);
  }
  const { page, refused } = await l;
  await page.setViewportSize({ width, height: 900 });
  return { page, refused };
}

describe('Plot charts as displayed', () => {
  for (const width of WIDTHS) {
    it(`text 13–17.5 px, one drawing per chart, no sideways scrolling and no CSP refusal at ${width} px`, async () => {
      for (const { name, path } of pages) {
        const { page, refused } = await at(width, path);
        const m: Measured = await page.evaluate(() => {
          const shown = (e: Element) => e.getBoundingClientRect().width > 0 && getComputedStyle(e).display !== 'none';
          const charts = [...document.querySelectorAll('svg.dk-plot')].filter(shown) as SVGSVGElement[];
          let smallest = Infinity;
          let largest = 0;
          for (const svg of charts) {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            for (const t of svg.querySelectorAll('text')) {
              if (!t.textContent?.trim()) continue;
              const px = parseFloat(getComputedStyle(t).fontSize) * scale;
              smallest = Math.min(smallest, px);
              largest = Math.max(largest, px);
            }
          }
          // Every figure body holds one drawing of its chart, and it is shown.
          const drawings = [...document.querySelectorAll('.figure-body:has(svg.dk-plot)')].map((b) => [...b.querySelectorAll('svg.dk-plot')].filter(shown).length);
          // How many rows the kommune page's comparisons take (1 when side by side).
          const rows = new Set([...document.querySelectorAll('.figure-stack > figure')].map((f) => Math.round(f.getBoundingClientRect().top))).size;
          // Every text's box (the font's ascent and descent) stays 2 drawing units clear of every bar
          // beside or under it, the width of the white halo around text over grid lines: a wrapped
          // heading of /utvikling/ («Grad 0: … / aktivitet») once ended 1 unit above the bar below.
          const touching: string[] = [];
          for (const svg of charts) {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const bars = [...svg.querySelectorAll('rect')].filter((r) => !r.closest('defs')).map((r) => r.getBoundingClientRect());
            for (const t of svg.querySelectorAll('text')) {
              if (!t.textContent?.trim()) continue;
              const b = t.getBoundingClientRect();
              for (const r of bars) {
                if (b.right <= r.left || r.right <= b.left) continue; // side by side: a value after its bar
                const gap = Math.max(r.top - b.bottom, b.top - r.bottom) / scale;
                if (gap < 2) touching.push(`${svg.id}: «${t.textContent}» ${gap.toFixed(1)} units from a bar`);
              }
            }
          }
          return {
            touching,
            charts: charts.length,
            smallest,
            largest,
            drawings,
            rows,
            overflow: document.documentElement.scrollWidth - window.innerWidth,
            hiddenRole: charts.filter((c) => c.getAttribute('role') !== 'img' || !c.querySelector('title') || !c.querySelector('desc')).length,
          };
        });
        if (name === 'kommune' && (width === 320 || width === 1280)) {
          await mkdir(ARTIFACTS, { recursive: true });
          await page.screenshot({ path: join(ARTIFACTS, `plot-kommune-${width}.png`), fullPage: true });
        }
        // The kommune embed is a summary with grade swatches, no chart: nothing to measure there but the page.
        if (name !== 'embed') expect(m.charts, `${name} at ${width}: charts shown`).toBeGreaterThan(0);
        if (m.charts > 0) expect(m.smallest, `${name} at ${width}: smallest chart text`).toBeGreaterThanOrEqual(13 - 0.01);
        if (m.charts > 0) expect(m.largest, `${name} at ${width}: largest chart text`).toBeLessThanOrEqual(17.5);
        expect(m.drawings.every((n) => n === 1), `${name} at ${width}: one drawing per chart, shown`).toBe(true);
        if (name === 'kommune') expect(m.rows, `${name} at ${width}: rows of comparisons`).toBe(width === 1280 ? 1 : 3);
        // The grouped bars (src/draw/charts/bars.ts); the comparisons' stacked bars are laid out otherwise.
        if (name === 'utvikling') expect(m.touching, `${name} at ${width}: chart text on a bar`).toEqual([]);
        expect(m.overflow, `${name} at ${width}: sideways scrolling`).toBeLessThanOrEqual(0);
        expect(m.hiddenRole, `${name} at ${width}: charts without role=img, <title> and <desc>`).toBe(0);
        expect(refused, `${name} at ${width}: CSP`).toEqual([]);
      }
    }, 300_000);
  }
});
