// Measures a built site as a visitor downloads it: each page with the CSS and JS it references,
// raw and gzip. Pure over a file map so it runs on any built directory.
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  path: string; // site path without base: '/kommune/0301-oslo/'
  htmlBytes: number;
  htmlGzip: number;
  /** The page plus every stylesheet and script it references (each counted once). */
  totalBytes: number;
  totalGzip: number;
  jsBytes: number; // scripts the page loads (module/defer: enhancement only)
  blockingJsBytes: number; // classic <script src> without defer/async/module: needed before render
  largestSvgBytes: number; // the largest inline <svg>…</svg>
}

export const gzipSize = (b: Uint8Array | string) => gzipSync(b, { level: 9 }).length;

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4] ?? '') : null;
}

/** Largest `<svg …>…</svg>` element, nested ones counted within their outermost svg. */
export function largestSvg(html: string): number {
  let max = 0;
  let depth = 0;
  let start = -1;
  const re = /<svg\b|<\/svg>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[0].toLowerCase() === '<svg') {
      if (depth === 0) start = m.index;
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) max = Math.max(max, Buffer.byteLength(html.slice(start, m.index + 6)));
    }
  }
  return max;
}

/** The relative specifiers of a module's static `import … from '…'` and `import '…'` statements. */
export function staticImports(source: string): string[] {
  return [...source.matchAll(/^\s*import\s+(?:[^'"();]*?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']/gm)].map((m) => m[1]);
}

export function pageWeight(
  path: string,
  html: string,
  base: string,
  read: (sitePath: string) => Uint8Array | null,
): PageWeight {
  const htmlBytes = Buffer.byteLength(html);
  const htmlGzip = gzipSize(html);
  let totalBytes = htmlBytes;
  let totalGzip = htmlGzip;
  let jsBytes = 0;
  let blockingJsBytes = 0;
  const seen = new Set<string>();
  const pageUrl = new URL(`http://site.invalid${base}${path.replace(/^\//, '')}`);
  for (const m of html.matchAll(/<(link|script)\b[^>]*>/gi)) {
    const tag = m[0];
    const isScript = m[1].toLowerCase() === 'script';
    const href = isScript ? attr(tag, 'src') : /rel\s*=\s*["']?stylesheet/i.test(tag) ? attr(tag, 'href') : null;
    if (!href) continue;
    const url = new URL(href, pageUrl);
    if (url.origin !== pageUrl.origin || seen.has(url.pathname)) continue;
    seen.add(url.pathname);
    const module = isScript && /type\s*=\s*["']?module/i.test(tag);
    // A module's static imports load with it (its dynamic import()s load only when used).
    const queue = [url];
    while (queue.length > 0) {
      const at = queue.shift()!;
      const body = read(at.pathname.startsWith(base) ? `/${at.pathname.slice(base.length)}` : at.pathname);
      if (!body) continue;
      totalBytes += body.length;
      totalGzip += gzipSize(body);
      if (!isScript) continue;
      jsBytes += body.length;
      const deferred = module || /\s(defer|async)(\s|=|>)/i.test(tag);
      if (!deferred) blockingJsBytes += body.length;
      if (!module) continue;
      for (const spec of staticImports(Buffer.from(body).toString('utf8'))) {
        const next = new URL(spec, at);
        if (next.origin !== pageUrl.origin || seen.has(next.pathname)) continue;
        seen.add(next.pathname);
        queue.push(next);
      }
    }
  }
  return { path, htmlBytes, htmlGzip, totalBytes, totalGzip, jsBytes, blockingJsBytes, largestSvgBytes: largestSvg(html) };
}
