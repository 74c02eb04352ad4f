import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { prepareMapGeometry } from '../../src/draw/map/prepare';
import { kommuneAccessibleName, missingFromMap, renderChoropleth, renderFylkeMap, renderLocatorMap, renderLocatorOutline } from '../../src/draw/map/choropleth';
import { GRADE_COLORS, GRADE_TEXT_COLORS } from '../../src/draw/map/palette';
import { GRADE_LABELS, MISSING_KOMMUNE, NAMES, PREPARE_OPTIONS, REGISTER, syntheticFylker, syntheticKommuner } from '../fixtures/map/synthetic';

const geometry = prepareMapGeometry({ kommuner: syntheticKommuner(), fylker: syntheticFylker(), ...PREPARE_OPTIONS });
const values: Record<string, number | null> = { '0101': 0, '0102': 1, '0103': 2, '0104': 3, '0201': 4, '0202': null };
const options = {
  geometry,
  values,
  labels: GRADE_LABELS,
  names: NAMES,
  hrefFor: (k: string) => `/base/kommune/${k}/`,
  title: 'Digital prioritering',
  description: 'Kart.',
  idPrefix: 'prio-2024',
  register: REGISTER,
};

function parse(svg: string) {
  return parseHTML(`<!doctype html><html><body>${svg}</body></html>`).document;
}

describe('renderChoropleth', () => {
  const svg = renderChoropleth(options);
  const doc = parse(svg);

  test('every drawn kommune is one link with an accessible name of name, grade and label', () => {
    const links = [...doc.querySelectorAll('a')];
    expect(links).toHaveLength(REGISTER.length - 1); // all but the one without a shape
    const byHref = new Map(links.map((a) => [a.getAttribute('href'), a.getAttribute('aria-label')]));
    expect(byHref.get('/base/kommune/0101/')).toBe('Austvik: grad 0 – Ingen');
    expect(byHref.get('/base/kommune/0201/')).toBe('Elvestad: grad 4 – Svært mye & mer');
    expect(byHref.get('/base/kommune/0202/')).toBe('Fjellbu: ukjent – svarte ikke');
    expect(byHref.get('/base/kommune/0203/')).toBe('Granheim: ukjent – svarte ikke'); // absent value
    for (const a of links) expect(a.querySelector('path')?.getAttribute('d')).toMatch(/^M/);
    expect(svg).toContain('Svært mye &amp; mer'); // escaped in the markup
  });

  test('grades get the palette colours and unknown gets the hatch pattern defined in the SVG', () => {
    const fill = (k: string) => doc.querySelector(`a[href="/base/kommune/${k}/"] path`)!.getAttribute('fill');
    expect(fill('0101')).toBe(GRADE_COLORS[0]);
    expect(fill('0201')).toBe(GRADE_COLORS[4]);
    const hatch = fill('0202')!;
    expect(hatch).toMatch(/^url\(#(.+)\)$/);
    const id = hatch.slice(5, -1);
    expect(doc.querySelector(`pattern[id="${id}"]`)).not.toBeNull();
  });

  test('is a labelled group whose title and description exist', () => {
    const root = doc.querySelector('svg')!;
    expect(root.getAttribute('role')).toBe('group');
    for (const attr of ['aria-labelledby', 'aria-describedby']) {
      const target = doc.getElementById(root.getAttribute(attr)!);
      expect(target, attr).not.toBeNull();
    }
    expect(doc.querySelector('title')!.textContent).toBe('Digital prioritering');
  });

  test('the legend names every grade label with its count, «Ukjent», and the kommuner missing from the map', () => {
    const text = [...doc.querySelectorAll('g text')].map((t) => t.textContent).join(' ');
    GRADE_LABELS.forEach((label, g) => expect(text).toContain(`Grad ${g} – ${label} (1)`));
    expect(text).toContain('Ukjent – svarte ikke (3)'); // 0202 null; 0203 and 0204 absent
    expect(text).toContain(`Mangler i kartet: Øyvær (${MISSING_KOMMUNE})`);
    expect(doc.querySelector('desc')!.textContent).toContain('Mangler i kartet: Øyvær.');
  });

  test('ids all derive from the prefix, and an unsafe prefix is made safe', () => {
    const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) expect(id.startsWith('prio-2024')).toBe(true);
    const odd = renderChoropleth({ ...options, idPrefix: '2024 kart' });
    expect(odd).toContain('id="m-2024-kart"');
  });

  test('only register kommuner are drawn', () => {
    const fewer = renderChoropleth({ ...options, register: REGISTER.filter((k) => k !== '0103') });
    expect(fewer).not.toContain('/base/kommune/0103/');
    expect(parse(fewer).querySelectorAll('a')).toHaveLength(REGISTER.length - 2);
  });

  test('unknown reasons can be given per kommune', () => {
    const out = renderChoropleth({ ...options, unknownReasons: { '0202': 'svarte, men grad kan ikke beregnes' } });
    expect(out).toContain('aria-label="Fjellbu: ukjent – svarte, men grad kan ikke beregnes"');
  });

  test('legend: false leaves the legend to the page (it would shrink with the map on a phone)', () => {
    const bare = parse(renderChoropleth({ ...options, legend: false }));
    expect(bare.querySelectorAll('text')).toHaveLength(0);
    expect(bare.querySelectorAll('a')).toHaveLength(doc.querySelectorAll('a').length);
    expect(doc.querySelectorAll('text').length).toBeGreaterThan(0);
    const fylke = parse(renderFylkeMap({ ...options, fylkesnummer: '01', legend: false }));
    expect(fylke.querySelectorAll('text')).toHaveLength(0);
  });

  test('inTabOrder: false keeps every shape a named link but takes it out of the Tab order', () => {
    expect(svg).not.toContain('tabindex');
    const second = parse(renderChoropleth({ ...options, idPrefix: 'akt-2024', inTabOrder: false }));
    const links = [...second.querySelectorAll('a')];
    expect(links.length).toBe(doc.querySelectorAll('a').length);
    for (const a of links) {
      expect(a.getAttribute('tabindex')).toBe('-1');
      expect(a.getAttribute('href')).toMatch(/^\/base\/kommune\//);
      expect(a.getAttribute('aria-label')).toBeTruthy();
    }
  });

  test('same input, same bytes, and no inline styles (the CSP forbids them)', () => {
    expect(renderChoropleth(options)).toBe(svg);
    expect(svg).not.toMatch(/<style|\sstyle=/);
  });
});

describe('helpers', () => {
  test('missingFromMap lists register kommuner without a shape', () => {
    expect(missingFromMap(geometry, REGISTER)).toEqual([MISSING_KOMMUNE]);
    expect(missingFromMap(geometry, ['0101'])).toEqual([]);
  });

  test('kommuneAccessibleName', () => {
    expect(kommuneAccessibleName('Oslo', 4, GRADE_LABELS)).toBe('Oslo: grad 4 – Svært mye & mer');
    expect(kommuneAccessibleName('Oslo', null, GRADE_LABELS)).toBe('Oslo: ukjent – svarte ikke');
    expect(kommuneAccessibleName('Oslo', 7, GRADE_LABELS)).toBe('Oslo: ukjent – svarte ikke');
  });
});

describe('palette', () => {
  const luminance = (hex: string) => {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  // Lightness by level (2 and 3 equal): tests/charts/palette.test.ts.
  test('text on each grade colour has WCAG AA contrast', () => {
    GRADE_COLORS.forEach((c, g) => expect(contrast(c, GRADE_TEXT_COLORS[g])).toBeGreaterThanOrEqual(4.5));
  });
});

describe('renderFylkeMap', () => {
  const svg = renderFylkeMap({ ...options, fylkesnummer: '02', idPrefix: 'fylke-02' });
  const doc = parse(svg);

  test('shows only the fylke’s kommuner, drawn in the fylke’s own frame (no zoom transform)', () => {
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/base/kommune/0201/', '/base/kommune/0202/', '/base/kommune/0203/']);
    expect(svg).not.toMatch(/scale\(/);
    const own = geometry.fylkeFrames.find((f) => f.fylkesnummer === '02')!;
    for (const k of own.kommuner) expect(svg).toContain(`d="${k.d}"`);
    expect(svg).toContain('Mangler i kartet: Øyvær (0204)');
    expect(svg).not.toContain('Austvik');
  });

  test('the fylke’s kommuner fill the frame width or the height limit', () => {
    const root = doc.querySelector('svg')!;
    const [, , w] = root.getAttribute('viewBox')!.split(' ').map(Number);
    expect(w).toBe(500);
    const shapes = geometry.fylkeFrames.find((f) => f.fylkesnummer === '02')!.kommuner;
    const width = Math.max(...shapes.map((s) => s.bbox[2])) - Math.min(...shapes.map((s) => s.bbox[0]));
    const height = Math.max(...shapes.map((s) => s.bbox[3])) - Math.min(...shapes.map((s) => s.bbox[1]));
    expect(width).toBeLessThanOrEqual(500);
    expect(height).toBeLessThanOrEqual(600);
    expect(Math.max(width / 492, height / 592)).toBeCloseTo(1, 1);
  });
});

describe('renderLocatorMap', () => {
  test('a small image naming the kommune, with the kommune drawn', () => {
    const svg = renderLocatorMap({ geometry, kommunenummer: '0202', fylkesnummer: '02', idPrefix: 'loc', name: 'Fjellbu', fylkesnavn: 'Nordfylket' });
    const doc = parse(svg);
    expect(doc.querySelector('svg')!.getAttribute('role')).toBe('img');
    expect(doc.querySelector('title')!.textContent).toBe('Kart: Fjellbu markert i Nordfylket på Norgeskartet');
    expect(svg).toContain(geometry.kommuner.find((k) => k.kommunenummer === '0202')!.d);
    expect(svg).toContain(geometry.fylker.find((f) => f.fylkesnummer === '02')!.d);
    expect(svg.length).toBeLessThan(8000);
  });

  test('with outlineHref the country is the shared file, drawn in the same frame as the inline outline', () => {
    const inline = parse(renderLocatorMap({ geometry, kommunenummer: '0202', fylkesnummer: '02', idPrefix: 'loc', width: 150 })).querySelector('svg')!;
    const svg = renderLocatorMap({ geometry, kommunenummer: '0202', fylkesnummer: '02', idPrefix: 'loc', width: 150, outlineHref: '/kart/norge-2024.svg' });
    expect(svg).not.toContain(geometry.outline);
    const root = parse(svg).querySelector('svg')!;
    const image = root.querySelector('image')!;
    expect(image.getAttribute('href')).toBe('/kart/norge-2024.svg');
    expect([image.getAttribute('x'), image.getAttribute('y'), image.getAttribute('width'), image.getAttribute('height')].join(' ')).toBe(root.getAttribute('viewBox'));
    // The file: the outline alone, with the inline one's path, stroke and frame.
    const file = parse(renderLocatorOutline(geometry, 150)).querySelector('svg')!;
    expect(file.getAttribute('viewBox')).toBe(inline.getAttribute('viewBox'));
    expect([file.getAttribute('width'), file.getAttribute('height')]).toEqual([inline.getAttribute('width'), inline.getAttribute('height')]);
    expect(file.innerHTML).toBe(inline.querySelector('path')!.outerHTML);
    // Everything else in the locator is as inline.
    expect(root.innerHTML.replace(image.outerHTML, '')).toBe(inline.innerHTML.replace(inline.querySelector('path')!.outerHTML, ''));
  });

  test('a kommune missing from the boundaries says so instead of failing', () => {
    const svg = renderLocatorMap({ geometry, kommunenummer: MISSING_KOMMUNE, idPrefix: 'loc', name: 'Øyvær' });
    expect(svg).toContain('Kart: Øyvær mangler i kartgrunnlaget');
    expect(svg).not.toContain('<circle');
  });
});
