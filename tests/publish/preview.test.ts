// The preview server (npm run preview -- --host <name>) under hostile requests, on every host
// profile: found by a hostile test of the old hand-written server (issue 17 §6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve';
import { renderProfile } from '../../src/lib/publish/profiles';
import { HOST_NAMES, type HostName } from '../../src/lib/publish/hostLimits';
import { CONTENT_SECURITY_POLICY, EMBED_CONTENT_SECURITY_POLICY } from '../../src/lib/publish/policies';

let tmp: string;
let site: string;

/** A raw request: the path goes out exactly as written (fetch would normalise it first). */
function raw(server: StaticServer, method: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const PAGE = (name: string) => `<!doctype html><html lang="nb"><head><link rel="stylesheet" href="/_astro/site.css"></head><body>${name}</body></html>`;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'digikommune-preview-'));
  site = join(tmp, 'dist');
  const files: Record<string, string> = {
    'index.html': PAGE('forside'),
    '404.html': PAGE('ikke-funnet'),
    'tabell/index.html': PAGE('tabell'),
    'embed/2024/kommune/0301-oslo/index.html': PAGE('innbygging'),
    'kommune/0301-oslo/index.html': PAGE('oslo'),
    'kommune/0301/index.html': PAGE('videresending'),
    'figur/2024/kart.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    '_astro/site.css': 'body{color:#111}',
    _headers: renderProfile('any', { base: '/', fixed: [], dynamic: [] }).site._headers,
    _redirects: '/kommune/0301/ /kommune/0301-oslo/ 301\n',
    '.hemmelig': 'nei',
  };
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(site, rel, '..'), { recursive: true });
    await writeFile(join(site, rel), text);
  }
  await writeFile(join(tmp, 'utenfor.txt'), 'utenfor-output');
  await mkdir(join(tmp, 'utenfor-mappe'));
  await writeFile(join(tmp, 'utenfor-mappe', 'index.html'), 'utenfor-mappe');
  await symlink(join(tmp, 'utenfor.txt'), join(site, 'lenke.txt'));
  await symlink(join(tmp, 'utenfor-mappe'), join(site, 'lenkemappe'));
  await mkdir(join(site, 'rart', 'index.html'), { recursive: true });
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const fixed = [{ from: '/kommune/0301/', to: '/kommune/0301-oslo/', status: 301 }];

describe.each(HOST_NAMES.map((h) => [h]))('preview as %s', (host: HostName) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(site, '/', { profile: renderProfile(host, { base: '/', fixed, dynamic: [] }), builtWith: ['_headers', '_redirects'] });
  });
  afterAll(async () => {
    await server.close();
  });
  const alive = async () => expect((await raw(server, 'GET', '/')).status).toBe(200);

  it('survives //a:b and other paths that are no URL', async () => {
    for (const path of ['//a:b', '/%', '/%E0%A4%A', '/a%00b', '/kommune%0d%0aSet-Cookie:x/']) {
      const r = await raw(server, 'GET', path);
      expect([400, 404], path).toContain(r.status);
    }
    await alive();
  });

  it('never redirects off-site, whatever the encoded slashes', async () => {
    for (const path of ['/%2fevil.example%2f..%2fkommune', '//evil.example/../kommune', '/%2f%2fevil.example/', '/kommune/0301-oslo']) {
      const r = await raw(server, 'GET', path);
      const where = r.headers.location as string | undefined;
      if (where !== undefined) {
        expect(where, path).toMatch(/^\/(?!\/)/);
        expect(new URL(where, server.origin).origin, path).toBe(server.origin);
      }
    }
    await alive();
  });

  it('matches the folder policies on the path that picked the file', async () => {
    const sneaky = await raw(server, 'GET', '/embed/..%2ftabell/');
    if (host === 'apache') {
      // Apache refuses an encoded slash outright (AllowEncodedSlashes Off): nothing served, no policy lent.
      expect(sneaky.status).toBe(404);
      expect(sneaky.headers['content-security-policy']).toBeUndefined();
      return;
    }
    expect(sneaky.body).toContain('tabell');
    const csp = sneaky.headers['content-security-policy'];
    if (csp !== undefined) expect(csp).toBe(CONTENT_SECURITY_POLICY);
    const reverse = await raw(server, 'GET', '/tabell/..%2fembed/2024/kommune/0301-oslo/');
    expect(reverse.body).toContain('innbygging');
    if (reverse.headers['content-security-policy'] !== undefined) expect(reverse.headers['content-security-policy']).toBe(EMBED_CONTENT_SECURITY_POLICY);
  });

  it('serves nothing outside the output, and no directory named index.html', async () => {
    for (const path of ['/lenke.txt', '/lenkemappe/', '/lenkemappe/index.html', '/../utenfor.txt', '/%2e%2e/utenfor.txt']) {
      const r = await raw(server, 'GET', path);
      expect(r.body, path).not.toContain('utenfor');
      expect([301, 404], path).toContain(r.status);
    }
    for (const path of ['/rart/', '/rart/index.html', '/rart/index.html/']) expect([301, 308, 404], path).toContain((await raw(server, 'GET', path)).status);
    await alive();
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) expect((await raw(server, method, '/')).status, method).toBe(405);
    expect((await raw(server, 'HEAD', '/')).status).toBe(200);
  });

  it("never serves the host's own files or dotfiles", async () => {
    for (const name of ['_headers', '_redirects', '.hemmelig', '.htaccess', 'staticwebapp.config.json', '.nojekyll']) {
      const r = await raw(server, 'GET', `/${name}`);
      expect(r.status, name).toBe(404);
    }
  });

  it('a missing figure shows the styled 404 page', async () => {
    const r = await raw(server, 'GET', '/figur/2024/finnes-ikke.png');
    expect(r.status).toBe(404);
    expect(r.body).toContain('ikke-funnet');
    const csp = r.headers['content-security-policy'] as string | undefined;
    // Whatever policy the host puts on it, the site's own stylesheet may load.
    if (csp !== undefined) expect(csp).toMatch(/style-src [^;]*'self'/);
  });

  it('answers the number alone with 301 or its static page', async () => {
    const r = await raw(server, 'GET', '/kommune/0301/');
    if (r.status === 301) expect(r.headers.location).toBe('/kommune/0301-oslo/');
    else expect(r.body).toContain('videresending');
  });
});
