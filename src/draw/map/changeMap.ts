// Map of change in one grade between two survey years on today's kommune map: every shape a link
// to the kommune page, coloured and patterned by its change class (distinct in colour, in
// greyscale and by texture); the page gives the legend as HTML and the full list as a table.
import { mapSvgOpen, safeId, shapeLinks, type LinkedMapOptions } from './svg';
import { el, text } from '../svg';

export type ChangeKey = 'opp' | 'samme' | 'annen_type' | 'ned' | 'ikke_sammenlignbar';

export type ChangePattern = 'none' | 'stripes' | 'dots' | 'lines';

/** Fill and pattern per change class: distinct in colour, in greyscale and by texture. */
export const CHANGE_STYLE: Record<ChangeKey, { colour: string; pattern: ChangePattern; patternColour?: string }> = {
  opp: { colour: '#1b7837', pattern: 'none' }, // dark green, solid
  samme: { colour: '#d9d9d9', pattern: 'none' }, // light grey, solid
  annen_type: { colour: '#8073ac', pattern: 'lines', patternColour: '#ffffff' }, // purple with white horizontal lines
  ned: { colour: '#d95f02', pattern: 'stripes', patternColour: '#ffffff' }, // orange with white stripes
  ikke_sammenlignbar: { colour: '#ffffff', pattern: 'dots', patternColour: '#4a4a4a' }, // white with grey dots
};

/** Norwegian name of a pattern, for legends («striper»). */
export const PATTERN_NAMES: Record<Exclude<ChangePattern, 'none'>, string> = { stripes: 'striper', dots: 'prikker', lines: 'linjer' };

function patternDefs(id: string): string {
  const { ned, annen_type: other, ikke_sammenlignbar: none } = CHANGE_STYLE;
  return (
    el('pattern', { id: `${id}-ned`, width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' }, [
      el('rect', { width: 4, height: 4, fill: ned.colour }), el('path', { d: 'M1,0v4', stroke: ned.patternColour, 'stroke-width': 1.3 }),
    ]) +
    el('pattern', { id: `${id}-annen`, width: 4, height: 4, patternUnits: 'userSpaceOnUse' }, [
      el('rect', { width: 4, height: 4, fill: other.colour }), el('path', { d: 'M0,1h4', stroke: other.patternColour, 'stroke-width': 1 }),
    ]) +
    el('pattern', { id: `${id}-ikke`, width: 4, height: 4, patternUnits: 'userSpaceOnUse' }, [
      el('rect', { width: 4, height: 4, fill: none.colour }), el('circle', { cx: 2, cy: 2, r: 0.9, fill: none.patternColour }),
    ])
  );
}

function changeFill(id: string, key: ChangeKey): string {
  if (key === 'ned') return `url(#${id}-ned)`;
  if (key === 'annen_type') return `url(#${id}-annen)`;
  if (key === 'ikke_sammenlignbar') return `url(#${id}-ikke)`;
  return CHANGE_STYLE[key].colour;
}

/** `names` are accessible names such as «Asker: opp, fra grad 1 i 2021 til grad 4 i 2024». */
export interface ChangeMapOptions extends LinkedMapOptions {
  /** Change class per current kommunenummer; absent = not comparable. */
  changes: Record<string, ChangeKey>;
  /**
   * A legend under the map, one line per class in this order («Opp: 120 kommuner»). The page gives
   * its legend as HTML (it keeps its text size when the map shrinks); a figure file carries it inside.
   */
  legend?: { key: ChangeKey; text: string }[];
}

const SWATCH = 14;
const LEGEND_LINE = 20;

function changeLegend(id: string, top: number, entries: readonly { key: ChangeKey; text: string }[]): string {
  return el('g', { transform: `translate(4,${top})`, 'font-size': 13, fill: '#1a1a1a' }, entries.map((e, i) => (
    el('rect', { x: 0, y: i * LEGEND_LINE, width: SWATCH, height: SWATCH, fill: changeFill(id, e.key), stroke: '#4a4a4a', 'stroke-width': 0.8 }) +
    text({ x: SWATCH + 6, y: i * LEGEND_LINE + 11.5 }, e.text)
  )));
}

export function renderChangeMap(o: ChangeMapOptions): string {
  const id = safeId(o.idPrefix);
  const { geometry } = o;
  const inRegister = new Set(o.register);
  const shapes = geometry.kommuner.filter((s) => inRegister.has(s.kommunenummer));
  const links = shapeLinks(
    shapes,
    o.hrefFor,
    (k) => o.names[k] ?? k,
    (k) => changeFill(id, o.changes[k] ?? 'ikke_sammenlignbar'),
  );
  const legendHeight = o.legend?.length ? 10 + o.legend.length * LEGEND_LINE : 0;
  return (
    mapSvgOpen(id, geometry.width, geometry.height + legendHeight, o.title, o.description) +
    `<defs>${patternDefs(id)}</defs>` +
    el('g', { stroke: '#6b6b6b', 'stroke-width': 0.3, 'stroke-linejoin': 'round' }, links) +
    (geometry.fylkeBorders ? el('path', { d: geometry.fylkeBorders, fill: 'none', stroke: '#1a1a1a', 'stroke-width': 0.8, 'pointer-events': 'none', 'aria-hidden': 'true' }) : '') +
    (o.legend?.length ? changeLegend(id, geometry.height + 10, o.legend) : '') +
    `</svg>`
  );
}
