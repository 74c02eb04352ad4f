// Fylke maps are drawn far larger than the national map (Oslo fills the frame): their outlines must
// be simplified for the zoom they are shown at, not enlarged from the national map's coarse paths.
// Measured against the real Kartverket boundaries (read through the reference resolver).
import { describe, expect, test } from 'vitest';
import { geoPath, geoTransverseMercator } from 'd3-geo';
import type { GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { loadStructure, readBoundary } from '../../scripts/lib/reference-files';
import { padCode, prepareStructureMap, rewindTopology } from '../../src/draw/map/prepare';
import { renderChoropleth, renderFylkeMap } from '../../src/draw/map/choropleth';

type Point = [number, number];

const s = loadStructure('2024');
const kommuneRef = s.kommuneBoundaries!;
const topology = rewindTopology(readBoundary(kommuneRef) as Topology, [kommuneRef.object]).topology;
const geometry = prepareStructureMap(readBoundary(kommuneRef) as Topology, kommuneRef, readBoundary(s.fylkeBoundaries!) as Topology, s.fylkeBoundaries!);
const register = s.register.map((r) => r.kommunenummer);
const names = Object.fromEntries(s.register.map((r) => [r.kommunenummer, r.kommunenavn]));
const base = {
  geometry, values: {}, labels: ['0', '1', '2', '3', '4'], names, register,
  hrefFor: (k: string) => `/kommune/${k}/`, title: 'Kart', description: '.',
};

/** Rings of one kommune's <path> in screen pixels, applying the group transform if there is one. */
function drawnRings(svg: string, kommunenummer: string): Point[][] {
  const d = svg.match(new RegExp(`href="/kommune/${kommunenummer}/"[^>]*><path[^>]* d="([^"]+)"`))![1];
  const t = svg.match(/<g transform="translate\(([-\d.]+),([-\d.]+)\) scale\(([\d.]+)\)">/);
  const [tx, ty, k] = t ? [Number(t[1]), Number(t[2]), Number(t[3])] : [0, 0, 1];
  const rings: Point[][] = [];
  for (const part of d.split('M').filter(Boolean)) {
    const [start, rel = ''] = part.replace(/z$/, '').split('l');
    let [x, y] = start.split(',').map(Number);
    const ring: Point[] = [[x, y]];
    const numbers = rel.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      x += numbers[i];
      y += numbers[i + 1];
      ring.push([x, y]);
    }
    rings.push(ring.map(([px, py]) => [px * k + tx, py * k + ty]));
  }
  return rings;
}

/** The unsimplified boundary, projected as the site projects it and fitted to the drawn box. */
function trueRings(kommunenummer: string, box: [Point, Point]): Point[][] {
  const collection = topology.objects[kommuneRef.object] as { geometries: GeometryObject<Record<string, unknown>>[] };
  const g = collection.geometries.find((x) => padCode((x.properties as Record<string, unknown>)[kommuneRef.idProperty], 4) === kommunenummer)!;
  const shape = feature(topology, g) as GeoPermissibleObjects;
  const projection = geoTransverseMercator().rotate([-15, 0]).fitExtent(box, shape);
  const rings: Point[][] = [];
  let ring: Point[] = [];
  geoPath(projection, {
    moveTo: (x: number, y: number) => { ring = [[x, y]]; rings.push(ring); },
    lineTo: (x: number, y: number) => { ring.push([x, y]); },
    closePath: () => {}, arc: () => {}, beginPath: () => {},
  } as unknown as CanvasRenderingContext2D)(shape);
  return rings;
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** 95th percentile of the distance from each vertex of `from` to the closed outline `to`, in px. */
function deviation(from: Point[][], to: Point[][]): number {
  const distances = from.flat().map((p) => {
    let best = Infinity;
    for (const ring of to) {
      for (let i = 0; i < ring.length; i++) best = Math.min(best, segmentDistance(p, ring[i], ring[(i + 1) % ring.length]));
    }
    return best;
  }).sort((a, b) => a - b);
  return distances[Math.floor(distances.length * 0.95)];
}

function box(rings: Point[][]): [Point, Point] {
  const xs = rings.flat().map((p) => p[0]);
  const ys = rings.flat().map((p) => p[1]);
  return [[Math.min(...xs), Math.min(...ys)], [Math.max(...xs), Math.max(...ys)]];
}

describe.each([
  ['03', '0301', 'Oslo'],
  ['46', '4601', 'Bergen'],
  ['15', '1505', 'Kristiansund'],
])('fylke %s map: %s (%s) drawn at the zoom it is shown at', (fylkesnummer, kommunenummer) => {
  const svg = renderFylkeMap({ ...base, fylkesnummer, idPrefix: `f${fylkesnummer}` });
  const drawn = drawnRings(svg, kommunenummer);
  const truth = trueRings(kommunenummer, box(drawn));

  test('the drawn outline follows the true boundary within 1.5 px (95 % of vertices, both ways)', () => {
    expect(deviation(drawn, truth)).toBeLessThanOrEqual(1.5);
    expect(deviation(truth, drawn)).toBeLessThanOrEqual(1.5);
  });

  test('and has more corners than the same kommune on the national map', () => {
    const national = drawnRings(renderChoropleth({ ...base, idPrefix: 'n' }), kommunenummer);
    expect(drawn.flat().length).toBeGreaterThan(national.flat().length);
  });
});
