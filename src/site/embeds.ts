// Addresses of the embeddable versions (/embed/…) and the copy-paste <iframe> for each. Only
// /embed/ may be framed by other sites (see scripts/lib/headers.ts).
import { kommuneSlug } from '../lib/format/slug';
import { absoluteUrl, withBase, type KommuneRef } from './urls';

export type EmbedMap = 'prioritering' | 'aktivitet';

export const embedKommunePath = (k: KommuneRef, year: number) => withBase(`/embed/${year}/kommune/${kommuneSlug(k.kommunenummer, k.kommunenavn)}/`);
export const embedMapPath = (indicator: EmbedMap, year: number) => withBase(`/embed/${year}/kart/${indicator}/`);

/** The snippet a reader pastes into an article: full width, a fixed height, no border. */
export function iframeSnippet(site: string, path: string, title: string, height: number): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${esc(absoluteUrl(site, path))}" title="${esc(title)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}
