// What readers take away (issue 18 §1–5, 8, 9), in Debian's Chromium at 320, 390 and 1280 px: map
// keys that agree with the tables, embeds that keep their credit and link inside a frame from
// another origin, the header search from any page, map shapes that say which is which, merged
// kommuner explained, and the smaller fixes. Screenshots go to tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNewspaper, type Newspaper } from '../helpers/newspaper';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { downloadBytes, openDemo, Tabs } from '../helpers/browser';
import type { StaticServer } from '../helpers/server';
import { ROOT } from '../helpers/site';
import { publishedIndicators, yearEntries } from '../helpers/demo';
import { kommuneSlug } from '../../src/lib/format/slug';
import type { KommuneIndicators } from '../../src/lib/types';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const WIDTHS = [320, 390, 1280] as const;
let site: string;
let server: StaticServer;
let browser: Browser;
let other: Newspaper | undefined;
let otherOrigin: string;
let articleHtml = '';
let latest: number;
let years: number[];
let rows: KommuneIndicators[];

beforeAll(async () => {
  ({ site, server, browser } = await openDemo());
  years = (await yearEntries()).map((y) => y.year);
  latest = years[years.length - 1];
  rows = await publishedIndicators(site, latest);
  // «The newspaper»: another origin whose article frames an embed.
  other = await startNewspaper(() => articleHtml);
  otherOrigin = other.origin;
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

const tabs = new Tabs(() => browser, { viewport: { width: 1280, height: 800 } });
async function open(width: number, path: string, options: { javaScriptEnabled?: boolean; touch?: boolean; permissions?: string[] } = {}): Promise<Page> {
  const page = await tabs.open({
    viewport: { width, height: 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
    ...(options.permissions ? { permissions: options.permissions } : {}),
  });
  const response = await page.goto(server.url(path), { waitUntil: 'load' });
  expect(response?.status(), `status of ${path}`).toBe(200);
  return page;
}
afterAll(() => tabs.close());

/**
 * `path` loaded once and looked at `fn` at each width in turn, the viewport resized between them:
 * for checks that only read the page. The site switches layout with CSS media queries alone and no
 * script reads the width when a page loads, so a resized page is laid out as one loaded at that
 * width; loading the page again for every width was most of these checks' time.
 */
async function atEveryWidth(path: string, fn: (page: Page, width: number) => Promise<void>): Promise<void> {
  const page = await open(WIDTHS[0], path);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await fn(page, width);
  }
  await tabs.release(page);
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

const slugOf = (nr: string) => {
  const k = rows.find((r) => r.kommunenummer === nr)!;
  return kommuneSlug(k.kommunenummer, k.kommunenavn);
};

/** «Grad 2: … (14)» → grade 2, 14; «Ukjent: 38 (34 svarte ikke, 4 mangler svar)» → split. */
function parseKey(lines: string[]): { grades: Record<string, number>; notAnswered: number; missing: number } {
  const grades: Record<string, number> = {};
  let notAnswered = 0;
  let missing = 0;
  for (const line of lines) {
    const g = /^Grad (\d)\b.*\((\d+)\)\s*$/.exec(line);
    if (g) { grades[g[1]] = Number(g[2]); continue; }
    const both = /^Ukjent: \d+ \((\d+) svarte ikke, (\d+) mangler svar\)/.exec(line);
    if (both) { notAnswered = Number(both[1]); missing = Number(both[2]); continue; }
    const one = /^Ukjent – (svarte ikke|mangler svar).*\((\d+)\)\s*$/.exec(line);
    if (one) { if (one[1] === 'svarte ikke') notAnswered = Number(one[2]); else missing = Number(one[2]); continue; }
    throw new Error(`not a key line: «${line}»`);
  }
  return { grades, notAnswered, missing };
}

describe('map keys (§1)', () => {
  it('the national map key counts equal the map table and the response table, at every width', async () => {
    await atEveryWidth(`${latest}/`, async (page, width) => {
      const figures = await page.$$eval('figure.map', (fs) => fs.map((_, i) => i));
      expect(figures.length).toBe(2);
      for (const i of figures) {
        const figure = page.locator('figure.map').nth(i);
        const key = parseKey(await figure.locator('ul.legend li').allInnerTexts());
        const table = await figure.evaluate((fig) => {
          const grades: Record<string, number> = {};
          let notAnswered = 0;
          let missing = 0;
          for (const tr of fig.querySelectorAll('table tbody tr')) {
            const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
            if (cells[0] === '..') { if (cells[1] === 'svarte ikke') notAnswered++; else missing++; } else grades[cells[0]] = (grades[cells[0]] ?? 0) + 1;
          }
          return { grades, notAnswered, missing };
        });
        expect(key, `${width} px, map ${i}`).toEqual(table);
        expect(key.notAnswered).toBe(rows.filter((r) => r.svart !== 1).length);
        // No «(0)» rows: every line of the key counts at least one kommune.
        expect(Object.values(key.grades).every((n) => n > 0)).toBe(true);
      }
    });
  });

  it('every map figure file (national and fylke, every year with maps), made in the browser, carries the key of its own table', async () => {
    // Figure files are made by js/figur.js from the figure on the page (issue 17 §4): download each
    // map's SVG as a reader would and read the key drawn inside it.
    const page = await tabs.open({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const paths: string[] = [];
    for (const year of years) {
      await page.goto(server.url(`${year}/`), { waitUntil: 'load' });
      if ((await page.locator('figure.map').count()) === 0) continue; // 2018: no boundaries, no maps
      paths.push(`${year}/`);
      const fylke = await page.locator(`main a[href*="fylke/"]`).first().getAttribute("href");
      if (fylke) paths.push(fylke.replace(/^\//, ''));
    }
    expect(paths.length).toBeGreaterThan(3);
    let checked = 0;
    let hatched = 0;
    for (const path of paths) {
      await page.goto(server.url(path), { waitUntil: 'load' });
      const figures = page.locator('figure.map:has(.figure-downloads)');
      for (let i = 0; i < (await figures.count()); i++) {
        const figure = figures.nth(i);
        await figure.locator('.figure-downloads').waitFor({ state: 'visible' });
        const [file] = await Promise.all([page.waitForEvent('download'), figure.locator('.figure-downloads').getByRole('button', { name: /^SVG \(/ }).click()]);
        const svg = (await downloadBytes(file)).toString('utf8');
        // A key entry is the <text> after its swatch; a long one wraps into <tspan> lines.
        const texts = [...svg.matchAll(/<rect [^>]*stroke-width="0.6"\/><text[^>]*>(.*?)<\/text>/g)]
          .map((m) => m[1].replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
        const key = parseKey(texts);
        // The unknown swatch is hatched in the file as on the page (and on the map itself).
        const hatchedOnPage = await figure.locator('ul.legend li svg path').count();
        hatched += hatchedOnPage;
        expect((svg.match(/<g clip-path="url\(#nokkel-\d+\)"><rect [^>]*\/><path /g) ?? []).length, path).toBe(hatchedOnPage);
        // Its table: the published indicator rows of the year, of the fylke on a fylke page.
        const caption = (await figure.locator('figcaption').innerText()).toLowerCase();
        const indicator = caption.includes('aktivitet') ? 'aktivitet' : 'prioritering';
        const year = Number(/\d{4}/.exec(caption)![0]);
        const fylke = /fylke\/(\d{2})-/.exec(path)?.[1];
        const of = (await publishedIndicators(site, year)).filter((r) => !fylke || r.fylkesnummer === fylke);
        const table = { grades: {} as Record<string, number>, notAnswered: 0, missing: 0 };
        for (const r of of) {
          const v = r[indicator];
          if (v === null) { if (r.svart === 1) table.missing++; else table.notAnswered++; } else table.grades[String(v)] = (table.grades[String(v)] ?? 0) + 1;
        }
        expect(key, `${path} map ${i}`).toEqual(table);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(4);
    expect(hatched).toBeGreaterThan(0); // some map has kommuner of unknown grade, hatched in its key
  });

  it('fylke page keys have no «(0)» rows and equal the fylke map table', async () => {
    const fylke = rows.find((r) => r.fylkesnavn.startsWith('Møre og Romsdal'))!;
    const { fylkeSlug } = await import('../../src/lib/format/slug');
    await atEveryWidth(`fylke/${fylkeSlug(fylke.fylkesnummer, fylke.fylkesnavn)}/`, async (page) => {
      const keys = await page.$$eval('figure.map ul.legend', (uls) => uls.map((ul) => [...ul.querySelectorAll('li')].map((li) => (li as HTMLElement).innerText)));
      expect(keys.length).toBe(2);
      const members = rows.filter((r) => r.fylkesnummer === fylke.fylkesnummer);
      keys.forEach((lines, i) => {
        expect(lines.join('\n')).not.toMatch(/\(0\)/);
        const indicator = i === 0 ? 'prioritering' : 'aktivitet';
        const key = parseKey(lines);
        const grades: Record<string, number> = {};
        for (const r of members) if (r[indicator] !== null) grades[String(r[indicator])] = (grades[String(r[indicator])] ?? 0) + 1;
        expect(key).toEqual({ grades, notAnswered: members.filter((r) => r.svart !== 1).length, missing: members.filter((r) => r.svart === 1 && r[indicator] === null).length });
      });
    });
  });
});

describe('movers (§3)', () => {
  it('lists every kommune tied with the last one shown, at every width', async () => {
    const changes = JSON.parse(await readFile(join(site, 'data', 'utvikling', 'endringer.json'), 'utf8')) as Record<string, { diff: number | null } | unknown>[];
    await atEveryWidth('utvikling/', async (page, width) => {
      const blocks = await page.$$eval('#mest ~ .grid .movers', (divs) => divs.map((d) => ({
        caption: d.querySelector('caption')?.textContent ?? '',
        shown: [...d.querySelectorAll('tbody tr')].map((tr) => ({ name: tr.querySelector('th')?.textContent?.trim() ?? '', diff: tr.querySelector('td:last-child')?.textContent?.trim() ?? '' })),
        tied: [...d.querySelectorAll('.movers-tied a[href*="/kommune/"]')].map((a) => a.textContent?.trim() ?? ''),
        tiedText: (d.querySelector('.movers-tied') as HTMLElement | null)?.innerText ?? '',
      })));
      expect(blocks.length).toBe(4);
      for (const b of blocks) {
        const theme = /aktivitet/i.test(b.caption) ? 'aktivitet' : 'prioritering';
        const up = /økning/.test(b.caption);
        const diffs = changes.map((c) => (c[theme] as { diff: number | null }).diff).filter((d): d is number => d !== null && (up ? d > 0 : d < 0));
        const lastDiff = Number(b.shown[b.shown.length - 1].diff.replace('−', '-'));
        const expected = diffs.filter((d) => (up ? d >= lastDiff : d <= lastDiff)).length;
        expect(b.shown.length + b.tied.length, `${width} px: ${b.caption}`).toBe(expected);
        if (b.tied.length) expect(b.tiedText).toMatch(new RegExp(`Og ${b.tied.length} (andre|annen) med samme endring`));
      }
    });
  });
});

describe('embeds (§2)', () => {
  async function framed(width: number, embedPath: string, height: number, resize: boolean) {
    const src = server.url(embedPath);
    articleHtml = `<!doctype html><html lang="nb"><meta name="viewport" content="width=device-width"><title>Avis</title><body style="margin:0">`
      + `<iframe id="e" src="${src}" width="100%" height="${height}" style="border:0;max-width:100%" title="innebygd" data-digikommune></iframe>`
      + (resize ? `<script src="${server.url('js/innebygd-hoyde.js')}" async></script>` : '')
      + `<p id="after">Resten av artikkelen</p></body></html>`;
    const page = await tabs.open({ viewport: { width, height: 900 }, javaScriptEnabled: resize });
    await page.goto(`${otherOrigin}/artikkel/`, { waitUntil: 'load' });
    const frame = page.frames().find((f) => f.url() === src)!;
    expect(frame, 'the embed loaded').toBeTruthy();
    await frame.waitForLoadState('load');
    return { page, frame };
  }

  it('the snippet heights hold the whole embed at 320 px without JavaScript; credit and link stay in view at every width', async () => {
    const oslo = slugOf('0301');
    const kommunePage = await open(1280, `kommune/${oslo}/`, { javaScriptEnabled: false });
    const snippet = (await kommunePage.locator('.embed-snippet code.embed-code').textContent()) ?? '';
    await tabs.release(kommunePage);
    const kommuneHeight = Number(/height="(\d+)"/.exec(snippet)![1]);
    expect(snippet).toContain(`/embed/${latest}/kommune/${oslo}/`);
    expect(snippet).toMatch(/<script src="[^"]+\/js\/innebygd-hoyde\.js" async><\/script>/);
    const overview = await open(1280, `${latest}/`, { javaScriptEnabled: false });
    const mapSnippet = (await overview.locator('.embed-snippet code.embed-code').first().textContent()) ?? '';
    await tabs.release(overview);
    const mapHeight = Number(/height="(\d+)"/.exec(mapSnippet)![1]);

    // Oslo, and Herøy (Nordland), whose long name and fylke wrap most at 320 px.
    const heroy = rows.find((r) => r.kommunenavn.startsWith('Herøy') && r.fylkesnavn.startsWith('Nordland'));
    const kommuner = [oslo, ...(heroy ? [kommuneSlug(heroy.kommunenummer, heroy.kommunenavn)] : [])];
    for (const [path, height] of [...kommuner.map((slug) => [`embed/${latest}/kommune/${slug}/`, kommuneHeight] as const), [`embed/${latest}/kart/prioritering/`, mapHeight] as const]) {
      // Without JavaScript nothing changes the frame: one article per embed, resized to each width
      // (the frame is the article's width).
      const { page, frame } = await framed(WIDTHS[0], path, height, false);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        const m = await frame.evaluate(() => {
          const main = document.querySelector('main')!;
          const foot = document.querySelector('.embed-foot')!.getBoundingClientRect();
          const link = document.querySelector('.embed-foot a') as HTMLAnchorElement;
          return { overflow: main.scrollHeight - main.clientHeight, footBottom: foot.bottom, footTop: foot.top, inner: window.innerHeight, href: link.href, text: (document.querySelector('.embed-foot') as HTMLElement).innerText };
        });
        expect(m.footBottom, `${path} at ${width}: footer inside the frame`).toBeLessThanOrEqual(m.inner + 0.5);
        expect(m.footTop).toBeGreaterThan(0);
        expect(m.text).toMatch(/Kilde/);
        expect(m.text).toMatch(/på digikommune/);
        // The link goes to the year-fixed page, never the rolling one.
        expect(new URL(m.href).pathname).toMatch(new RegExp(`^/${latest}/`));
        if (width === 320) expect(m.overflow, `${path}: content fits the snippet height at 320 px`).toBeLessThanOrEqual(0);
        if (width === 320) await shot(page, `readers-embed-${path.includes('kart') ? 'kart' : 'kommune'}-320`, false);
      }
      await tabs.release(page);
    }
  });

  it('a frame too short still shows credit and link; the optional script fits the frame to the content', async () => {
    const path = `embed/${latest}/kommune/${slugOf('0301')}/`;
    for (const width of WIDTHS) {
      const { page, frame } = await framed(width, path, 260, true);
      const foot = await frame.evaluate(() => {
        const r = document.querySelector('.embed-foot')!.getBoundingClientRect();
        return { bottom: r.bottom, inner: window.innerHeight };
      });
      expect(foot.bottom).toBeLessThanOrEqual(foot.inner + 0.5);
      await page.waitForFunction(() => (document.getElementById('e') as HTMLIFrameElement).getBoundingClientRect().height > 300);
      const fit = await frame.evaluate(() => { const main = document.querySelector('main')!; return main.scrollHeight - main.clientHeight; });
      expect(fit, `${width}: resized frame holds the content`).toBeLessThanOrEqual(1);
      await tabs.release(page);
    }
  });

  it('offers no map embed for a year without maps, and a copy button for the code', async () => {
    const first = years[0];
    const noMap = await open(390, `${first}/`);
    const hasMap = await noMap.locator('figure.map svg.dk-map').count();
    if (hasMap === 0) expect(await noMap.locator('.embed-snippet', { hasText: 'Bygg inn kartet' }).count()).toBe(0);
    await tabs.release(noMap);
    for (const width of WIDTHS) {
      // The clipboard permissions make a context of their own (Tabs: one per set of options).
      const page = await open(width, `kommune/${slugOf('0301')}/`, { permissions: ['clipboard-read', 'clipboard-write'] });
      await page.locator('.embed-snippet summary').click();
      const button = page.locator('.embed-snippet button.copy-button');
      await expect.poll(() => button.count()).toBe(1);
      await button.click();
      await expect.poll(() => page.locator('.embed-snippet .copy-status').textContent()).toBe('Kopiert.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('<iframe');
      await tabs.release(page);
    }
  });
});

describe('search in the header (§4)', () => {
  async function search(page: Page, query: string) {
    const field = page.locator('header #finn-felt');
    await field.click();
    await field.fill(query);
    await expect.poll(() => page.locator('#finn-status').isVisible()).toBe(true);
    return {
      status: (await page.locator('#finn-status').innerText()).trim(),
      hits: await page.locator('#finn-treff li').allInnerTexts(),
    };
  }

  it('from a kommune page: «Stavnger», «Finnøy», «Herøy» and a query with no match, at every width', async () => {
    for (const width of WIDTHS) {
      const page = await open(width, `kommune/${slugOf('0301')}/`);
      const r1 = await search(page, 'Stavnger');
      expect(r1.hits[0]).toMatch(/^Stavanger/);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/kommune\/1103-stavanger\/$/);

      const r2 = await search(page, 'Finnøy');
      expect(r2.hits[0]).toMatch(/^Finnøy – slått sammen med Stavanger 1\. januar 2020/);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/kommune\/1103-stavanger\/$/);

      const r3 = await search(page, 'Herøy');
      const heroy = r3.hits.filter((h) => h.startsWith('Herøy'));
      expect(heroy.length).toBe(2);
      for (const h of heroy) {
        const fylke = /\(([^)]+)\)/.exec(h)![1];
        expect(h.split(fylke).length - 1, `«${h}» names the fylke once`).toBe(1);
      }
      const before = page.url();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#finn-status').innerText()).toMatch(/To kommuner passer like godt/);
      expect(page.url()).toBe(before);

      const r4 = await search(page, 'Qwxzy');
      expect(r4.hits).toEqual([]);
      expect(r4.status).toMatch(/Ingen treff/);
      // The field and its hits stay inside the screen.
      const box = await page.locator('header #finn-felt').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      if (width === 320) {
        await search(page, 'Herøy');
        await shot(page, 'readers-search-320', false);
      }
      await tabs.release(page);
    }
  });

  it('is on the 404 page, and without JavaScript the header links to the kommune list', async () => {
    const page = await tabs.open({ viewport: { width: 390, height: 800 } });
    const res = await page.goto(server.url('finnes-ikke/'), { waitUntil: 'load' });
    expect(res?.status()).toBe(404);
    expect(await page.locator('header #finn-felt').count()).toBe(1);
    await tabs.release(page);
    const noJs = await open(320, `kommune/${slugOf('0301')}/`, { javaScriptEnabled: false });
    const href = await noJs.locator('header .header-search a').getAttribute('href');
    expect(href).toMatch(/#sok-tittel$/);
    await tabs.release(noJs);
  });
});

describe('map shapes (§5)', () => {
  const fylkePath = async () => {
    const { fylkeSlug } = await import('../../src/lib/format/slug');
    const oslo = rows.find((r) => r.kommunenummer === '1103')!;
    return { path: `fylke/${fylkeSlug(oslo.fylkesnummer, oslo.fylkesnavn)}/`, k: oslo };
  };

  it('name and grade on hover (1280) and keyboard focus, at every width', async () => {
    const { path } = await fylkePath();
    for (const width of WIDTHS) {
      const page = await open(width, path);
      const link = page.locator('svg.dk-map a').first();
      const name = await link.getAttribute('aria-label');
      if (width === 1280) {
        await link.hover();
        await expect.poll(() => page.locator('.map-label').isVisible()).toBe(true);
        expect(await page.locator('.map-label').innerText()).toBe(name);
      }
      await link.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await expect.poll(() => page.locator('.map-label').isVisible()).toBe(true);
      expect(await page.locator('.map-label').innerText()).toContain(name!.split(':')[0]);
      const label = await page.locator('.map-label').boundingBox();
      expect(label!.x).toBeGreaterThanOrEqual(0);
      expect(label!.x + label!.width).toBeLessThanOrEqual(width);
      await tabs.release(page);
    }
  });

  it('on a phone the first tap names the shape and the second opens it', async () => {
    const { path } = await fylkePath();
    for (const width of [320, 390]) {
      const page = await open(width, path, { touch: true });
      // The largest shape of the first map: a finger-sized target at 320 px.
      const biggest = await page.$$eval('svg.dk-map', (svgs) => {
        const links = [...svgs[0].querySelectorAll('a')];
        const area = (a: Element) => { const r = a.getBoundingClientRect(); return r.width * r.height; };
        return links.indexOf(links.reduce((best, a) => (area(a) > area(best) ? a : best)));
      });
      const link = page.locator('svg.dk-map').first().locator('a').nth(biggest);
      await link.scrollIntoViewIfNeeded();
      const before = page.url();
      // Playwright taps a point where the shape itself is hit (its centre may lie in a neighbour).
      await link.locator('path').tap();
      await expect.poll(() => page.locator('.map-label').isVisible()).toBe(true);
      expect(await page.locator('.map-label').innerText()).toContain('Trykk en gang til');
      expect(page.url()).toBe(before);
      await link.locator('path').tap();
      await page.waitForURL(/\/kommune\/\d{4}-/);
      await tabs.release(page);
    }
  });

  it('the kommune page links its shape on the fylke map, which outlines it', async () => {
    const { k } = await fylkePath();
    for (const width of WIDTHS) {
      const page = await open(width, `kommune/${slugOf(k.kommunenummer)}/`);
      await page.locator('.locator-more a').click();
      await page.waitForURL(new RegExp(`#fylkekart-prioritering-k${k.kommunenummer}$`));
      await expect.poll(() => page.locator('.dk-own.line').count()).toBe(1);
      const own = await page.locator('.dk-own.line').boundingBox();
      expect(own!.width).toBeGreaterThan(0);
      await tabs.release(page);
    }
  });
});

describe('mergers (§8)', () => {
  it('a 2018 page of a kommune that merged says so with the date and a link, at every width', async () => {
    if (!years.includes(2018)) return;
    await atEveryWidth('2018/kommune/1103-stavanger/', async (page, width) => {
      const note = page.locator('.later-change');
      expect(await note.innerText()).toMatch(/Stavanger \(1103\) ble slått sammen med Finnøy og Rennesøy 1\. januar 2020/);
      expect(await note.locator('a').getAttribute('href')).toBe('/kommune/1103-stavanger/');
      const box = await note.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(await page.locator('.kommune-head .note').innerText()).not.toMatch(/Stavanger har ingen flate/);
      if (width === 320) await shot(page, 'readers-kommune-2018-stavanger-320');
    });
    const finnoy = await open(390, '2018/kommune/1141-finnoy/');
    expect(await finnoy.locator('.later-change').innerText()).toMatch(/Finnøy \(1141\) ble slått sammen med .*1\. januar 2020; området hører i dag til Stavanger \(1103\)/);
    await tabs.release(finnoy);
  });

  it('the grade chart of a merged kommune says inside the figure why a year has no point', async () => {
    if (!years.includes(2018)) return;
    const page = await open(390, 'kommune/1103-stavanger/');
    const chart = await page.locator('#utvikling-graf-1103, svg[id^="utvikling-graf-1103"]').first().evaluate((svg) => svg.textContent ?? '');
    expect(chart).toMatch(/\* 2018 vises ikke som punkt/);
    await tabs.release(page);
  });

  it('/sammenlign/ names the former kommune of each merged value', async () => {
    if (!years.includes(2018)) return;
    const page = await open(1280, 'sammenlign/?k=1103');
    await expect.poll(() => page.locator('#sammenlign-over-tid').count()).toBe(1);
    const row = await page.locator('#sammenlign-over-tid tr', { hasText: 'prioritering 2018' }).innerText();
    expect(row).toMatch(/Finnøy \(1141\): /);
    expect(row).toMatch(/Rennesøy \(1142\): /);
    await tabs.release(page);
  });
});

describe('smaller fixes (§9)', () => {
  it('kommune pages have a colour key for the prioritering and aktivitet bars; screenshot at 320', async () => {
    await atEveryWidth(`kommune/${slugOf('0301')}/`, async (page, width) => {
      const keys = await page.$$eval('#plassering ~ .figure-stack figure', (figs) => figs.map((f) => f.querySelectorAll('ul.legend li').length));
      expect(keys.length).toBe(3);
      expect(keys.every((n) => n >= 4)).toBe(true);
      if (width === 320) await shot(page, 'readers-kommune-320');
    });
  });

  it('/metode/ Demodata names every synthetic year; /sammenlign/ does not mark «Oversikt» current', async () => {
    const metode = await open(390, 'metode/');
    const demo = await metode.locator('section', { has: metode.locator('#demodata') }).innerText();
    for (const y of years) expect(demo).toContain(String(y));
    await tabs.release(metode);
    await atEveryWidth('sammenlign/', async (page) => {
      expect(await page.locator('.site-nav [aria-current="page"]').count()).toBe(0);
    });
  });

  it('/<latest>/kommune/1141/ leads to Stavanger like /kommune/1141/', async () => {
    if (!years.includes(2018)) return;
    const addresses = await readFile(join(ROOT, 'tests', 'site', 'addresses.txt'), 'utf8');
    expect(addresses.split('\n')).toContain(`/${latest}/kommune/1141/`);
    for (const path of ['kommune/1141/', `${latest}/kommune/1141/`]) {
      const page = await open(390, path);
      await page.waitForURL(/\/kommune\/1103-stavanger\/$/);
      await tabs.release(page);
    }
  });

  it('share cards, favicon.ico and the sitemap', async () => {
    for (const path of ['tabell/', 'sammenlign/', 'utvikling/', 'metode/', 'data/']) {
      const page = await open(390, path);
      const image = await page.locator('meta[property="og:image"]').getAttribute('content');
      expect(image, path).toMatch(/\.png$/);
      const res = await page.request.get(server.url(new URL(image!).pathname.slice(1)));
      expect(res.status(), image!).toBe(200);
      await tabs.release(page);
    }
    const { request } = await tabs.open();
    const ico = await request.get(server.url('favicon.ico'));
    expect(ico.status()).toBe(200);
    expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    const sitemap = await (await request.get(server.url('sitemap.xml'))).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    for (const p of ['/tabell/', '/sammenlign/', '/endringslogg/', '/tilgjengelighet/', ...years.filter((y) => y !== latest).map((y) => `/${y}/tabell/`)]) {
      expect(locs, p).toContain(p);
    }
  });
});
