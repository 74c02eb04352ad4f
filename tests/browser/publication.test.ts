// The checks /tilgjengelighet/ reports, run exactly as src/site/accessibility-checks.json lists
// them (the page is generated from the same file): axe-core at each width, keyboard, JavaScript
// off and reflow at 320 px, on every listed page, /tilgjengelighet/ and /endringslogg/ included.
// Plus the citation's copy button, which is progressive enhancement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { serveStatic, type StaticServer } from '../helpers/server';
import { demoSite, ROOT } from '../helpers/site';
import checks from '../../src/site/accessibility-checks.json';
import identity from '../../data/site.json';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
let server: StaticServer;
let browser: Browser;
const widthsOf = (id: string) => checks.checks.find((c) => c.id === id)!.widths;

beforeAll(async () => {
  server = await serveStatic(await demoSite(), '/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(server.url(path), { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
}

describe('the statement lists the pages it covers', () => {
  it('including itself and /endringslogg/', () => {
    const paths = checks.pages.map((p) => p.path);
    expect(paths).toContain('/tilgjengelighet/');
    expect(paths).toContain('/endringslogg/');
    expect(checks.checks.map((c) => c.id).sort()).toEqual(['axe', 'keyboard', 'no-js', 'reflow']);
  });
});

describe('axe-core (WCAG 2.1 AA)', () => {
  for (const width of widthsOf('axe')) {
    it(`finds no violation at ${width} px on every listed page`, async () => {
      const axe = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
      const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
      const page = await context.newPage();
      const found: string[] = [];
      for (const p of checks.pages) {
        await visit(page, p.path);
        await page.evaluate(axe);
        const violations = await page.evaluate(async (tags) => {
          // @ts-expect-error injected global
          const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
          return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`);
        }, checks.axeTags);
        for (const v of violations) found.push(`${p.path}: ${v}`);
        if (width === widthsOf('axe')[0] && (p.path === '/tilgjengelighet/' || p.path === '/endringslogg/')) {
          await mkdir(ARTIFACTS, { recursive: true });
          await page.screenshot({ path: join(ARTIFACTS, `${p.path.replace(/\//g, '') || 'forside'}.png`), fullPage: true });
        }
      }
      await context.close();
      expect(found).toEqual([]);
    }, 180_000);
  }
});

describe('keyboard', () => {
  it('the skip link comes first, and Tab from the end of the main content reaches the footer’s statement link, on every listed page', async () => {
    const context = await browser.newContext({ viewport: { width: widthsOf('keyboard')[0], height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const p of checks.pages) {
      await visit(page, p.path);
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.getAttribute('href'));
      if (first !== '#innhold') problems.push(`${p.path}: first Tab stop is ${first}`);
      // Start from the last focusable element of <main> (tabbing through every map shape is slow).
      await page.evaluate(() => {
        const all = [...document.querySelectorAll<HTMLElement>('main a[href], main button, main input, main summary, main [tabindex="0"]')];
        all.at(-1)?.focus();
      });
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(() => !!document.activeElement?.closest('footer') && /tilgjengelighet\/$/.test(document.activeElement?.getAttribute('href') ?? ''));
      }
      if (!reached) problems.push(`${p.path}: the statement link in the footer is not reached with Tab`);
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 180_000);
});

describe('without JavaScript', () => {
  it('every listed page has its heading, its main text and the footer links', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: widthsOf('no-js')[0], height: 900 } });
    const page = await context.newPage();
    for (const p of checks.pages) {
      await visit(page, p.path);
      expect(await page.locator('main h1').count(), p.path).toBe(1);
      expect(((await page.locator('main').textContent()) ?? '').length, p.path).toBeGreaterThan(200);
      expect(await page.locator('footer a[href$="/tilgjengelighet/"]').count(), p.path).toBe(1);
    }
    await context.close();
  }, 120_000);
});

describe('reflow', () => {
  // A page that fails must be a known deviation in data/site.json (shown on /tilgjengelighet/),
  // and a deviation that no longer fails must be removed from there: the statement stays true.
  it('no listed page scrolls sideways at 320 px, but those the statement lists as deviations', async () => {
    const known = (identity.accessibility.deviations as { check?: string; path?: string }[]).filter((d) => d.check === 'reflow').map((d) => d.path).sort();
    const width = widthsOf('reflow')[0];
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const p of checks.pages) {
      await visit(page, p.path);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width + 1) wide.push(p.path);
    }
    await context.close();
    expect(wide.sort()).toEqual(known);
  }, 120_000);
});

describe('«Slik siterer du»', () => {
  it('gets a copy button with JavaScript, and the text stays plain without', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await visit(page, '/kommune/0301-oslo/');
    const text = (await page.locator('.citation-text').first().textContent())!.trim();
    expect(text).toMatch(/\/2024\/kommune\/0301-oslo\/$/);
    await page.getByRole('button', { name: 'Kopier sitatet' }).click();
    await expect.poll(() => page.locator('.copy-status').first().textContent()).toBe('Kopiert.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await context.close();
    const off = await browser.newContext({ javaScriptEnabled: false });
    const plain = await off.newPage();
    await visit(plain, '/kommune/0301-oslo/');
    expect(await plain.locator('.citation button').count()).toBe(0);
    expect((await plain.locator('.citation-text').first().textContent())!.trim()).toBe(text);
    await off.close();
  });
});
