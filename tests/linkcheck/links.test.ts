// Crawls every HTML page of the built demo site, and of a small fixture site under a base path: no
// internal link may be broken, and every kommune and fylke of each year's register has its page.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkLinks, extractLinks, resolveFile, type LinkReport } from '../helpers/linkcheck';
import { demoSite, fixtureSiteUnderBase, DEMO_BASE, ROOT } from '../helpers/site';
import { FIXTURE_KOMMUNER, RENUMBERED } from '../helpers/fixture';
import { yearEntries } from '../helpers/demo';
import { fylkeSlug, kommuneSlug } from '../../src/lib/format/slug';
import { loadRegister, requireReferenceDir } from '../../scripts/lib/reference-files';
import type { StructureEntry } from '../../src/lib/types';
import { readFile } from 'node:fs/promises';

const show = (r: LinkReport) => r.broken.slice(0, 20).map((b) => `${b.page} → ${b.link} (${b.reason})`);

describe('the link checker itself', () => {
  it('finds links in href, src, srcset, xlink:href and meta refresh, not in text or comments', () => {
    const html = `<!-- <a href="/gone/"> --><p>href="/tekst/"</p><a href="/a/?x=1&amp;y=2#top">a</a>
      <img src="b.png" srcset="c.png 1x, /d.png 2x"><svg><a xlink:href="/e/"><path d=""/></a></svg>
      <meta http-equiv="refresh" content="0; url=/f/">`;
    expect(extractLinks(html)).toEqual(['/a/?x=1&y=2#top', 'b.png', 'c.png', '/d.png', '/e/', '/f/']);
  });

  it('resolves directories to index.html the way a static host does', () => {
    const files = new Set(['index.html', 'a/index.html', 'x.css']);
    expect(resolveFile('/', files)).toBe('index.html');
    expect(resolveFile('/a/', files)).toBe('a/index.html');
    expect(resolveFile('/a', files)).toBe('a/index.html');
    expect(resolveFile('/x.css', files)).toBe('x.css');
    expect(resolveFile('/b/', files)).toBeNull();
  });
});

describe('the demo site', () => {
  let site: string;
  let report: LinkReport;
  beforeAll(async () => {
    site = await demoSite();
    report = await checkLinks(site, { base: '/' });
  });

  it('has no broken internal link', () => {
    expect(report.pages.length).toBeGreaterThan(700);
    expect(report.links).toBeGreaterThan(report.pages.length * 5);
    expect(show(report)).toEqual([]);
  });

  it('has a page for every kommune and fylke of every year’s register', async () => {
    const years = await yearEntries();
    const latest = years[years.length - 1].year;
    const ref = requireReferenceDir({ projectRoot: ROOT });
    const missing: string[] = [];
    for (const y of years) {
      const structure = JSON.parse(await readFile(join(ROOT, 'data', 'structures', `${y.structure}.json`), 'utf8')) as StructureEntry;
      const register = loadRegister(ref, structure.register);
      expect(register.length).toBeGreaterThan(300);
      const prefix = y.year === latest ? '/' : `/${y.year}/`;
      for (const k of register) {
        const path = `${prefix}kommune/${kommuneSlug(k.kommunenummer, k.kommunenavn)}/`;
        if (!resolveFile(path, report.files)) missing.push(path);
      }
      for (const f of new Map(register.map((k) => [k.fylkesnummer, k.fylkesnavn]))) {
        const path = `${prefix}fylke/${fylkeSlug(f[0], f[1])}/`;
        if (!resolveFile(path, report.files)) missing.push(path);
      }
    }
    expect(missing).toEqual([]);
  });

  it('canonical and OpenGraph URLs lead to existing pages; kommune and fylke pages name themselves', async () => {
    const forside = await readFile(join(site, 'index.html'), 'utf8');
    const siteUrl = /<link rel="canonical" href="([^"]+)"/.exec(forside)?.[1];
    expect(siteUrl).toMatch(/^https?:\/\//);
    const withSite = await checkLinks(site, { base: '/', siteUrls: [siteUrl!] });
    expect(show(withSite)).toEqual([]);
    const wrong: string[] = [];
    const latest = Math.max(...[...report.files].map((f) => /^(\d{4})\//.exec(f)?.[1]).filter(Boolean).map(Number));
    for (const file of [...report.files].filter((f) => f.endsWith('index.html'))) {
      const html = await readFile(join(site, file), 'utf8');
      if (/http-equiv="refresh"/i.test(html)) continue; // redirect pages point to their target
      // Embeds are noindex excerpts without a canonical; their link back names the full page.
      if (file.startsWith('embed/')) {
        if (!/<meta name="robots" content="noindex"/.test(html)) wrong.push(`${file}: an embed without noindex`);
        continue;
      }
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      if (!canonical) {
        wrong.push(`${file}: no canonical link`);
        continue;
      }
      // The latest year's year-fixed copy (/2024/kommune/…) names the unprefixed «siste» page while
      // both show the same figures; every other kommune and fylke page names itself.
      const own = file.startsWith(`${latest}/`) ? file.slice(`${latest}/`.length) : file;
      const self = new URL(own.replace(/index\.html$/, ''), siteUrl).href;
      if (/(^|\/)(kommune|fylke)\//.test(file) && canonical !== self) wrong.push(`${file}: ${canonical}`);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('every _redirects line leads from a path without a page to an existing page', async () => {
    const lines = (await readFile(join(site, '_redirects'), 'utf8')).trim().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    const bad: string[] = [];
    for (const line of lines) {
      const [from, to, status] = line.split(/\s+/);
      // Dynamic rules (placeholders, splats) are checked address by address: tests/site/figureRedirects.test.ts.
      if (/\/:|\*/.test(from)) continue;
      if (!resolveFile(to, report.files)) bad.push(`${line}: target missing`);
      if (status !== '301') bad.push(`${line}: status`);
      // The old path may have a static redirect page, but never a page of its own content.
      const page = resolveFile(from, report.files);
      if (page && !/http-equiv="refresh"/i.test(await readFile(join(site, page), 'utf8'))) bad.push(`${line}: old path is a real page`);
    }
    expect(bad).toEqual([]);
  });

  it('publishes the manifest, sitemap, robots.txt, 404 page and host files', () => {
    for (const f of ['data/manifest.json', 'sitemap.xml', 'robots.txt', '404.html', '_headers', '_redirects']) {
      expect(report.files.has(f) || report.files.has(f.replace('sitemap.xml', 'sitemap-index.xml')), f).toBe(true);
    }
  });
});

// The base path is the same code for every page kind, so a small site with every kind (two years,
// a renumbered kommune's redirect, kommune and fylke pages, embeds, figures) checks it without a
// second demo build.
describe('a site under a base path (the fixture with an earlier year)', () => {
  let site: string;
  let report: LinkReport;
  beforeAll(async () => {
    site = await fixtureSiteUnderBase();
    report = await checkLinks(site, { base: DEMO_BASE });
  });

  it(`has no broken internal link under ${DEMO_BASE}`, async () => {
    // Both years' kommune pages were crawled, with their links.
    for (const k of FIXTURE_KOMMUNER) {
      const then = k.kommunenummer === RENUMBERED.to ? RENUMBERED.from : k.kommunenummer; // its number in 2021
      for (const path of [`/kommune/${kommuneSlug(k.kommunenummer, k.kommunenavn)}/`, `/2021/kommune/${kommuneSlug(then, k.kommunenavn)}/`]) {
        expect(resolveFile(path, report.files), path).not.toBeNull();
      }
    }
    expect(report.links).toBeGreaterThan(report.pages.length * 5);
    expect(show(report)).toEqual([]);
    // Every root-relative link of every page carries the base: nothing points at the host's root.
    const rootLinks: string[] = [];
    for (const file of [...report.files].filter((f) => f.endsWith('.html'))) {
      const html = await readFile(join(site, file), 'utf8');
      for (const l of extractLinks(html)) if (l.startsWith('/') && !l.startsWith(DEMO_BASE)) rootLinks.push(`${file}: ${l}`);
    }
    expect(rootLinks).toEqual([]);
  });
});
