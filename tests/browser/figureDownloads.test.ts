// Figure downloads as a journalist uses them (issue 17 §4–5): on a kommune page, the browser makes
// each figure's SVG (font embedded, title inside the width, source, the page's address and the
// licence inside), its PNG at twice the SVG's size, and its numbers as CSV and as CSV for
// Norwegian Excel, from the figure and the table on the page. Screenshots go to tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, Locator, Page } from 'playwright-core';
import { downloadBytes, openDemo } from '../helpers/browser';
import type { StaticServer } from '../helpers/server';
import { ROOT } from '../helpers/site';
import { publishedIndicators, yearEntries } from '../helpers/demo';
import { kommuneSlug } from '../../src/lib/format/slug';
import type { KommuneIndicators } from '../../src/lib/types';

const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
let server: StaticServer;
let browser: Browser;
let page: Page;
let k: KommuneIndicators;
const cspViolations: string[] = [];

beforeAll(async () => {
  const demo = await openDemo();
  ({ server, browser } = demo);
  const site = demo.site;
  const years = await yearEntries();
  const rows = await publishedIndicators(site, years[years.length - 1].year);
  k = rows.find((r) => r.svart === 1 && r.prioritering !== null && r.aktivitet !== null && r.kompetanse !== null)!;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  context.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  page = await context.newPage();
  const response = await page.goto(server.url(`/kommune/${kommuneSlug(k.kommunenummer, k.kommunenavn)}/`), { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  await page.locator('.figure-downloads').first().waitFor({ state: 'visible' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function download(row: Locator, format: 'SVG' | 'PNG' | 'CSV' | 'CSV for Excel'): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: new RegExp(`^${format} \\(`) }).click()]);
  return { name: file.suggestedFilename(), bytes: await downloadBytes(file) };
}

/** RFC 4180 fields of one CSV text (quotes, doubled quotes, separators inside quotes). */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe('figure downloads made in the browser', () => {
  it('each figure on a kommune page offers SVG, PNG, CSV and CSV for Excel, named for a screen reader', async () => {
    const rows = page.locator('.figure-downloads');
    expect(await rows.count()).toBe(4); // three comparisons and the grades per year
    const visible = await rows.first().evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.visually-hidden, [role=status]').forEach((s) => s.remove());
      return copy.textContent!.replace(/\s+/g, ' ').trim();
    });
    expect(visible).toBe('Last ned figur: SVG · PNG · Last ned tallene: CSV · CSV for Excel');
    expect(await rows.first().getByRole('button', { name: /^SVG \(Digital prioritering/ }).count()).toBe(1);
  });

  it('the SVG embeds the font, keeps every caption line inside the width, and carries source, address and licence', async () => {
    const row = page.locator('.figure-downloads').first();
    const { name, bytes } = await download(row, 'SVG');
    expect(name).toBe(`digikommune-2024-kommune-${kommuneSlug(k.kommunenummer, k.kommunenavn)}-sammenligning-prioritering.svg`.replace('2024', String(await latestYear())));
    const svg = bytes.toString('utf8');
    expect(svg).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="640"/);
    expect(svg).toMatch(/@font-face\{font-family:"Source Sans 3";font-weight:400;src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\)/);
    expect(svg).toMatch(/font-weight:600;src:url\(data:font\/woff2;base64,/);
    expect(svg).toContain(k.kommunenavn);
    // The page draws the chart once; the file holds that drawing (its ids) at the width it was drawn
    // for, the captions laid out beside it at that width, and the whole scaled to the file's 640 px.
    const drawn = row.locator('xpath=ancestor::figure[1]').locator('.figure-body svg.dk-plot');
    expect(await drawn.count()).toBe(1);
    const id = (await drawn.getAttribute('id'))!;
    const drawnWidth = Number((await drawn.getAttribute('viewBox'))!.split(' ')[2]);
    expect(drawnWidth).toBe(288);
    expect(svg).toContain(`<title id="${id}-title">`);
    const inner = /<svg x="0" y="[\d.]+"[^>]*>/.exec(svg)?.[0] ?? '';
    expect(inner).toContain(` id="${id}"`);
    expect(inner).toContain(` width="${drawnWidth}"`);
    const source = (await row.locator('xpath=ancestor::figure[1]').locator(':scope > .source').textContent())!.trim();
    expect(source.length).toBeGreaterThan(20);
    const measured = await page.evaluate((markup) => {
      // The file's own <style> (its embedded font) would be refused by the page's CSP even in a parsed
      // document; the page has the same faces loaded (figur.js adds them to measure the title).
      const doc = new DOMParser().parseFromString(markup.replace(/<style>[\s\S]*?<\/style>/, ''), 'image/svg+xml');
      const el = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
      el.id = 'downloaded-svg';
      document.body.append(el);
      // A text's size as the file shows it: its font size times the scale of the view box it sits in.
      const shown = (t: SVGTextElement) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM()!.a;
      const caption = [...el.querySelectorAll(':scope > g > text')] as SVGTextElement[];
      const chart = [...el.querySelectorAll(':scope > svg text')].filter((t) => t.textContent!.trim()) as SVGTextElement[];
      return {
        caption: caption.map((t) => ({ text: t.textContent!, right: t.getBBox().x + t.getBBox().width, px: shown(t), weight: t.getAttribute('font-weight') })),
        chart: chart.map((t) => ({ text: t.textContent!, px: shown(t) })),
      };
    }, svg);
    const texts = measured.caption;
    // Chart text and the file's captions in proportion: each chart text within ±30 % of the
    // source line's size (a 288-px chart stretched to the file's width printed it twice as large).
    const captionPx = texts.find((t) => t.text.startsWith(source.slice(0, 10)))!.px;
    expect(captionPx).toBeGreaterThan(20); // the whole file scaled up from 13 px, not only the chart
    expect(measured.chart.length).toBeGreaterThan(3);
    for (const t of measured.chart) {
      expect(t.px / captionPx, t.text).toBeGreaterThanOrEqual(0.7);
      expect(t.px / captionPx, t.text).toBeLessThanOrEqual(1.3);
    }
    const all = texts.map((t) => t.text).join(' ');
    // The credit the file carries wherever it goes, wrapped over lines.
    expect(all).toContain(source);
    const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
    expect(all.replace(/ /g, '')).toContain(`Figurenpånett:${canonical}`.replace(/ /g, ''));
    expect(all).toMatch(/Lisens: CC BY 4\.0/);
    // Title and every caption line within the drawing's width inside the margin, in the embedded font.
    expect(texts.length).toBeGreaterThan(3);
    for (const t of texts) expect(t.right, t.text).toBeLessThanOrEqual(drawnWidth + 0.5);
    expect(await page.evaluate(() => document.fonts.check('600 16px "Source Sans 3"'))).toBe(true);
    await mkdir(ARTIFACTS, { recursive: true });
    // caret: 'initial', or Playwright injects a style of its own that the CSP (rightly) refuses.
    await page.locator('#downloaded-svg').screenshot({ path: join(ARTIFACTS, 'figurfil-nedlastet-svg.png'), caret: 'initial', animations: 'allow' });
    await page.evaluate(() => document.getElementById('downloaded-svg')!.remove());
  });

  it('the PNG is the SVG at twice its size, with the title drawn in its band', async () => {
    const row = page.locator('.figure-downloads').first();
    const svg = (await download(row, 'SVG')).bytes.toString('utf8');
    const height = Number(/<svg [^>]*height="(\d+)"/.exec(svg)![1]);
    // The file's view box: its margin, and its width in the units the captions are laid out in.
    const [vx, , vw] = /<svg [^>]*viewBox="([-\d. ]+)"/.exec(svg)![1].split(' ').map(Number);
    const margin = -vx;
    const px = (2 * 640) / vw; // PNG pixels per view-box unit
    const { name, bytes } = await download(row, 'PNG');
    expect(name).toMatch(/-sammenligning-prioritering\.png$/);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280, 2 * height]);
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(join(ARTIFACTS, 'figurfil-nedlastet.png'), bytes);
    const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const darkIn = (y0: number, y1: number, x0: number, x1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (data[(y * info.width + x) * 3] < 90) n++;
      return n;
    };
    // Title band: the margin, then a 16-unit semibold line (baseline at 18); the margin itself is white.
    expect(margin).toBeGreaterThan(0);
    expect(darkIn(Math.round((margin + 4) * px), Math.round((margin + 22) * px), Math.round(margin * px), info.width)).toBeGreaterThan(500);
    expect(darkIn(0, Math.floor(margin * px * 0.9), 0, info.width)).toBe(0);
    expect(darkIn(0, info.height, 0, Math.floor(margin * px * 0.9))).toBe(0);
  });

  it('the CSV holds the table under the figure, and the Excel variant opens in Norwegian Excel', async () => {
    const row = page.locator('.figure-downloads').first();
    const table = await row.locator('xpath=ancestor::figure[1]').locator('details table').evaluate((t: HTMLTableElement) => [
      [...t.tHead!.rows[t.tHead!.rows.length - 1].cells].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()),
      ...[...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent!.replace(/\s+/g, ' ').trim())),
    ]);
    const plain = await download(row, 'CSV');
    expect(plain.name).toMatch(/-sammenligning-prioritering\.csv$/);
    const csv = parseCsv(plain.bytes.toString('utf8'), ',');
    const excelFile = await download(row, 'CSV for Excel');
    expect(excelFile.name).toMatch(/-sammenligning-prioritering-excel\.csv$/);
    expect([...excelFile.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const excelText = excelFile.bytes.toString('utf8').slice(1);
    expect(excelText).toContain('\r\n');
    const excel = parseCsv(excelText, ';');
    expect(csv.length).toBe(table.length);
    expect(excel.length).toBe(table.length);
    const asNumber = (s: string) => Number(s.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-').replace(',', '.'));
    let numbers = 0;
    for (let r = 0; r < table.length; r++) {
      expect(csv[r].length, `row ${r}`).toBe(table[r].length);
      for (let c = 0; c < table[r].length; c++) {
        const shown = table[r][c];
        if (/^\d[\d\s\u00a0\u202f]*(,\d+)?$/.test(shown) && !/^0\d/.test(shown)) {
          numbers++;
          // A number as a number: the same value, without the page's digit grouping.
          expect(Number(csv[r][c]), `${r},${c}`).toBe(asNumber(shown));
          expect(asNumber(excel[r][c]), `${r},${c}`).toBe(asNumber(shown));
          expect(excel[r][c]).not.toContain('.');
        } else {
          expect(csv[r][c], `${r},${c}`).toBe(shown);
          expect(excel[r][c].replace(/^'/, ''), `${r},${c}`).toBe(shown);
        }
      }
    }
    expect(numbers).toBeGreaterThan(0); // the unknown counts per group
    expect(table[0].join(' ')).toMatch(/Hele landet/);
  });

  it('decimal numbers become a decimal point in the CSV and stay a decimal comma for Excel; no cell runs as a formula', async () => {
    // A string, so the test runner does not rewrite the browser's own import().
    const out = (await page.evaluate(`(async () => {
      const { toCsv } = await import(new URL('figurfil.js', document.querySelector('script[src$="figur.js"]').src).href);
      const rows = [['gruppe', 'andel'], ['=HYPERLINK("x")', '41,8'], ['Oslo', '12\u00a0345'], ['0301', '−3']];
      return { plain: toCsv(rows, false), excel: toCsv(rows, true) };
    })()`)) as { plain: string; excel: string };
    expect(out.plain).toBe('gruppe,andel\n"=HYPERLINK(""x"")",41.8\nOslo,12345\n0301,-3\n');
    expect(out.excel).toBe('\uFEFFgruppe;andel\r\n"\'=HYPERLINK(""x"")";41,8\r\nOslo;12345\r\n0301;-3\r\n');
  });

  it('nothing on the way is refused by the site\'s CSP', () => {
    expect(cspViolations).toEqual([]);
  });
});

async function latestYear(): Promise<number> {
  const years = await yearEntries();
  return years[years.length - 1].year;
}
