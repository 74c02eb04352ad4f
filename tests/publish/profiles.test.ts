// Host profiles (issue 17): each host's files parsed back and checked, the real server binaries
// validating nginx, Apache and Caddy configuration (Debian packages nginx, apache2, caddy: the
// test fails, not skips, when one is missing), and the limits table.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderProfile, type ProfileInput } from '../../src/lib/publish/profiles';
import { HOST_LIMITS, HOST_NAMES, LIMIT_KEYS } from '../../src/lib/publish/hostLimits';
import { hostAnswer, parseHeadersFile, parseRedirectsFile } from '../../src/lib/publish/emulate';
import { compilePattern, matchDynamic } from '../../src/lib/publish/redirectRules';
import { CONTENT_SECURITY_POLICY, EMBED_CONTENT_SECURITY_POLICY } from '../../src/lib/publish/policies';

// A realistic rule set: every kommune number of three years and the renamed kommuner, as the demo has.
function demoLikeInput(base = '/'): ProfileInput {
  const fixed = [];
  for (let nr = 0; nr < 400; nr++) {
    const n = String(3000 + nr);
    fixed.push({ from: `/kommune/${n}/`, to: `/kommune/${n}-sted-${nr}/`, status: 301 });
    for (const year of [2018, 2021, 2024]) fixed.push({ from: `/${year}/kommune/${n}/`, to: `/${year}/kommune/${n}-sted-${nr}/`, status: 301 });
  }
  for (let nr = 0; nr < 300; nr++) {
    fixed.push({ from: `/kommune/0${100 + nr}-gammel-${nr}/`, to: `/kommune/${3000 + nr}-sted-${nr}/`, status: 301 });
    // An old number alone leads to today's kommune: answered by its static page on a rule budget.
    fixed.push({ from: `/kommune/0${100 + nr}/`, to: `/kommune/${3000 + nr}-sted-${nr}/`, status: 301 });
  }
  return { base, fixed, dynamic: [{ from: '/figur/:year/kommune/:slug/*', to: '/:year/kommune/:slug/', status: 301 }] };
}

function need(binary: string, pkg: string): string {
  const found = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'].map((d) => join(d, binary)).find((p) => existsSync(p));
  if (!found) throw new Error(`${binary} mangler: installer Debian-pakken «${pkg}» (apt-get install ${pkg}); .ci/run må installere den`);
  return found;
}

describe('the limits table', () => {
  it('names a documentation address for every limit, and «any» takes the strictest of each', () => {
    for (const name of HOST_NAMES) {
      for (const key of LIMIT_KEYS) {
        const l = HOST_LIMITS[name].limits[key];
        if (l) expect(l.source, `${name}.${key}`).toMatch(/^https:\/\//);
      }
    }
    expect(HOST_LIMITS.any.limits.files?.value).toBe(20_000);
    expect(HOST_LIMITS.any.limits.siteBytes?.value).toBe(250 * 1024 * 1024);
    expect(HOST_LIMITS.any.limits.redirectRules?.value).toBe(1000);
    expect(HOST_LIMITS.any.limits.dynamicRedirectRules?.value).toBe(100);
  });
});

describe('patterns', () => {
  it('compile placeholders and a trailing splat, and refuse what no host can express', () => {
    expect(compilePattern('/figur/:year/kommune/:slug/*').source).toBe('^/figur/([^/]+)/kommune/([^/]+)/(.*)$');
    const rule = { from: '/figur/:year/kommune/:slug/*', to: '/:year/kommune/:slug/', status: 301 as const };
    expect(matchDynamic(rule, '/figur/2024/kommune/0301-oslo/a.png')).toBe('/2024/kommune/0301-oslo/');
    expect(matchDynamic(rule, '/figur/2024/fylke/03-oslo/a.png')).toBeNull();
    expect(() => compilePattern('/a/*/b')).toThrow();
    expect(() => compilePattern('/a/x:y/')).toThrow();
  });
});

describe('_headers and _redirects profiles', () => {
  const input = demoLikeInput();
  for (const host of ['any', 'netlify', 'cloudflare', 'gitlab'] as const) {
    it(`${host}: at most 1 000 rules, none per kommune per year, fixed before dynamic`, () => {
      const p = renderProfile(host, input);
      const lines = parseRedirectsFile(p.site._redirects);
      expect(lines.length).toBeLessThanOrEqual(1000);
      expect(lines.length).toBe(400 + 300 + 1);
      expect(lines.filter((l) => /^\/\d{4}\/kommune\//.test(l.from))).toEqual([]);
      const firstDynamic = lines.findIndex((l) => l.pattern);
      expect(firstDynamic).toBe(lines.length - 1);
      expect(lines.every((l) => l.force === (host === 'netlify'))).toBe(true);
    });
  }
  it('gitlab gets no _headers (it would serve it), github neither file', () => {
    expect(Object.keys(renderProfile('gitlab', input).site)).toEqual(['_redirects']);
    expect(Object.keys(renderProfile('github', input).site)).toEqual(['.nojekyll']);
    expect(renderProfile('github', input).cannot.join(' ')).toMatch(/svarhoder/);
    expect(renderProfile('gitlab', input).cannot.join(' ')).toMatch(/svarhoder/);
  });
  it('the embed policy only on /embed/; /figur/ holds no files (figures are made in the browser), so its old addresses get the page policy (read back as Cloudflare would)', () => {
    const a = hostAnswer(renderProfile('cloudflare', input), '/');
    const csp = (p: string) => a.headers(p, 'file').filter(([k]) => k === 'Content-Security-Policy').map(([, v]) => v);
    expect(csp('/embed/2024/kommune/0301-oslo/')).toEqual([EMBED_CONTENT_SECURITY_POLICY]);
    expect(csp('/figur/2024/x.svg')).toEqual([CONTENT_SECURITY_POLICY]);
    expect(csp('/kommune/0301-oslo/')).toEqual([CONTENT_SECURITY_POLICY]);
    expect(parseHeadersFile(renderProfile('any', input).site._headers).length).toBeLessThanOrEqual(HOST_LIMITS.cloudflare.limits.headerRules!.value);
  });
});

describe('Azure staticwebapp.config.json', () => {
  const p = renderProfile('azure', demoLikeInput());
  const config = JSON.parse(p.site['staticwebapp.config.json']) as {
    globalHeaders: Record<string, string>;
    routes: { route: string; headers: Record<string, string> }[];
    responseOverrides: Record<string, { rewrite: string }>;
  };
  it('sets the page policy globally and each folder its whole set, within 20 KB', () => {
    expect(config.globalHeaders['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(config.globalHeaders['X-Content-Type-Options']).toBe('nosniff');
    const route = (r: string) => config.routes.find((x) => x.route === r)!.headers;
    expect(route('/embed/*')['Content-Security-Policy']).toContain('frame-ancestors *');
    expect(route('/embed/*')['Content-Security-Policy']).not.toContain("frame-ancestors 'none'");
    expect(config.routes.map((r) => r.route)).not.toContain('/figur/*');
    for (const r of config.routes) expect(r.headers['X-Content-Type-Options'], r.route).toBe('nosniff');
    expect(config.responseOverrides['404'].rewrite).toBe('/404.html');
    expect(Buffer.byteLength(p.site['staticwebapp.config.json'])).toBeLessThan(HOST_LIMITS.azure.limits.configBytes!.value);
  });
});

describe('server configuration, validated by the servers themselves', () => {
  const input = demoLikeInput('/digikommune/');

  it('nginx: every location repeats the security headers (add_header is not inherited); nginx -t accepts it', async () => {
    const conf = renderProfile('nginx', input).beside['nginx.conf'];
    const locations = conf.split(/\n    location /).slice(1);
    expect(locations.length).toBe(4);
    expect(locations.filter((l) => l.includes('/digikommune/figur/ '))).toEqual([]);
    expect(conf.split('\n    location ')[0]).toContain('    add_header X-Content-Type-Options "nosniff" always;');
    for (const loc of locations) {
      expect(loc).toContain('add_header X-Content-Type-Options "nosniff" always;');
      expect(loc).toContain('add_header Referrer-Policy');
      expect(loc).toContain('add_header Content-Security-Policy');
    }
    const embed = locations.find((l) => l.startsWith('^~ /digikommune/embed/'))!;
    expect(embed).toContain('frame-ancestors *');
    expect(embed).not.toContain("frame-ancestors 'none'");
    const nginx = need('nginx', 'nginx');
    const dir = await mkdtemp(join(tmpdir(), 'digikommune-nginx-'));
    try {
      await writeFile(join(dir, 'digikommune.conf'), conf);
      await writeFile(join(dir, 'main.conf'), `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n  include ${dir}/digikommune.conf;\n}\n`);
      const r = spawnSync(nginx, ['-t', '-q', '-p', dir, '-e', `${dir}/error.log`, '-c', join(dir, 'main.conf')], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('Caddy: folder policies on matchers that never overlap; caddy validate accepts it', async () => {
    const caddyText = renderProfile('caddy', input).beside.Caddyfile;
    expect(caddyText).toContain('@general not path /digikommune/embed/* /digikommune/_astro/* /digikommune/data/*');
    const caddy = need('caddy', 'caddy');
    const dir = await mkdtemp(join(tmpdir(), 'digikommune-caddy-'));
    try {
      await writeFile(join(dir, 'Caddyfile'), caddyText);
      const r = spawnSync(caddy, ['validate', '--adapter', 'caddyfile', '--config', join(dir, 'Caddyfile')], { encoding: 'utf8', env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir } });
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('Apache: the vhost with the .htaccess directives passes apache2 -t', async () => {
    const p = renderProfile('apache', input);
    expect(p.site['.htaccess']).toBe(p.beside['digikommune-directives.conf']);
    expect(p.site['.htaccess']).toMatch(/<If "%\{REQUEST_URI\} =~ m#\^\/digikommune\/embed\/#">\n {4}Header always set Content-Security-Policy "[^"]*frame-ancestors \*/);
    const apache = need('apache2', 'apache2');
    const dir = await mkdtemp(join(tmpdir(), 'digikommune-apache-'));
    try {
      for (const [name, text] of Object.entries(p.beside)) await writeFile(join(dir, name), text.replace('/srv/digikommune', join(dir, 'site')));
      await mkdir(join(dir, 'site'));
      const modules = ['mpm_event', 'authz_core', 'headers', 'alias', 'dir', 'mime', 'allowmethods'].map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`);
      await writeFile(
        join(dir, 'httpd.conf'),
        [`ServerRoot ${dir}`, ...modules, 'Listen 127.0.0.1:8080', `PidFile ${dir}/httpd.pid`, `ErrorLog ${dir}/error.log`, 'ServerName localhost', `DocumentRoot ${dir}/site`, 'Include apache-vhost.conf', ''].join('\n'),
      );
      const r = spawnSync(apache, ['-t', '-f', join(dir, 'httpd.conf')], { encoding: 'utf8' });
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('S3/CloudFront: the function is valid JavaScript within 10 KB and answers as described', () => {
    const p = renderProfile('s3', input);
    const code = p.beside['cloudfront-function.js'];
    expect(Buffer.byteLength(code)).toBeLessThan(HOST_LIMITS.s3.limits.functionBytes!.value);
    const handler = new Function(`${code}\nreturn handler;`)() as (e: unknown) => { uri?: string; statusCode?: number; headers?: { location: { value: string } } };
    const req = (uri: string, method = 'GET') => handler({ request: { uri, method } });
    expect(req('/digikommune/kommune/0301-oslo/').uri).toBe('/digikommune/kommune/0301-oslo/index.html');
    expect(req('/digikommune/kommune').headers?.location.value).toBe('/digikommune/kommune/');
    expect(req('/digikommune/figur/2024/kommune/0301-oslo/a.png')).toMatchObject({ statusCode: 301, headers: { location: { value: '/digikommune/2024/kommune/0301-oslo/' } } });
    expect(req('/digikommune/', 'POST').statusCode).toBe(405);
    const policies = JSON.parse(p.beside['cloudfront-policies.json']) as { CacheBehaviors: { PathPattern: string; ResponseHeadersPolicy: string }[]; ResponseHeadersPolicies: Record<string, { Name: string; SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: string } } }> };
    const embed = policies.CacheBehaviors.find((c) => c.PathPattern === '/digikommune/embed/*')!;
    const policy = Object.values(policies.ResponseHeadersPolicies).find((x) => x.Name === embed.ResponseHeadersPolicy)!;
    expect(policy.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy).toBe(EMBED_CONTENT_SECURITY_POLICY);
  });
});
