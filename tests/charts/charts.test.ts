import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderGradeBars, gradeBarsDescription } from '../../src/draw/charts/gradeBars';
import { OWN_OUTLINE, renderComparison } from '../../src/draw/charts/comparison';
import { renderItemShares, itemSharesFromRows } from '../../src/draw/charts/itemShares';
import { renderKommuneGrades, MISSING_MARK } from '../../src/draw/charts/kommuneGrades';
import { renderGroupedBars } from '../../src/draw/charts/groupedBars';
import { categoryBarsDescription, renderCategoryBars } from '../../src/draw/charts/categoryBars';
import { withCaption } from '../../src/draw/svg';
import { GRADE_COLORS } from '../../src/draw/map/palette';
import type { ItemShareRow } from '../../src/lib/types';
import { FYLKE, LABELS, NATION, TINY, distribution } from '../snapshots/inputs';

const NNBSP_PERCENT = '\u00A0%';

function parse(svg: string) {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
}

/** A presentation attribute as it applies to an element: its own or its nearest ancestor's (Plot puts a mark's constants on its <g>). */
function inherited(el: Element, name: string): string | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (e.hasAttribute(name)) return e.getAttribute(name);
  return null;
}

/** Where an element sits in px: its x/y (or cx/cy) plus the translates of it and its ancestors. */
function place(el: Element): { x: number; y: number } {
  let x = Number(el.getAttribute('x') ?? el.getAttribute('cx') ?? 0) || 0;
  let y = Number(el.getAttribute('y') ?? el.getAttribute('cy') ?? 0) || 0;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(e.getAttribute('transform') ?? '');
    if (m) { x += Number(m[1]); y += Number(m[2]); }
  }
  return { x, y };
}

function texts(svg: string): string[] {
  return [...parse(svg).querySelectorAll('text')].map((t) => t.textContent ?? '');
}

/** Every chart: one labelled image, title/desc present, ids prefixed, numbers rounded. */
function expectAccessibleStable(svg: string, prefix: string, render: () => string): void {
  const doc = parse(svg);
  const root = doc.querySelector('svg')!;
  expect(root.getAttribute('role')).toBe('img');
  const ids = root.getAttribute('aria-labelledby')!.split(' ');
  expect(ids).toHaveLength(2);
  expect(doc.getElementById(ids[0])!.tagName.toLowerCase()).toBe('title');
  expect(doc.getElementById(ids[1])!.tagName.toLowerCase()).toBe('desc');
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) expect(m[1].startsWith(prefix)).toBe(true);
  const geometry = [...svg.matchAll(/\b(?:x|y|width|height|transform|d)="([^"]*)"/g)].map((m) => m[1]).join(' ');
  expect(geometry).not.toMatch(/\d\.\d\d/);
  expect(render()).toBe(svg);
  // The site's CSP (style-src 'self') blocks inline styles.
  expect(svg).not.toMatch(/<style|\sstyle=/);
}

describe('renderGradeBars', () => {
  const render = () => renderGradeBars({ rows: NATION, labels: LABELS, title: 'Prioritering', description: 'Fordeling.', idPrefix: 'gb' });
  const svg = render();

  test('one bar per grade plus «Ukjent», each with label and Norwegian count text', () => {
    const t = texts(svg);
    LABELS.forEach((label, g) => expect(t).toContain(`Grad ${g} – ${label}`));
    expect(t).toContain('Ukjent – svarte ikke');
    // 110 of 291 known = 37,8 %; unknown gets a count but no share.
    expect(t).toContain(`110 (37,8${NNBSP_PERCENT})`);
    expect(t).toContain('66');
    const rects = [...parse(svg).querySelectorAll('rect[fill]')].map((r) => r.getAttribute('fill'));
    for (const c of GRADE_COLORS) expect(rects).toContain(c);
    expect(rects).toContain('url(#gb-ukjent)');
    expect(svg).toContain('<pattern id="gb-ukjent"');
  });

  test('bar lengths follow the counts', () => {
    const widths = new Map([...parse(svg).querySelectorAll('g > rect')]
      .map((r) => [inherited(r, 'fill'), Number(r.getAttribute('width'))]));
    expect(widths.get(GRADE_COLORS[1])! / widths.get(GRADE_COLORS[0])!).toBeCloseTo(110 / 12, 0);
  });

  test('the description carries every number', () => {
    const desc = parse(svg).querySelector('desc')!.textContent!;
    expect(desc.startsWith('Fordeling. ')).toBe(true);
    expect(desc).toContain(`Grad 1 – ${LABELS[1]}: 110 kommuner (37,8${NNBSP_PERCENT}).`);
    expect(desc).toContain('Ukjent – svarte ikke: 66 kommuner.');
    expect(gradeBarsDescription(NATION, LABELS, 'enheter')).toContain('12 enheter');
  });

  test('the description says «1 kommune», not «1 kommuner»', () => {
    const one = NATION.map((r) => (r.value === '2' ? { ...r, count: 1 } : r));
    const desc = gradeBarsDescription(one, LABELS);
    expect(desc).toMatch(new RegExp(`Grad 2 – [^:]+: 1 kommune[ .]`));
    expect(desc).not.toContain(' 1 kommuner');
    expect(desc).toContain('Ukjent – svarte ikke: 66 kommuner.');
  });

  test('accessible and byte-stable', () => expectAccessibleStable(svg, 'gb', render));

  test('refuses rows from two distributions', () => {
    expect(() => renderGradeBars({ rows: [...NATION, ...FYLKE], labels: LABELS, title: '', description: '', idPrefix: 'x' })).toThrow(/flere fordelinger/);
  });
});

describe('renderComparison', () => {
  const groups = [{ label: 'Norge', rows: NATION }, { label: 'Vestfylket', rows: FYLKE }, { label: 'Store', rows: TINY }];
  const values = ['0', '1', '2', '3', '4'];
  const render = (own: string | null = '3') => renderComparison({
    groups, values, colourOf: (v) => GRADE_COLORS[Number(v)], own, title: 'Sammenligning', description: 'Bergli har grad 3.', idPrefix: 'cmp',
  });
  const svg = render();
  const rects = (out: string) => [...parse(out).querySelectorAll('rect')];

  test('one stacked bar per group with enough answers, widths as shares of the known answers', () => {
    const filled = rects(svg).filter((r) => inherited(r, 'fill') !== 'none');
    // Norge has 5 grades, Vestfylket 5; Store (2 known) gets no bar, only its label.
    expect(filled).toHaveLength(10);
    const norge = filled.slice(0, 5).map((r) => Number(r.getAttribute('width')));
    const total = norge.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(300, 0);
    expect(norge[1] / total).toBeCloseTo(110 / 291, 2);
    expect(texts(svg)).toContain('Store (for få svar til andeler)');
  });

  test('the kommune’s own value is outlined in every bar (dark outside, white inside)', () => {
    const outlines = rects(svg).filter((r) => inherited(r, 'fill') === 'none');
    expect(outlines.filter((r) => inherited(r, 'stroke') === OWN_OUTLINE.outer)).toHaveLength(2);
    expect(outlines.filter((r) => inherited(r, 'stroke') === OWN_OUTLINE.inner)).toHaveLength(2);
    const own = rects(svg).filter((r) => inherited(r, 'fill') === GRADE_COLORS[3]);
    expect(outlines[0].getAttribute('x')).toBe(own[0].getAttribute('x'));
    expect(outlines[0].getAttribute('width')).toBe(own[0].getAttribute('width'));
  });

  test('no outline when the value is unknown', () => {
    expect(rects(render(null)).filter((r) => inherited(r, 'fill') === 'none')).toHaveLength(0);
  });

  test('accessible and byte-stable', () => expectAccessibleStable(svg, 'cmp', () => render()));
});

describe('renderCategoryBars', () => {
  const bars = [
    { label: 'A', short: 'A <b>', count: 10, share: 0.5, colour: '#111111' },
    { label: 'B', short: 'B', count: 5, share: 0.25, colour: '#222222', highlight: true },
    { label: 'Ukjent', short: 'Ukjent', count: 0, share: null, colour: '#eeeeee' },
  ];
  const render = () => renderCategoryBars({ bars, title: 'Tittel & «test»', idPrefix: 'k' });
  const svg = render();

  test('one bar per category, longest for the largest count; labels escaped', () => {
    const widths = [...parse(svg).querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    // A count of 0 draws no bar; its number is still printed (next test).
    expect(widths).toHaveLength(2);
    expect(widths[1]).toBeCloseTo(widths[0] / 2, 0);
    const highlighted = [...parse(svg).querySelectorAll('rect')][1];
    expect(inherited(highlighted, 'stroke')).toBe('#1a1a1a');
    expect(svg).toContain('A &lt;b&gt;');
    expect(svg).not.toContain('<b>');
  });

  test('count and Norwegian share after each bar; count only for unknown', () => {
    const t = texts(svg);
    expect(t).toContain(`10 (50,0${NNBSP_PERCENT})`);
    expect(t).toContain('0');
    expect(categoryBarsDescription(bars)).toContain(`A <b> – A: 10 (50,0${NNBSP_PERCENT})`);
  });

  test('accessible and byte-stable', () => expectAccessibleStable(svg, 'k', render));
});

describe('renderItemShares', () => {
  const items = [
    { label: 'Skole', share: 0.8125 },
    { label: 'Helse og omsorg', share: 0.945 },
    { label: 'Tekniske tjenester', share: null },
  ];
  const render = () => renderItemShares({ items, title: 'Områder', description: 'Andel.', idPrefix: 'items', order: 'share' });
  const svg = render();

  test('Norwegian per cent labels, «..» for unknown, largest first', () => {
    const t = texts(svg);
    expect(t).toContain(`94,5${NNBSP_PERCENT}`);
    expect(t).toContain(`81,3${NNBSP_PERCENT}`);
    expect(t).toContain('..');
    expect(t.indexOf('Helse og omsorg')).toBeLessThan(t.indexOf('Skole'));
    expect(t.indexOf('Skole')).toBeLessThan(t.indexOf('Tekniske tjenester'));
  });

  test('several years give one labelled bar per year per item', () => {
    const years = renderItemShares({
      title: 'x', description: '', idPrefix: 'y',
      items: [{ label: 'Kultur', share: 0.4, series: '2021' }, { label: 'Kultur', share: 0.35, series: '2024' }],
    });
    const t = texts(years);
    expect(t.filter((s) => s === 'Kultur')).toHaveLength(1);
    expect(t).toContain('2021');
    expect(t).toContain('2024');
    expect(parse(years).querySelector('desc')!.textContent).toContain(`Kultur: 2021 40,0${NNBSP_PERCENT}, 2024 35,0${NNBSP_PERCENT}.`);
  });

  test('itemSharesFromRows keeps one answer', () => {
    const rows: ItemShareRow[] = [
      { block: 'strategi', item: 'a', label: 'A', among: 'alle', answer: 'Ja', count: 3, denominator: 4, share: 0.75 },
      { block: 'strategi', item: 'a', label: 'A', among: 'alle', answer: 'Nei', count: 1, denominator: 4, share: 0.25 },
    ];
    expect(itemSharesFromRows(rows, 'Ja', '2024')).toEqual([{ label: 'A', share: 0.75, count: 3, denominator: 4, series: '2024' }]);
  });

  test('accessible and byte-stable', () => expectAccessibleStable(svg, 'items', render));
});

describe('renderKommuneGrades', () => {
  const render = () => renderKommuneGrades({
    title: 'Bergli', description: 'Grad per år.', idPrefix: 'kg', years: [2018, 2021, 2024],
    series: [
      { label: 'Digital prioritering', points: [{ year: 2018, grade: 2, comparable: true }, { year: 2021, grade: 3, comparable: true }, { year: 2024, grade: 4, comparable: true }] },
      { label: 'Digital aktivitet', points: [{ year: 2018, grade: 1, comparable: true }, { year: 2021, grade: null, comparable: true }, { year: 2024, grade: 2, comparable: true }] },
    ],
  });
  const svg = render();
  const circles = [...parse(svg).querySelectorAll('circle')];

  test('grades 2 and 3 sit on the same level; 4 above them', () => {
    const cy = circles.map((c) => Number(c.getAttribute('cy')));
    expect(cy[0]).toBe(cy[1]);
    expect(cy[2]).toBeLessThan(cy[1]);
    expect(texts(svg)).toContain('2 / 3');
    expect(circles[1].getAttribute('fill')).toBe(GRADE_COLORS[3]);
  });

  test('a missing year is marked under its year at the axis, not on the grid', () => {
    const doc = parse(svg);
    const marks = [...doc.querySelectorAll('text')].filter((t) => t.textContent === MISSING_MARK);
    expect(marks).toHaveLength(1);
    const yearLabel = [...doc.querySelectorAll('text')].filter((t) => t.textContent === '2021')[1];
    expect(place(marks[0]).y).toBeGreaterThan(place(yearLabel).y);
    expect(place(marks[0]).x).toBeCloseTo(place(yearLabel).x, 0);
    expect(texts(svg)).not.toContain('..');
  });

  test('accessible and byte-stable', () => expectAccessibleStable(svg, 'kg', render));
});

describe('renderGroupedBars', () => {
  const render = () => renderGroupedBars({
    title: 'T', description: 'D', idPrefix: 'gr', years: [2021, 2024],
    groups: [{ key: '1', label: 'Grad 1' }],
    values: { 1: { 2021: { share: 0.6, text: '60,0 % (200)' }, 2024: { share: 0.2, text: '20,0 % (60)' } } },
  });
  const svg = render();

  test('grid lines at 0–100 %, and every value label carries a white halo so no line runs through it', () => {
    const doc = parse(svg);
    expect(doc.querySelectorAll('line')).toHaveLength(5);
    const values = [...doc.querySelectorAll('text')].filter((t) => /\(\d+\)$/.test(t.textContent ?? ''));
    expect(values.map((v) => v.textContent)).toEqual(['60,0 % (200)', '20,0 % (60)']);
    for (const v of values) {
      expect(inherited(v, 'stroke')).toBe('#fff');
      expect(inherited(v, 'paint-order')).toBe('stroke');
      expect(Number(inherited(v, 'stroke-width'))).toBeGreaterThanOrEqual(3);
    }
    // The 60 % bar is three times the 20 % bar.
    const widths = [...doc.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
    expect(widths[0] / widths[1]).toBeCloseTo(3, 1);
  });

  test('accessible and byte-stable', () => expectAccessibleStable(svg, 'gr', render));
});

describe('withCaption (downloads and embeds)', () => {
  test('puts title, source and licence inside the SVG, around the unchanged chart', () => {
    const chart = renderItemShares({ items: [{ label: 'Kultur', share: 0.3 }], title: 'T', description: '', idPrefix: 'cap' });
    const out = withCaption(chart, { title: 'Figurtittel', source: 'Kilde: SSB', licence: 'Lisens: CC BY 4.0' });
    const doc = parse(out);
    const outer = doc.querySelector('svg')!;
    expect(Number(outer.getAttribute('height'))).toBeGreaterThan(Number(parse(chart).querySelector('svg')!.getAttribute('height')));
    expect(outer.getAttribute('width')).toBe('640');
    for (const s of ['Figurtittel', 'Kilde: SSB', 'Lisens: CC BY 4.0']) expect(texts(out)).toContain(s);
    expect(out).toContain(chart.slice(chart.indexOf('<title')));
  });

  test('a margin widens the view box on every side and keeps the drawing where it was', () => {
    const chart = renderItemShares({ items: [{ label: 'Kultur', share: 0.3 }], title: 'T', description: '', idPrefix: 'capm', width: 608 });
    const bare = parse(withCaption(chart, { title: 'Figurtittel', source: 'Kilde: SSB' })).querySelector('svg')!;
    const framed = parse(withCaption(chart, { title: 'Figurtittel', source: 'Kilde: SSB' }, 13, 16)).querySelector('svg')!;
    expect(framed.getAttribute('width')).toBe('640');
    expect(Number(framed.getAttribute('height'))).toBe(Number(bare.getAttribute('height')) + 32);
    expect(framed.getAttribute('viewBox')).toBe(`-16 -16 640 ${Number(bare.getAttribute('height')) + 32}`);
    // The white backdrop covers the margin too.
    const backdrop = framed.querySelector('rect')!;
    expect([backdrop.getAttribute('x'), backdrop.getAttribute('y'), backdrop.getAttribute('width')]).toEqual(['-16', '-16', '100%']);
    expect(framed.querySelector('svg')!.outerHTML).toBe(bare.querySelector('svg')!.outerHTML);
  });
});

test('long headings wrap to the chart width', () => {
  const narrow = renderGradeBars({ rows: NATION, labels: LABELS.map((l) => `${l} ${l}`), title: 't', description: 'd', idPrefix: 'narrow', width: 300 });
  for (const t of texts(narrow)) expect(t.length * 6.2, t).toBeLessThanOrEqual(300);
  const wide = renderGradeBars({ rows: NATION, labels: LABELS, title: 't', description: 'd', idPrefix: 'wide', width: 2000 });
  expect(texts(wide)).toContain(`Grad 1 – ${LABELS[1]}`);
});

test('a group with no known value still renders', () => {
  const rows = distribution('fylke', '99', 'Tomt', [0, 0, 0, 0, 0], 4);
  const svg = renderGradeBars({ rows, labels: LABELS, title: 't', description: 'd', idPrefix: 'empty' });
  expect(texts(svg)).toContain('4');
});

describe('a page gets one drawing, scaled to its column by site.css (draw/plot drawSized)', () => {
  const svgs = (markup: string) => [...parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document.querySelectorAll('body > svg')];

  test('one drawing at the phone column, marked for site.css, its hatch referenced by its own id', () => {
    const [only, ...rest] = svgs(renderGradeBars({ rows: NATION, labels: LABELS, title: 'T', description: '', idPrefix: 'fl', width: 288, fontSize: 13, fluid: true }));
    expect(rest).toHaveLength(0);
    expect(only.getAttribute('class')).toBe('dk-plot dk-fluid');
    expect(only.getAttribute('width')).toBe('288');
    expect(only.getAttribute('viewBox')).toMatch(/^0 0 288 /);
    expect(only.querySelector(`rect[fill="url(#${only.id}-ukjent)"]`)).not.toBeNull();
    const fixed = svgs(renderGradeBars({ rows: NATION, labels: LABELS, title: 'T', description: '', idPrefix: 'fx', width: 288, fontSize: 13 }));
    expect(fixed.map((s) => s.getAttribute('class'))).toEqual(['dk-plot']);
  });

  test('the longest grade bar ends where its number still fits', () => {
    const [svg] = svgs(renderGradeBars({ rows: NATION, labels: LABELS, title: 'T', description: '', idPrefix: 'fl', width: 288, fontSize: 13, fluid: true }));
    const w = Number(svg.getAttribute('width'));
    const ends = [...svg.querySelectorAll('rect')].filter((r) => r.parentElement?.tagName.toLowerCase() === 'g')
      .map((r) => Number(r.getAttribute('x')) + Number(r.getAttribute('width')));
    const longest = Math.max(...ends);
    // 110 (37,8 %) is the longest number: about 12 characters at 7–8 px, plus a margin.
    expect(longest).toBeGreaterThan(w - 110);
    expect(longest).toBeLessThan(w - 70);
  });
});
