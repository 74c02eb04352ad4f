// Figures for development over time (issue #6), as SVG strings for build-time inlining: grouped
// bars per year, a categorical change map and a small per-kommune grade chart. Hand-built rather
// than Plot so the output carries no inline <style> (the site's CSP forbids it), every shape has an
// accessible name, and bytes are stable. Colour never carries meaning alone: bars print their year
// and value, change classes have a pattern and a legend label, and a table sits beside each figure.
import { FONT, esc, mapSvgOpen, num, safeId, shapeLinks, wrap } from '../map/svg';
import type { MapGeometry } from '../map/prepare';


// ------------------------------------------------------------------ grouped bars

/** Light → dark for older → newer years (the last entries are used for the latest years). */
export const YEAR_COLOURS = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
const YEAR_TEXT = ['#000', '#000', '#000', '#fff', '#fff'];

export interface GroupedBarsOptions {
  title: string;
  description: string;
  idPrefix: string;
  years: number[];
  groups: { key: string; label: string }[];
  /** group key → year → value; share in 0–1 drawn, `text` printed after the bar. */
  values: Record<string, Record<number, { share: number | null; text: string }>>;
  width?: number;
  fontSize?: number;
}

/** Years spread over the ramp (two years: light and dark) so neighbouring bars differ clearly. */
export function yearColour(index: number, count: number): { fill: string; text: string } {
  const last = YEAR_COLOURS.length - 1;
  const i = count <= 1 ? last : count >= YEAR_COLOURS.length ? last - (count - 1 - index)
    : 1 + Math.round((index * (last - 1)) / (count - 1));
  const j = Math.max(0, Math.min(last, i));
  return { fill: YEAR_COLOURS[j], text: YEAR_TEXT[j] };
}

/**
 * One block per group (grade, strategy area): the group's label on its own line(s), then one
 * horizontal bar per year with the year before it and the value after it, on a 0–100 % axis.
 * Labels above the bars rather than beside them keep the figure narrow, so it is not scaled down
 * (and its text not shrunk) on a phone.
 */
export function renderGroupedBars(o: GroupedBarsOptions): string {
  const id = safeId(o.idPrefix);
  const width = o.width ?? 370;
  const font = o.fontSize ?? 13;
  const k = font / 12;
  const charW = 6.8 * k; // rough average character width, for layout only
  const yearW = Math.round(Math.max(...o.years.map((y) => String(y).length)) * charW + 8);
  const texts = o.groups.flatMap((g) => o.years.map((y) => o.values[g.key]?.[y]?.text ?? 'ikke spurt'));
  const valueW = Math.round(Math.max(...texts.map((t) => t.length), 4) * charW + 8);
  const barMax = width - yearW - valueW;
  const barH = Math.round(14 * k);
  const gap = Math.round(3 * k);
  const lineH = Math.round(15 * k);
  const groupGap = Math.round(10 * k);
  const labelChars = Math.floor(width / charW);
  const top = Math.round(18 * k);
  let y = top;
  let body = '';
  const blocks: [number, number][] = []; // y ranges of the bars: grid lines stay out of the labels
  for (const g of o.groups) {
    const lines = wrap(g.label, labelChars);
    body += `<text x="0" y="${num(y + lineH - 4 * k)}">${lines
      .map((l, i) => `<tspan x="0"${i ? ` dy="${lineH}"` : ''}>${esc(l)}</tspan>`).join('')}</text>`;
    y += lines.length * lineH + 2;
    blocks.push([y - 2, y + o.years.length * (barH + gap) - gap + 2]);
    o.years.forEach((year, i) => {
      const v = o.values[g.key]?.[year];
      const c = yearColour(i, o.years.length);
      const w = v && v.share !== null ? Math.max(0, Math.min(1, v.share)) * barMax : 0;
      body += `<text x="0" y="${num(y + barH - 3 * k)}" fill="#4a4a4a">${year}</text>`;
      body += `<rect x="${yearW}" y="${y}" width="${num(w)}" height="${barH}" fill="${c.fill}" stroke="#4a4a4a" stroke-width=".5"/>`;
      // White halo: the value text may cross a grid line.
      body += `<text x="${num(yearW + w + 5)}" y="${num(y + barH - 3 * k)}" stroke="#fff" stroke-width="3" paint-order="stroke">${esc(v ? v.text : 'ikke spurt')}</text>`;
      y += barH + gap;
    });
    y += groupGap;
  }
  const height = Math.ceil(y);
  let axis = '';
  for (const t of [0, 0.5, 1]) {
    const x = yearW + t * barMax;
    axis += `<text x="${num(x)}" y="${num(top - 6)}" text-anchor="${t === 0 ? 'start' : t === 1 ? 'end' : 'middle'}" fill="#4a4a4a">${Math.round(t * 100)} %</text>`;
  }
  const grid = blocks.flatMap(([y1, y2]) => [0, 0.25, 0.5, 0.75, 1]
    .map((t) => `<line x1="${num(yearW + t * barMax)}" x2="${num(yearW + t * barMax)}" y1="${num(y1)}" y2="${num(y2)}" stroke="${t === 0 ? '#1a1a1a' : '#d9d9d9'}"/>`))
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-size="${font}" ${FONT}>` +
    `<title id="${id}-title">${esc(o.title)}</title><desc id="${id}-desc">${esc(o.description)}</desc>` +
    `<g aria-hidden="true">${grid}${axis}</g>` +
    `<g fill="#1a1a1a">${body}</g></svg>`
  );
}

// ------------------------------------------------------------------ change map

export type ChangeKey = 'opp' | 'samme' | 'ned' | 'ikke_sammenlignbar';

/** Fill and pattern per change class: distinct in colour, in greyscale and by texture. */
export const CHANGE_STYLE: Record<ChangeKey, { colour: string; pattern: 'none' | 'stripes' | 'dots' }> = {
  opp: { colour: '#1b7837', pattern: 'none' }, // dark green, solid
  samme: { colour: '#d9d9d9', pattern: 'none' }, // light grey, solid
  ned: { colour: '#d95f02', pattern: 'stripes' }, // orange with white stripes
  ikke_sammenlignbar: { colour: '#ffffff', pattern: 'dots' }, // white with grey dots
};

function changePatterns(id: string): string {
  return (
    `<pattern id="${id}-ned" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="4" height="4" fill="${CHANGE_STYLE.ned.colour}"/><path d="M1,0v4" stroke="#fff" stroke-width="1.3"/></pattern>` +
    `<pattern id="${id}-ikke" width="4" height="4" patternUnits="userSpaceOnUse">` +
    `<rect width="4" height="4" fill="#fff"/><circle cx="2" cy="2" r=".9" fill="#4a4a4a"/></pattern>`
  );
}

function changeFill(id: string, key: ChangeKey): string {
  if (key === 'ned') return `url(#${id}-ned)`;
  if (key === 'ikke_sammenlignbar') return `url(#${id}-ikke)`;
  return CHANGE_STYLE[key].colour;
}

export interface ChangeMapOptions {
  geometry: MapGeometry;
  /** Change class per current kommunenummer; absent = not comparable. */
  changes: Record<string, ChangeKey>;
  /** Accessible name per kommune, e.g. «Asker: opp, fra grad 1 i 2021 til grad 4 i 2024». */
  names: Record<string, string>;
  labels: Record<ChangeKey, string>;
  hrefFor: (kommunenummer: string) => string;
  title: string;
  description: string;
  idPrefix: string;
  /** The current register: only these shapes are drawn and counted. */
  register: readonly string[];
  /** Legend inside the SVG (default); false when the page gives an HTML legend that stays legible on a phone. */
  legend?: boolean;
}

export function renderChangeMap(o: ChangeMapOptions): string {
  const id = safeId(o.idPrefix);
  const { geometry } = o;
  const inRegister = new Set(o.register);
  const shapes = geometry.kommuner.filter((s) => inRegister.has(s.kommunenummer));
  const counts: Record<ChangeKey, number> = { opp: 0, samme: 0, ned: 0, ikke_sammenlignbar: 0 };
  for (const k of o.register) counts[o.changes[k] ?? 'ikke_sammenlignbar']++;

  const links = shapeLinks(
    shapes,
    o.hrefFor,
    (k) => o.names[k] ?? k,
    (k) => changeFill(id, o.changes[k] ?? 'ikke_sammenlignbar'),
  );
  // Legend in the empty lower-right corner of Norway's frame.
  const keys: ChangeKey[] = ['opp', 'samme', 'ned', 'ikke_sammenlignbar'];
  const lx = Math.max(4, geometry.width - 200);
  const ly = Math.max(4, geometry.height - keys.length * 22 - 8);
  const legend = keys.map((k, i) =>
    `<rect x="0" y="${i * 22}" width="16" height="16" fill="${changeFill(id, k)}" stroke="#4a4a4a" stroke-width=".8"/>` +
    `<text x="22" y="${i * 22 + 12.5}">${esc(`${o.labels[k]} (${counts[k]})`)}</text>`).join('');
  return (
    mapSvgOpen(id, geometry.width, geometry.height, o.title, o.description) +
    `<defs>${changePatterns(id)}</defs>` +
    `<g stroke="#6b6b6b" stroke-width=".3" stroke-linejoin="round">${links}</g>` +
    (geometry.fylkeBorders ? `<path d="${geometry.fylkeBorders}" fill="none" stroke="#1a1a1a" stroke-width=".8" pointer-events="none" aria-hidden="true"/>` : '') +
    (o.legend === false ? '' : `<g transform="translate(${lx},${ly})" font-size="12" fill="#1a1a1a" aria-hidden="true">${legend}</g>`) +
    `</svg>`
  );
}

// ------------------------------------------------------------------ one kommune's grades per year

export interface KommuneGradePoint {
  year: number;
  grade: number | null;
  /** False for a year whose figure is for a different territory (split/merge): drawn hollow, dashed. */
  comparable: boolean;
}

export interface KommuneGradesOptions {
  title: string;
  idPrefix: string;
  /** One series per theme: «Digital prioritering», «Digital aktivitet». */
  series: { label: string; points: KommuneGradePoint[] }[];
  years: number[];
  description: string;
}

/** Small multiples: one panel per theme, years on x, grade 0–4 on y, a point and its number per year. */
export function renderKommuneGrades(o: KommuneGradesOptions): string {
  const id = safeId(o.idPrefix);
  const panelW = 176; // two panels ≈ 364 px: shown unscaled on a 390-px phone, so text stays ≥ 12 px
  const panelH = 140;
  const left = 22;
  const top = 30;
  const bottom = 24;
  const plotW = panelW - left - 16;
  const plotH = panelH - top - bottom;
  const inset = 12; // keeps the first and last point clear of the tick labels and the panel edge
  const x = (i: number) => left + inset + (o.years.length === 1 ? (plotW - 2 * inset) / 2 : (i * (plotW - 2 * inset)) / (o.years.length - 1));
  const y = (g: number) => top + plotH - (g / 4) * plotH;
  let out = '';
  o.series.forEach((s, si) => {
    const ox = si * (panelW + 12);
    let panel = `<text x="0" y="12" font-size="13" font-weight="600">${esc(s.label)}</text>`;
    for (let g = 0; g <= 4; g++) {
      panel += `<line x1="${left}" x2="${left + plotW}" y1="${num(y(g))}" y2="${num(y(g))}" stroke="#e0e0e0"/>` +
        `<text x="${left - 6}" y="${num(y(g) + 3.5)}" font-size="13" text-anchor="end" fill="#4a4a4a">${g}</text>`;
    }
    o.years.forEach((year, i) => {
      panel += `<text x="${num(x(i))}" y="${panelH - 4}" font-size="13" text-anchor="middle" fill="#4a4a4a">${year}</text>`;
    });
    const pts = o.years.map((year, i) => ({ i, p: s.points.find((p) => p.year === year) }));
    for (let j = 1; j < pts.length; j++) {
      const a = pts[j - 1].p;
      const b = pts[j].p;
      if (!a || !b || a.grade === null || b.grade === null) continue;
      const dashed = !a.comparable || !b.comparable;
      panel += `<line x1="${num(x(pts[j - 1].i))}" y1="${num(y(a.grade))}" x2="${num(x(pts[j].i))}" y2="${num(y(b.grade))}" stroke="#08519c" stroke-width="2"${dashed ? ' stroke-dasharray="4 3"' : ''}/>`;
    }
    for (const { i, p } of pts) {
      if (!p) continue;
      if (p.grade === null) {
        panel += `<text x="${num(x(i))}" y="${num(top + plotH / 2)}" font-size="13" text-anchor="middle">..</text>`;
        continue;
      }
      panel += `<circle cx="${num(x(i))}" cy="${num(y(p.grade))}" r="4.5" fill="${p.comparable ? '#08519c' : '#fff'}" stroke="#08519c" stroke-width="2"/>`;
    }
    out += `<g transform="translate(${ox},0)">${panel}</g>`;
  });
  const width = o.series.length * (panelW + 12) - 12;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" viewBox="0 0 ${width} ${panelH}" width="${width}" height="${panelH}" role="img" aria-labelledby="${id}-title ${id}-desc" ${FONT}>` +
    `<title id="${id}-title">${esc(o.title)}</title><desc id="${id}-desc">${esc(o.description)}</desc>` +
    `<g fill="#1a1a1a">${out}</g></svg>`
  );
}
