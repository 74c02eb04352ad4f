// What each host documents as its limits, as data: the build checks its output against the chosen
// profile before publishing, and `npm run bench` prints the headroom. Every number names the page
// it comes from, so a reader can check it (and update it when a host changes its terms).
import { z } from 'zod';

export const HOST_NAMES = ['any', 'netlify', 'cloudflare', 'gitlab', 'github', 'azure', 'nginx', 'apache', 'caddy', 's3'] as const;
export type HostName = (typeof HOST_NAMES)[number];

const limit = z.object({ value: z.number().int().positive(), source: z.string().url() });
export type Limit = z.infer<typeof limit>;

export const LIMIT_KEYS = [
  'files',
  'siteBytes',
  'fileBytes',
  'redirectRules',
  'staticRedirectRules',
  'dynamicRedirectRules',
  'redirectsFileBytes',
  'redirectLineChars',
  'headerRules',
  'configBytes',
  'functionBytes',
  'headerValueChars',
] as const;
export type LimitKey = (typeof LIMIT_KEYS)[number];

const hostLimits = z.object({
  title: z.string(),
  limits: z.object(Object.fromEntries(LIMIT_KEYS.map((k) => [k, limit.optional()])) as Record<LimitKey, z.ZodOptional<typeof limit>>).strict(),
  /** Constraints that are not a count (deploy time, plan), each with its source. */
  deploy: z.array(z.object({ note: z.string(), source: z.string().url() })),
});
export type HostLimits = z.infer<typeof hostLimits>;

/** What a limit counts, in the build's messages (Norwegian, like every message the CLIs print). */
export const LIMIT_LABELS: Record<LimitKey, string> = {
  files: 'filer i nettstedet',
  siteBytes: 'byte i nettstedet',
  fileBytes: 'byte i den største fila',
  redirectRules: 'videresendingsregler i alt',
  staticRedirectRules: 'statiske videresendingsregler',
  dynamicRedirectRules: 'dynamiske videresendingsregler (plassholdere, *)',
  redirectsFileBytes: 'byte i _redirects',
  redirectLineChars: 'tegn på den lengste linja i _redirects',
  headerRules: 'regler i _headers',
  configBytes: 'byte i vertens konfigurasjonsfil',
  functionBytes: 'byte i CloudFront-funksjonen',
  headerValueChars: 'tegn i den lengste Content-Security-Policy',
};

/** What to do when a limit is crossed, per limit (the build prints it after the count). */
export const LIMIT_ADVICE: Record<LimitKey, string> = {
  files: 'bygg færre årganger eller velg en vert uten filgrense (f.eks. --host nginx eller netlify)',
  siteBytes: 'bygg færre årganger, eller velg en større plan eller en annen vert',
  fileBytes: 'del opp eller krymp den største fila (se listen over)',
  redirectRules: 'flytt faste videresendinger til videresendingssider, eller bruk dynamiske regler',
  staticRedirectRules: 'flytt faste videresendinger til videresendingssider, eller bruk dynamiske regler',
  dynamicRedirectRules: 'slå sammen mønstrene i src/lib/publish/dynamicRedirects.ts',
  redirectsFileBytes: 'færre eller kortere regler i _redirects',
  redirectLineChars: 'kortere adresser i regelen',
  headerRules: 'slå sammen reglene i _headers',
  configBytes: 'færre ruter i konfigurasjonen (faste videresendinger klarer seg med videresendingssidene)',
  functionBytes: 'færre regler i CloudFront-funksjonen',
  headerValueChars: 'en kortere Content-Security-Policy (src/site/csp.ts)',
};

const MiB = 1024 * 1024;
const CF_PAGES_LIMITS = 'https://developers.cloudflare.com/pages/platform/limits/';
const CF_PAGES_REDIRECTS = 'https://developers.cloudflare.com/pages/configuration/redirects/';
const CF_PAGES_HEADERS = 'https://developers.cloudflare.com/pages/configuration/headers/';
const GITLAB_REDIRECTS = 'https://docs.gitlab.com/user/project/pages/redirects/';
const GITLAB_COM = 'https://docs.gitlab.com/user/gitlab_com/';
const GITHUB_LIMITS = 'https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits';
const GITHUB_LARGE_FILES = 'https://docs.github.com/en/repositories/working-with-files/managing-large-files/about-large-files-on-github';
const AZURE_QUOTAS = 'https://learn.microsoft.com/en-us/azure/static-web-apps/quotas';
const AZURE_CONFIG = 'https://learn.microsoft.com/en-us/azure/static-web-apps/configuration';
const CLOUDFRONT_QUOTAS = 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html';
const NETLIFY_REDIRECTS = 'https://docs.netlify.com/routing/redirects/';
const NETLIFY_HEADERS = 'https://docs.netlify.com/routing/headers/';
const NGINX_DOCS = 'https://nginx.org/en/docs/http/ngx_http_headers_module.html';
const APACHE_DOCS = 'https://httpd.apache.org/docs/2.4/mod/mod_headers.html';
const CADDY_DOCS = 'https://caddyserver.com/docs/caddyfile/directives/header';
/**
 * The project's own cap on any `_redirects` (issue 17): GitLab processes none of the rules when
 * there are more than 1 000, and a file meant for any host must work there.
 */
const REDIRECTS_CAP = { value: 1000, source: GITLAB_REDIRECTS };

const TABLE = {
  netlify: {
    title: 'Netlify',
    limits: { redirectRules: REDIRECTS_CAP },
    deploy: [
      { note: '_headers og _redirects leses fra roten av nettstedet; en regel uten ! viker for en fil på samme adresse', source: NETLIFY_REDIRECTS },
      { note: 'svarhoder settes per sti i _headers', source: NETLIFY_HEADERS },
    ],
  },
  cloudflare: {
    title: 'Cloudflare Pages (Free)',
    limits: {
      files: { value: 20_000, source: CF_PAGES_LIMITS },
      fileBytes: { value: 25 * MiB, source: CF_PAGES_LIMITS },
      redirectRules: REDIRECTS_CAP,
      staticRedirectRules: { value: 2000, source: CF_PAGES_REDIRECTS },
      dynamicRedirectRules: { value: 100, source: CF_PAGES_REDIRECTS },
      redirectLineChars: { value: 1000, source: CF_PAGES_REDIRECTS },
      headerRules: { value: 100, source: CF_PAGES_HEADERS },
    },
    deploy: [
      { note: 'videresendinger følges alltid, også når en fil finnes på adressen; statiske regler før dynamiske', source: CF_PAGES_REDIRECTS },
      { note: '100 000 filer på betalte planer', source: CF_PAGES_LIMITS },
    ],
  },
  gitlab: {
    title: 'GitLab Pages (GitLab.com)',
    limits: {
      files: { value: 200_000, source: GITLAB_COM },
      siteBytes: { value: 1024 * MiB, source: GITLAB_COM },
      redirectRules: REDIRECTS_CAP,
      redirectsFileBytes: { value: 64 * 1024, source: GITLAB_REDIRECTS },
    },
    deploy: [
      { note: 'med flere enn 1 000 regler i _redirects brukes ingen av dem; en fil på adressen vinner over en regel', source: GITLAB_REDIRECTS },
      { note: 'ingen egne svarhoder (ingen _headers)', source: GITLAB_REDIRECTS },
    ],
  },
  github: {
    title: 'GitHub Pages',
    limits: {
      siteBytes: { value: 1024 * MiB, source: GITHUB_LIMITS },
      fileBytes: { value: 100 * MiB, source: GITHUB_LARGE_FILES },
    },
    deploy: [
      { note: 'en publisering må bli ferdig innen 10 minutter', source: GITHUB_LIMITS },
      { note: 'ingen svarhoder og ingen servervideresending: bare statiske videresendingssider', source: GITHUB_LIMITS },
    ],
  },
  azure: {
    title: 'Azure Static Web Apps (Free)',
    limits: {
      siteBytes: { value: 250 * MiB, source: AZURE_QUOTAS },
      configBytes: { value: 20 * 1024, source: AZURE_CONFIG },
    },
    deploy: [
      { note: '500 MB per app på Standard-planen', source: AZURE_QUOTAS },
      { note: 'ruter har bare * til slutt og ingen plassholdere i målet: dynamiske videresendinger kan ikke uttrykkes', source: AZURE_CONFIG },
    ],
  },
  nginx: { title: 'nginx (eget kontor)', limits: {}, deploy: [{ note: 'ingen grenser utover maskinens; add_header arves ikke inn i en location som har sine egne', source: NGINX_DOCS }] },
  apache: { title: 'Apache httpd (eget kontor)', limits: {}, deploy: [{ note: 'ingen grenser utover maskinens; .htaccess krever AllowOverride FileInfo Indexes', source: APACHE_DOCS }] },
  caddy: { title: 'Caddy (eget kontor)', limits: {}, deploy: [{ note: 'ingen grenser utover maskinens', source: CADDY_DOCS }] },
  s3: {
    title: 'Amazon S3 + CloudFront',
    limits: {
      functionBytes: { value: 10 * 1024, source: CLOUDFRONT_QUOTAS },
      headerValueChars: { value: 1783, source: CLOUDFRONT_QUOTAS },
    },
    deploy: [{ note: 'svarhoder fra en response headers policy per atferd (cache behavior); videresendinger i en CloudFront Function', source: CLOUDFRONT_QUOTAS }],
  },
} satisfies Record<Exclude<HostName, 'any'>, HostLimits>;

/** `any`: the strictest value of every limit, so its output works on every host above. */
function strictest(): HostLimits {
  const limits: Partial<Record<LimitKey, Limit>> = {};
  for (const host of Object.values(TABLE) as HostLimits[]) {
    for (const key of LIMIT_KEYS) {
      const l = host.limits[key];
      if (l && (!limits[key] || l.value < limits[key]!.value)) limits[key] = l;
    }
  }
  // Azure's configuration file and the CloudFront function are not written for «any».
  delete limits.configBytes;
  delete limits.functionBytes;
  delete limits.headerValueChars;
  return { title: 'hvilken som helst vert (strengeste grense hos hver)', limits, deploy: [] };
}

export const HOST_LIMITS: Record<HostName, HostLimits> = z
  .record(z.enum(HOST_NAMES), hostLimits)
  .parse({ ...TABLE, any: strictest() }) as Record<HostName, HostLimits>;

/**
 * Limits the default profile only warns about: a site too big for the smallest free plans still
 * builds by default (other hosts take it), and the build says which hosts it no longer fits and
 * how to choose one (`--host`). Every other limit, and every limit of a named host, stops the build.
 */
export const SOFT_FOR_ANY: readonly LimitKey[] = ['files', 'siteBytes'];

export function isHostName(name: string): name is HostName {
  return (HOST_NAMES as readonly string[]).includes(name);
}
