// The old figure-file addresses (/figur/<år>/…, issue 10 §2) lead to the page that holds the
// figure, where the reader's browser now makes its SVG, PNG and CSV (issue 17 §4). Five dynamic
// rules (placeholders and splats, as Netlify, Cloudflare Pages and GitLab Pages read them) answer
// every such address instead of one static rule per file. Most specific first: a host takes the
// first rule that matches. Kept in one module until the host profiles (issue 17 §1–3) take them.

export interface FigureRedirect { from: string; to: string }

export const FIGURE_REDIRECTS: readonly FigureRedirect[] = [
  { from: '/figur/:year/kommune/:slug/*', to: '/:year/kommune/:slug/' },
  { from: '/figur/:year/fylke/:slug/*', to: '/:year/fylke/:slug/' },
  { from: '/figur/:year/sporsmal/*', to: '/:year/sporsmal/' },
  { from: '/figur/:year/utvikling/*', to: '/utvikling/' },
  { from: '/figur/:year/*', to: '/:year/' },
];

/** `_redirects` lines for the rules, under the site's base path ('/' or '/sub/'). */
export function figureRedirectLines(base: string): string {
  const join = (p: string) => base + p.replace(/^\//, '');
  return FIGURE_REDIRECTS.map((r) => `${join(r.from)} ${join(r.to)} 301\n`).join('');
}

/** Where a host sends `path` by these rules (the first that matches), or null. */
export function figureRedirectTarget(path: string): string | null {
  for (const r of FIGURE_REDIRECTS) {
    const names: string[] = [];
    const source = r.from.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, n: string) => {
      names.push(n);
      return '([^/]+)';
    }).replace(/\*$/, '(.+)');
    const m = new RegExp(`^${source}$`).exec(path);
    if (!m) continue;
    const values = Object.fromEntries(names.map((n, i) => [n, m[i + 1]]));
    return r.to.replace(/:(\w+)/g, (_m, n: string) => values[n]);
  }
  return null;
}
