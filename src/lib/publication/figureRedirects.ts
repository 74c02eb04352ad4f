// The old figure-file addresses (/figur/<år>/…, issue 10 §2) lead to the page that holds the
// figure, where the reader's browser now makes its SVG, PNG and CSV (issue 17 §4). Five dynamic
// rules answer every such address instead of one static rule per file; every host profile renders
// them (src/lib/publish/dynamicRedirects.ts). Most specific first: a host takes the first match.
import { matchDynamic, type DynamicRedirect } from '../publish/redirectRules';

export const FIGURE_REDIRECTS: readonly DynamicRedirect[] = [
  { from: '/figur/:year/kommune/:slug/*', to: '/:year/kommune/:slug/', status: 301 },
  { from: '/figur/:year/fylke/:slug/*', to: '/:year/fylke/:slug/', status: 301 },
  { from: '/figur/:year/sporsmal/*', to: '/:year/sporsmal/', status: 301 },
  { from: '/figur/:year/utvikling/*', to: '/utvikling/', status: 301 },
  { from: '/figur/:year/*', to: '/:year/', status: 301 },
];

/** Where a host sends `path` by these rules (the first that matches), or null. */
export function figureRedirectTarget(path: string): string | null {
  for (const r of FIGURE_REDIRECTS) {
    const to = matchDynamic(r, path);
    if (to !== null) return to;
  }
  return null;
}
