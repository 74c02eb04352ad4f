// The Content-Security-Policy, one source for `_headers` and each page's <meta http-equiv>.
// Directives are a list so a path can vary one of them (an embeddable page may allow framing).

export type Directive = [name: string, value: string];

export const CSP_DIRECTIVES: readonly Directive[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a <meta> policy cannot carry (CSP 3 §6.1): browsers ignore them there. */
export const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

/** The directives for a site-relative path; one policy for every page today. */
export function cspDirectivesFor(_path: string): readonly Directive[] {
  return CSP_DIRECTIVES;
}

export function headerPolicy(directives: readonly Directive[]): string {
  return directives.map(([n, v]) => `${n} ${v}`).join('; ');
}

/** The same policy without what only an HTTP header can carry. */
export function metaPolicy(directives: readonly Directive[]): string {
  return headerPolicy(directives.filter(([n]) => !HEADER_ONLY.has(n)));
}
