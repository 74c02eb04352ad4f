// Addresses of the embeddable versions (/embed/…) and the copy-paste <iframe> for each. Only
// /embed/ may be framed by other sites (see scripts/lib/headers.ts).
import { kommuneSlug } from '../lib/format/slug';
import { absoluteUrl, withBase, type KommuneRef } from './urls';

export type EmbedMap = 'prioritering' | 'aktivitet';

export const embedKommunePath = (k: KommuneRef, year: number) => withBase(`/embed/${year}/kommune/${kommuneSlug(k.kommunenummer, k.kommunenavn)}/`);
export const embedMapPath = (indicator: EmbedMap, year: number) => withBase(`/embed/${year}/kart/${indicator}/`);
/** The optional script a host page adds once: it sets each embed's height to what the embed reports. */
export const embedResizeScriptPath = () => withBase('/js/innebygd-hoyde.js');

/**
 * Frame heights that hold the whole embed in a 320-px-wide frame without JavaScript (measured by
 * tests/browser/readers.test.ts at 320, 390 and 1280 px). A wider frame leaves some white below;
 * the optional resize script takes it away. The credit and link sit in a footer that stays in view
 * whatever height a host gives the frame.
 */
export const EMBED_HEIGHTS = { kommune: 760, kart: 1080 } as const;

/**
 * The snippet a reader pastes into an article: full width, a fixed height, no border, and the
 * optional resize script (a page that refuses outside scripts keeps the fixed height).
 */
export function iframeSnippet(site: string, path: string, title: string, height: number): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${esc(absoluteUrl(site, path))}" title="${esc(title)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy" data-digikommune></iframe>\n`
    + `<!-- Valgfritt: tilpasser høyden til innholdet -->\n`
    + `<script src="${esc(absoluteUrl(site, embedResizeScriptPath()))}" async></script>`;
}
