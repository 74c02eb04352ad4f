// Issue 18 §6–7 and the /tabell/ and /sammenlign/ parts of §9, on phones (320 and 390 px) and at
// 1280 px: every value of the national table and the comparison on screen without sideways
// scrolling, still a table for screen readers; the table's CSV follows the filter and its sort
// lives in the address; the comparison reads typed names and former numbers; the «siste» note is
// short. Screenshots go to tests/artifacts/ (phone-*.png).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { downloadBytes, openDemo, Tabs } from '../helpers/browser';
import type { StaticServer } from '../helpers/server';
import { ROOT } from '../helpers/site';
import { publishedIndicators, yearEntries } from '../helpers/demo';
import type { KommuneIndicators } from '../../src/lib/types';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
const PHONES = [320, 390];
const COMPARE = ['0301', '4601', '5001', '1103'];
let site: string;
let server: StaticServer;
let browser: Browser;
let latest: number;
let rows: KommuneIndicators[];

beforeAll(async () => {
  ({ site, server, browser } = await openDemo());
  const years = await yearEntries();
  latest = years[years.length - 1].year;
  rows = await publishedIndicators(site, latest);
});

afterAll(async () => {
  await tabs.close();
  await browser?.close();
  await server?.close();
});

const tabs = new Tabs(() => browser, { viewport: { width: 1280, height: 800 } });

async function open(width: number, path: string, options: { acceptDownloads?: boolean } = {}): Promise<Page> {
  const page = await tabs.open({ viewport: { width, height: 800 }, ...options });
  const response = await page.goto(server.url(path), { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Cells of a table (not hidden rows) that are not wholly inside the viewport's width, or squeezed. */
function offScreen(page: Page, table: string, minWidth: number): Promise<string[]> {
  return page.$$eval(`${table} tbody tr:not([hidden]) > *`, (cells, minWidth) => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const c of cells) {
      const r = c.getBoundingClientRect();
      const what = `${(c.parentElement?.firstElementChild?.textContent ?? '').trim()} / ${(c.textContent ?? '').trim()}`;
      if (r.width === 0 || r.height === 0) out.push(`${what}: not shown`);
      else if (r.left < -0.5 || r.right > width + 0.5) out.push(`${what}: ${Math.round(r.left)}–${Math.round(r.right)} of ${width}`);
      else if (r.width < minWidth) out.push(`${what}: ${Math.round(r.width)} px wide`);
    }
    return out;
  }, minWidth);
}

/** The role Chromium's accessibility tree gives the first element matching `selector`. */
async function axRole(page: Page, selector: string): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  return nodes[0]?.role?.value as string | undefined;
}

/** Each cell's visible label (the ::before text the phone layout draws from data-label) and value. */
function labelled(page: Page, selector: string): Promise<{ label: string | null; value: string }[]> {
  return page.$$eval(selector, (cells) => cells.map((c) => {
    const content = getComputedStyle(c, '::before').content;
    // «"Oslo" / ""»: the text shown, with empty alternative text for screen readers.
    const label = /^"((?:[^"\\]|\\.)*)"/.exec(content)?.[1] ?? null;
    return { label, value: (c.textContent ?? '').trim() };
  }));
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('/tabell/ on a phone', () => {
  for (const width of PHONES) {
    it(`shows every value of every kommune at ${width} px without sideways scrolling, and stays a table`, async () => {
      const page = await open(width, '/tabell/');
      expect(await pageWidth(page)).toBeLessThanOrEqual(width);
      await expect(page.locator('#kommunetabell tbody tr').count()).resolves.toBe(rows.length);
      expect(await offScreen(page, '#kommunetabell', 1)).toEqual([]);
      // A card names each value: every cell of Oslo's row shows its column's name before it.
      const oslo = rows.find((r) => r.kommunenummer === '0301')!;
      const cells = await labelled(page, '#kommunetabell tbody tr[data-nr="0301"] td');
      const columns = (await page.locator('#kommunetabell thead th').allTextContents()).map((t) => t.replace(/[▲▼]/g, '').trim());
      expect(cells.map((c) => c.label)).toEqual(columns.slice(1));
      expect(Object.fromEntries(cells.map((c) => [c.label, c.value]))).toMatchObject({ Prioritering: String(oslo.prioritering ?? '..'), Aktivitet: String(oslo.aktivitet ?? '..'), Kompetanse: oslo.kompetanse ?? '..' });
      // The filter box fits the screen (a fieldset is as wide as its widest select unless told).
      const form = await page.locator('.table-filters').boundingBox();
      expect(form!.x + form!.width).toBeLessThanOrEqual(width);
      for (const [selector, role] of [['#kommunetabell', 'table'], ['#kommunetabell tbody tr', 'row'], ['#kommunetabell tbody th', 'rowheader'], ['#kommunetabell tbody td', 'cell'], ['#kommunetabell thead th', 'columnheader']]) {
        expect(await axRole(page, selector), selector).toBe(role);
      }
      if (width === 320) await page.screenshot({ path: join(ARTIFACTS, 'phone-tabell-320.png') });
      await tabs.release(page);
    }, 120_000);
  }

  it('at 1280 px is one row per kommune, every column side by side', async () => {
    const page = await open(1280, '/tabell/');
    const tops = await page.$$eval('#kommunetabell tbody tr:first-child > *', (cells) => cells.map((c) => Math.round(c.getBoundingClientRect().top)));
    expect(tops.length).toBe(8);
    expect(new Set(tops).size).toBe(1);
    expect(await pageWidth(page)).toBeLessThanOrEqual(1280);
    await tabs.release(page);
  });
});

describe('/tabell/: the download follows the filter, the sort lives in the address', () => {
  it('the CSV of a filtered, sorted table has the rows shown, in their order, with the published columns', async () => {
    const k = rows.find((r) => r.svart === 1 && rows.filter((o) => o.fylkesnummer === r.fylkesnummer).length > 3)!;
    const inFylke = rows.filter((r) => r.fylkesnummer === k.fylkesnummer && r.innbyggere !== null).sort((a, b) => b.innbyggere! - a.innbyggere!);
    const page = await open(390, `/tabell/?fylke=${k.fylkesnummer}&sortering=innbyggere-synkende`, { acceptDownloads: true });
    const th = page.locator('#kommunetabell thead th[data-sort-key="innbyggere"]');
    await expect(th.getAttribute('aria-sort')).resolves.toBe('descending');
    const shown = await page.$$eval('#kommunetabell tbody tr:not([hidden])', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.nr));
    expect(shown.slice(0, inFylke.length)).toEqual(inFylke.map((r) => r.kommunenummer));
    for (const [kind, file] of [['plain', 'indicators.csv'], ['excel', 'indicators-excel.csv']]) {
      const link = page.locator(`.table-downloads a[data-csv="${kind}"]`);
      await expect.poll(() => link.getAttribute('href')).toMatch(/^blob:/);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(file.replace('.csv', '-utvalg.csv'));
      const got = await downloadBytes(download);
      const full = await readFile(join(site, 'data', String(latest), file));
      const eol = full.includes('\r\n') ? '\r\n' : '\n';
      const fullLines = full.toString('utf8').split(eol);
      const gotLines = got.toString('utf8').split(eol).filter((l) => l !== '');
      // Same bytes up to the header (a BOM or «sep=» line for Excel included), then the rows shown.
      const headerAt = fullLines.findIndex((l) => l.includes('kommunenummer'));
      expect(gotLines.slice(0, headerAt + 1)).toEqual(fullLines.slice(0, headerAt + 1));
      const body = gotLines.slice(headerAt + 1);
      expect(body.length).toBe(shown.length);
      const nrOf = (line: string) => /(?:^|[,;"])(\d{4})(?:[,;"]|$)/.exec(line)?.[1];
      expect(body.map(nrOf)).toEqual(shown);
      for (const line of body) expect(fullLines, `${kind}: a line of the published file`).toContain(line);
    }
    await expect(page.locator('.table-downloads').innerText()).resolves.toContain(`bare de ${shown.length} kommunene som vises`);
    // «Vis alle»: the links give the published files again.
    await page.click('.table-filters button[type="reset"]');
    await expect.poll(() => page.locator('.table-downloads a[data-csv="plain"]').getAttribute('href')).toBe(`/data/${latest}/indicators.csv`);
    await tabs.release(page);
  }, 120_000);

  it('a click on a column header puts the sort in the address, and the address restores it with the filter', async () => {
    const page = await open(1280, '/tabell/');
    const button = page.locator('#kommunetabell thead th[data-sort-key="prioritering"] button');
    await button.click();
    expect(new URL(page.url()).searchParams.get('sortering')).toBe('prioritering');
    await button.click();
    expect(new URL(page.url()).searchParams.get('sortering')).toBe('prioritering-synkende');
    await page.selectOption('select[name="storrelse"]', '50000+');
    const url = new URL(page.url());
    expect(url.searchParams.get('storrelse')).toBe('50000+');
    expect(url.searchParams.get('sortering')).toBe('prioritering-synkende');
    const before = await page.$$eval('#kommunetabell tbody tr:not([hidden])', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.nr));
    await page.goto(server.url(`${url.pathname}${url.search}`));
    const after = await page.$$eval('#kommunetabell tbody tr:not([hidden])', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.nr));
    expect(after).toEqual(before);
    const big = rows.filter((r) => r.storrelse === '50000+');
    expect(after.length).toBe(big.length);
    const grades = after.map((nr) => big.find((r) => r.kommunenummer === nr)!.prioritering);
    const known = grades.filter((g) => g !== null) as number[];
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(grades.slice(known.length).every((g) => g === null)).toBe(true);
    // Back to the markup's own order (kommune, ascending): no parameter left.
    await page.click('#kommunetabell thead th[data-sort-key="kommune"] button');
    expect(new URL(page.url()).searchParams.has('sortering')).toBe(false);
    await tabs.release(page);
  }, 120_000);
});

describe('/sammenlign/ on a phone', () => {
  const path = `/sammenlign/?k=${COMPARE.join(',')}`;
  for (const width of [...PHONES, 1280]) {
    it(`shows every kommune's value of every row at ${width} px, named, without sideways scrolling`, async () => {
      const page = await open(width, path);
      await page.locator('#sammenlign-over-tid').waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(width);
      const names = COMPARE.map((nr) => rows.find((r) => r.kommunenummer === nr)!.kommunenavn);
      for (const table of ['#sammenlign-aar', '#sammenlign-over-tid']) {
        // On a phone each value gets the row's width (no 30-px column beside a long row header).
        expect(await offScreen(page, table, width < 600 ? width * 0.75 : 1), table).toEqual([]);
        const labels = await page.$$eval(`${table} tbody tr:first-child td`, (tds) => tds.map((td) => (td as HTMLElement).dataset.label));
        expect(labels).toEqual(names);
        expect(await axRole(page, `${table} tbody td`), table).toBe('cell');
        expect(await axRole(page, `${table} tbody th`), table).toBe('rowheader');
      }
      const row = page.locator('#sammenlign-aar tbody tr').first();
      if (width === 1280) {
        // Wide: one column per kommune under its name, the values of a row side by side.
        await expect(page.locator('#sammenlign-aar thead th').allTextContents()).resolves.toEqual(['Tema', ...names]);
        const tops = await row.locator('td').evaluateAll((tds) => tds.map((td) => Math.round(td.getBoundingClientRect().top)));
        expect(new Set(tops).size).toBe(1);
      } else {
        // Narrow: each value under the row's name, with its kommune's name before it.
        for (const table of ['#sammenlign-aar', '#sammenlign-over-tid']) {
          for (const cells of await page.locator(`${table} tbody tr`).evaluateAll((trs) => trs.map((_, i) => i))) {
            const got = await labelled(page, `${table} tbody tr:nth-child(${cells + 1}) td`);
            expect(got.map((c) => c.label), `${table} row ${cells + 1}`).toEqual(names);
          }
        }
      }
      if (width === 320) await shot(page, 'phone-sammenlign-320');
      await tabs.release(page);
    }, 120_000);
  }
});

describe('/sammenlign/ reads what a reader types', () => {
  const submit = async (page: Page, text: string) => {
    await page.locator('#sammenlign-valg input[name="k"]').first().fill(text);
    for (const input of await page.locator('#sammenlign-valg input[name="k"]').all().then((l) => l.slice(1))) await input.fill('');
    await page.click('#sammenlign-valg button[type="submit"]');
  };

  it('«Herøy» offers the two Herøys, naming each fylke once, and shows the one chosen', async () => {
    const heroy = rows.filter((r) => /^Herøy\b/.test(r.kommunenavn)).sort((a, b) => a.kommunenavn.localeCompare(b.kommunenavn, 'nb'));
    expect(heroy.length).toBe(2);
    const page = await open(390, '/sammenlign/');
    await submit(page, 'Herøy');
    await expect.poll(() => page.locator('#sammenlign-status').textContent()).toContain('«Herøy» passer til 2 kommuner');
    const choices = await page.locator('.compare-choice button').allTextContents();
    expect(choices.length).toBe(2);
    heroy.forEach((h, i) => {
      expect(choices[i]).toContain(h.kommunenavn);
      expect(choices[i]).toContain(h.kommunenummer);
      const fylke = h.fylkesnavn.split(' - ')[0];
      expect(choices[i].split(fylke).length - 1, `«${choices[i]}» names ${fylke} once`).toBe(1);
    });
    // Nothing was picked silently.
    expect(new URL(page.url()).searchParams.get('k')).toBeNull();
    await expect(page.locator('#sammenlign-aar').count()).resolves.toBe(0);
    await page.locator('.compare-choice button').nth(1).click();
    await page.locator('#sammenlign-aar').waitFor();
    expect(new URL(page.url()).searchParams.get('k')).toBe(heroy[1].kommunenummer);
    await expect(page.locator('#sammenlign-aar thead th').nth(1).textContent()).resolves.toBe(heroy[1].kommunenavn);
    await expect(page.locator('.compare-choice').count()).resolves.toBe(0);
    await tabs.release(page);
  }, 60_000);

  it('«1141» and «Finnøy», typed or in the address, show today’s Stavanger with a note', async () => {
    const page = await open(390, '/sammenlign/');
    for (const text of ['1141', 'Finnøy']) {
      await submit(page, text);
      await expect.poll(() => new URL(page.url()).searchParams.get('k')).toBe('1103');
      await page.locator('#sammenlign-aar').waitFor();
      await expect.poll(() => page.locator('#sammenlign-status').textContent()).toMatch(/Finnøy \(1141\) – slått sammen med Stavanger 1\. januar 2020\. Viser Stavanger \(1103\) i stedet\./);
    }
    await page.goto(server.url('/sammenlign/?k=1141,0301'));
    await page.locator('#sammenlign-aar').waitFor();
    expect(new URL(page.url()).searchParams.get('k')).toBe('1103,0301');
    await expect.poll(() => page.locator('#sammenlign-status').textContent()).toContain('Finnøy (1141)');
    // A number that never was a kommune is still named as unknown.
    await page.goto(server.url('/sammenlign/?k=0301,9999'));
    await page.locator('#sammenlign-aar').waitFor();
    await expect.poll(() => page.locator('#sammenlign-status').textContent()).toContain('«9999»');
    await tabs.release(page);
  }, 60_000);
});

describe('the «siste» note on a phone', () => {
  it('takes at most two lines at 320 px and links the year’s fixed address', async () => {
    const page = await open(320, '/kommune/0301-oslo/');
    const note = page.locator('.latest-note');
    const box = await note.boundingBox();
    const lineHeight = await note.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect(box!.height).toBeLessThanOrEqual(2 * lineHeight + 8);
    await expect(note.locator('a').getAttribute('href')).resolves.toBe(`/${latest}/kommune/0301-oslo/`);
    await shot(page, 'phone-kommune-320');
    await tabs.release(page);
  });
});

describe('the menu marks where the reader is', () => {
  it('the page itself as aria-current="page" only at the link’s own address, its section as "true"', async () => {
    const current = async (path: string) => {
      const html = await readFile(join(site, path, 'index.html'), 'utf8');
      const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(html)![0];
      return [...nav.matchAll(/<a href="([^"]+)"( aria-current="([^"]+)")?/g)].filter((m) => m[3]).map((m) => `${m[1]}=${m[3]}`);
    };
    expect(await current('')).toEqual(['/=page']);
    expect(await current('metode')).toEqual(['/metode/=page']);
    expect(await current('tabell')).toEqual(['/=true']);
    expect(await current('sammenlign')).toEqual([]);
  });
});
