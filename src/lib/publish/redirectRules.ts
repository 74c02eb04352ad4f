// The site's redirects in one neutral form, before any host's syntax: fixed ones (one address to
// one address: renamed kommuner, the number alone) and dynamic ones (patterns, see
// dynamicRedirects.ts). Paths are site-relative without the base, like the pipeline's
// redirects.json.

export interface StaticRedirect {
  from: string; // '/kommune/3025-asker/'
  to: string;
  status: number;
}

export interface DynamicRedirect {
  from: string; // '/figur/:year/kommune/:slug/*'
  to: string; // '/:year/kommune/:slug/'
  status: 301 | 302;
}

/**
 * Fixed redirects whose number grows with every survey year (`/<år>/kommune/<nr>/`): a host with a
 * rule budget answers those with the static redirect pages the site writes anyway, and spends its
 * rules only on the bounded rest (one per kommune number and renamed kommune, whatever the years).
 */
export function isYearly(r: StaticRedirect): boolean {
  return /^\/\d{4}\//.test(r.from);
}

const SEGMENT = /^:([a-z][a-z0-9_]*)$/i;

export interface CompiledPattern {
  /** Anchored regex source for the site-relative path with its leading slash (no base). */
  source: string;
  names: string[];
  /** True when the pattern ends in `*` (the rest, named `splat`). */
  splat: boolean;
}

/** `/figur/:year/kommune/:slug/*` → `^/figur/([^/]+)/kommune/([^/]+)/(.*)$` with names. */
export function compilePattern(from: string): CompiledPattern {
  if (!from.startsWith('/')) throw new Error(`Mønsteret ${from} må begynne med /`);
  const splat = from.endsWith('*');
  const body = splat ? from.slice(0, -1) : from;
  if (body.includes('*')) throw new Error(`Mønsteret ${from} kan bare ha * til slutt`);
  const names: string[] = [];
  const parts = body.split('/').map((seg) => {
    const m = SEGMENT.exec(seg);
    if (m) {
      names.push(m[1]);
      return '([^/]+)';
    }
    if (seg.includes(':')) throw new Error(`Mønsteret ${from}: en plassholder må være et helt segment`);
    return seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  });
  if (splat) names.push('splat');
  return { source: `^${parts.join('/')}${splat ? '(.*)' : ''}$`, names, splat };
}

/** The target with `:name` replaced by `$<n>` (nginx, Apache, Caddy regex replacements). */
export function targetWithGroups(rule: DynamicRedirect, style: (n: number, name: string) => string): string {
  const { names } = compilePattern(rule.from);
  return rule.to.replace(/:([a-z][a-z0-9_]*)/gi, (whole, name: string) => {
    const i = names.indexOf(name);
    if (i < 0) throw new Error(`Målet ${rule.to} bruker :${name}, som mønsteret ${rule.from} ikke har`);
    return style(i + 1, name);
  });
}

/** Where a dynamic rule sends a site-relative path, or null when it does not match. */
export function matchDynamic(rule: DynamicRedirect, path: string): string | null {
  const { source, names } = compilePattern(rule.from);
  const m = new RegExp(source).exec(path);
  if (!m) return null;
  return targetWithGroups(rule, (n) => m[n]);
}
