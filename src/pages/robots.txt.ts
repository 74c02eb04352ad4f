import type { APIRoute } from 'astro';
import { identity } from '../site/data';
import { absoluteUrl, withBase } from '../site/urls';

export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl(site?.href ?? `${identity().siteUrl}/`, withBase('/sitemap.xml'));
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
