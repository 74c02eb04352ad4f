// Maps and narrow screens in Chromium, on the built demo site: the keyboard focus ring of a map
// shape, one keyboard path past the forside maps, no sideways scrolling of whole pages at 320 px,
// and the fylke table readable without scrolling at 375 px. Screenshots go to tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { openDemo, Tabs } from '../helpers/browser';
import type { StaticServer } from '../helpers/server';
import { ROOT } from '../helpers/site';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
/** Each test drives several page loads; on a loaded machine 30 s is not enough (no timing is asserted). */
const SLOW = 120_000;
let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  ({ site, server, browser } = await openDemo());
});

afterAll(async () => {
  await tabs.close();
  await browser?.close();
  await server?.close();
});

const tabs = new Tabs(() => browser, { viewport: { width: 1280, height: 900 } });

async function open(path: string, width = 1280, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await tabs.open({ viewport: { width, height: 900 }, ...options });
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
    await tabs.release(page);
  }, SLOW);
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
    await tabs.release(page);
  }, SLOW);

  it('a skip link before the map jumps past its shapes to the legend and the table', async () => {
    const page = await open('/');
    const focused = () => page.evaluate(() => {
      const el = document.activeElement!;
      return { text: el.textContent?.trim() ?? '', inMap: !!el.closest('svg.dk-map'), skip: el.classList.contains('skip-map') };
    });
    let state = await focused();
    for (let presses = 0; presses < 100 && !state.skip; presses++) {
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
    // The next stops are the map's own downloads (SVG, PNG, CSV, CSV for Excel) and its table of every
    // kommune (its <summary>), not the next section.
    for (const format of ['SVG', 'PNG', 'CSV', 'CSV for Excel']) {
      expect(state.text).toBe(`${format} (Kart: digital prioritering per kommune, ${await page.evaluate(() => /\d{4}/.exec(document.querySelector('#kart-prioritering title')!.textContent!)![0])})`);
      await page.keyboard.press('Tab');
      state = await focused();
    }
    expect(state.text).toMatch(/^Tabell:/);
    await tabs.release(page);
  }, SLOW);
});

describe('narrow screens', () => {
  /** One page of every type, the latest year's and an earlier year's (/<år>/…) where they differ. */
  async function pageTypes(): Promise<Record<string, string>> {
    const index = await readFile(join(site, 'index.html'), 'utf8');
    const kommune = /href="(\/kommune\/\d{4}-[a-z0-9-]+\/)"/.exec(index)?.[1];
    // The earliest year: its pages live only under /<år>/.
    const year = [...index.matchAll(/href="\/(\d{4})\/"/g)].map((m) => m[1]).sort()[0];
    if (!kommune || !year) throw new Error('the forside links no kommune page or no earlier year');
    const earlier = await readFile(join(site, year, 'index.html'), 'utf8');
    const earlierKommune = new RegExp(`href="(/${year}/kommune/\\d{4}-[a-z0-9-]+/)"`).exec(earlier)?.[1];
    const earlierFylke = new RegExp(`href="(/${year}/fylke/\\d{2}-[a-z0-9-]+/)"`).exec(earlier)?.[1];
    if (!earlierKommune || !earlierFylke) throw new Error(`/${year}/ links no kommune or fylke page`);
    const fylker = await fylkePaths();
    return {
      forside: '/', år: `/${year}/`, kommune, 'kommune (år)': earlierKommune,
      fylke: fylker[0], 'fylke (flest kommuner)': fylker.find((p) => /vestland/.test(p)) ?? fylker[1], 'fylke (år)': earlierFylke,
      metode: '/metode/', data: '/data/', utvikling: '/utvikling/', 'spørsmål': '/sporsmal/', '404': '/404.html',
    };
  }

  it('no page type is wider than a 320 px screen', async () => {
    const page = await tabs.open({ viewport: { width: 320, height: 800 } });
    const wide: string[] = [];
    for (const [name, path] of Object.entries(await pageTypes())) {
      await page.goto(server.url(path), { waitUntil: 'load' });
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      if (scroll > client) wide.push(`${name} ${path}: ${scroll - client} px for bred`);
      if (name === 'metode') await shot(page, 'metode-320');
    }
    expect(wide).toEqual([]);
    await tabs.release(page);
  }, SLOW);

  it('at 375 px the fylke table shows every grade without sideways scrolling, still a table to screen readers', async () => {
    const path = (await fylkePaths()).find((p) => /vestland/.test(p)) ?? (await fylkePaths())[0];
    const page = await open(path, 375);
    const table = page.locator('table[data-sortable]');
    await table.scrollIntoViewIfNeeded();
    const layout = await table.evaluate((t) => {
      const scroller = t.closest('.table-scroll')!;
      const view = document.documentElement.clientWidth;
      const cells = [...t.querySelectorAll('tbody td')];
      const outside = cells.filter((c) => { const r = c.getBoundingClientRect(); return r.left < 0 || r.right > view; }).length;
      return { scroll: scroller.scrollWidth, client: scroller.clientWidth, cells: cells.length, outside, rows: (t as HTMLTableElement).tBodies[0].rows.length };
    });
    expect(layout.rows).toBeGreaterThan(10);
    expect(layout.scroll).toBeLessThanOrEqual(layout.client);
    expect(layout.outside).toBe(0);
    // The accessibility tree: still a table whose cells sit under named column headers.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree') as { nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[] };
    await cdp.detach();
    const roles = (role: string) => nodes.filter((n) => !n.ignored && n.role?.value === role);
    expect(roles('table').length).toBeGreaterThanOrEqual(1);
    expect(roles('columnheader').map((n) => n.name?.value)).toEqual(expect.arrayContaining(['Prioritering', 'Aktivitet', 'Kompetanse']));
    expect(roles('cell').length).toBeGreaterThanOrEqual(layout.cells);
    // Each value is read once: the visible column label is generated content with empty alt text.
    const grade = page.locator('table[data-sortable] tbody td.grade-cell').first();
    expect(await grade.evaluate((td) => getComputedStyle(td, '::before').content)).toMatch(/\/\s*""$/);
    const box = (await table.boundingBox())!;
    await shot(page, 'fylke-tabell-375', { x: 0, y: Math.max(0, box.y), width: 375, height: 700 });
    await tabs.release(page);
  }, SLOW);
});
