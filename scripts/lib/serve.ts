// The preview server: the built site on 127.0.0.1 as a host profile would serve it, on `sirv` (a
// maintained static file server) for the sending, with the host's rules (src/lib/publish/
// emulate.ts) in front. Every request path is decoded once, `..` resolved and slashes collapsed
// before anything else, and that one path picks the redirect, the file and the headers: an
// encoded `..` or `/` can neither borrow another folder's policy nor build an off-site Location.
// Only GET and HEAD; files outside the output (symlinks) and the host's own files are never served.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { join, posix, sep } from 'node:path';
import sirv from 'sirv';
import { hostAnswer, parseHeadersFile as parseHeaders, type HostAnswer, type ResponseKind } from '../../src/lib/publish/emulate';
import { normaliseBase, renderProfile, type ProfileOutput } from '../../src/lib/publish/profiles';
import type { HostName } from '../../src/lib/publish/hostLimits';

export interface StaticServer {
  origin: string; // http://127.0.0.1:port
  url(path: string): string; // path relative to base, e.g. 'kommune/0301-oslo/'
  requests: string[];
  /** The status and Location the server would answer a GET of `rawUrl` with, without the HTTP round trip. */
  probe(rawUrl: string): Promise<{ status: number; location: string | null }>;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Answer the `_redirects` rules (the default «any» reading); without, the static pages redirect. */
  redirects?: boolean;
  /** Address to listen on (default 127.0.0.1). */
  host?: string;
  port?: number;
  /** Serve as this host profile would (the profile's own files in place of those on disk). */
  profile?: Pick<ProfileOutput, 'host' | 'site' | 'fixed' | 'dynamic' | 'hidden'>;
  /** Files in the site root that belong to the profile the output was built with (replaced by `profile`'s). */
  builtWith?: string[];
}

type Decision =
  | { kind: 'status'; status: number }
  | { kind: 'redirect'; path: string; location: string; status: number }
  | { kind: 'notFound'; path: string }
  | { kind: 'overlay'; path: string; rel: string; text: string }
  | { kind: 'file'; path: string; rel: string };

/** Kept for callers that parse `_headers` through this module. */
export const parseHeadersFile = parseHeaders;

/** The request path decoded once and normalised, or null when it cannot be a path. */
export function normalisePath(rawUrl: string): string | null {
  const raw = rawUrl.split(/[?#]/, 1)[0];
  if (!raw.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (/[\0\r\n]/.test(decoded) || decoded.includes('\\')) return null;
  const trailing = decoded.endsWith('/') || /\/\.\.?$/.test(decoded);
  const normal = posix.normalize(decoded.replace(/\/{2,}/g, '/'));
  const path = normal.startsWith('/') ? normal : `/${normal}`;
  return trailing && !path.endsWith('/') ? `${path}/` : path;
}

/** A Location header from a site path: one leading slash, encoded, never another origin. */
function location(path: string): string {
  return encodeURI(`/${path.replace(/^\/+/, '')}`);
}

async function defaultProfile(root: string, redirects: boolean): Promise<ProfileOutput> {
  const read = async (name: string) => (existsSync(join(root, name)) ? readFile(join(root, name), 'utf8') : undefined);
  const headers = await read('_headers');
  const redirectLines = redirects ? await read('_redirects') : undefined;
  const site: Record<string, string> = {};
  if (headers !== undefined) site._headers = headers;
  if (redirectLines !== undefined) site._redirects = redirectLines;
  return { ...renderProfile('any', { base: '/', fixed: [], dynamic: [] }), site, hidden: ['_headers', '_redirects'] };
}

export async function serveStatic(root: string, base = '/', options: ServeOptions = {}): Promise<StaticServer> {
  const b = normaliseBase(base);
  const realRoot = await realpath(root);
  const profile = options.profile ?? (await defaultProfile(root, options.redirects ?? false));
  const answer: HostAnswer = hostAnswer(profile, b);
  // On disk but not this profile's: the files another profile wrote into the root.
  const foreign = new Set((options.builtWith ?? []).filter((n) => !(n in profile.site)));
  const overlay = new Map(Object.entries(profile.site).filter(([n]) => !answer.hidden.has(n) && !n.startsWith('.')));
  const send = sirv(root, { dev: true, etag: true, dotfiles: false, extensions: [] });
  const requests: string[] = [];

  /** A regular file inside the output at the site-relative `rel`, or null. */
  async function fileAt(rel: string): Promise<string | null> {
    const top = rel.split('/')[0];
    if (rel.split('/').some((s) => s.startsWith('.')) || answer.hidden.has(rel) || foreign.has(top)) return null;
    const full = join(realRoot, rel);
    try {
      if (!(await stat(full)).isFile()) return null;
      const real = await realpath(full);
      return real.startsWith(realRoot + sep) ? full : null;
    } catch {
      return null;
    }
  }

  async function isDirectory(rel: string): Promise<boolean> {
    if (rel.split('/').some((s) => s.startsWith('.'))) return false;
    try {
      const full = join(realRoot, rel);
      if (!(await lstat(full)).isDirectory()) return false;
      return (await realpath(full)).startsWith(realRoot + sep);
    } catch {
      return false;
    }
  }

  function setHeaders(res: ServerResponse, path: string, kind: ResponseKind) {
    for (const [k, v] of answer.headers(path, kind)) res.setHeader(k, v);
  }

  function redirect(res: ServerResponse, path: string, r: { location: string; status: number }) {
    setHeaders(res, path, 'redirect');
    res.writeHead(r.status, { location: location(r.location) });
    res.end();
  }

  async function notFound(req: IncomingMessage, res: ServerResponse, path: string) {
    setHeaders(res, path, 'notFound');
    const page = await fileAt('404.html');
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const body = await readFile(page);
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** What the host does with a request: one decision, used by the server and by probe(). */
  async function decide(method: string, rawUrl: string): Promise<Decision> {
    if (method !== 'GET' && method !== 'HEAD') return { kind: 'status', status: 405 };
    if (answer.refusesEncodedSlash && /%2f/i.test(rawUrl.split('?')[0])) return { kind: 'status', status: 404 };
    const path = normalisePath(rawUrl);
    if (path === null) return { kind: 'status', status: 400 };
    if (`${path}/` === b) return { kind: 'redirect', path, location: b, status: 301 };
    const before = answer.before(path);
    if (before) return { kind: 'redirect', path, ...before };
    if (!path.startsWith(b)) return { kind: 'notFound', path };
    const rel = path.slice(b.length);
    const inOverlay = overlay.get(rel);
    if (inOverlay !== undefined) return { kind: 'overlay', path, rel, text: inOverlay };
    const target = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
    if (await fileAt(target)) return { kind: 'file', path, rel: target };
    if (rel !== '' && !rel.endsWith('/') && (await isDirectory(rel))) return { kind: 'redirect', path, location: `${path}/`, status: answer.slashStatus ?? 301 };
    const after = answer.after(path);
    if (after) return { kind: 'redirect', path, ...after };
    return { kind: 'notFound', path };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    requests.push((req.url ?? '').split('?')[0]);
    const d = await decide(req.method ?? 'GET', req.url ?? '/');
    switch (d.kind) {
      case 'status': {
        const text = { 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed' }[d.status] ?? '';
        res.writeHead(d.status, { 'content-type': 'text/plain; charset=utf-8', ...(d.status === 405 ? { allow: 'GET, HEAD' } : {}) });
        res.end(text);
        return;
      }
      case 'redirect':
        return redirect(res, d.path, d);
      case 'notFound':
        return notFound(req, res, d.path);
      case 'overlay':
        setHeaders(res, d.path, 'file');
        res.writeHead(200, { 'content-type': d.rel.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8' });
        res.end(req.method === 'HEAD' ? undefined : d.text);
        return;
      case 'file':
        setHeaders(res, d.path, 'file');
        req.url = location(d.rel);
        send(req, res, () => void notFound(req, res, d.path));
        return;
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // One bad request must never stop the preview: answer 500 and keep serving.
      console.error(`Forhåndsvisning: ${req.method} ${req.url}: ${(error as Error)?.message ?? error}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolvePromise) => server.listen(options.port ?? 0, host, resolvePromise));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: (p: string) => `${origin}${b}${p.replace(/^\//, '')}`,
    requests,
    probe: async (rawUrl: string) => {
      const d = await decide('GET', rawUrl);
      if (d.kind === 'status') return { status: d.status, location: null };
      if (d.kind === 'redirect') return { status: d.status, location: location(d.location) };
      if (d.kind === 'notFound') return { status: 404, location: null };
      return { status: 200, location: null };
    },
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections?.();
        server.close(() => resolvePromise());
      }),
  };
}

export type { HostName };
