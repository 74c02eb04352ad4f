// A tiny static file server on 127.0.0.1 for the built site, as a CDN would serve it: the site
// lives under `base`, directories serve index.html, unknown paths get 404.html with status 404,
// and the rules of the site's own `_headers` file are applied (so the CSP is tested for real).
// With `redirects`, the `_redirects` rules answer first with their status (as Netlify/Cloudflare
// with a forced rule, nginx or Caddy do); without, the static redirect pages do the work.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  origin: string; // http://127.0.0.1:port
  url(path: string): string; // path relative to base, e.g. 'kommune/0301-oslo/'
  requests: string[];
  close(): Promise<void>;
}

interface HeaderRule {
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

function matches(pattern: string, path: string): boolean {
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  return path === pattern;
}

/** `_redirects` lines (`/from /to 301`) as a map from path to [target, status]. */
export function parseRedirectsFile(text: string): Map<string, [string, number]> {
  const out = new Map<string, [string, number]>();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const [from, to, status] = t.split(/\s+/);
    if (from && to) out.set(from, [to, Number.parseInt(status ?? '301', 10) || 301]);
  }
  return out;
}

export async function serveStatic(root: string, base = '/', options: { redirects?: boolean; host?: string; port?: number } = {}): Promise<StaticServer> {
  const b = base === '/' ? '/' : `/${base.replace(/^\/+|\/+$/g, '')}/`;
  let rules: HeaderRule[] = [];
  try {
    rules = parseHeadersFile(await readFile(join(root, '_headers'), 'utf8'));
  } catch {
    rules = [];
  }
  let redirects = new Map<string, [string, number]>();
  if (options.redirects) {
    try {
      redirects = parseRedirectsFile(await readFile(join(root, '_redirects'), 'utf8'));
    } catch {
      redirects = new Map();
    }
  }
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname);
    const send = async (status: number, file: string | null, pathForHeaders: string) => {
      // Every matching rule in order; «! Name» detaches what an earlier rule set (Cloudflare Pages).
      for (const rule of rules) {
        if (!matches(rule.pattern, pathForHeaders)) continue;
        for (const [k, v] of rule.headers) {
          if (k.startsWith('!')) res.removeHeader(k.slice(1).trim());
          else res.setHeader(k, v);
        }
      }
      if (file === null) {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return send(400, null, url.pathname);
    }
    const redirect = redirects.get(path);
    if (redirect) {
      for (const rule of rules) if (matches(rule.pattern, path)) for (const [k, v] of rule.headers) res.setHeader(k, v);
      res.writeHead(redirect[1], { location: redirect[0] });
      res.end();
      return;
    }
    if (!path.startsWith(b) && `${path}/` !== b) return notFound();
    if (`${path}/` === b) {
      res.writeHead(301, { location: b });
      res.end();
      return;
    }
    const rel = normalize(path.slice(b.length)).replace(/^(\.\.(\/|$))+/, '');
    let file = join(root, rel);
    try {
      const s = await stat(file);
      if (s.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { location: `${path}/` });
          res.end();
          return;
        }
        file = join(file, 'index.html');
        await stat(file);
      }
      return send(200, file, path);
    } catch {
      return notFound();
    }
    async function notFound() {
      try {
        await stat(join(root, '404.html'));
        return send(404, join(root, '404.html'), url.pathname);
      } catch {
        return send(404, null, url.pathname);
      }
    }
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: (p: string) => `${origin}${b}${p.replace(/^\//, '')}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
