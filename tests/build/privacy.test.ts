// The fixture year carries free-text, contact, time-use and unknown columns with unique markers:
// no byte of them may reach any file of the built site. Names and labels with markup, quotes and
// ampersands render as text. A boundary file lacking a kommune (and with an extra one) builds,
// with a visible note.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { builtLog, trustFixtureSite } from '../helpers/site';
import { EXTRA_SHAPE, FIXTURE_KOMMUNER, FYLKE_A, HOSTILE_LABELS, SECRETS } from '../helpers/fixture';
import { listFiles } from '../helpers/linkcheck';
import { checkLinks } from '../helpers/linkcheck';
import { kommuneSlug } from '../../src/lib/format/slug';

let site: string;
let files: string[];
let stdout = '';

beforeAll(async () => {
  // Built once per run by the real CLI and shared with tests/build/atomic.test.ts (which starts
  // from a copy); its build log is kept beside it.
  site = await trustFixtureSite();
  stdout = await builtLog(site);
  files = await listFiles(site);
});

const html = async (path: string) => readFile(join(site, path), 'utf8');

describe('privacy', () => {
  it('no free-text, contact, time-use or unknown-column value appears in any byte of the site', async () => {
    expect(files.some((f) => f.endsWith('.html'))).toBe(true);
    expect(files.some((f) => f.endsWith('.csv'))).toBe(true);
    expect(files.some((f) => f.endsWith('.json'))).toBe(true);
    const needles = Object.values(SECRETS).flatMap((s) => [s, s.replace(/\s+/g, ''), encodeURIComponent(s)]);
    needles.push('hemmelig.example', 'Hemmeligsen', '912 34 567', '91234567');
    const hits: string[] = [];
    for (const f of files) {
      let bytes = await readFile(join(site, f));
      if (f.endsWith('.gz')) bytes = gunzipSync(bytes);
      // Check both as UTF-8 and as Latin-1, so no encoding turns a marker invisible.
      const texts = [bytes.toString('utf8'), bytes.toString('latin1')].map((t) => t.toLowerCase());
      for (const n of needles) if (texts.some((t) => t.includes(n.toLowerCase()))) hits.push(`${f}: ${n}`);
      // Nor are the names of the fixture's own dropped columns (the documented kontakt_* names may
      // appear on /metode/, which says they are never published).
      for (const c of ['kommentar_2', 'tidsbruk_minutter', 'ukjent_kolonne']) {
        if (texts.some((t) => t.includes(c))) hits.push(`${f}: column ${c}`);
      }
    }
    expect(hits).toEqual([]);
  });
});

describe('escaping', () => {
  const hostile = FIXTURE_KOMMUNER.filter((k) => /[<&"']/.test(k.kommunenavn));

  it('kommune names with markup, quotes and & render as text on their pages and the forside', async () => {
    expect(hostile.length).toBeGreaterThanOrEqual(3);
    const forside = await html('index.html');
    for (const k of hostile) {
      const page = await html(`kommune/${kommuneSlug(k.kommunenummer, k.kommunenavn)}/index.html`);
      for (const source of [page, forside]) {
        const { document } = parseHTML(source);
        expect(document.body.textContent).toContain(k.kommunenavn);
        // Markup in a name never becomes an element.
        for (const s of document.querySelectorAll('script')) expect(s.textContent ?? '').not.toContain('alert');
        expect([...document.querySelectorAll('i')].filter((e) => e.textContent === 'kursiv').length).toBe(0);
      }
      expect(page).not.toContain(k.kommunenavn.includes('<') ? k.kommunenavn : '\u0000');
    }
  });

  it('labels from the survey definition with markup render as text (forside, metode)', async () => {
    const forside = parseHTML(await html('index.html')).document;
    expect(forside.body.textContent).toContain(HOSTILE_LABELS.prioritering1);
    expect([...forside.querySelectorAll('em')].filter((e) => e.textContent === 'lav').length).toBe(0);
    const metode = parseHTML(await html('metode/index.html')).document;
    expect(metode.body.textContent).toContain(HOSTILE_LABELS.strategiItem);
    for (const s of metode.querySelectorAll('script')) expect(s.textContent ?? '').not.toContain('omr');
  });

  it('fylke names with markup render as text', async () => {
    const fylkePages = files.filter((f) => /^fylke\/91-[^/]+\/index\.html$/.test(f));
    expect(fylkePages.length).toBe(1);
    const { document } = parseHTML(await html(fylkePages[0]));
    expect(document.body.textContent).toContain(FYLKE_A);
    expect([...document.querySelectorAll('b')].filter((e) => e.textContent === 'A').length).toBe(0);
  });

  it('no page or SVG gets a script or element from data (markup inside quoted attributes is inert)', async () => {
    const pages = files.filter((x) => x.endsWith('.html') || x.endsWith('.svg'));
    expect(pages.length).toBeGreaterThan(5);
    for (const f of pages) {
      const source = await readFile(join(site, f), 'utf8');
      const { document } = parseHTML(source);
      for (const s of document.querySelectorAll('script')) {
        expect(`${s.getAttribute('src') ?? ''} ${s.textContent ?? ''}`, f).not.toContain('alert');
      }
      const injected = [...document.querySelectorAll('i, b')].filter((e) => ['A', 'kursiv'].includes((e.textContent ?? '').trim()));
      expect(injected.length, f).toBe(0);
      // Outside attribute values, `<script>` from data only ever appears escaped.
      const outsideAttributes = source.replace(/"[^"]*"/g, '""');
      expect(outsideAttributes, f).not.toContain('<script>alert(');
      expect(outsideAttributes, f).not.toContain('<em>lav</em>');
    }
  });
});

describe('boundary file that lacks a kommune and has an extra one', () => {
  const missing = FIXTURE_KOMMUNER.find((k) => k.at === null)!;

  it('builds, says so in the build log, and every internal link works', async () => {
    expect(stdout).toContain(missing.kommunenummer);
    expect(stdout).toContain(EXTRA_SHAPE.kommunenummer);
    const report = await checkLinks(site);
    expect(report.broken).toEqual([]);
  });

  it('the forside shows a visible note naming the kommune without a shape, which still has a page', async () => {
    const { document } = parseHTML(await html('index.html'));
    const notes = [...document.querySelectorAll('p, li, div, figcaption, aside')].filter((e) => {
      const t = e.textContent ?? '';
      return t.includes(missing.kommunenavn) && /kart/i.test(t) && t.length < 600;
    });
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n.closest('[hidden]')).toBeNull();
    expect(files).toContain(`kommune/${kommuneSlug(missing.kommunenummer, missing.kommunenavn)}/index.html`);
  });

  it('the extra shape is not drawn as a link to a page that does not exist', async () => {
    const forside = await html('index.html');
    expect(forside).not.toContain(`/kommune/${EXTRA_SHAPE.kommunenummer}`);
    expect(forside).not.toContain(EXTRA_SHAPE.navn);
  });
});
