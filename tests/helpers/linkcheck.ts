// Crawls every HTML file of a built site and resolves each internal link (href, src, srcset,
// xlink:href, meta refresh) to a file of the site, as a static host under `base` would.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles, pagePath } from '../../scripts/lib/sitefiles';

export interface BrokenLink {
  page: string; // site path of the page, e.g. '/kommune/0301-oslo/'
  link: string;
  reason: string;
}

export interface LinkReport {
  pages: string[]; // site paths of every HTML page
  links: number; // internal links checked
  broken: BrokenLink[];
  files: Set<string>; // every file, relative to the site root with '/' separators
}

export { listFiles, pagePath };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" };
function decodeEntities(s: string): string {
  return s.replace(/&(#?[a-z0-9]+);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k in ENTITIES) return ENTITIES[k];
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
    return m;
  });
}

/** Every URL-bearing attribute of every tag; text content and comments are not links. */
export function extractLinks(html: string): string[] {
  const links: string[] = [];
  const noComments = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of noComments.matchAll(/<([a-zA-Z][\w:-]*)\b([^>]*)>/g)) {
    const name = tag[1].toLowerCase();
    const attrs = tag[2];
    for (const a of attrs.matchAll(/(?:^|\s)(href|src|xlink:href|srcset|content|action|poster)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const attr = a[1].toLowerCase();
      const value = decodeEntities(a[3] ?? a[4] ?? a[5] ?? '');
      if (attr === 'content') {
        // Only a meta refresh carries a URL in `content`.
        if (name === 'meta' && /http-equiv\s*=\s*["']?refresh/i.test(attrs)) {
          const m = /url\s*=\s*['"]?([^'";]+)/i.exec(value);
          if (m) links.push(m[1].trim());
        }
        continue;
      }
      if (attr === 'srcset') {
        for (const part of value.split(',')) {
          const u = part.trim().split(/\s+/)[0];
          if (u) links.push(u);
        }
        continue;
      }
      links.push(value.trim());
    }
  }
  return links;
}

export function extractIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/\s(?:id|name)\s*=\s*("([^"]*)"|'([^']*)')/g)) ids.add(decodeEntities(m[2] ?? m[3] ?? ''));
  return ids;
}

/** Resolves a site path (without base) to a file, the way the static host would. */
export function resolveFile(path: string, files: Set<string>): string | null {
  const p = path.replace(/^\//, '');
  if (p === '' || p.endsWith('/')) return files.has(`${p}index.html`) ? `${p}index.html` : null;
  if (files.has(p)) return p;
  if (files.has(`${p}/index.html`)) return `${p}/index.html`;
  return null;
}

export interface CheckOptions {
  base?: string; // '/' or '/digikommune/'
  /** Absolute origins+base that count as the site itself (e.g. SITE_URL for canonical links). */
  siteUrls?: string[];
}

export async function checkLinks(root: string, options: CheckOptions = {}): Promise<LinkReport> {
  const base = !options.base || options.base === '/' ? '/' : `/${options.base.replace(/^\/+|\/+$/g, '')}/`;
  const all = await listFiles(root);
  const files = new Set(all);
  const htmlFiles = all.filter((f) => f.endsWith('.html'));
  const idsCache = new Map<string, Set<string>>();
  const html = new Map<string, string>();
  for (const f of htmlFiles) html.set(f, await readFile(join(root, f), 'utf8'));
  const ids = (file: string) => {
    let s = idsCache.get(file);
    if (!s) {
      s = extractIds(html.get(file) ?? '');
      idsCache.set(file, s);
    }
    return s;
  };
  const broken: BrokenLink[] = [];
  let count = 0;
  for (const file of htmlFiles) {
    const page = pagePath(file);
    const pageUrl = new URL(`http://site.invalid${base}${page.slice(1)}`);
    for (const raw of extractLinks(html.get(file)!)) {
      if (raw === '' || /^(mailto|tel|data|javascript|blob):/i.test(raw)) continue;
      let target = raw;
      for (const s of options.siteUrls ?? []) {
        const prefix = s.replace(/\/+$/, '');
        if (target.startsWith(prefix)) target = target.slice(new URL(prefix).origin.length) || '/';
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue; // external
      const url = new URL(target, pageUrl);
      count++;
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        broken.push({ page, link: raw, reason: 'ugyldig prosentkoding' });
        continue;
      }
      if (!path.startsWith(base) && `${path}/` !== base) {
        broken.push({ page, link: raw, reason: `ligger utenfor base ${base}` });
        continue;
      }
      const resolved = resolveFile(path.slice(base.length - 1), files);
      if (!resolved) {
        broken.push({ page, link: raw, reason: 'ingen fil' });
        continue;
      }
      const fragment = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
      if (fragment && resolved.endsWith('.html') && !ids(resolved).has(fragment)) {
        broken.push({ page, link: raw, reason: `mangler id «${fragment}»` });
      }
    }
  }
  return { pages: htmlFiles.map(pagePath), links: count, broken, files };
}
