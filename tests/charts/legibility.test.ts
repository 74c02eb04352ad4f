// A fixed-width chart is scaled to its column: the text a reader sees is font-size × shown width
// ÷ drawn width, so on a 390-px phone (358-px column) it must keep font-size × min(1, 358 / width)
// ≥ 12. A fluid chart (width="100%", the site's CHART_SIZE) is not scaled: its font size is what is shown.
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderGradeBars } from '../../src/draw/charts/gradeBars';
import { renderItemShares } from '../../src/draw/charts/itemShares';
import { renderGroupedBars } from '../../src/draw/charts/groupedBars';
import { renderKommuneGrades } from '../../src/draw/charts/kommuneGrades';
import { renderCategoryBars } from '../../src/draw/charts/categoryBars';
import { renderComparison } from '../../src/draw/charts/comparison';
import { GRADE_COLORS } from '../../src/draw/map/palette';
import { FYLKE, LABELS, NATION } from '../snapshots/inputs';
import { ARTICLE_SIZE, CHART_SIZE } from '../../src/site/figures/common';
import { MAX_SCALE, NARROW } from '../../src/draw/plot';
import { readFileSync } from 'node:fs';

const PHONE_COLUMN = 358;
const SITE = CHART_SIZE;

function smallestShownText(svg: string): number {
  const doc = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
  const root = doc.querySelector('svg')!;
  // A fluid chart (width="100%") is never scaled: its text is shown at its own size.
  const fluid = root.getAttribute('width') === '100%';
  const width = Number(root.getAttribute('width'));
  const scale = fluid ? 1 : Math.min(1, PHONE_COLUMN / width);
  let min = Infinity;
  for (const t of doc.querySelectorAll('text')) {
    let el: Element | null = t;
    let size = NaN;
    while (el && Number.isNaN(size)) {
      const attr = el.getAttribute('font-size');
      if (attr) size = Number(attr);
      el = el.parentElement;
    }
    expect(Number.isNaN(size), 'every text has a font size').toBe(false);
    min = Math.min(min, size * scale);
  }
  return min;
}

/** Width of a text in a wide sans (DejaVu Sans, the Linux fallback for system-ui), in px. */
function textWidth(s: string, fontSize: number): number {
  let em = 0;
  for (const c of s) em += /\d/.test(c) ? 0.64 : c === ' ' ? 0.32 : c === '/' ? 0.34 : /[A-ZÆØÅ]/.test(c) ? 0.7 : /[iljft]/.test(c) ? 0.35 : 0.6;
  return em * fontSize;
}

/**
 * A text's x in px at a column `width` wide: percentages of the enclosing (nested) <svg>, plus the
 * translates of its ancestors.
 */
function resolveX(t: Element, width: number): number {
  const chain: Element[] = [];
  for (let e: Element | null = t; e; e = e.parentElement) chain.unshift(e);
  let viewport = width;
  let x = 0;
  const len = (v: string | null, of: number) => (v === null ? 0 : v.endsWith('%') ? (Number(v.slice(0, -1)) / 100) * of : Number(v));
  for (const e of chain) {
    const tag = e.tagName.toLowerCase();
    if (tag === 'svg' && e.parentElement?.closest('svg')) {
      x += len(e.getAttribute('x'), viewport);
      viewport = len(e.getAttribute('width'), viewport);
    }
    const m = /translate\(([-\d.]+)/.exec(e.getAttribute('transform') ?? '');
    if (m) x += Number(m[1]);
    if (e === t) x += len(e.getAttribute('x'), viewport) + len(e.getAttribute('dx'), viewport);
  }
  return x;
}

describe('chart text stays ≥ 12 px on a phone at the site’s sizes', () => {
  test('grade bars, with the unknown bar named by its cause', () => {
    const svg = renderGradeBars({ rows: NATION, labels: LABELS, title: 'T', description: '', idPrefix: 'l-gb', unknownLabel: 'Ukjent (svarte ikke eller mangler svar)', ...SITE });
    expect(smallestShownText(svg)).toBeGreaterThanOrEqual(12);
    expect(svg).toContain('Ukjent (svarte ikke eller');
    expect(svg).not.toContain('Ukjent – svarte ikke');
  });

  test('the default 640-px grade bars would be too small: the check can fail', () => {
    const svg = renderGradeBars({ rows: NATION, labels: LABELS, title: 'T', description: '', idPrefix: 'l-gb2' });
    expect(smallestShownText(svg)).toBeLessThan(12);
  });

  test('item shares', () => {
    const svg = renderItemShares({ title: 'T', description: '', idPrefix: 'l-items', items: [{ label: 'Helse og omsorg i kommunen', share: 0.9 }, { label: 'Kultur', share: 0.3 }], ...SITE });
    expect(smallestShownText(svg)).toBeGreaterThanOrEqual(12);
  });

  test('grouped bars per year, labels above the bars', () => {
    const svg = renderGroupedBars({
      title: 'T', description: '', idPrefix: 'l-gr', years: [2021, 2024],
      groups: [{ key: '0', label: 'Grad 0: Har verken IKT-strategi på plass eller IKT-prosjekter i gang' }, { key: '1', label: 'Grad 1' }],
      values: { 0: { 2021: { share: 0.081, text: '8,1 % (27)' }, 2024: { share: 0.044, text: '4,4 % (14)' } }, 1: { 2021: { share: 0.5, text: '50,0 % (3)' } } },
    });
    expect(smallestShownText(svg)).toBeGreaterThanOrEqual(12);
    expect(svg).toContain('ikke spurt'); // a year without a value says so
  });

  const KOMMUNE_GRADES = {
    title: 'T', description: '', idPrefix: 'l-kg', years: [2018, 2021, 2024],
    series: ['Digital prioritering', 'Digital aktivitet'].map((label) => ({ label, points: [{ year: 2021, grade: 2, comparable: true }, { year: 2024, grade: null, comparable: true }] })),
  };

  test('one kommune’s grades per year, as the kommune page draws it (one drawing, panels stacked), and side by side when wide', () => {
    const svg = renderKommuneGrades({ ...KOMMUNE_GRADES, ...SITE });
    const drawings = [...parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document.querySelectorAll('body > svg')];
    expect(drawings.map((d) => d.getAttribute('width'))).toEqual(['288']);
    const [page] = drawings;
    expect(smallestShownText(page.outerHTML)).toBeGreaterThanOrEqual(13);
    // The panel titles: one above the other at the phone column, side by side in a wide file.
    const titles = (root: Element) => [...root.querySelectorAll('text')].filter((t) => t.textContent === 'Digital prioritering' || t.textContent === 'Digital aktivitet').map((t) => resolveX(t, Number(root.getAttribute('width'))));
    expect(titles(page)).toEqual([0, 0]);
    const wide = parseHTML(`<!doctype html><html><body>${renderKommuneGrades({ ...KOMMUNE_GRADES, width: 608, fontSize: 13 })}</body></html>`).document.querySelector('svg')!;
    expect(wide.getAttribute('font-size')).toBe('13');
    expect(wide.querySelector('[font-size]:not(svg)')).toBeNull();
    const [a, b] = titles(wide);
    expect(a).toBe(0);
    expect(b).toBeGreaterThan(250);
  });

  test('one kommune’s grades per year at the default fixed size and at the article size', () => {
    expect(smallestShownText(renderKommuneGrades(KOMMUNE_GRADES))).toBeGreaterThanOrEqual(12);
    // 640 px is scaled to 358 px on a phone: 13 × 358 / 640 ≈ 7.3 — the article size is for articles, not the page.
    expect(smallestShownText(renderKommuneGrades({ ...KOMMUNE_GRADES, ...ARTICLE_SIZE }))).toBeLessThan(12);
  });

  test('one kommune’s grades per year: no text reaches past the figure’s edges at its narrowest column', () => {
    // Text extents by glyph widths of a wide sans (DejaVu Sans: digits 0.64 em), at the layout width.
    for (const size of [SITE, ARTICLE_SIZE, { width: 358, fontSize: 13, fluid: true }]) {
      const svg = renderKommuneGrades({ ...KOMMUNE_GRADES, ...size });
      const doc = parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
      // A page's chart is one drawing, laid out for its width (site.css only scales it).
      for (const root of doc.querySelectorAll('body > svg')) for (const t of root.querySelectorAll('text')) {
        const width = Number(root.getAttribute('width'));
        const x = resolveX(t, width);
        const w = textWidth(t.textContent ?? '', size.fontSize) * (t.getAttribute('font-weight') === '600' ? 1.08 : 1);
        const anchor = t.getAttribute('text-anchor') ?? 'start';
        const [from, to] = anchor === 'middle' ? [x - w / 2, x + w / 2] : anchor === 'end' ? [x - w, x] : [x, x + w];
        expect(from, `${t.textContent} at ${width}`).toBeGreaterThanOrEqual(-0.5);
        expect(to, `${t.textContent} at ${width}`).toBeLessThanOrEqual(width + 0.5);
      }
    }
  });

  test('kompetanse bars', () => {
    const svg = renderCategoryBars({ bars: [{ label: 'A', short: 'A', count: 137, share: 0.436, colour: '#111' }, { label: 'Ukjent', short: 'Ukjent', count: 43, share: null, colour: '#eee' }], title: 'T', idPrefix: 'l-k', ...SITE });
    expect(smallestShownText(svg)).toBeGreaterThanOrEqual(12);
  });

  test('the kommune page comparison', () => {
    const svg = renderComparison({ groups: [{ label: 'Hele landet', rows: NATION }, { label: 'Vestfylket', rows: FYLKE }], values: ['0', '1', '2', '3', '4'], colourOf: (v) => GRADE_COLORS[Number(v)], own: '1', title: 'T', description: '', idPrefix: 'l-c' });
    expect(smallestShownText(svg)).toBeGreaterThanOrEqual(12);
  });
});

test('site.css caps a page chart at MAX_SCALE of its drawing: its 13-px text never shows above 17 px', () => {
  const css = readFileSync(new URL('../../src/styles/site.css', import.meta.url), 'utf8');
  const cap = /\.figure-body \.dk-fluid \{[^}]*max-width: (\d+)px/.exec(css);
  expect(cap, 'the rule for .dk-fluid in site.css').not.toBeNull();
  expect(CHART_SIZE.width).toBe(NARROW);
  expect(Number(cap![1])).toBe(Math.floor(NARROW * MAX_SCALE));
  expect(Number(cap![1]) / NARROW * CHART_SIZE.fontSize).toBeLessThanOrEqual(17);
});
