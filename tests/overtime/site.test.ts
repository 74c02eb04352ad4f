// The built demo site (issue #6): old-number URLs lead to the current page (in Chromium, with
// JavaScript off), kommune pages show both years, /utvikling/ is built and the long table is published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { Tabs, testBrowser } from '../helpers/browser';
import { serveStatic, type StaticServer } from '../helpers/server';
import { demoSite, fixtureSiteUnderBase, DEMO_BASE } from '../helpers/site';
import { FIXTURE_KOMMUNER, RENUMBERED } from '../helpers/fixture';
import { loadCorrespondence, loadRegister, requireReferenceDir } from '../../scripts/lib/reference-files';
import { kommuneSlug } from '../../src/lib/format/slug';
import type { KommuneIndicators } from '../../src/lib/types';

const ref = requireReferenceDir();
const correspondence = loadCorrespondence(ref, 'registers/endringer-2020-2024.csv');
const reg2018 = loadRegister(ref, 'registers/kommuner-2018.csv');
const reg2020 = loadRegister(ref, 'registers/kommuner-2020.csv');
const name2020 = new Map(reg2020.map((r) => [r.kommunenummer, r.kommunenavn]));

let site: string;
let baseSite: string;
let browser: Browser;
let server: StaticServer;
const tabs = new Tabs(() => browser, { viewport: { width: 1280, height: 720 } });

beforeAll(async () => {
  // Built here, not in a test, so the hook's long timeout covers a cold build; one after the
  // other, since two Astro builds in one project root share its build directory. Under a base
  // path: the small fixture with an earlier year, where RENUMBERED had its old number.
  site = await demoSite();
  baseSite = await fixtureSiteUnderBase();
  browser = await testBrowser();
  server = await serveStatic(site);
});

afterAll(async () => {
  await tabs.close();
  await server?.close();
  await browser?.close();
});

const page = (path: string) => readFile(join(site, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&gt;/g, '>').replace(/\s+/g, ' ');

describe('old-number URLs', () => {
  it('every renumbered 2020–23 kommune has a static redirect page to its current page', async () => {
    const renumbered = correspondence.filter((r) => r.endring === 'nytt_nummer');
    expect(renumbered.length).toBeGreaterThan(100);
    for (const r of renumbered) {
      const from = kommuneSlug(r.kommunenummer_2020, name2020.get(r.kommunenummer_2020)!);
      const to = `/kommune/${kommuneSlug(r.kommunenummer_2024, r.kommunenavn_2024)}/`;
      const html = await page(`kommune/${from}`);
      expect(html, from).toMatch(new RegExp(`http-equiv="refresh" content="0; ?url=${to.replace(/\//g, '\\/')}"`));
      expect(html, from).toMatch(new RegExp(`rel="canonical" href="[^"]*${to.replace(/\//g, '\\/')}"`));
      expect(existsSync(join(site, to, 'index.html')), to).toBe(true);
    }
    const redirects = await readFile(join(site, '_redirects'), 'utf8');
    expect(redirects.split('\n').some((l) => /^\/kommune\/3025-asker\/\s+\/kommune\/3203-asker\/\s+30[18]$/.test(l))).toBe(true);
  });

  it('the split Ålesund (1507) leads to the larger part, 1508 Ålesund', async () => {
    expect(await page('kommune/1507-alesund')).toContain('url=/kommune/1508-alesund/');
  });

  it('/kommune/3025-asker/ opens Asker’s current page in Chromium with JavaScript off', async () => {
    const p = await tabs.open({ javaScriptEnabled: false });
    await p.goto(server.url('kommune/3025-asker/'));
    await p.waitForURL(/\/kommune\/3203-asker\/$/, { timeout: 5000 });
    expect(await p.locator('h1').first().textContent()).toContain('Asker');
    await tabs.release(p);
  });

  it('works under a base path too', async () => {
    const baseServer = await serveStatic(baseSite, DEMO_BASE);
    try {
      const p = await tabs.open({ javaScriptEnabled: false });
      const name = FIXTURE_KOMMUNER.find((k) => k.kommunenummer === RENUMBERED.to)!.kommunenavn;
      await p.goto(baseServer.url(`kommune/${kommuneSlug(RENUMBERED.from, name)}/`));
      await p.waitForURL(new RegExp(`${DEMO_BASE}kommune/${kommuneSlug(RENUMBERED.to, name)}/$`), { timeout: 5000 });
      expect(await p.locator('h1').first().textContent()).toContain(name);
      await tabs.release(p);
    } finally {
      await baseServer.close();
    }
  });
});

const indicators = async (year: number) =>
  JSON.parse(await readFile(join(site, 'data', String(year), 'indicators.json'), 'utf8')) as KommuneIndicators[];

describe('kommune pages over time', () => {
  const grade = (g: number | null) => (g === null ? 'ukjent' : `grad ${g}`);

  it('Asker (renumbered 3025 → 3203) shows both years on one page', async () => {
    const a2021 = (await indicators(2021)).find((k) => k.kommunenummer === '3025')!;
    const a2024 = (await indicators(2024)).find((k) => k.kommunenummer === '3203')!;
    const body = text(await page('kommune/3203-asker'));
    const expected = `${a2021.svart ? grade(a2021.prioritering) : 'ukjent'} i 2021${a2021.svart ? '' : ' (svarte ikke)'} → ${grade(a2024.prioritering)} i 2024`;
    expect(body).toContain(`Digital prioritering: `);
    expect(body).toContain(expected);
    expect(body).toContain('Asker (3025)');
    expect(body).toContain('Asker (3203)');
  });

  it('Haram and Ålesund explain the split and mark 2021 as not directly comparable', async () => {
    for (const slug of ['1580-haram', '1508-alesund']) {
      const body = text(await page(`kommune/${slug}`));
      expect(body, slug).toContain('ikke direkte sammenlignbar');
      expect(body, slug).toContain('tidligere Ålesund kommune (1507)');
      expect(body, slug).toContain('Haram (1580)');
    }
  });

  // The 2018 demo year follows the 2020 mergers: each predecessor's 2018 grade, named.
  const rows2018 = (html: string) =>
    [...html.matchAll(/<th scope="row">2018\*<\/th>\s*<td><a href="[^"]+">([^<]+)<\/a><\/td>/g)].map((m) => m[1].replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c))));

  it('1103 Stavanger shows its 2018 predecessors 1103 Stavanger, 1141 Finnøy and 1142 Rennesøy, not directly comparable', async () => {
    const html = await page('kommune/1103-stavanger');
    expect(rows2018(html)).toEqual(['Stavanger (1103)', 'Finnøy (1141)', 'Rennesøy (1142)']);
    const i2018 = await indicators(2018);
    const body = text(html);
    const g = (nr: string) => {
      const r = i2018.find((k) => k.kommunenummer === nr)!;
      return r.svart === 0 ? 'svarte ikke' : r.prioritering === null ? 'ukjent' : `grad ${r.prioritering}`;
    };
    expect(body).toContain(`Digital prioritering: ${g('1103')} (Stavanger), ${g('1141')} (Finnøy) og ${g('1142')} (Rennesøy) i 2018 (før sammenslåingen, ikke direkte sammenlignbar)`);
    expect(body).toContain('Tallene for 2018 gjelder de tidligere kommunene Stavanger (1103), Finnøy (1141) og Rennesøy (1142)');
    expect(body).toContain('2018 vises ikke som punkt i grafen: området var da 3 kommuner med hver sin grad (se tabellen).');
  });

  it('1508 Ålesund and 1580 Haram show the five 2018 kommuner that formed 1507 Ålesund, then 1507 for 2021', async () => {
    for (const slug of ['1508-alesund', '1580-haram']) {
      const html = await page(`kommune/${slug}`);
      expect(rows2018(html), slug).toEqual(['Ålesund (1504)', 'Ørskog (1523)', 'Skodje (1529)', 'Haram (1534)', 'Sandøy (1546)']);
      expect(text(html), slug).toContain('Den sammenslåtte kommunen ble senere delt igjen, mellom Ålesund (1508) og Haram (1580)');
    }
    // The old 2018 Haram page leads to today's Haram, the part that kept the name.
    expect(await page('kommune/1534-haram')).toContain('url=/kommune/1580-haram/');
  });

  it('the 2018 year (no boundaries) shows tables and a note instead of maps, without crediting a map', async () => {
    for (const [path, note] of [['2018', 'Kartgrunnlaget for 2018 mangler'], ['2018/fylke/11-rogaland', 'har flate i kartgrunnlaget for 2018']]) {
      const html = await page(path);
      expect(html, path).toContain(note);
      expect(html, path).not.toMatch(/<svg[^>]*id="kart-/);
      expect(html, path).not.toContain('Kartgrunnlag: Kartverket (CC BY 4.0).</p>');
    }
    const html = await page('2018');
    const fig = /<figure class="map"[^>]*>[\s\S]*?<\/figure>/.exec(html)![0];
    expect(fig).not.toContain('Kartverket');
    expect(fig).toContain('<table');
  });

  it('the 2018 page of a merged kommune exists and links today’s kommune', async () => {
    const html = await page('2018/kommune/1141-finnoy');
    expect(html).toContain('href="/kommune/1103-stavanger/"');
  });

  it('the 2021 page of the former Ålesund links both of today’s kommuner', async () => {
    const html = await page('2021/kommune/1507-alesund');
    expect(html).toContain('href="/kommune/1508-alesund/"');
    expect(html).toContain('href="/kommune/1580-haram/"');
  });
});

describe('accessibility and CSP of the over-time pages', () => {
  // /utvikling/ is one of the pages the accessibility statement's sweep checks at every width
  // (publication.test.ts); here the pages only the over-time data makes.
  it('axe-core finds no WCAG 2.1 AA violation on kommune pages with a split and a renumbering, and on 2018', async () => {
    // axe is injected by the test, not the site: let it past the site's CSP.
    const p = await tabs.open({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const found: string[] = [];
    for (const path of ['kommune/1580-haram/', 'kommune/3203-asker/', 'kommune/1103-stavanger/', '2021/kommune/1507-alesund/', '2018/', '2018/kommune/1141-finnoy/']) {
      await p.goto(server.url(path));
      for (const v of await axeViolations(p, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])) found.push(`${path}: ${v}`);
    }
    await tabs.release(p);
    expect(found).toEqual([]);
  }, 180_000);

  it('/utvikling/ loads under the site’s own CSP without a violation', async () => {
    const p = await tabs.open();
    const violations: string[] = [];
    p.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await p.goto(server.url('utvikling/'));
    await p.goto(server.url('kommune/1580-haram/'));
    await tabs.release(p);
    expect(violations).toEqual([]);
  });
});

describe('/utvikling/', () => {
  it('is built with distribution, strategy areas, two change maps, movers and the method note', async () => {
    const html = await page('utvikling');
    for (const id of ['fordeling', 'strategi', 'endring', 'mest', 'metode']) expect(html).toContain(`id="${id}"`);
    for (const theme of ['prioritering', 'aktivitet']) {
      const svg = new RegExp(`<svg[^>]*id="endring-${theme}"[\\s\\S]*?</svg>`).exec(html);
      expect(svg, theme).not.toBeNull();
      const links = svg![0].match(/<a href="\/kommune\/\d{4}-[^"]+\/" aria-label="[^"]+"><path/g) ?? [];
      expect(links.length, theme).toBeGreaterThanOrEqual(350);
    }
    const body = text(html);
    expect(body).toContain('Ikke sammenlignbar');
    expect(body).toContain('13 områder');
    expect(body).toContain('14');
  });

  it('publishes the long table with the original and the current number', async () => {
    const csv = await readFile(join(site, 'data', 'utvikling', 'kommuner-over-tid.csv'), 'utf8');
    const [header, ...lines] = csv.trim().split('\n');
    const cols = header.split(',');
    expect(cols.slice(0, 8)).toEqual([
      'year', 'kommunenummer', 'kommunenavn', 'fylkesnummer', 'kommunenummer_gjeldende', 'kommunenavn_gjeldende', 'endring', 'etterfolgere',
    ]);
    const asker = lines.map((l) => l.split(',')).find((c) => c[0] === '2021' && c[1] === '3025')!;
    expect(asker[4]).toBe('3203');
    expect(asker[6]).toBe('nytt_nummer');
    const years = new Set(lines.map((l) => l.split(',')[0]));
    expect([...years].sort()).toEqual(['2018', '2021', '2024']);
    expect(lines.length).toBe(reg2018.length + reg2020.length + (await indicators(2024)).length);
    // A 2018 kommune merged in 2020 carries today's number; one merged and later split lists both parts.
    const finnoy = lines.map((l) => l.split(',')).find((c) => c[0] === '2018' && c[1] === '1141')!;
    expect(finnoy.slice(4, 8)).toEqual(['1103', 'Stavanger', 'sammenslått', '1103']);
    const skodje = lines.map((l) => l.split(',')).find((c) => c[0] === '2018' && c[1] === '1529')!;
    expect(skodje.slice(4, 8)).toEqual(['1508', 'Ålesund', 'sammenslått', '1508 1580']);
  });
});
