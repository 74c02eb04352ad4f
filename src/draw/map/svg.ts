// Small string helpers shared by the map renderers; output must be byte-stable.
import type { MapGeometry } from './prepare';

export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Greedy word wrap by character count (no font metrics at build time). */
export function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** One decimal at most, no trailing zero: keeps transforms short and stable. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Ids must be valid in HTML and CSS selectors even when the caller's prefix is not. */
export function safeId(prefix: string): string {
  const cleaned = prefix.replace(/[^A-Za-z0-9_-]/g, '-');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `m-${cleaned}`;
}

export const FONT = 'font-family="system-ui, sans-serif"';

/**
 * Opening of a kommune map's <svg>: a named group (the shapes inside are links), with its title
 * and description. Shared by the grade choropleths and the change maps so both read the same way.
 */
/** What every kommune map with one linked shape per kommune needs (choropleth, change map). */
export interface LinkedMapOptions {
  geometry: MapGeometry;
  /** Accessible name per kommunenummer. */
  names: Record<string, string>;
  hrefFor: (kommunenummer: string) => string;
  title: string;
  description: string;
  idPrefix: string;
  /** Every kommunenummer of the register in effect; shapes outside it are not drawn. */
  register: readonly string[];
}

export function mapSvgOpen(id: string, width: number, height: number, title: string, description: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="dk-map" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-labelledby="${id}-title" aria-describedby="${id}-desc" ${FONT}>` +
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(description)}</desc>`
  );
}

/**
 * Every kommune shape as a link to its page, named for screen readers (the name carries the value).
 * `inTabOrder: false` keeps the links (pointer, screen-reader browsing) but lets Tab pass over them,
 * for a second map of the same kommuner: one keyboard path per kommune is enough.
 */
export function shapeLinks(
  shapes: readonly { kommunenummer: string; d: string }[],
  href: (kommunenummer: string) => string,
  label: (kommunenummer: string) => string,
  fill: (kommunenummer: string) => string,
  inTabOrder = true,
  idFor?: (kommunenummer: string) => string,
): string {
  const tabindex = inTabOrder ? '' : ' tabindex="-1"';
  let links = '';
  for (const { kommunenummer, d } of shapes) {
    const id = idFor ? ` id="${esc(idFor(kommunenummer))}"` : '';
    links += `<a${id} href="${esc(href(kommunenummer))}" aria-label="${esc(label(kommunenummer))}"${tabindex}><path fill="${fill(kommunenummer)}" d="${d}"/></a>`;
  }
  return links;
}
