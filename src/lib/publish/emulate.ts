// How each host answers a request, from the files its profile wrote: the preview server and the
// tests ask these functions, so what they check is the host's own configuration (the `_headers`
// and `_redirects` a profile wrote are parsed back), not a second copy of the rules.
// Paths here are normalised (decoded once, `..` resolved, slashes collapsed) and include the base:
// the same path picks the file, the headers and the redirect.
import { HEADER_ZONES, zoneOf } from './policies';
import { compilePattern, targetWithGroups, type DynamicRedirect, type StaticRedirect } from './redirectRules';
import type { HostName } from './hostLimits';
import type { ProfileOutput } from './profiles';

export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else if (rules.length > 0 && line.trim().startsWith('!')) rules[rules.length - 1].headers.push([line.trim(), '']);
    else if (rules.length > 0) {
      const i = line.indexOf(':');
      rules[rules.length - 1].headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}

function headerPatternMatches(pattern: string, path: string): boolean {
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  return path === pattern;
}

/** Every matching rule in order; «! Name» detaches what an earlier rule set (Cloudflare Pages). */
export function headersFromFile(rules: HeaderRule[], path: string): [string, string][] {
  const out = new Map<string, [string, string]>();
  for (const rule of rules) {
    if (!headerPatternMatches(rule.pattern, path)) continue;
    for (const [k, v] of rule.headers) {
      if (k.startsWith('!')) out.delete(k.slice(1).trim().toLowerCase());
      else out.set(k.toLowerCase(), [k, v]);
    }
  }
  return [...out.values()];
}

export interface RedirectLine {
  from: string;
  to: string;
  status: number;
  force: boolean;
  pattern: boolean;
}

export function parseRedirectsFile(text: string): RedirectLine[] {
  const out: RedirectLine[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const [from, to, code = '301'] = t.split(/\s+/);
    if (!from || !to) continue;
    const force = code.endsWith('!');
    const status = Number.parseInt(code, 10) || 301;
    out.push({ from, to, status, force, pattern: from.includes('*') || /\/:[a-z]/i.test(from) });
  }
  return out;
}

/** The first `_redirects` line (top to bottom, as the hosts read it) that matches, with its target. */
export function redirectFromLines(lines: RedirectLine[], path: string, forcedOnly = false): { location: string; status: number } | null {
  for (const l of lines) {
    if (forcedOnly && !l.force) continue;
    if (!l.pattern) {
      if (l.from === path) return { location: l.to, status: l.status };
      continue;
    }
    const c = compilePattern(l.from);
    const m = new RegExp(c.source).exec(path);
    if (m) return { location: targetWithGroups({ from: l.from, to: l.to, status: 301 }, (n) => m[n]), status: l.status };
  }
  return null;
}

export type ResponseKind = 'file' | 'notFound' | 'redirect';

export interface HostAnswer {
  /** A redirect the host answers before looking for a file (and one it answers only when none is found). */
  before(path: string): { location: string; status: number } | null;
  after(path: string): { location: string; status: number } | null;
  /** Headers for a response at `path`: a file, the 404 page, or a redirect. */
  headers(path: string, kind: ResponseKind): [string, string][];
  /** Names in the site root the host reads itself and never serves. */
  hidden: ReadonlySet<string>;
  /** The status of the redirect that adds a directory's trailing slash (Caddy: 308). */
  slashStatus?: number;
  /** Apache (AllowEncodedSlashes Off, its default) answers any path with %2F with a bare 404. */
  refusesEncodedSlash?: boolean;
}

const withBase = (base: string, p: string) => base + p.replace(/^\//, '');

function neutral(base: string, fixed: readonly StaticRedirect[], dynamic: readonly DynamicRedirect[]) {
  const exact = new Map(fixed.map((r) => [withBase(base, r.from), { location: withBase(base, r.to), status: r.status }]));
  const compiled = dynamic.map((r) => ({ re: new RegExp(compilePattern(withBase(base, r.from)).source), r: { ...r, to: withBase(base, r.to) } }));
  return (path: string) => {
    const hit = exact.get(path);
    if (hit) return hit;
    for (const { re, r } of compiled) {
      const m = re.exec(path);
      if (m) return { location: targetWithGroups(r, (n) => m[n]), status: r.status };
    }
    return null;
  };
}

/**
 * Headers by folder zone, matched on the site-relative normalised path (nginx, Apache, Caddy,
 * CloudFront). Their 404 page is served by an internal redirect to /404.html, so it gets the
 * general zone's headers; nginx answers its redirects before choosing a location, so they too.
 */
function zoneHeaders(base: string, redirectsGeneral: boolean) {
  return (path: string, kind: ResponseKind): [string, string][] => {
    if (kind === 'notFound' || (kind === 'redirect' && redirectsGeneral) || !path.startsWith(base)) return HEADER_ZONES[HEADER_ZONES.length - 1].headers;
    return zoneOf(path.slice(base.length)).headers;
  };
}

interface AzureConfig {
  globalHeaders?: Record<string, string>;
  routes?: { route: string; headers?: Record<string, string>; redirect?: string; statusCode?: number }[];
}

function azureAnswer(configText: string) {
  const config = JSON.parse(configText) as AzureConfig;
  const routes = config.routes ?? [];
  const match = (route: string, path: string) => (route.endsWith('*') ? path.startsWith(route.slice(0, -1)) : path === route);
  return {
    before: (path: string) => {
      const r = routes.find((x) => match(x.route, path));
      return r?.redirect ? { location: r.redirect, status: r.statusCode ?? 302 } : null;
    },
    headers: (path: string): [string, string][] => {
      const merged = new Map(Object.entries(config.globalHeaders ?? {}).map(([k, v]) => [k.toLowerCase(), [k, v] as [string, string]]));
      const r = routes.find((x) => match(x.route, path));
      for (const [k, v] of Object.entries(r?.headers ?? {})) merged.set(k.toLowerCase(), [k, v]);
      return [...merged.values()];
    },
  };
}

/** How `profile.host` answers, from the files the profile wrote. */
export function hostAnswer(profile: Pick<ProfileOutput, 'host' | 'site' | 'fixed' | 'dynamic' | 'hidden'>, base: string): HostAnswer {
  const host: HostName = profile.host;
  const hidden = new Set(profile.hidden);
  const none = () => null;
  switch (host) {
    case 'any':
    case 'netlify':
    case 'cloudflare':
    case 'gitlab': {
      const headerRules = profile.site._headers ? parseHeadersFile(profile.site._headers) : [];
      const lines = parseRedirectsFile(profile.site._redirects ?? '');
      const headers = (path: string) => headersFromFile(headerRules, path);
      // Cloudflare (and «any», read as Cloudflare would): rules before files. Netlify: forced
      // rules before files, the rest after. GitLab: files always win.
      if (host === 'netlify') return { before: (p) => redirectFromLines(lines, p, true), after: (p) => redirectFromLines(lines, p), headers, hidden };
      if (host === 'gitlab') return { before: none, after: (p) => redirectFromLines(lines, p), headers, hidden };
      return { before: (p) => redirectFromLines(lines, p), after: none, headers, hidden };
    }
    case 'github':
      return { before: none, after: none, headers: () => [], hidden };
    case 'azure': {
      const a = azureAnswer(profile.site['staticwebapp.config.json'] ?? '{}');
      return { before: a.before, after: none, headers: (p) => a.headers(p), hidden };
    }
    case 'nginx':
    case 'apache':
    case 'caddy':
    case 's3':
      return { before: neutral(base, profile.fixed, profile.dynamic), after: none, headers: zoneHeaders(base, host === 'nginx'), hidden, slashStatus: host === 'caddy' ? 308 : 301, refusesEncodedSlash: host === 'apache' };
  }
}
