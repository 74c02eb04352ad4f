// The checks /tilgjengelighet/ reports, run exactly as src/site/accessibility-checks.json lists
// them (the page is generated from the same file): axe-core at each width, keyboard, JavaScript
// off, reflow at 320 px and measured target sizes, on one page of every page kind.
// Plus the citation's copy button, which is progressive enhancement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { openDemo } from '../helpers/browser';
import type { StaticServer } from '../helpers/server';
import { ROOT } from '../helpers/site';
import checks from '../../src/site/accessibility-checks.json';
import identity from '../../data/site.json';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
let server: StaticServer;
let browser: Browser;
const widthsOf = (id: string) => checks.checks.find((c) => c.id === id)!.widths;
type Listed = (typeof checks.pages)[number] & { checks?: string[]; ready?: string };
/** The listed pages a check applies to (an embed has no skip link, menu or footer). */
const pagesFor = (id: string) => (checks.pages as Listed[]).filter((p) => !p.checks || p.checks.includes(id));

beforeAll(async () => {
  ({ server, browser } = await openDemo());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function visit(page: Page, p: string | Listed): Promise<void> {
  const path = typeof p === 'string' ? p : p.path;
  const response = await page.goto(server.url(path), { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  // Content a script builds (the comparison) is checked once it is there.
  if (typeof p !== 'string' && p.ready) await page.locator(p.ready).waitFor();
}

/** Page files under src/pages/ (endpoints such as feed.xml.ts are not pages a reader reads). */
async function pageFiles(dir = join(ROOT, 'src', 'pages')): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await pageFiles(p)));
    else if (e.name.endsWith('.astro')) out.push(relative(join(ROOT, 'src', 'pages'), p));
  }
  return out.sort();
}

describe('the statement lists the pages it covers', () => {
  it('one page of every page kind, itself, /tabell/ and /sammenlign/ included', async () => {
    const routes = checks.pages.map((p) => p.route).sort();
    expect(routes).toEqual(await pageFiles());
    const paths = checks.pages.map((p) => p.path.split('?')[0]);
    for (const path of ['/tilgjengelighet/', '/endringslogg/', '/tabell/', '/sammenlign/']) expect(paths).toContain(path);
    expect(checks.checks.map((c) => c.id).sort()).toEqual(['axe', 'keyboard', 'no-js', 'reflow', 'target-size']);
    // A page that skips a check names only checks that exist.
    for (const p of checks.pages as Listed[]) for (const id of p.checks ?? []) expect(widthsOf(id), `${p.path}: ${id}`).toBeDefined();
  });
});

/** What one visit of a listed page found, at each width its checks name. */
interface Swept {
  axe: Map<number, string[]>;
  small: Map<number, string[]>;
  measured: Map<number, Set<string>>;
  wide: string[];
  keyboard: string[];
}

let sweep: Promise<Swept> | undefined;

/**
 * axe, the target sizes, reflow and the keyboard path for every listed page, in one visit of each
 * page under the site's own CSP: the page is loaded and given axe once, then checked at every
 * width by resizing the viewport (a width's checks run on the page as laid out at that width).
 * Loading every page again for each check and width, and compiling axe into each, was about a
 * third of this file's time. Resizing a loaded page is the same as loading it at that width here:
 * the site switches layout with CSS media queries alone, and no script reads the width when the
 * page loads (public/js reads it only when a map label is placed). Every rule runs at every width.
 */
function swept(): Promise<Swept> {
  sweep ??= (async () => {
    const axeWidths = widthsOf('axe');
    const targetWidths = widthsOf('target-size');
    const reflowWidth = widthsOf('reflow')[0];
    const widths = [...new Set([...axeWidths, ...targetWidths, reflowWidth])];
    const out: Swept = { axe: new Map(), small: new Map(), measured: new Map(), wide: [], keyboard: [] };
    for (const w of axeWidths) out.axe.set(w, []);
    for (const w of targetWidths) { out.small.set(w, []); out.measured.set(w, new Set()); }
    const targets = checks.checks.find((c) => c.id === 'target-size')!.targets as string[];
    const keyboardWidth = widthsOf('keyboard')[0];
    const listed = (checks.pages as Listed[]).filter((p) => ['axe', 'target-size', 'reflow', 'keyboard'].some((id) => pagesFor(id).includes(p)));
    const context = await browser.newContext({ viewport: { width: widths[0], height: 900 } });
    const page = await context.newPage();
    for (const p of listed) {
      await page.setViewportSize({ width: widths[0], height: 900 });
      await visit(page, p);
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        if (targetWidths.includes(width) && pagesFor('target-size').includes(p)) {
          const found = await measureTargets(page, targets);
          for (const t of found) {
            out.measured.get(width)!.add(t.selector);
            // Sub-pixel layout: 23.99 is 24 on the screen.
            if (t.w < 23.5 || t.h < 23.5) out.small.get(width)!.push(`${p.path} ${t.selector} «${t.text}»: ${t.w.toFixed(1)} × ${t.h.toFixed(1)}`);
          }
        }
        if (width === reflowWidth && pagesFor('reflow').includes(p)) {
          // The reflow check's own window (800 px high, as it always was).
          await page.setViewportSize({ width, height: 800 });
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scrollWidth > width + 1) out.wide.push(p.path);
          await page.setViewportSize({ width, height: 900 });
        }
        if (axeWidths.includes(width) && pagesFor('axe').includes(p)) {
          for (const v of await axeViolations(page, checks.axeTags)) out.axe.get(width)!.push(`${p.path}: ${v}`);
          if (width === axeWidths[0] && (p.path === '/tilgjengelighet/' || p.path === '/endringslogg/')) {
            await mkdir(ARTIFACTS, { recursive: true });
            await page.screenshot({ path: join(ARTIFACTS, `${p.path.replace(/\//g, '') || 'forside'}.png`), fullPage: true });
          }
        }
      }
      // Last, as it moves the focus: nothing before it focused or clicked anything.
      if (pagesFor('keyboard').includes(p)) {
        await page.setViewportSize({ width: keyboardWidth, height: 900 });
        out.keyboard.push(...(await keyboardProblems(page, p.path)));
      }
    }
    await context.close();
    return out;
  })();
  return sweep;
}

/** The skip link is the first Tab stop, and Tab from the end of <main> reaches the statement link. */
async function keyboardProblems(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.getAttribute('href'));
  if (first !== '#innhold') problems.push(`${path}: first Tab stop is ${first}`);
  // Start from the last focusable element of <main> (tabbing through every map shape is slow);
  // a link inside a closed <details> cannot take focus, so the last one that does.
  const started = await page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>('main a[href], main button, main input, main summary, main [tabindex="0"]')];
    for (const el of all.reverse()) {
      el.focus();
      if (document.activeElement === el) return true;
    }
    return false;
  });
  if (!started) problems.push(`${path}: nothing in <main> takes focus`);
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => !!document.activeElement?.closest('footer') && /tilgjengelighet\/$/.test(document.activeElement?.getAttribute('href') ?? ''));
  }
  if (!reached) problems.push(`${path}: the statement link in the footer is not reached with Tab`);
  return problems;
}

/** Every rendered element each target selector matches, with its size. */
function measureTargets(page: Page, selectors: string[]) {
  return page.evaluate((selectors) => {
    const out: { selector: string; text: string; w: number; h: number }[] = [];
    for (const selector of selectors) {
      for (const el of document.querySelectorAll<HTMLElement>(selector)) {
        const r = el.getBoundingClientRect();
        // Not rendered (a hidden form, a collapsed part): nothing to tap.
        if (r.width === 0 && r.height === 0) continue;
        out.push({ selector, text: (el.textContent || el.getAttribute('name') || '').trim().slice(0, 30), w: r.width, h: r.height });
      }
    }
    return out;
  }, selectors);
}

describe('axe-core (WCAG 2.1 AA and 2.2 target size)', () => {
  for (const width of widthsOf('axe')) {
    it(`finds no violation at ${width} px on every listed page`, async () => {
      expect((await swept()).axe.get(width)).toEqual([]);
    }, 900_000);
  }
});

describe('keyboard', () => {
  it('the skip link comes first, and Tab from the end of the main content reaches the footer’s statement link, on every listed page', async () => {
    expect((await swept()).keyboard).toEqual([]);
  }, 900_000);
});

describe('without JavaScript', () => {
  it('every listed page has its heading, its main text and the footer links', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: widthsOf('no-js')[0], height: 900 } });
    const page = await context.newPage();
    for (const p of pagesFor('no-js')) {
      await visit(page, p.path);
      expect(await page.locator('main h1').count(), p.path).toBe(1);
      // 150 characters: the 404 page says what happened in two sentences and three links.
      expect(((await page.locator('main').textContent()) ?? '').length, p.path).toBeGreaterThan(150);
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
    expect((await swept()).wide.sort()).toEqual(known);
  }, 900_000);
});

describe('target size (WCAG 2.2, 2.5.8)', () => {
  for (const width of widthsOf('target-size')) {
    it(`every listed kind of target is at least 24 × 24 px at ${width} px, on every listed page`, async () => {
      const { small, measured } = await swept();
      expect(small.get(width)).toEqual([]);
      // The measurement saw the targets it claims to measure: menu, breadcrumbs, downloads, sort, forms.
      for (const selector of ['.site-nav a', '.brand', '.crumbs a', '.figure-downloads button', '.table-downloads a', 'th[aria-sort] button', '.table-filters select', '.compare-picker input', '.latest-note a']) expect([...measured.get(width)!], selector).toContain(selector);
    }, 900_000);
  }
});

describe('«Slik siterer du»', () => {
  it('gets a copy button with JavaScript, and the text stays plain without', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await visit(page, '/kommune/0301-oslo/');
    const text = (await page.locator('.citation-text').first().textContent())!.trim();
    expect(text).toMatch(/\/2024\/kommune\/0301-oslo\/$/);
    await page.getByRole('button', { name: 'Kopier sitatet' }).click();
    await expect.poll(() => page.locator('.citation .copy-status').textContent()).toBe('Kopiert.');
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
