// The nginx, Apache and Caddy configuration run for real (Debian packages nginx, apache2 and caddy; the test fails
// when one is missing) on a small site, answering as the preview says that host answers: the
// same status, Location and Content-Security-Policy for each hostile and ordinary path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderProfile, type ProfileInput } from '../../src/lib/publish/profiles';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve';

const PATHS = ['/', '/embed/x/', '/embed/..%2ftabell/', '/tabell/..%2fembed/x/', '/figur/2024/a.svg', '/figur/2024/finnes-ikke.png', '/figur/2024/kommune/0301-oslo/a.png', '/kommune/0301/', '/kommune/0301-oslo', '/%2fevil.example%2f..%2fkommune/0301-oslo', '/_astro/a.css', '/finnes-ikke/'];
const INPUT: ProfileInput = {
  base: '/',
  fixed: [{ from: '/kommune/0301/', to: '/kommune/0301-oslo/', status: 301 }],
  dynamic: [{ from: '/figur/:year/kommune/:slug/*', to: '/:year/kommune/:slug/', status: 301 }],
};

let tmp: string;
let site: string;

function get(port: number, path: string): Promise<{ status: number; location?: string; csp?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ hostname: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, csp: res.headers['content-security-policy'] as string | undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * A port nothing listens on now, as the system hands one out (a port made from the process id
 * could be one another file's server holds, now that files run side by side).
 */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await get(port, '/');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`no server on ${port}`);
}

function binary(name: string, pkg: string): string {
  const found = ['/usr/sbin', '/usr/bin'].map((d) => join(d, name)).find((p) => existsSync(p));
  if (!found) throw new Error(`${name} mangler: installer Debian-pakken «${pkg}»; .ci/run må installere den`);
  return found;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'digikommune-servers-'));
  // nginx's workers run as an unprivileged user: the site must be readable by anyone.
  await chmod(tmp, 0o755);
  site = join(tmp, 'site');
  const files: Record<string, string> = {
    'index.html': 'forside', '404.html': 'ikke funnet', 'embed/x/index.html': 'innbygging', 'tabell/index.html': 'tabell',
    'figur/2024/a.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>', 'kommune/0301-oslo/index.html': 'oslo', 'kommune/0301/index.html': 'videresending', '_astro/a.css': 'p{}',
  };
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(site, rel, '..'), { recursive: true });
    await writeFile(join(site, rel), text, { mode: 0o644 });
  }
  for (const dir of ['', 'embed', 'embed/x', 'tabell', 'figur', 'figur/2024', 'kommune', 'kommune/0301-oslo', 'kommune/0301', '_astro']) await chmod(join(site, dir), 0o755);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function compare(host: 'nginx' | 'caddy' | 'apache', port: number) {
  const preview: StaticServer = await serveStatic(site, '/', { profile: renderProfile(host, INPUT) });
  const previewPort = Number(new URL(preview.origin).port);
  try {
    for (const path of PATHS) {
      const real = await get(port, path);
      const emulated = await get(previewPort, path);
      // Apache writes absolute Locations: compare the path.
      if (real.location) real.location = new URL(real.location, 'http://x').pathname;
      expect({ path, ...real }).toEqual({ path, ...emulated });
    }
  } finally {
    await preview.close();
  }
}

describe('real servers answer as the preview says', () => {
  let child: ChildProcess | null = null;
  afterAll(() => {
    child?.kill('SIGTERM');
  });
  /** The server just started as `child`: wait for its port, compare its answers, stop it. */
  async function serveAndCompare(host: 'nginx' | 'caddy' | 'apache', port: number): Promise<void> {
    try {
      await waitFor(port);
      await compare(host, port);
    } finally {
      child?.kill('SIGTERM');
      child = null;
    }
  }

  it('nginx', async () => {
    const nginx = binary('nginx', 'nginx');
    const port = await freePort();
    const dir = join(tmp, 'nginx');
    await mkdir(join(dir, 'tmp'), { recursive: true });
    const conf = renderProfile('nginx', INPUT).beside['nginx.conf'].replace('listen 80;', `listen 127.0.0.1:${port};`).replace('root /srv/digikommune;', `root ${site};`);
    await writeFile(join(dir, 'digikommune.conf'), conf);
    await writeFile(join(dir, 'main.conf'), `daemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n  client_body_temp_path ${dir}/tmp;\n  include ${dir}/digikommune.conf;\n}\n`);
    expect(spawnSync(nginx, ['-t', '-q', '-p', dir, '-e', `${dir}/error.log`, '-c', join(dir, 'main.conf')]).status).toBe(0);
    child = spawn(nginx, ['-p', dir, '-e', `${dir}/error.log`, '-c', join(dir, 'main.conf')], { stdio: 'ignore' });
    await serveAndCompare('nginx', port);
  });

  it('Apache (the vhost with the .htaccess directives)', async () => {
    const apache = binary('apache2', 'apache2');
    const port = await freePort();
    const dir = join(tmp, 'apache');
    await mkdir(dir, { recursive: true });
    for (const [name, text] of Object.entries(renderProfile('apache', INPUT).beside)) await writeFile(join(dir, name), text.replace('/srv/digikommune', site));
    const modules = ['mpm_event', 'authz_core', 'headers', 'alias', 'dir', 'mime', 'allowmethods'].map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`);
    await writeFile(
      join(dir, 'httpd.conf'),
      [`ServerRoot ${dir}`, ...modules, 'User nobody', 'Group nogroup', 'TypesConfig /etc/mime.types', `Listen 127.0.0.1:${port}`, `PidFile ${dir}/httpd.pid`, `ErrorLog ${dir}/error.log`, 'ServerName localhost', `DocumentRoot ${site}`, 'Include apache-vhost.conf', ''].join('\n'),
    );
    child = spawn(apache, ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'], { stdio: 'ignore' });
    await serveAndCompare('apache', port);
  });

  it('Caddy', async () => {
    const caddy = binary('caddy', 'caddy');
    const port = await freePort();
    const dir = join(tmp, 'caddy');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'Caddyfile'), `{\n\tadmin off\n}\n${renderProfile('caddy', INPUT).beside.Caddyfile}`);
    child = spawn(caddy, ['run', '--adapter', 'caddyfile', '--config', join(dir, 'Caddyfile')], {
      stdio: 'ignore',
      env: { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir, DIGIKOMMUNE_ROOT: site, DIGIKOMMUNE_ADDRESS: `http://127.0.0.1:${port}` },
    });
    await serveAndCompare('caddy', port);
  });
});
