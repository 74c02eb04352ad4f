import { describe, expect, test } from 'vitest';
import { geoArea } from 'd3-geo';
import type { GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { padCode, prepareMapGeometry, rewindTopology } from '../../src/draw/map/prepare';
import {
  CCW_KOMMUNE, PREPARE_OPTIONS, TINY_KOMMUNE, syntheticFylker, syntheticKommuner,
} from '../fixtures/map/synthetic';

function areas(topology: ReturnType<typeof syntheticKommuner>, object: string): Map<string, number> {
  const collection = topology.objects[object] as GeometryCollection<Record<string, unknown>>;
  const out = new Map<string, number>();
  for (const g of collection.geometries) {
    const props = g.properties as Record<string, unknown>;
    const id = padCode(props.kommunenummer ?? props.fylkesnummer, props.kommunenummer !== undefined ? 4 : 2);
    out.set(id, geoArea(feature(topology, g) as GeoPermissibleObjects));
  }
  return out;
}

const prepare = (extra: Partial<Parameters<typeof prepareMapGeometry>[0]> = {}) =>
  prepareMapGeometry({ kommuner: syntheticKommuner(), fylker: syntheticFylker(), ...PREPARE_OPTIONS, ...extra });

describe('rewindTopology', () => {
  test('the fixture really has a counter-clockwise kommune that d3 reads as the whole sphere minus it', () => {
    const before = areas(syntheticKommuner(), 'Kommuner');
    expect(before.get(CCW_KOMMUNE)).toBeGreaterThan(2 * Math.PI);
    expect(before.get('0202')).toBeLessThan(0.01);
  });

  test('reverses exactly the counter-clockwise polygons, leaving the input untouched', () => {
    const input = syntheticKommuner();
    const copy = JSON.stringify(input);
    const { topology, reversed } = rewindTopology(input, ['Kommuner']);
    expect(reversed).toBe(1);
    expect(JSON.stringify(input)).toBe(copy);
    for (const [id, area] of areas(topology, 'Kommuner')) expect(area, id).toBeLessThan(0.01);
    // Reversing keeps the size: the rewound 0203 is as large as its clockwise neighbour 0202.
    const after = areas(topology, 'Kommuner');
    expect(after.get(CCW_KOMMUNE)! / after.get('0202')!).toBeCloseTo(1, 1);
  });

  test('a second rewind changes nothing', () => {
    const once = rewindTopology(syntheticKommuner(), ['Kommuner']).topology;
    expect(rewindTopology(once, ['Kommuner']).reversed).toBe(0);
  });
});

describe('prepareMapGeometry', () => {
  const geometry = prepare();

  test('pads numeric ids and sorts kommuner and fylker', () => {
    expect(geometry.kommuner.map((k) => k.kommunenummer)).toEqual(['0101', '0102', '0103', '0104', '0201', '0202', '0203']);
    expect(geometry.fylker.map((f) => f.fylkesnummer)).toEqual(['01', '02']);
  });

  test('every shape lies inside the frame and none fills it (the unrewound failure mode)', () => {
    expect(geometry.width).toBeLessThanOrEqual(500);
    expect(geometry.height).toBeLessThanOrEqual(750);
    for (const shape of [...geometry.kommuner, ...geometry.fylker]) {
      const [x0, y0, x1, y1] = shape.bbox;
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(y0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(geometry.width);
      expect(y1).toBeLessThanOrEqual(geometry.height);
      expect((x1 - x0) * (y1 - y0)).toBeLessThan(0.6 * geometry.width * geometry.height);
    }
    const ccw = geometry.kommuner.find((k) => k.kommunenummer === CCW_KOMMUNE)!;
    const cw = geometry.kommuner.find((k) => k.kommunenummer === '0202')!;
    // Same-sized rectangles side by side: the rewound one has the same projected width.
    expect(Math.abs((ccw.bbox[2] - ccw.bbox[0]) - (cw.bbox[2] - cw.bbox[0]))).toBeLessThanOrEqual(3);
  });

  test('north is up and west is left (transverse Mercator on 15° E, not mirrored)', () => {
    const at = (k: string) => geometry.kommuner.find((s) => s.kommunenummer === k)!.bbox;
    expect(at('0201')[1]).toBeLessThan(at('0101')[1]); // 0201 lies north of 0101
    expect(at('0101')[0]).toBeLessThan(at('0103')[0]); // 0101 lies west of 0103
  });

  test('path data uses integers only', () => {
    for (const shape of geometry.kommuner) expect(shape.d).toMatch(/^[Mlhvz0-9,\- ]+$/);
    expect(geometry.fylkeBorders).toMatch(/^[Ml0-9,\- ]+$/);
  });

  test('simplification drops the tiny coastline wiggles; weight 0 keeps them', () => {
    const corners = (d: string) => d.split(/[ l-]/).length;
    const simple = geometry.kommuner.find((k) => k.kommunenummer === '0101')!.d;
    const full = prepare({ simplifyWeight: 0 }).kommuner.find((k) => k.kommunenummer === '0101')!.d;
    expect(corners(simple)).toBeLessThan(corners(full));
  });

  test('one frame per fylke, its kommuner inside it, filling its width or height limit', () => {
    expect(geometry.fylkeFrames.map((f) => f.fylkesnummer)).toEqual(['01', '02']);
    for (const f of geometry.fylkeFrames) {
      expect(f.kommuner.map((k) => k.kommunenummer.slice(0, 2))).toEqual(f.kommuner.map(() => f.fylkesnummer));
      const [x0, y0, x1, y1] = [0, 1, 2, 3].map((i) => (i < 2 ? Math.min : Math.max)(...f.kommuner.map((k) => k.bbox[i])));
      expect(x0).toBeGreaterThanOrEqual(0);
      expect(y0).toBeGreaterThanOrEqual(0);
      expect(x1).toBeLessThanOrEqual(f.width);
      expect(y1).toBeLessThanOrEqual(f.height);
      expect(Math.max((x1 - x0) / (500 - 8), (y1 - y0) / (600 - 8))).toBeCloseTo(1, 1);
    }
  });

  test('a fylke frame is simplified for its zoom: drawn 10× larger, the coastline wiggles come back', () => {
    const corners = (d: string) => d.split(/[ l-]/).length;
    const zoomed = prepare({ fylkeWidth: 5000, fylkeMaxHeight: 6000 });
    const national = zoomed.kommuner.find((k) => k.kommunenummer === '0101')!.d;
    const inFylke = zoomed.fylkeFrames.find((f) => f.fylkesnummer === '01')!.kommuner.find((k) => k.kommunenummer === '0101')!.d;
    expect(corners(national)).toBe(corners(geometry.kommuner.find((k) => k.kommunenummer === '0101')!.d));
    expect(corners(inFylke)).toBeGreaterThan(corners(national));
  });

  test('a kommune too small to survive rounding stays a visible shape', () => {
    const tiny = geometry.kommuner.find((k) => k.kommunenummer === TINY_KOMMUNE)!;
    expect(tiny.d).not.toBe('');
    const [x0, y0, x1, y1] = tiny.bbox;
    expect((x1 - x0) * (y1 - y0)).toBeGreaterThanOrEqual(4);
  });

  test('fylke borders are one mesh of only the line between the two fylker', () => {
    // The only inter-fylke border of the fixture runs west–east along 60.5° N.
    const numbers = geometry.fylkeBorders.match(/-?\d+/g)!.map(Number);
    expect(geometry.fylkeBorders.match(/M/g)).toHaveLength(1);
    let y = numbers[1];
    let minY = y;
    let maxY = y;
    for (let i = 3; i < numbers.length; i += 2) {
      y += numbers[i];
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    expect(maxY - minY).toBeLessThan(40);
    const fylke01 = geometry.fylker.find((f) => f.fylkesnummer === '01')!;
    expect(Math.abs(numbers[1] - fylke01.bbox[1])).toBeLessThanOrEqual(2);
  });

  test('same input gives the same JSON, and the result survives a JSON round trip', () => {
    const again = prepare();
    expect(JSON.stringify(again)).toBe(JSON.stringify(geometry));
    expect(JSON.parse(JSON.stringify(geometry))).toEqual(geometry);
  });

  test('names a missing object clearly', () => {
    expect(() => prepare({ kommuneObject: 'Finnes' })).toThrow(/Finnes/);
  });
});
