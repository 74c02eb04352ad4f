// Host profiles (issue 17): for each host, exactly the files it reads, rendered from one neutral
// description of the site's headers (policies.ts) and redirects (redirectRules.ts). Files a host
// reads from the site root go in `site`; configuration an operator installs (nginx, Apache vhost,
// Caddy, CloudFront) goes in `beside`, a folder next to the output that is never published.
import { HEADER_ZONES, CONTENT_SECURITY_POLICY, EMBED_CONTENT_SECURITY_POLICY, HOURLY, IMMUTABLE, SECURITY_HEADERS, type HeaderZone } from './policies';
import { compilePattern, isYearly, targetWithGroups, type DynamicRedirect, type StaticRedirect } from './redirectRules';
import type { HostName } from './hostLimits';

export interface ProfileInput {
  base: string; // '/' or '/sub/'
  fixed: readonly StaticRedirect[];
  dynamic: readonly DynamicRedirect[];
}

export interface ProfileOutput {
  host: HostName;
  /** Files the host reads from the site root (path relative to the root → content). */
  site: Record<string, string>;
  /** Configuration for the operator, written beside the output (never served). */
  beside: Record<string, string>;
  /** Files in the site root the host itself reads and never serves. */
  hidden: string[];
  /** What the host cannot do, one sentence each (the build prints them on one line). */
  cannot: string[];
  /** The fixed redirects the host answers itself (the rest answer with their static page). */
  fixed: StaticRedirect[];
  dynamic: DynamicRedirect[];
  counts: { staticRules: number; dynamicRules: number; headerRules: number };
}

/** Where the operator's configuration goes: `dist` → `dist-config` (beside, never published). */
export function configDirName(outName: string): string {
  return `${outName}-config`;
}

export function normaliseBase(base: string | undefined): string {
  if (!base || base === '/') return '/';
  return `/${base.replace(/^\/+|\/+$/g, '')}/`;
}

const withBase = (base: string, path: string) => base + path.replace(/^\//, '');
const sortFixed = (list: readonly StaticRedirect[]) => [...list].sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));

/**
 * Fixed redirects a host with a rule budget (1 000 in any `_redirects`) answers itself: renamed
 * kommuner's old addresses and the number alone of today's kommuner, which grow only with kommune
 * reforms, never with survey years. The rest (`/<år>/kommune/<nr>/`, an old number alone) answer
 * with their static redirect page.
 */
export function boundedFixed(list: readonly StaticRedirect[]): StaticRedirect[] {
  const numberOnly = /^\/kommune\/(\d{4})\/$/;
  return sortFixed(
    list.filter((r) => {
      if (isYearly(r)) return false;
      const nr = numberOnly.exec(r.from)?.[1];
      return nr === undefined || r.to.startsWith(`/kommune/${nr}-`);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Netlify / Cloudflare Pages / GitLab Pages: `_headers` and `_redirects`.

/**
 * `_headers`: a host applies every rule that matches a path; `! Content-Security-Policy`
 * (Cloudflare Pages) first detaches the general rule's policy so the two are not both enforced,
 * and the later, more specific rule sets its own.
 */
export function headersFile(base: string): string {
  const b = normaliseBase(base);
  return [
    `${b}*`,
    `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`,
    ...SECURITY_HEADERS.map(([k, v]) => `  ${k}: ${v}`),
    // Astro fingerprints everything under _astro/: its names change when the content does.
    `${b}_astro/*`,
    `  Cache-Control: ${IMMUTABLE}`,
    `${b}data/*`,
    `  Cache-Control: ${HOURLY}`,
    `${b}embed/*`,
    '  ! Content-Security-Policy',
    `  Content-Security-Policy: ${EMBED_CONTENT_SECURITY_POLICY}`,
    '',
  ].join('\n');
}
export const HEADER_RULES_IN_FILE = 4;

/**
 * `_redirects`: fixed rules first (Cloudflare counts every rule after the first dynamic one as
 * dynamic), sorted; then the patterns. `force` adds Netlify's `!`, so the 301 wins over the static
 * redirect page at the same address.
 */
export function redirectsFile(fixed: readonly StaticRedirect[], dynamic: readonly DynamicRedirect[], base: string, force = false): string {
  const b = normaliseBase(base);
  const lines = [
    ...sortFixed(fixed).map((r) => `${withBase(b, r.from)} ${withBase(b, r.to)} ${r.status}${force ? '!' : ''}`),
    ...dynamic.map((r) => `${withBase(b, r.from)} ${withBase(b, r.to)} ${r.status}${force ? '!' : ''}`),
  ];
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

// ---------------------------------------------------------------------------------------------
// Azure Static Web Apps: staticwebapp.config.json.

export function azureConfig(base: string, dynamicCount: number): string {
  const b = normaliseBase(base);
  const general = HEADER_ZONES.find((z) => z.folder === null)!;
  const config = {
    globalHeaders: Object.fromEntries(general.headers),
    // Rule evaluation stops at the first match; a route's headers replace the global ones of
    // the same name, so each folder names its whole set.
    routes: HEADER_ZONES.filter((z) => z.folder !== null).map((z) => ({ route: `${b}${z.folder}*`, headers: Object.fromEntries(z.headers) })),
    responseOverrides: { '404': { rewrite: `${b}404.html` } },
    mimeTypes: { '.csv': 'text/csv; charset=utf-8', '.webmanifest': 'application/manifest+json', '.md': 'text/markdown; charset=utf-8' },
  };
  void dynamicCount;
  return `${JSON.stringify(config, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// nginx: one file for conf.d/ (http context): a map of fixed redirects and a server block whose
// every location repeats the security headers (add_header is not inherited into a location that
// has add_header of its own).

const nginxQuote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function nginxHeaders(zone: HeaderZone, indent: string): string[] {
  return zone.headers.map(([k, v]) => `${indent}add_header ${k} ${nginxQuote(v)} always;`);
}

export function nginxConfig(input: ProfileInput, fixed: readonly StaticRedirect[]): string {
  const b = normaliseBase(input.base);
  const general = HEADER_ZONES.find((z) => z.folder === null)!;
  const lines = [
    '# digikommune for nginx (written by npm run build -- --host nginx). Put this file in',
    '# /etc/nginx/conf.d/ (http context), set root to the built site, then: nginx -t && nginx -s reload',
    '',
    '# Old and number-only addresses → the page (one line each; the static redirect pages stay as a fallback).',
    'map $uri $digikommune_redirect {',
    '    default "";',
    ...sortFixed(fixed).map((r) => `    ${nginxQuote(withBase(b, r.from))} ${nginxQuote(withBase(b, r.to))};`),
    '}',
    '',
    'server {',
    '    listen 80;',
    '    server_name _;',
    '    root /srv/digikommune;',
    '    index index.html;',
    '    absolute_redirect off;',
    '    server_tokens off;',
    '    error_page 404 /404.html;',
    // Inherited only by what no location answers: the redirects and the 405 below.
    ...nginxHeaders(general, '    '),
    '    if ($request_method !~ ^(GET|HEAD)$) { return 405; }',
    '    if ($digikommune_redirect) { return 301 $digikommune_redirect; }',
    ...input.dynamic.map((r) => `    rewrite ${nginxQuote(compilePattern(withBase(b, r.from)).source)} ${nginxQuote(targetWithGroups({ ...r, to: withBase(b, r.to) }, (n) => `$${n}`))} ${r.status === 301 ? 'permanent' : 'redirect'};`),
    '',
    ...HEADER_ZONES.filter((z) => z.folder !== null).flatMap((z) => [`    location ^~ ${withBase(b, z.folder!)} {`, ...nginxHeaders(z, '        '), '    }']),
    `    location ${b} {`,
    ...nginxHeaders(general, '        '),
    '    }',
    '}',
    '',
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Apache httpd: .htaccess in the site root (Apache's default configuration never serves .ht*
// files), and the same directives for a vhost in the configuration folder.

const apacheQuote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const regexEscape = (s: string) => s.replace(/[.+?^${}()|[\]\\*]/g, '\\$&');

export function apacheDirectives(input: ProfileInput, fixed: readonly StaticRedirect[]): string {
  const b = normaliseBase(input.base);
  const zoned = HEADER_ZONES.filter((z) => z.folder !== null);
  const general = HEADER_ZONES.find((z) => z.folder === null)!;
  const set = (zone: HeaderZone) => zone.headers.map(([k, v]) => `    Header always set ${k} ${apacheQuote(v)}`);
  const lines = [
    '# digikommune for Apache httpd 2.4 (written by npm run build -- --host apache).',
    '# Needs mod_headers and mod_alias; as .htaccess it needs AllowOverride FileInfo Indexes.',
    'DirectoryIndex index.html',
    `ErrorDocument 404 ${b}404.html`,
    // REQUEST_URI here is the decoded, normalised path (the one that picked the file), so
    // /embed/..%2ftabell/ cannot borrow the embed policy; Apache refuses %2f by default anyway.
    ...zoned.flatMap((z, i) => [`<${i === 0 ? 'If' : 'ElseIf'} "%{REQUEST_URI} =~ m#^${regexEscape(withBase(b, z.folder!))}#">`, ...set(z), `</${i === 0 ? 'If' : 'ElseIf'}>`]),
    '<Else>',
    ...set(general),
    '</Else>',
    '',
    '# Old and number-only addresses → the page (the static redirect pages stay as a fallback).',
    ...sortFixed(fixed).map((r) => `RedirectMatch 301 ${apacheQuote(`^${regexEscape(withBase(b, r.from))}$`)} ${apacheQuote(withBase(b, r.to))}`),
    ...input.dynamic.map((r) => `RedirectMatch ${r.status} ${apacheQuote(compilePattern(withBase(b, r.from)).source)} ${apacheQuote(targetWithGroups({ ...r, to: withBase(b, r.to) }, (n) => `$${n}`))}`),
    '',
  ];
  return lines.join('\n');
}

export function apacheVhost(): string {
  return [
    '# digikommune for an Apache vhost (written by npm run build -- --host apache). Include it inside',
    '# <VirtualHost> with DocumentRoot at the built site; the directives are those of the site\'s',
    '# .htaccess, so with this file set AllowOverride None. Needs mod_headers, mod_alias and',
    '# mod_allowmethods (a2enmod headers alias allowmethods). Then: apachectl -t && apachectl graceful',
    '<Directory "/srv/digikommune">',
    '    Options -Indexes -MultiViews',
    '    AllowOverride None',
    '    Require all granted',
    // mod_allowmethods: anything but GET and HEAD gets 405 (only possible here, not in .htaccess).
    '    AllowMethods GET HEAD',
    '    Include digikommune-directives.conf',
    '</Directory>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Caddy: a Caddyfile. Header matchers never overlap (a later `header` for the same field would
// otherwise overwrite the folder's policy).

const caddyQuote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function caddyfile(input: ProfileInput, fixed: readonly StaticRedirect[]): string {
  const b = normaliseBase(input.base);
  const zoned = HEADER_ZONES.filter((z) => z.folder !== null);
  const general = HEADER_ZONES.find((z) => z.folder === null)!;
  const block = (matcher: string, zone: HeaderZone) => [`\theader ${matcher} {`, ...zone.headers.map(([k, v]) => `\t\t${k} ${caddyQuote(v)}`), '\t}'];
  const lines = [
    '# digikommune for Caddy 2 (written by npm run build -- --host caddy). Set the site address',
    '# and DIGIKOMMUNE_ROOT (the built site), then: caddy validate --config Caddyfile && caddy reload',
    '{$DIGIKOMMUNE_ADDRESS::8080} {',
    '\troot * {$DIGIKOMMUNE_ROOT:/srv/digikommune}',
    '\t@notread not method GET HEAD',
    '\trespond @notread 405',
    '\tmap {path} {digikommune_redirect} {',
    ...sortFixed(fixed).map((r) => `\t\t${withBase(b, r.from)} ${withBase(b, r.to)}`),
    '\t\tdefault ""',
    '\t}',
    '\t@fixed expression `{digikommune_redirect} != ""`',
    '\tredir @fixed {digikommune_redirect} 301',
    ...input.dynamic.flatMap((r, i) => [
      `\t@dynamic${i} path_regexp dynamic${i} ${compilePattern(withBase(b, r.from)).source}`,
      `\tredir @dynamic${i} ${targetWithGroups({ ...r, to: withBase(b, r.to) }, (n) => `{re.dynamic${i}.${n}}`)} ${r.status}`,
    ]),
    ...zoned.flatMap((z, i) => [`\t@zone${i} path ${withBase(b, z.folder!)}*`, ...block(`@zone${i}`, z)]),
    `\t@general not path ${zoned.map((z) => `${withBase(b, z.folder!)}*`).join(' ')}`,
    ...block('@general', general),
    '\tfile_server',
    '\thandle_errors {',
    // The error page is a page: the general policy, whichever folder the missing address was in.
    ...general.headers.map(([k, v]) => `\t\theader ${k} ${caddyQuote(v)}`),
    `\t\trewrite * ${b}404.html`,
    '\t\tfile_server {',
    '\t\t\tstatus {err.status_code}',
    '\t\t}',
    '\t}',
    '}',
    '',
  ];
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// S3 + CloudFront: a CloudFront Function (viewer request: index.html, trailing slash, dynamic
// redirects) and the response headers policies per cache behaviour.

export function cloudfrontFunction(input: ProfileInput): string {
  const b = normaliseBase(input.base);
  const tests = input.dynamic.map((r) => {
    const c = compilePattern(withBase(b, r.from));
    const target = targetWithGroups({ ...r, to: withBase(b, r.to) }, (n) => `' + m[${n}] + '`);
    return `  m = /${c.source.replace(/\//g, '\\/')}/.exec(uri);\n  if (m) return redirect(${r.status}, '${target}');`;
  });
  return [
    '// digikommune: CloudFront Function, viewer request (written by npm run build -- --host s3).',
    'function redirect(status, location) {',
    "  return { statusCode: status, statusDescription: status === 301 ? 'Moved Permanently' : 'Found', headers: { location: { value: location } } };",
    '}',
    'function handler(event) {',
    '  var request = event.request;',
    '  var uri = request.uri;',
    "  if (request.method !== 'GET' && request.method !== 'HEAD') return { statusCode: 405, statusDescription: 'Method Not Allowed' };",
    '  var m;',
    ...tests,
    "  if (uri.endsWith('/')) { request.uri = uri + 'index.html'; return request; }",
    "  var last = uri.slice(uri.lastIndexOf('/') + 1);",
    "  if (last.indexOf('.') < 0) return redirect(301, uri + '/');",
    '  return request;',
    '}',
    '',
  ].join('\n');
}

export function cloudfrontPolicies(base: string): string {
  const b = normaliseBase(base);
  const policy = (name: string, zone: HeaderZone) => {
    const h = Object.fromEntries(zone.headers);
    const custom = zone.headers.filter(([k]) => k === 'Cache-Control');
    return {
      Name: `digikommune-${name}`,
      SecurityHeadersConfig: {
        ContentSecurityPolicy: { ContentSecurityPolicy: h['Content-Security-Policy'], Override: true },
        ContentTypeOptions: { Override: true },
        ReferrerPolicy: { ReferrerPolicy: h['Referrer-Policy'], Override: true },
      },
      ...(custom.length > 0 ? { CustomHeadersConfig: { Quantity: custom.length, Items: custom.map(([k, v]) => ({ Header: k, Value: v, Override: true })) } } : {}),
    };
  };
  const zones = HEADER_ZONES.map((z) => ({ name: z.folder ? z.folder.replace(/[^a-z]/g, '') : 'site', zone: z }));
  return `${JSON.stringify(
    {
      $comment: 'digikommune for S3 + CloudFront (npm run build -- --host s3): one response headers policy per cache behaviour, the function on viewer request of every behaviour, S3 (REST origin with OAC) answering 403 for a missing key.',
      ResponseHeadersPolicies: Object.fromEntries(zones.map(({ name, zone }) => [name, policy(name, zone)])),
      CacheBehaviors: zones.filter(({ zone }) => zone.folder).map(({ name, zone }) => ({ PathPattern: `${b}${zone.folder}*`, ResponseHeadersPolicy: `digikommune-${name}`, FunctionAssociations: [{ EventType: 'viewer-request', Function: 'digikommune-request' }] })),
      DefaultCacheBehavior: { ResponseHeadersPolicy: 'digikommune-site', FunctionAssociations: [{ EventType: 'viewer-request', Function: 'digikommune-request' }] },
      CustomErrorResponses: [403, 404].map((code) => ({ ErrorCode: code, ResponsePagePath: `${b}404.html`, ResponseCode: 404 })),
    },
    null,
    2,
  )}\n`;
}

// ---------------------------------------------------------------------------------------------

const CANNOT_HEADERS = 'kan ikke sette svarhoder (CSP bare fra <meta>: ingen frame-ancestors, nosniff eller Referrer-Policy)';
const CANNOT_DYNAMIC = (n: number) => `kan ikke uttrykke ${n} dynamisk(e) videresending(er)`;
const YEARLY_BY_PAGE = 'svarer årsadressene med bare nummer (/<år>/kommune/<nr>/) med videresendingssiden (200), ikke 301';
const ALL_BY_PAGE = 'har ingen servervideresending: gamle adresser og adresser med bare nummer svarer med videresendingssiden (200)';

export function renderProfile(host: HostName, input: ProfileInput): ProfileOutput {
  const base = normaliseBase(input.base);
  const bounded = boundedFixed(input.fixed);
  const dynamic = [...input.dynamic];
  const out = (o: Omit<ProfileOutput, 'host' | 'counts'> & { headerRules: number; staticRules: number; dynamicRules: number }): ProfileOutput => ({
    host,
    site: o.site,
    beside: o.beside,
    hidden: o.hidden,
    cannot: o.cannot,
    fixed: o.fixed,
    dynamic: o.dynamic,
    counts: { staticRules: o.staticRules, dynamicRules: o.dynamicRules, headerRules: o.headerRules },
  });
  switch (host) {
    case 'any':
    case 'netlify':
    case 'cloudflare':
      return out({
        site: { _headers: headersFile(base), _redirects: redirectsFile(bounded, dynamic, base, host === 'netlify') },
        beside: {},
        hidden: ['_headers', '_redirects'],
        cannot: [YEARLY_BY_PAGE],
        fixed: bounded,
        dynamic,
        headerRules: HEADER_RULES_IN_FILE,
        staticRules: bounded.length,
        dynamicRules: dynamic.length,
      });
    case 'gitlab':
      return out({
        site: { _redirects: redirectsFile(bounded, dynamic, base) },
        beside: {},
        hidden: ['_redirects'],
        // GitLab serves a file before a rule: the static redirect pages answer (200) at those addresses.
        cannot: [CANNOT_HEADERS, 'lar en fil vinne over en regel: gamle adresser og adresser med bare nummer svarer med videresendingssiden (200)'],
        fixed: [],
        dynamic,
        headerRules: 0,
        staticRules: bounded.length,
        dynamicRules: dynamic.length,
      });
    case 'github':
      return out({
        site: { '.nojekyll': '' },
        beside: {},
        hidden: [],
        cannot: [CANNOT_HEADERS, ALL_BY_PAGE, ...(dynamic.length > 0 ? [CANNOT_DYNAMIC(dynamic.length)] : [])],
        fixed: [],
        dynamic: [],
        headerRules: 0,
        staticRules: 0,
        dynamicRules: 0,
      });
    case 'azure':
      return out({
        site: { 'staticwebapp.config.json': azureConfig(base, dynamic.length) },
        beside: {},
        hidden: ['staticwebapp.config.json'],
        // staticwebapp.config.json is capped at 20 KB: too small for a route per kommune number.
        cannot: [ALL_BY_PAGE.replace('har ingen servervideresending', 'har ikke plass til en rute per kommune i konfigurasjonen'), ...(dynamic.length > 0 ? [CANNOT_DYNAMIC(dynamic.length)] : [])],
        fixed: [],
        dynamic: [],
        headerRules: HEADER_ZONES.length,
        staticRules: 0,
        dynamicRules: 0,
      });
    case 'nginx':
      return out({ site: {}, beside: { 'nginx.conf': nginxConfig(input, input.fixed) }, hidden: [], cannot: [], fixed: sortFixed(input.fixed), dynamic, headerRules: HEADER_ZONES.length, staticRules: input.fixed.length, dynamicRules: dynamic.length });
    case 'apache': {
      const directives = apacheDirectives(input, input.fixed);
      return out({
        site: { '.htaccess': directives },
        beside: { 'apache-vhost.conf': apacheVhost(), 'digikommune-directives.conf': directives },
        hidden: ['.htaccess'],
        cannot: [],
        fixed: sortFixed(input.fixed),
        dynamic,
        headerRules: HEADER_ZONES.length,
        staticRules: input.fixed.length,
        dynamicRules: dynamic.length,
      });
    }
    case 'caddy':
      return out({ site: {}, beside: { Caddyfile: caddyfile(input, input.fixed) }, hidden: [], cannot: [], fixed: sortFixed(input.fixed), dynamic, headerRules: HEADER_ZONES.length, staticRules: input.fixed.length, dynamicRules: dynamic.length });
    case 's3':
      return out({
        site: {},
        beside: { 'cloudfront-function.js': cloudfrontFunction(input), 'cloudfront-policies.json': cloudfrontPolicies(base) },
        hidden: [],
        // The function is capped at 10 KB: no room for a table of kommune numbers.
        cannot: [ALL_BY_PAGE.replace('har ingen servervideresending', 'har ikke plass til en tabell over kommunenumre i CloudFront-funksjonen')],
        fixed: [],
        dynamic,
        headerRules: HEADER_ZONES.length,
        staticRules: 0,
        dynamicRules: dynamic.length,
      });
  }
}
