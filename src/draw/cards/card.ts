// The share card (og:image): one 1200×630 SVG per kommune, fylke or year, rasterised at build time.
// Pure and byte-stable. Text is sized for a feed that shows the card at half size (600×315): no
// text is under 24 px here, so none is under 12 px there. Text width is estimated from character
// counts (no font metrics in a pure module), with room to spare: Source Sans 3, the font the
// rasteriser is given, averages well under the 0.56 em assumed for bold.
import { GRADE_COLORS, GRADE_TEXT_COLORS, SHAPE_STROKE, unknownPattern } from '../map/palette';
import { esc, num, wrap } from '../map/svg';
import { renderShareBar } from '../charts/shareBar';

import { CARD_FONT, CARD_HEIGHT, CARD_WIDTH } from './frame';
export { CARD_FONT, CARD_HEIGHT, CARD_SCALE, CARD_WIDTH, PUBLISHED_CARD_HEIGHT, PUBLISHED_CARD_WIDTH } from './frame';

/** One kommune's grade: a coloured square with the digit, the indicator and the grade in words. */
export interface CardGradeRow {
  kind: 'grade';
  title: string;
  grade: number | null;
  /** «Grad 4 av 4: Både omfattende …», «Grad 3: Omfattende IKT-prosjekter …» or «Ukjent – svarte ikke». */
  text: string;
}

/** A group's grades (fylke, nation): one bar split by grade share, and the commonest grade in words. */
export interface CardSharesRow {
  kind: 'shares';
  title: string;
  /** Share of each grade 0–4 among the kommuner with a known grade (sums to 1, or all 0). */
  shares: readonly number[];
  text: string;
}

export type CardRow = CardGradeRow | CardSharesRow;

export interface CardContent {
  /** Top line, e.g. «digikommune · Digitalisering i kommunene 2024». */
  kicker: string;
  title: string;
  subtitle: string;
  rows: readonly CardRow[];
  /** A locator map as an <svg> element (its own viewBox), drawn in the right column; null: none. */
  map: string | null;
  source: string;
  synthetic: boolean;
}

const PAD = 56;
const TEXT = '#1a1a1a';
const MUTED = '#404040';
const ACCENT = '#0c2c84';
const LEFT_WIDTH = 700; // text column; the map takes the right
const MAP_BOX = { x: 790, y: 100, width: 360, height: 440 };
const HATCH_ID = 'kort-ukjent';
const BOLD_EM = 0.56;
const REGULAR_EM = 0.5;
const DEMO_TEXT = 'DEMODATA – ikke SSBs tall';

function text(x: number, y: number, size: number, content: string, opts: { bold?: boolean; fill?: string; anchor?: 'middle' | 'end' } = {}): string {
  return `<text x="${num(x)}" y="${num(y)}" font-size="${size}"${opts.bold ? ' font-weight="700"' : ''} fill="${opts.fill ?? TEXT}"${opts.anchor ? ` text-anchor="${opts.anchor}"` : ''}>${esc(content)}</text>`;
}

/** Characters that fit `width` px at `size` px. */
const fits = (width: number, size: number, em: number) => Math.floor(width / (size * em));

/** The title at the largest size (72 down to 48) that fits one line, else wrapped at 48 px. */
function titleLines(title: string): { size: number; lines: string[] } {
  for (let size = 72; size >= 48; size -= 4) {
    if (title.length <= fits(LEFT_WIDTH, size, BOLD_EM)) return { size, lines: [title] };
  }
  return { size: 48, lines: wrap(title, fits(LEFT_WIDTH, 48, BOLD_EM)).slice(0, 2) };
}

/** At most `max` lines; a cut last line ends with «…» so the card never claims to be whole. */
function lines(content: string, chars: number, max: number): string[] {
  const all = wrap(content, chars);
  if (all.length <= max) return all;
  const kept = all.slice(0, max);
  kept[max - 1] = `${kept[max - 1].slice(0, Math.max(0, chars - 1)).replace(/\s+\S*$/, '')} …`;
  return kept;
}

function gradeRow(row: CardGradeRow, y: number): string {
  const size = 96;
  const known = row.grade !== null && row.grade >= 0 && row.grade < GRADE_COLORS.length;
  const fill = known ? GRADE_COLORS[row.grade!] : `url(#${HATCH_ID})`;
  const digit = known ? text(PAD + size / 2, y + 68, 60, String(row.grade), { bold: true, fill: GRADE_TEXT_COLORS[row.grade!], anchor: 'middle' }) : '';
  const x = PAD + size + 24;
  const words = lines(row.text, fits(LEFT_WIDTH - size - 24, 26, REGULAR_EM), 2);
  return (
    `<rect x="${PAD}" y="${num(y)}" width="${size}" height="${size}" rx="6" fill="${fill}" stroke="${SHAPE_STROKE}" stroke-width="1.5"/>` +
    digit +
    text(x, y + 30, 32, row.title, { bold: true }) +
    words.map((l, i) => text(x, y + 66 + i * 30, 26, l, { fill: MUTED })).join('')
  );
}

function sharesRow(row: CardSharesRow, y: number): string {
  const barY = y + 36;
  const barH = 32;
  // The bar is a Plot chart nested at its place in the card (draw/charts/shareBar).
  const bar = renderShareBar({ shares: row.shares, width: LEFT_WIDTH, height: barH, fontSize: 24, fontFamily: CARD_FONT, title: row.title, description: row.text, idPrefix: 'kort-andeler' })
    .replace(/^<svg\b/, `<svg x="${PAD}" y="${num(barY)}"`);
  const words = lines(row.text, fits(LEFT_WIDTH, 26, REGULAR_EM), 2);
  return (
    text(PAD, y + 28, 30, row.title, { bold: true }) +
    bar +
    words.map((l, i) => text(PAD, barY + barH + 26 + i * 28, 26, l, { fill: MUTED })).join('')
  );
}

/** The map inside the right column, scaled to fit; its own title and ids are left out. */
function placeMap(svg: string): string {
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
  const inner = /^<svg[^>]*>([\s\S]*)<\/svg>$/.exec(svg)?.[1];
  if (!viewBox || inner === undefined) return '';
  const body = inner.replace(/<title[^>]*>[\s\S]*?<\/title>/g, '').replace(/<desc[^>]*>[\s\S]*?<\/desc>/g, '');
  const { x, y, width, height } = MAP_BOX;
  return `<svg x="${x}" y="${y}" width="${width}" height="${height}" viewBox="${viewBox}" preserveAspectRatio="xMidYMid meet">${body}</svg>`;
}

export function cardSvg(card: CardContent): string {
  const title = titleLines(card.title);
  let y = 122;
  let body = text(PAD, 70, 26, card.kicker, { bold: true, fill: ACCENT });
  for (const line of title.lines) {
    body += text(PAD, y + title.size * 0.75, title.size, line, { bold: true });
    y += title.size * 1.05;
  }
  y += 8;
  body += text(PAD, y + 24, 30, card.subtitle, { fill: MUTED });
  y += 64;
  const rowHeight = card.rows.some((r) => r.kind === 'shares') ? 134 : 132;
  for (const row of card.rows.slice(0, 2)) {
    body += row.kind === 'grade' ? gradeRow(row, y) : sharesRow(row, y);
    y += rowHeight;
  }
  const source = lines(card.source, fits(CARD_WIDTH - 2 * PAD, 24, REGULAR_EM), 2);
  const sourceY = CARD_HEIGHT - 28 - (source.length - 1) * 30;
  body += source.map((l, i) => text(PAD, sourceY + i * 30, 24, l, { fill: MUTED })).join('');
  if (card.synthetic) {
    const w = Math.ceil(DEMO_TEXT.length * 26 * BOLD_EM) + 32;
    body += `<rect x="${CARD_WIDTH - PAD - w}" y="32" width="${w}" height="50" rx="6" fill="#fff1c2" stroke="#8a6d00" stroke-width="2"/>`;
    body += text(CARD_WIDTH - PAD - w / 2, 66, 26, DEMO_TEXT, { bold: true, fill: '#3d3000', anchor: 'middle' });
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${CARD_FONT}">` +
    `<defs>${unknownPattern(HATCH_ID, 0.25)}</defs>` +
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#ffffff"/>` +
    `<rect width="${CARD_WIDTH}" height="12" fill="${ACCENT}"/>` +
    (card.map ? placeMap(card.map) : '') +
    body +
    `</svg>`
  );
}

/** The card's text alternative: everything it says, in reading order. */
export function cardAlt(card: CardContent): string {
  const rows = card.rows.map((r) => `${r.title}: ${r.text.replace(/\.$/, '')}.`);
  return [`${card.title}, ${card.subtitle}.`, ...rows, card.synthetic ? 'Demodata, ikke SSBs tall.' : '', card.map ? 'Med kart som viser hvor i landet.' : '']
    .filter(Boolean).join(' ');
}
