import type { APIRoute } from 'astro';
import { absoluteUrl, withBase } from '../site/urls';

export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl(site?.href ?? 'https://digikommune.example/', withBase('/sitemap.xml'));
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
