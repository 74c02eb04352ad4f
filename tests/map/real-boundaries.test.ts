// The real Kartverket boundaries, read at run time through the reference resolver (never copied
// into the repository). Checks the properties the site depends on, not pixels.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { loadStructure, readBoundary } from '../../scripts/lib/reference-files';
import { kommuneSlug } from '../../src/lib/format';
import { prepareStructureMap, rewindTopology, type MapGeometry } from '../../src/draw/map/prepare';
import { missingFromMap, renderChoropleth, renderFylkeMap, renderLocatorMap } from '../../src/draw/map/choropleth';
import type { RegisterRow, SurveyDefinition } from '../../src/lib/types';

const survey = JSON.parse(readFileSync(new URL('../../data/surveys/2021.json', import.meta.url), 'utf8')) as SurveyDefinition;

interface Prepared {
  geometry: MapGeometry;
  register: RegisterRow[];
  kommuner: Topology;
  object: string;
}

function prepare(id: string): Prepared {
  const s = loadStructure(id);
  const kommuner = readBoundary(s.kommuneBoundaries!) as Topology;
  const fylker = readBoundary(s.fylkeBoundaries!) as Topology;
  const geometry = prepareStructureMap(kommuner, s.kommuneBoundaries!, fylker, s.fylkeBoundaries!);
  return { geometry, register: s.register, kommuner, object: s.kommuneBoundaries!.object };
}

function choropleth(p: Prepared): string {
  const names = Object.fromEntries(p.register.map((r) => [r.kommunenummer, r.kommunenavn]));
  // Every kommune with the longest label, so the size check is the worst case.
  const values = Object.fromEntries(p.register.map((r, i) => [r.kommunenummer, i % 9 === 0 ? null : 2]));
  return renderChoropleth({
    geometry: p.geometry,
    values,
    labels: survey.grades.prioritering.labels,
    names,
    hrefFor: (k) => `/kommune/${kommuneSlug(k, names[k])}/`,
    title: 'Digital prioritering',
    description: 'Kart over kommunene etter grad.',
    idPrefix: 'prioritering',
    register: p.register.map((r) => r.kommunenummer),
  });
}

describe.each(['2024', '2020'])('boundaries of structure %s', (id) => {
  const p = prepare(id);
  const { geometry, register } = p;

  test('at least 350 kommuner, each inside the frame and none spanning it', () => {
    expect(geometry.kommuner.length).toBeGreaterThanOrEqual(350);
    const frame = geometry.width * geometry.height;
    for (const k of geometry.kommuner) {
      const [x0, y0, x1, y1] = k.bbox;
      expect(x0, k.kommunenummer).toBeGreaterThanOrEqual(0);
      expect(y0, k.kommunenummer).toBeGreaterThanOrEqual(0);
      expect(x1, k.kommunenummer).toBeLessThanOrEqual(geometry.width);
      expect(y1, k.kommunenummer).toBeLessThanOrEqual(geometry.height);
      expect((x1 - x0) * (y1 - y0), k.kommunenummer).toBeLessThan(frame / 10);
      expect(k.d, k.kommunenummer).toMatch(/^M/);
    }
  });

  test('shapes match the register, except the known gaps of the 2020 file', () => {
    const numbers = register.map((r) => r.kommunenummer);
    expect(missingFromMap(geometry, numbers)).toEqual(id === '2020' ? ['1144', '1835'] : []);
    const inRegister = new Set(numbers);
    for (const k of geometry.kommuner) expect(inRegister.has(k.kommunenummer), k.kommunenummer).toBe(true);
    expect(geometry.fylker.map((f) => f.fylkesnummer)).toEqual([...new Set(register.map((r) => r.fylkesnummer))].sort());
  });

  test('the winding is fixed where needed: 2024 is counter-clockwise, 2020 clockwise', () => {
    const { reversed } = rewindTopology(p.kommuner, [p.object]);
    if (id === '2024') expect(reversed).toBeGreaterThanOrEqual(357);
    else expect(reversed).toBe(0);
  });

  test('the national choropleth stays within 150 000 bytes with a link per kommune', () => {
    const svg = choropleth(p);
    expect(Buffer.byteLength(svg, 'utf8')).toBeLessThanOrEqual(150_000);
    expect(svg.match(/<a href=/g)).toHaveLength(geometry.kommuner.length);
  });

  test('every locator map stays small and every fylke map renders within 40 000 bytes', () => {
    for (const r of register) {
      const svg = renderLocatorMap({ geometry, kommunenummer: r.kommunenummer, fylkesnummer: r.fylkesnummer, idPrefix: 'lok', name: r.kommunenavn, fylkesnavn: r.fylkesnavn });
      expect(Buffer.byteLength(svg, 'utf8'), r.kommunenummer).toBeLessThanOrEqual(8192);
    }
    const names = Object.fromEntries(register.map((r) => [r.kommunenummer, r.kommunenavn]));
    for (const f of geometry.fylker) {
      const svg = renderFylkeMap({
        geometry, fylkesnummer: f.fylkesnummer, values: {}, labels: survey.grades.aktivitet.labels, names,
        hrefFor: (k) => `/kommune/${k}/`, title: 'Fylke', description: '.', idPrefix: `f${f.fylkesnummer}`,
        register: register.map((r) => r.kommunenummer),
      });
      const expected = register.filter((r) => r.fylkesnummer === f.fylkesnummer && geometry.kommuner.some((k) => k.kommunenummer === r.kommunenummer));
      expect(svg.match(/<a href=/g), f.fylkesnummer).toHaveLength(expected.length);
      // Finer than the national map, but a fylke page carries two of them.
      expect(Buffer.byteLength(svg, 'utf8'), f.fylkesnummer).toBeLessThanOrEqual(40_000);
    }
  });
});
