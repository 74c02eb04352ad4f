// A figure file on its own: the article-size drawing with its title, source line and licence
// inside (charts/svg withCaption), no links back into the site (they would break outside it), and
// its numbers as CSV.
import { writeCsv } from '../../lib/publish/csv';
import { withCaption } from '../../draw/svg';
import { ARTICLE_SIZE, type FigureSize } from './common';
import { identity } from '../data';
import type { FigureFile } from './types';

/**
 * White space around the figure inside the file, so a title or a bar never touches the edge of
 * an article's image, a dark image viewer or a slide. The file stays ARTICLE_SIZE wide; the
 * drawing gets the width inside the margin.
 */
export const FILE_MARGIN = 16;
const DRAWING_SIZE: FigureSize = { ...ARTICLE_SIZE, width: ARTICLE_SIZE.width - 2 * FILE_MARGIN };

/** Maps are laid out in their own frame (500 px wide); the file scales them to the drawing width. */
function atDrawingWidth(svg: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg)![0];
  const width = Number(/\bwidth="([\d.]+)"/.exec(open)?.[1]);
  const height = Number(/\bheight="([\d.]+)"/.exec(open)?.[1]);
  if (!/\bviewBox=/.test(open) || !width || width === DRAWING_SIZE.width) return svg;
  const h = Math.round((height * DRAWING_SIZE.width) / width);
  return open.replace(/\bwidth="[\d.]+"/, `width="${DRAWING_SIZE.width}"`).replace(/\bheight="[\d.]+"/, `height="${h}"`) + svg.slice(open.length);
}

/** Page-only markup: links (a kommune shape's page), focus and tab order, classes for site.css. */
function withoutPageMarkup(svg: string): string {
  return svg.replace(/<a\b[^>]*>|<\/a>/g, '').replace(/ tabindex="-1"/g, '').replace(/ class="[^"]*"/g, '');
}

export function licenceLine(): string {
  const l = identity().licence;
  return `Lisens: ${l.id.replace(/-/g, ' ')} (${l.url}). Oppgi kilden slik: «${l.credit}».`;
}

/** The SVG file, or null when the figure cannot be drawn (a year without boundaries has no map). */
export function figureFileSvg(f: FigureFile): string | null {
  const drawn = f.standalone ? f.standalone() : f.draw(DRAWING_SIZE);
  if (!drawn) return null;
  const svg = withCaption(atDrawingWidth(withoutPageMarkup(drawn)), { title: f.title, source: f.source, licence: licenceLine(), legend: f.legend?.() }, DRAWING_SIZE.fontSize, FILE_MARGIN);
  return `<?xml version="1.0" encoding="utf-8"?>\n${svg}\n`;
}

export function figureFileCsv(f: FigureFile): string {
  const t = f.table();
  return writeCsv(t.header, t.rows);
}
