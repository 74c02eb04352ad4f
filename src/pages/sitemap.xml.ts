// sitemap.xml: every canonical page (latest-year duplicates under /<year>/ are left out).
import type { APIRoute } from 'astro';
import { fylker, identity, kommuner, latestYear, siteInfo, years } from '../site/data';
import {
  absoluteUrl, dataPath, endringsloggPath, fylkePath, homePath, kommunePath, metodePath, omraderPath, sammenlignPath, tabellPath,
  tilgjengelighetPath, withBase, yearPath,
} from '../site/urls';
import { hasPage } from '../site/siteRoot';

export const GET: APIRoute = ({ site }) => {
  const origin = site?.href ?? `${identity().siteUrl}/`;
  const paths: string[] = [homePath(), metodePath(), dataPath(), tabellPath(), sammenlignPath(), endringsloggPath(), tilgjengelighetPath()];
  if (hasPage('utvikling/index.astro')) paths.push(withBase('/utvikling/'));
  for (const y of years()) {
    if (y !== latestYear()) paths.push(yearPath(y), tabellPath(y));
    paths.push(omraderPath(y));
    for (const f of fylker(y)) paths.push(fylkePath(f, y));
    for (const k of kommuner(y)) paths.push(kommunePath(k, y));
  }
  const lastmod = siteInfo().generated;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${
    paths.map((p) => `<url><loc>${esc(absoluteUrl(origin, p))}</loc><lastmod>${lastmod}</lastmod></url>`).join('\n')
  }\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
