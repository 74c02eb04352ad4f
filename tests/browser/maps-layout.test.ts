// Maps and narrow screens in Chromium, on the built demo site: the keyboard focus ring of a map
// shape, one keyboard path past the forside maps, no sideways scrolling of whole pages at 320 px,
// and the fylke table readable without scrolling at 375 px. Screenshots go to tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { serveStatic, type StaticServer } from '../helpers/server';
import { demoSite, ROOT } from '../helpers/site';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await demoSite();
  server = await serveStatic(site, '/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, width = 1280, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...options });
  const page = await context.newPage();
  const response = await page.goto(server.url(path), { waitUntil: 'load' });
  expect(response?.status(), `status of ${path}`).toBe(200);
  return page;
}

async function shot(page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), ...(clip ? { clip } : { fullPage: true }) });
}

/** WCAG contrast ratio of two computed CSS colours («rgb(r, g, b)»). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

async function fylkePaths(): Promise<string[]> {
  const index = await readFile(join(site, 'index.html'), 'utf8');
  const all = [...index.matchAll(/href="\/(fylke\/\d{2}-[a-z0-9-]+\/)"/g)].map((m) => `/${m[1]}`);
  const paths = [...new Set(all)];
  if (paths.length < 2) throw new Error('the forside links fewer than two fylke pages');
  return paths;
}

describe('map keyboard focus', () => {
  it('rings a small kommune above its neighbours, with ≥ 3:1 against its fill and the page', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    // The smallest graded shape of the first map, focused as a keyboard user would reach it.
    const found = await page.evaluate(() => {
      const svg = document.querySelector('svg.dk-map')!;
      const links = [...svg.querySelectorAll('a')].filter((a) => /^#/.test(a.querySelector('path')!.getAttribute('fill')!));
      const size = (a: Element) => { const r = a.querySelector('path')!.getBoundingClientRect(); return Math.max(r.width, r.height); };
      const small = links.filter((a) => size(a) > 0).sort((a, b) => size(a) - size(b))[0];
      small.scrollIntoView({ block: 'center' });
      small.focus();
      const path = small.querySelector('path')!;
      const ring = svg.lastElementChild!;
      const bands = [...ring.querySelectorAll('path')];
      const box = path.getBoundingClientRect();
      return {
        size: size(small),
        ringIsLast: ring.classList.contains('dk-focus-ring'),
        tracesShape: bands.length === 2 && bands.every((b) => b.getAttribute('d') === path.getAttribute('d')),
        bands: bands.map((b) => { const s = getComputedStyle(b); return { stroke: s.stroke, width: parseFloat(s.strokeWidth) }; }),
        fill: getComputedStyle(path).fill,
        page: getComputedStyle(document.body).backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.documentElement).backgroundColor : getComputedStyle(document.body).backgroundColor,
        box: [box.x, box.y, box.width, box.height],
      };
    });
    expect(found.size).toBeLessThan(8);
    expect(found.ringIsLast, 'the ring is painted after every shape').toBe(true);
    expect(found.tracesShape).toBe(true);
    const [halo, line] = found.bands;
    expect(halo.width).toBeGreaterThan(line.width);
    expect(contrast(halo.stroke, line.stroke)).toBeGreaterThanOrEqual(9);
    for (const against of [found.fill, found.page]) {
      expect(Math.max(contrast(halo.stroke, against), contrast(line.stroke, against)), against).toBeGreaterThanOrEqual(3);
    }
    const [x, y, w, h] = found.box;
    await shot(page, 'kart-fokus', { x: Math.max(0, x - 60), y: Math.max(0, y - 60), width: w + 120, height: h + 120 });
    // Leaving the map takes the ring away.
    await page.evaluate(() => (document.querySelector('main') as HTMLElement).focus());
    expect(await page.locator('svg.dk-map .dk-focus-ring').count()).toBe(0);
    await page.context().close();
  });
});

describe('forside keyboard path', () => {
  it('Tab crosses each kommune once on the maps; the second map’s shapes stay links', async () => {
    const page = await open('/');
    const maps = await page.$$eval('svg.dk-map', (svgs) => svgs.map((svg) => {
      const links = [...svg.querySelectorAll('a')];
      return { links: links.length, tabbable: links.filter((a) => (a as unknown as HTMLElement).tabIndex >= 0).length };
    }));
    expect(maps.length).toBe(2);
    expect(maps[0].links).toBeGreaterThanOrEqual(350);
    expect(maps[1].links).toBe(maps[0].links);
    expect(maps.map((m) => m.tabbable)).toEqual([maps[0].links, 0]);
    await page.context().close();
  });

  it('a skip link before the map jumps past its shapes to the legend and the table', async () => {
    const page = await open('/');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement!;
      return { text: el.textContent?.trim() ?? '', inMap: !!el.closest('svg.dk-map'), skip: el.classList.contains('skip-map') };
    });
    let state = await focused();
    let tabs = 0;
    for (; tabs < 100 && !state.skip; tabs++) {
      expect(state.inMap, 'a map link came before the skip link').toBe(false);
      await page.keyboard.press('Tab');
      state = await focused();
    }
    expect(state.skip, 'a «Hopp over kartet» link takes focus before the map').toBe(true);
    expect(state.text).toMatch(/^Hopp over kartet/);
    expect(await page.evaluate(() => { const r = document.activeElement!.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.top >= 0; })).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    state = await focused();
    expect(state.inMap).toBe(false);
    // The next stop is the map's own table of every kommune (its <summary>), not the next section.
    expect(state.text).toMatch(/^Tabell:/);
    await page.context().close();
  });
});
