import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { renderGradeBars, gradeBarsDescription } from '../../src/charts/gradeBars';
import { renderComparison } from '../../src/charts/comparison';
import { renderItemShares, itemSharesFromRows } from '../../src/charts/itemShares';
import { overTimeSentence, renderKommuneOverTime, renderNationalOverTime } from '../../src/charts/overTime';
import { gradeShares } from '../../src/charts/stacked';
import { GRADE_COLORS } from '../../src/map/palette';
import type { ItemShareRow } from '../../src/lib/types';
import { FYLKE, LABELS, NATION, NATION_EARLIER, TINY, distribution } from '../snapshots/inputs';

const NNBSP_PERCENT = '\u00A0%';

function parse(svg: string) {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
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
    const widths = new Map([...parse(svg).querySelectorAll('rect[fill]')]
      .filter((r) => r.getAttribute('height') === '14')
      .map((r) => [r.getAttribute('fill'), Number(r.getAttribute('width'))]));
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
  const render = () => renderComparison({ kommunenavn: 'Bergli', grade: 3, groups, labels: LABELS, title: 'Sammenligning', description: 'Andeler.', idPrefix: 'cmp' });
  const svg = render();

  test('shares per group, the kommune’s grade outlined, tiny groups without shares', () => {
    const t = texts(svg);
    expect(t).toContain(`38${NNBSP_PERCENT}`); // 110/291 rounded to whole per cent
    expect(t).toContain(`33${NNBSP_PERCENT}`); // 12/36 in the fylke
    expect(t.some((s) => s.startsWith('Store – 2 kommuner med kjent verdi'))).toBe(true);
    expect(t).toContain('For få kommuner med kjent verdi til å vise andeler');
    expect(t).toContain('Svart ramme: grad 3, som Bergli har');
    // One outline per group with shares (two), plus the legend key.
    expect(svg.match(/stroke-width="2.5"/g)!.length).toBeGreaterThanOrEqual(2);
    const desc = parse(svg).querySelector('desc')!.textContent!;
    expect(desc).toContain('Bergli har grad 3 – ');
    expect(desc).toContain(`Vestfylket: grad 0: 5,6${NNBSP_PERCENT}, grad 1: 27,8${NNBSP_PERCENT}`);
    expect(desc).toContain("Store: grad 0: 0, grad 1: 1, grad 2: 0, grad 3: 0, grad 4: 1 (2 kommuner med kjent verdi, 0 ukjent).");
  });

  test('no outline when the grade is unknown', () => {
    const unknown = renderComparison({ kommunenavn: 'Bergli', grade: null, groups, labels: LABELS, title: '', description: '', idPrefix: 'cmp' });
    expect(unknown).not.toContain('Svart ramme');
    expect(parse(unknown).querySelector('desc')!.textContent).toContain('Bergli: ukjent – svarte ikke.');
  });

  test('gradeShares leaves shares out below three known values', () => {
    expect(gradeShares(TINY).shares).toBeNull();
    expect(gradeShares(FYLKE).shares!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  test('accessible and byte-stable', () => expectAccessibleStable(svg, 'cmp', render));
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

describe('over time', () => {
  const series = [
    { label: 'Digital prioritering', points: [{ year: 2024, grade: 4 }, { year: 2021, grade: 1 }] },
    { label: 'Digital aktivitet', points: [{ year: 2021, grade: null }, { year: 2024, grade: 2 }] },
  ];
  const render = () => renderKommuneOverTime({ series, title: 'Utvikling', description: 'Grad per år.', idPrefix: 'kot' });
  const svg = render();

  test('a cell per indicator and year, labelled with the grade', () => {
    const t = texts(svg);
    for (const s of ['grad 1', 'grad 4', 'grad 2', 'ukjent', '2021', '2024', 'Digital prioritering']) expect(t).toContain(s);
    expect(overTimeSentence(series)).toBe(
      'Digital prioritering: grad 1 i 2021 → grad 4 i 2024. Digital aktivitet: ukjent i 2021 → grad 2 i 2024.',
    );
    expect(parse(svg).querySelector('desc')!.textContent).toContain('grad 1 i 2021 → grad 4 i 2024');
  });

  test('national distribution per year, oldest first', () => {
    const out = renderNationalOverTime({ years: [{ label: '2021', rows: NATION_EARLIER }, { label: '2024', rows: NATION }], title: 't', description: 'd', idPrefix: 'not' });
    const t = texts(out);
    const first = t.findIndex((s) => s.startsWith('2021 – 280 kommuner med kjent verdi, 76 ukjent'));
    const second = t.findIndex((s) => s.startsWith('2024 – 291 kommuner'));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
  });

  test('accessible and byte-stable', () => expectAccessibleStable(svg, 'kot', render));
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
