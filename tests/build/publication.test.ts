// A publication you can cite (issue 9), on the built demo site: citations name year-fixed
// addresses that exist, the Atom feed parses with entries, datapackage.json follows the
// Frictionless schema (vendored, checked offline), and every page carries the CSP and the feed link.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv from 'ajv';
import { DOMParser } from 'linkedom';
import { demoSite, ROOT } from '../helpers/site';
import { listFiles, resolveFile } from '../helpers/linkcheck';
import { CSP_DIRECTIVES, metaPolicy } from '../../src/site/csp';

let site: string;
let files: Set<string>;
let pages: string[];
const html = (file: string) => readFile(join(site, file), 'utf8');
const isRedirect = (text: string) => /http-equiv="refresh"/i.test(text);

beforeAll(async () => {
  site = await demoSite();
  files = new Set(await listFiles(site));
  pages = [...files].filter((f) => f.endsWith('.html')).sort();
});

describe('«Slik siterer du»', () => {
  it('every page kind names a year-fixed address that exists', async () => {
    const kinds = ['index.html', '2021/index.html', 'kommune/0301-oslo/index.html', '2021/kommune/0301-oslo/index.html', 'fylke/03-oslo/index.html', '2021/fylke/03-oslo/index.html', 'data/index.html'];
    for (const file of kinds) {
      const citations = [...(await html(file)).matchAll(/<p class="citation-text"[^>]*>([^<]+)<\/p>/g)].map((m) => m[1]);
      expect(citations.length, file).toBeGreaterThan(0);
      for (const text of citations) {
        const url = /(https?:\/\/\S+)$/.exec(text)?.[1];
        expect(url, `${file}: ${text}`).toBeDefined();
        const path = new URL(url!).pathname;
        expect(path, `${file} cites a year-fixed address`).toMatch(/^\/(\d{4}\/|data\/\d{4}\/)/);
        expect(resolveFile(path, files), `${file} cites ${path}, which exists`).not.toBeNull();
        expect(text).toMatch(/versjon \d+, publisert \d{1,2}\. \p{L}+ \d{4}\./u);
      }
    }
  });

  // Embeds (/embed/…) are excerpts without a citation: their link back names the full page, which has one.
  it('every kommune and fylke page of every year carries one, and it names its own year', async () => {
    let checked = 0;
    for (const file of pages.filter((f) => !f.startsWith('embed/') && /(^|\/)(kommune|fylke)\/\d+-[^/]+\/index\.html$/.test(f))) {
      const text = await html(file);
      if (isRedirect(text)) continue;
      const m = /<p class="citation-text" data-year="(\d{4})">[^<]*https?:\/\/[^/]+(\/\d{4}\/(?:kommune|fylke)\/[^<\s]+)<\/p>/.exec(text);
      expect(m, file).not.toBeNull();
      expect(files.has(`${m![2].slice(1)}index.html`), `${file} → ${m![2]}`).toBe(true);
      const year = /^(\d{4})\//.exec(file)?.[1];
      if (year) expect(m![1]).toBe(year);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('/feed.xml', () => {
  it('parses as Atom with entries, the same as /endringslogg/', async () => {
    const xml = await readFile(join(site, 'feed.xml'), 'utf8');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const feed = doc.documentElement as unknown as Element;
    expect(feed.localName).toBe('feed');
    expect(feed.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    const child = (el: Element, name: string) => [...el.children].filter((c) => c.localName === name);
    for (const name of ['id', 'title', 'updated', 'author']) expect(child(feed, name).length, name).toBe(1);
    const entries = child(feed, 'entry');
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const ids = new Set<string>();
    for (const e of entries) {
      for (const name of ['id', 'title', 'updated']) expect(child(e, name).length, name).toBe(1);
      expect(child(e, 'updated')[0].textContent).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      ids.add(child(e, 'id')[0].textContent!);
    }
    expect(ids.size).toBe(entries.length);
    const log = await html('endringslogg/index.html');
    const anchors = [...log.matchAll(/<li id="([^"]+)"/g)].map((m) => m[1]);
    expect([...ids].map((id) => id.split('#')[1])).toEqual(anchors);
  });

  it('is linked from the head of every page', async () => {
    const missing: string[] = [];
    for (const file of pages) {
      const text = await html(file);
      if (isRedirect(text)) continue;
      if (!/<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/feed\.xml"/.test(text)) missing.push(file);
    }
    expect(missing).toEqual([]);
  });
});

describe('CSP in <meta http-equiv>', () => {
  it('every page carries the policy, without what only a header can carry', async () => {
    const policy = metaPolicy(CSP_DIRECTIVES);
    expect(policy).not.toMatch(/frame-ancestors|report-uri|sandbox/);
    expect(policy).toMatch(/script-src 'self'/);
    const wrong: string[] = [];
    for (const file of pages) {
      const text = await html(file);
      const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(text);
      if (!m || m[1].replace(/&#39;/g, "'") !== policy) wrong.push(`${file}: ${m?.[1] ?? 'none'}`);
      // A meta policy only governs what comes after it: it must precede every script and stylesheet.
      else if (/<(script|link rel="stylesheet")/.exec(text)!.index < m.index) wrong.push(`${file}: after a script or stylesheet`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('/data/datapackage.json', () => {
  let pkg: { name: string; version: string; licenses: { name: string }[]; resources: { name: string; path: string; bytes: number; hash: string; schema: { fields: { name: string; type: string; description: string }[] } }[]; sources: unknown[] };
  beforeAll(async () => {
    pkg = JSON.parse(await readFile(join(site, 'data', 'datapackage.json'), 'utf8'));
  });

  it('follows the Frictionless Tabular Data Package schema (vendored, offline)', async () => {
    const schema = JSON.parse(await readFile(join(ROOT, 'tests', 'fixtures', 'datapackage', 'tabular-data-package.json'), 'utf8'));
    // The profile is draft-04 but uses nothing ajv's default draft reads differently.
    delete schema.$schema;
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('textarea', true);
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
    ajv.addFormat('email', /^[^@\s]+@[^@\s]+$/);
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    const validate = ajv.compile(schema);
    expect(validate(pkg), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    // The schema must be able to fail: a package without a licence name pattern or resources.
    expect(validate({ ...pkg, resources: [] })).toBe(false);
  });

  it('names licence, sources and version, and describes every column of every CSV download', async () => {
    expect(pkg.licenses[0].name).toBe('CC-BY-4.0');
    expect(pkg.sources.length).toBeGreaterThan(0);
    expect(pkg.version).toMatch(/^\d{4}\.\d+(\+\d{4}\.\d+)*$/);
    const csvs = [...files].filter((f) => /^data\/.+\.csv$/.test(f) && !f.includes('-excel') && !/^data\/kommune\//.test(f));
    expect(pkg.resources.map((r) => `data/${r.path}`).sort()).toEqual(expect.arrayContaining(csvs.filter((f) => /^data\/(\d{4}|utvikling)\//.test(f)).sort()));
    for (const r of pkg.resources) {
      const bytes = await readFile(join(site, 'data', r.path));
      expect(bytes.length, r.path).toBe(r.bytes);
      const header = bytes.toString('utf8').split(/\r?\n/)[0].split(',');
      expect(r.schema.fields.map((f) => f.name), r.path).toEqual(header);
      for (const f of r.schema.fields) expect(f.description, `${r.path}: ${f.name}`).not.toBe('');
    }
    const indicators = pkg.resources.find((r) => r.name.startsWith('indicators-'))!;
    expect(indicators.schema.fields.find((f) => f.name === 'kommunenummer')!.type).toBe('string');
    expect(indicators.schema.fields.find((f) => f.name === 'prioritering')!.type).toBe('integer');
  });

  it('carries each year’s version, as the manifest does', async () => {
    const manifest = JSON.parse(await readFile(join(site, 'data', 'manifest.json'), 'utf8')) as { years: { year: number; version: number; versionDate: string }[] };
    expect(manifest.years.length).toBeGreaterThan(0);
    for (const y of manifest.years) {
      expect(y.version).toBeGreaterThanOrEqual(1);
      expect(pkg.version).toContain(`${y.year}.${y.version}`);
    }
  });
});
