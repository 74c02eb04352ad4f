// The response headers the site needs, by folder: one source for every host profile (`_headers`,
// nginx, Apache, Caddy, Azure, CloudFront) and for the preview server.
import { CSP_DIRECTIVES, headerPolicy } from '../../site/csp';

/** Pages also carry it (without frame-ancestors) in <meta http-equiv>: see src/site/csp.ts. */
export const CONTENT_SECURITY_POLICY = headerPolicy(CSP_DIRECTIVES);

/** The same policy for /embed/: other sites may frame those pages (and only those). */
export const EMBED_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", 'frame-ancestors *');

export const SECURITY_HEADERS: readonly [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
];

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Data files keep their names when a correction changes them: revalidated hourly. */
export const HOURLY = 'public, max-age=3600';

/**
 * A folder and the complete set of headers for everything in it. Zones never overlap and each
 * carries every header (security headers repeated), so a host that replaces rather than merges
 * headers per location (nginx's add_header, Caddy's matchers, CloudFront's one policy per
 * behaviour) cannot drop the site-wide ones.
 */
export interface HeaderZone {
  /** Site-relative folder with a trailing slash ('embed/'), or null for everything else. */
  folder: string | null;
  headers: [string, string][];
}

export const HEADER_ZONES: readonly HeaderZone[] = [
  { folder: 'embed/', headers: [['Content-Security-Policy', EMBED_CONTENT_SECURITY_POLICY], ...SECURITY_HEADERS] },
  { folder: '_astro/', headers: [['Content-Security-Policy', CONTENT_SECURITY_POLICY], ...SECURITY_HEADERS, ['Cache-Control', IMMUTABLE]] },
  { folder: 'data/', headers: [['Content-Security-Policy', CONTENT_SECURITY_POLICY], ...SECURITY_HEADERS, ['Cache-Control', HOURLY]] },
  { folder: null, headers: [['Content-Security-Policy', CONTENT_SECURITY_POLICY], ...SECURITY_HEADERS] },
];

/** The zone of a site-relative path (no leading slash, already normalised: no `..`, no `%2f`). */
export function zoneOf(relativePath: string): HeaderZone {
  return HEADER_ZONES.find((z) => z.folder !== null && relativePath.startsWith(z.folder)) ?? HEADER_ZONES[HEADER_ZONES.length - 1];
}
