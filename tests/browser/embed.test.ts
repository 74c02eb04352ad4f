// Embeds in Debian's Chromium: a page on another origin (a second local server) frames an /embed/
// page but cannot frame a normal page, with the site's own _headers applied by the test server.
// The embed needs no JavaScript, fits a phone-wide frame and links back to the full page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNewspaper, type Newspaper } from '../helpers/newspaper';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { openDemo, Tabs } from '../helpers/browser';
import type { StaticServer } from '../helpers/server';
import { ROOT } from '../helpers/site';
import { publishedIndicators } from '../helpers/demo';
import { kommuneSlug } from '../../src/lib/format/slug';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
let site: string;
let server: StaticServer;
let other: Newspaper | undefined;
let otherOrigin: string;
let browser: Browser;
let slug: string;
let year: number;
let articleHtml = '';
const tabs = new Tabs(() => browser, { viewport: { width: 1280, height: 720 } });

beforeAll(async () => {
  ({ site, server, browser } = await openDemo());
  const manifest = JSON.parse(await readFile(join(site, 'data', 'manifest.json'), 'utf8')) as { years: { year: number }[] };
  year = Math.max(...manifest.years.map((y) => y.year));
  const oslo = (await publishedIndicators(site, year)).find((k) => k.kommunenummer === '0301')!;
  slug = kommuneSlug(oslo.kommunenummer, oslo.kommunenavn);
  // «The newspaper»: another origin whose article frames one embed and one normal page.
  other = await startNewspaper(() => articleHtml);
  otherOrigin = other.origin;
}, 600_000);

afterAll(async () => {
  await tabs.close();
  await browser?.close();
  await server?.close();
  await other?.close();
});

async function frameText(frame: Frame): Promise<string> {
  try {
    return await frame.evaluate(() => document.body?.innerText ?? '');
  } catch {
    return '';
  }
}

describe('embeds', () => {
  it('another origin can frame /embed/ but not a normal page', async () => {
    expect(new URL(otherOrigin).origin).not.toBe(new URL(server.origin).origin);
    const embed = server.url(`embed/${year}/kommune/${slug}/`);
    const normal = server.url(`kommune/${slug}/`);
    articleHtml = `<!doctype html><html lang="nb"><title>Avis</title><body><h1>Artikkel</h1>`
      + `<iframe id="embed" src="${embed}" width="320" height="520" title="innebygd"></iframe>`
      + `<iframe id="normal" src="${normal}" width="320" height="520" title="vanlig"></iframe></body></html>`;
    const page = await tabs.open({ viewport: { width: 800, height: 700 }, javaScriptEnabled: false });
    const blocked: string[] = [];
    page.on('console', (m) => { if (/frame-ancestors|Refused to frame/i.test(m.text())) blocked.push(m.text()); });
    await page.goto(`${otherOrigin}/artikkel/`, { waitUntil: 'load' });
    await page.waitForTimeout(500);
    const embedFrame = page.frames().find((f) => f.url() === embed);
    expect(embedFrame, 'the embed loaded in its frame').toBeTruthy();
    const text = await frameText(embedFrame!);
    expect(text).toContain('Oslo');
    expect(text).toContain('Demodata');
    const normalFrame = page.frames().find((f) => f.name() === '' && f !== page.mainFrame() && f !== embedFrame)!;
    expect(await frameText(normalFrame)).not.toContain('Oslo');
    expect(blocked.join('\n')).toMatch(/frame-ancestors/);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'embed-framed.png') });
    await tabs.release(page);
  });

  it('the embed has no script but the height report, no site chrome, fits 320 px, and links back to the full page in a new tab', async () => {
    const html = await readFile(join(site, 'embed', String(year), 'kommune', slug, 'index.html'), 'utf8');
    // Only js/innebygd.js, which tells an optional host script the content's height.
    expect([...html.matchAll(/<script[^>]*>/gi)].map((m) => m[0])).toEqual(['<script type="module" src="/js/innebygd.js">']);
    expect(html).not.toContain('site-header');
    const page = await tabs.open({ viewport: { width: 320, height: 700 }, javaScriptEnabled: false });
    for (const path of [`embed/${year}/kommune/${slug}/`, `embed/${year}/kart/prioritering/`, `embed/${year}/kart/aktivitet/`]) {
      const response = await page.goto(server.url(path), { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain('frame-ancestors *');
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, `${path} is no wider than the frame`).toBeLessThanOrEqual(client);
      const back = await page.$eval('.embed-back a', (a) => (a as HTMLAnchorElement).href);
      expect(back).toMatch(/^https?:\/\//);
      expect(await page.$eval('base', (b) => b.getAttribute('target'))).toBe('_blank');
    }
    await page.goto(server.url(`embed/${year}/kart/prioritering/`));
    await page.screenshot({ path: join(ARTIFACTS, 'embed-map-320.png'), fullPage: true });
    await tabs.release(page);
  });

  it('a full page shows the copy-paste <iframe> for its embed, and keeps frame-ancestors none', async () => {
    const html = await readFile(join(site, 'kommune', slug, 'index.html'), 'utf8');
    expect(html).toMatch(new RegExp(`&lt;iframe src=&quot;https?://[^&]+/embed/${year}/kommune/${slug}/&quot;`));
    const forside = await readFile(join(site, 'index.html'), 'utf8');
    expect(forside).toContain(`/embed/${year}/kart/prioritering/`);
    expect(forside).toContain(`/embed/${year}/kart/aktivitet/`);
    const response = await fetch(server.url(`kommune/${slug}/`));
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
