// Boundary topology → projected, simplified SVG path data, computed once per structure at build
// time so every map on the site reuses the same small JSON (`<year>/map.json`).
import { geoArea, geoPath, geoTransverseMercator } from 'd3-geo';
import type { GeoPermissibleObjects } from 'd3-geo';
import { feature, merge, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { BoundaryFileRef } from '../../lib/types';

export type BBox = [number, number, number, number];

export interface MapShape {
  d: string;
  bbox: BBox; // [x0, y0, x1, y1] in the frame's pixels
}

export interface KommuneShape extends MapShape {
  kommunenummer: string; // '0301'
}

export interface FylkeShape extends MapShape {
  fylkesnummer: string; // '03'
}

/** One fylke's kommuner in a frame of their own, projected and simplified for that zoom. */
export interface FylkeFrame {
  fylkesnummer: string;
  width: number;
  height: number;
  kommuner: KommuneShape[]; // sorted by kommunenummer
}

/** Plain JSON: the artefact `<year>/map.json`. Coordinates are integers in a width×height frame. */
export interface MapGeometry {
  width: number;
  height: number;
  kommuner: KommuneShape[]; // sorted by kommunenummer; kommuner without a shape have no entry
  fylker: FylkeShape[]; // sorted by fylkesnummer; coarse (outlineWeight), for locator maps
  /** Borders between fylker as one mesh of the kommune arcs, so each is drawn once and fits the kommuner. */
  fylkeBorders: string;
  /** The whole country as one coarsely simplified silhouette, for small locator maps. */
  outline: string;
  /** Per fylke (first two digits of the kommunenummer), sorted: the zoomed fylke maps' shapes. */
  fylkeFrames: FylkeFrame[];
}

export interface PrepareMapOptions {
  kommuner: Topology;
  kommuneObject: string;
  idProperty: string;
  nameProperty: string;
  fylker: Topology;
  fylkeObject: string;
  fylkeIdProperty: string;
  width?: number;
  height?: number;
  /**
   * Minimum planar triangle area (degrees²) a point must carry to survive simplification on the
   * national map. A fylke map drawn z times larger uses simplifyWeight / z², so a dropped corner
   * is equally small on screen at every zoom.
   */
  simplifyWeight?: number;
  /** Weight for the locator silhouette; much coarser, since it is drawn ~150 px tall. */
  outlineWeight?: number;
  /** Frame of a fylke map: its kommuner fill this width or this height. */
  fylkeWidth?: number;
  fylkeMaxHeight?: number;
}

type Polygonal = Polygon | MultiPolygon;
type Props = Record<string, unknown>;

const FRAME_PADDING = 2;
const FYLKE_PADDING = 4;
const MIN_AREA = 2; // px²

function shapeOnly({ d, bbox }: MapShape): MapShape {
  return { d, bbox };
}

/** '301' or 301 → '0301'; ids in the 2020 files are numbers. */
export function padCode(value: unknown, length: number): string {
  return String(value).trim().padStart(length, '0');
}

function isPolygonal(g: GeometryObject<Props>): g is Polygonal & GeometryObject<Props> {
  return g.type === 'Polygon' || g.type === 'MultiPolygon';
}

function reverseRing(ring: number[]): number[] {
  // A topology ring is a list of arc references; ~i walks arc i backwards.
  return ring.slice().reverse().map((arc) => ~arc);
}

/**
 * d3-geo reads a polygon on the sphere by its winding: clockwise encloses the small area. Files
 * following RFC 7946 wind counter-clockwise, which d3 takes as "the sphere minus this shape"
 * (area > 2π). Such polygons get their rings reversed; the input topology is not touched.
 */
export function rewindTopology(topology: Topology, objectNames: string[]): { topology: Topology; reversed: number } {
  let reversed = 0;
  const objects: Topology['objects'] = { ...topology.objects };
  for (const name of objectNames) {
    const collection = topology.objects[name];
    if (!collection || collection.type !== 'GeometryCollection') continue;
    const geometries = collection.geometries.map((g) => {
      const geometry = g as GeometryObject<Props>;
      if (!isPolygonal(geometry)) return geometry;
      const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.arcs;
      const fixed = polygons.map((rings) => {
        const area = geoArea(feature(topology, { type: 'Polygon', arcs: rings }) as GeoPermissibleObjects);
        if (area <= 2 * Math.PI) return rings;
        reversed++;
        return rings.map(reverseRing);
      });
      return geometry.type === 'Polygon'
        ? { ...geometry, arcs: fixed[0] }
        : { ...geometry, arcs: fixed };
    });
    objects[name] = { ...collection, geometries } as typeof collection;
  }
  return { topology: { ...topology, objects }, reversed };
}

/** A d3-geo path context that rounds projected points to integers and drops repeated points. */
abstract class PointCollector {
  protected current: [number, number][] | null = null;

  moveTo(x: number, y: number): void {
    this.flush();
    this.current = [[Math.round(x), Math.round(y)]];
  }

  lineTo(x: number, y: number): void {
    const p: [number, number] = [Math.round(x), Math.round(y)];
    const last = this.current![this.current!.length - 1];
    if (last[0] !== p[0] || last[1] !== p[1]) this.current!.push(p);
  }

  closePath(): void {
    this.flush();
  }

  arc(): void {
    // Points are never drawn on these maps.
  }

  beginPath(): void {}

  protected abstract flush(): void;
}

/** Collects projected rings and writes them as compact integer path data (relative segments). */
class RingWriter extends PointCollector {
  private rings: [number, number][][] = [];

  protected flush(): void {
    if (!this.current) return;
    const ring = this.current;
    this.current = null;
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
    // Fewer than three distinct corners round to nothing visible at this scale.
    if (ring.length >= 3) this.rings.push(ring);
  }

  result(): MapShape & { area: number } {
    this.flush();
    return { d: ringsToPath(this.rings, true), bbox: ringsBBox(this.rings), area: ringsArea(this.rings) };
  }
}

/** Open-path variant for meshes: every lineStart…lineEnd is a polyline, never closed. */
class LineWriter extends PointCollector {
  private lines: [number, number][][] = [];

  protected flush(): void {
    if (this.current && this.current.length >= 2) this.lines.push(this.current);
    this.current = null;
  }

  result(): string {
    this.flush();
    return ringsToPath(this.lines, false);
  }
}

function ringsToPath(rings: [number, number][][], closed: boolean): string {
  let out = '';
  for (const ring of rings) {
    let [px, py] = ring[0];
    out += `M${px},${py}`;
    let segment = '';
    for (let i = 1; i < ring.length; i++) {
      const [x, y] = ring[i];
      const pair = `${x - px},${y - py}`;
      // A minus sign already separates two numbers in SVG path syntax.
      segment += segment === '' ? pair : pair.startsWith('-') ? pair : ` ${pair}`;
      px = x;
      py = y;
    }
    if (segment) out += `l${segment}`;
    if (closed) out += 'z';
  }
  return out;
}

/** Sum of absolute ring areas (px²): enough to tell a visible shape from a rounded-away sliver. */
function ringsArea(rings: [number, number][][]): number {
  let total = 0;
  for (const ring of rings) {
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    }
    total += Math.abs(a) / 2;
  }
  return total;
}

function ringsBBox(rings: [number, number][][]): BBox {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
  }
  return Number.isFinite(x0) ? [x0, y0, x1, y1] : [0, 0, 0, 0];
}

type Presimplified = ReturnType<typeof presimplify>;

function presimplified(topology: Topology): Presimplified {
  return presimplify(topology as Parameters<typeof presimplify>[0]);
}

/** Keeps the points whose triangle weighs at least `weight`; the presimplified input is not changed. */
function simplified(topology: Presimplified, weight: number): Topology {
  return simplify(topology, weight) as unknown as Topology;
}

function collection(topology: Topology, name: string): GeometryObject<Props>[] {
  const object = topology.objects[name];
  if (!object || object.type !== 'GeometryCollection') {
    throw new Error(`Grensefila mangler objektet «${name}» (GeometryCollection)`);
  }
  return (object.geometries as GeometryObject<Props>[]).filter(isPolygonal);
}

function propertyOf(g: GeometryObject<Props>, property: string): unknown {
  const value = (g.properties as Props | undefined)?.[property];
  if (value === undefined || value === null || value === '') {
    throw new Error(`En flate i grensefila mangler egenskapen «${property}»`);
  }
  return value;
}

type Projection = ReturnType<typeof geoTransverseMercator>;

function drawWith(projection: Projection, object: GeoPermissibleObjects): MapShape & { area: number } {
  const writer = new RingWriter();
  geoPath(projection, writer)(object);
  return writer.result();
}

/**
 * Each kommune of `simple` drawn with `projection`. Small island kommuner can simplify or round
 * away to a sliver; they fall back to the unsimplified shape, then to a 2-px square, so every
 * kommune in the file stays a visible, clickable link.
 */
function drawKommuner(
  projection: Projection,
  simple: GeometryObject<Props>[],
  simpleTopo: Topology,
  original: GeometryObject<Props>[],
  originalTopo: Topology,
  kommuneOf: (g: GeometryObject<Props>) => string,
): KommuneShape[] {
  const kommuner = simple.map((g, i) => {
    let shape = drawWith(projection, feature(simpleTopo, g) as GeoPermissibleObjects);
    if (shape.area < MIN_AREA) shape = drawWith(projection, feature(originalTopo, original[i]) as GeoPermissibleObjects);
    if (shape.area < MIN_AREA) {
      const centroid = geoPath(projection).centroid(feature(originalTopo, original[i]) as GeoPermissibleObjects);
      const x = Math.round(centroid[0]) - 1;
      const y = Math.round(centroid[1]) - 1;
      shape = { d: `M${x},${y}h2v2h-2z`, bbox: [x, y, x + 2, y + 2], area: 4 };
    }
    return { kommunenummer: kommuneOf(g), d: shape.d, bbox: shape.bbox };
  });
  return kommuner.sort((a, b) => a.kommunenummer.localeCompare(b.kommunenummer));
}

/** The site's projection fitted to `object` inside width×height, then trimmed: the frame it needs. */
function fittedFrame(object: GeoPermissibleObjects, width: number, height: number, pad: number, centre: boolean) {
  const projection = geoTransverseMercator().rotate([-15, 0]);
  projection.fitExtent([[pad, pad], [width - pad, height - pad]], object);
  const [[bx0, by0], [bx1, by1]] = geoPath(projection).bounds(object);
  const [tx, ty] = projection.translate();
  const frameWidth = centre ? width : Math.min(width, Math.ceil(bx1 - bx0) + 2 * pad);
  const dx = centre ? (width - (bx1 - bx0)) / 2 : pad;
  projection.translate([tx - bx0 + dx, ty - by0 + pad]);
  return { projection, width: frameWidth, height: Math.min(height, Math.ceil(by1 - by0) + 2 * pad) };
}

export function prepareMapGeometry(options: PrepareMapOptions): MapGeometry {
  const {
    kommuneObject, idProperty, fylkeObject, fylkeIdProperty,
    width = 500, height = 750, simplifyWeight = 1e-3, outlineWeight = 2e-2,
    fylkeWidth = 500, fylkeMaxHeight = 600,
  } = options;

  collection(options.kommuner, kommuneObject);
  collection(options.fylker, fylkeObject);
  const kommuneTopo = rewindTopology(options.kommuner, [kommuneObject]).topology;
  const fylkeTopo = rewindTopology(options.fylker, [fylkeObject]).topology;

  // Fit inside width×height, then trim the frame to the country so no empty band is left.
  const country = feature(kommuneTopo, kommuneTopo.objects[kommuneObject]) as GeoPermissibleObjects;
  const national = fittedFrame(country, width, height, FRAME_PADDING, false);
  const projection = national.projection;
  const draw = (object: GeoPermissibleObjects) => drawWith(projection, object);

  const kommunePre = presimplified(kommuneTopo);
  const originalGeoms = collection(kommuneTopo, kommuneObject);
  const kommuneOf = (g: GeometryObject<Props>) => padCode(propertyOf(g, idProperty), 4);
  const kommuneSimple = simplified(kommunePre, simplifyWeight);
  const kommuner = drawKommuner(projection, collection(kommuneSimple, kommuneObject), kommuneSimple, originalGeoms, kommuneTopo, kommuneOf);

  // Fylke maps: each fylke's kommuner projected to fill their own frame, and simplified for that
  // zoom (same rotation, so the shapes only grow; weights scale with the square of the zoom).
  const byFylke = new Map<string, number[]>();
  originalGeoms.forEach((g, i) => {
    const f = kommuneOf(g).slice(0, 2);
    byFylke.set(f, [...(byFylke.get(f) ?? []), i]);
  });
  const fylkeFrames: FylkeFrame[] = [...byFylke.keys()].sort().map((fylkesnummer) => {
    const members = byFylke.get(fylkesnummer)!;
    const object = { type: 'FeatureCollection', features: members.map((i) => feature(kommuneTopo, originalGeoms[i])) } as GeoPermissibleObjects;
    const frame = fittedFrame(object, fylkeWidth, fylkeMaxHeight, FYLKE_PADDING, true);
    const zoom = frame.projection.scale() / projection.scale();
    const simple = simplified(kommunePre, simplifyWeight / (zoom * zoom));
    const simpleGeoms = collection(simple, kommuneObject);
    return {
      fylkesnummer,
      width: frame.width,
      height: frame.height,
      kommuner: drawKommuner(frame.projection, members.map((i) => simpleGeoms[i]), simple, members.map((i) => originalGeoms[i]), kommuneTopo, kommuneOf),
    };
  });

  // Fylke shapes only shade locator maps ~120 px wide, so they take the coarse weight too.
  const fylkeSimple = simplified(presimplified(fylkeTopo), outlineWeight);
  const fylker: FylkeShape[] = collection(fylkeSimple, fylkeObject).map((g) => ({
    fylkesnummer: padCode(propertyOf(g, fylkeIdProperty), 2),
    ...shapeOnly(draw(feature(fylkeSimple, g) as GeoPermissibleObjects)),
  }));
  fylker.sort((a, b) => a.fylkesnummer.localeCompare(b.fylkesnummer));

  // The first two digits of a kommunenummer are its fylke, in every structure since 1838.
  const borderWriter = new LineWriter();
  const simpleObject = kommuneSimple.objects[kommuneObject] as unknown as Parameters<typeof mesh>[1];
  geoPath(projection, borderWriter)(
    mesh(kommuneSimple, simpleObject, (a, b) =>
      a !== b && kommuneOf(a as GeometryObject<Props>).slice(0, 2) !== kommuneOf(b as GeometryObject<Props>).slice(0, 2)),
  );

  const coarse = simplified(kommunePre, outlineWeight);
  const outlineWriter = new RingWriter();
  geoPath(projection, outlineWriter)(
    merge(coarse, collection(coarse, kommuneObject) as unknown as Parameters<typeof merge>[1]),
  );

  return {
    width: national.width,
    height: national.height,
    kommuner,
    fylker,
    fylkeBorders: borderWriter.result(),
    outline: outlineWriter.result().d,
    fylkeFrames,
  };
}

/**
 * The same, from a structure's boundary references (data/structures/<id>.json), so the build
 * does not repeat object and property names: `prepareStructureMap(kommuneTopo, s.kommuneBoundaries, fylkeTopo, s.fylkeBoundaries)`.
 */
export function prepareStructureMap(
  kommuner: Topology,
  kommuneRef: BoundaryFileRef,
  fylker: Topology,
  fylkeRef: BoundaryFileRef,
  options: Pick<PrepareMapOptions, 'width' | 'height' | 'simplifyWeight' | 'outlineWeight' | 'fylkeWidth' | 'fylkeMaxHeight'> = {},
): MapGeometry {
  return prepareMapGeometry({
    kommuner,
    kommuneObject: kommuneRef.object,
    idProperty: kommuneRef.idProperty,
    nameProperty: kommuneRef.nameProperty,
    fylker,
    fylkeObject: fylkeRef.object,
    fylkeIdProperty: fylkeRef.idProperty,
    ...options,
  });
}
