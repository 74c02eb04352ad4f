// `_headers` and `_redirects` in the Netlify / Cloudflare Pages format.

import { CSP_DIRECTIVES, headerPolicy } from '../../src/site/csp';

/** Pages also carry it (without frame-ancestors) in <meta http-equiv>: see src/site/csp.ts. */
export const CONTENT_SECURITY_POLICY = headerPolicy(CSP_DIRECTIVES);

/**
 * The same policy for /embed/: other sites may frame those pages (and only those). A host applies
 * every rule that matches a path; `! Content-Security-Policy` (Cloudflare Pages) first detaches
 * the general rule's policy so the two are not both enforced, and the later, more specific rule
 * sets its own.
 */
export const EMBED_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", 'frame-ancestors *');

/**
 * Figure files are images, never pages: nothing in them may load or run, but a browser that opens
 * one on its own draws it in an image viewer whose inline styles (centring, backdrop) the page
 * policy would refuse. Only those styles are allowed; an SVG here still cannot run script
 * (default-src 'none'), fetch anything, or be framed.
 */
export const FIGURE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

/** `base` is the site's base path ('/' or '/sub/'); header rules must match the served paths. */
export function headersFile(base: string): string {
  const b = normaliseBase(base);
  return [
    `${b}*`,
    `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    // Astro fingerprints everything under _astro/: its names change when the content does.
    `${b}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    `${b}data/*`,
    '  Cache-Control: public, max-age=3600',
    // Figure files keep their names when a correction redraws them: revalidated like the data.
    `${b}figur/*`,
    '  Cache-Control: public, max-age=3600',
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${FIGURE_CONTENT_SECURITY_POLICY}`,
    `${b}embed/*`,
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${EMBED_CONTENT_SECURITY_POLICY}`,
    '',
  ].join('\n');
}

export interface Redirect {
  from: string; // path without base, e.g. '/kommune/3025-asker/'
  to: string;
  status?: number;
}

export function redirectsFile(redirects: Redirect[], base: string): string {
  const b = normaliseBase(base);
  const join = (p: string) => b + p.replace(/^\//, '');
  const lines = [...redirects]
    .sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0))
    .map((r) => `${join(r.from)} ${join(r.to)} ${r.status ?? 301}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function normaliseBase(base: string | undefined): string {
  if (!base || base === '/') return '/';
  return `/${base.replace(/^\/+|\/+$/g, '')}/`;
}
