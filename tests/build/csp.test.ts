// Every page of the demo site works under the strict CSP of `_headers` (script-src 'self';
// style-src 'self'): no inline script, no <style>, no style attribute, no event-handler attribute,
// no javascript: URL, no resource from another origin — checked statically on every page (the
// browser test checks a few pages live).
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoSite } from '../helpers/site';
import { listFiles } from '../../scripts/lib/sitefiles';
import { CONTENT_SECURITY_POLICY } from '../../scripts/lib/headers';

let site: string;
let pages: string[];

beforeAll(async () => {
  site = await demoSite();
  pages = (await listFiles(site)).filter((f) => f.endsWith('.html') || f.endsWith('.svg'));
});

/** Findings in one page: each inline construct the CSP would block. */
function cspFindings(html: string): string[] {
  const found: string[] = [];
  const noComments = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of noComments.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    const isData = /type\s*=\s*["']?application\/(ld\+)?json/i.test(attrs);
    if (!/\ssrc\s*=/.test(attrs) && !isData && m[2].trim() !== '') found.push(`inline script: ${m[2].trim().slice(0, 40)}`);
  }
  if (/<style\b/i.test(noComments)) found.push('<style> element');
  for (const tag of noComments.matchAll(/<[a-zA-Z][\w:-]*\b([^>]*)>/g)) {
    const attrs = tag[1].replace(/"[^"]*"|'[^']*'/g, (q) => q.replace(/[a-z]/gi, 'x'));
    if (/\sstyle\s*=/.test(attrs)) found.push(`style attribute: ${tag[0].slice(0, 60)}`);
    const handler = /\s(on[a-z]+)\s*=/i.exec(attrs);
    if (handler) found.push(`event handler ${handler[1]}: ${tag[0].slice(0, 60)}`);
  }
  if (/(href|src)\s*=\s*["']?\s*javascript:/i.test(noComments)) found.push('javascript: URL');
  for (const m of noComments.matchAll(/<(?:script|link|img|iframe|source|video|audio|object|embed)\b[^>]*\s(?:src|href)\s*=\s*["']?(https?:)?\/\/([^/"'\s>]+)/gi)) {
    const tag = m[0];
    if (/<link\b/i.test(tag) && /rel\s*=\s*["']?(canonical|alternate)/i.test(tag)) continue; // not fetched
    found.push(`third-party resource: ${m[2]}`);
  }
  return found;
}

describe('strict CSP, checked on every page', () => {
  it('the checker finds what the CSP would block', () => {
    const bad = '<script>x()</script><style>p{}</style><p style="color:red" onclick="x()"><a href="javascript:x()">a</a><img src="https://cdn.example/a.png"><script src="//evil.example/x.js"></script>';
    const f = cspFindings(bad);
    expect(f.some((x) => x.startsWith('inline script'))).toBe(true);
    expect(f).toContain('<style> element');
    expect(f.some((x) => x.startsWith('style attribute'))).toBe(true);
    expect(f.some((x) => x.startsWith('event handler onclick'))).toBe(true);
    expect(f).toContain('javascript: URL');
    expect(f.filter((x) => x.startsWith('third-party')).length).toBe(2);
    const good = '<script type="module" src="/_astro/a.js"></script><link rel="canonical" href="https://site.example/"><p title="style=x onclick=y">a</p>';
    expect(cspFindings(good)).toEqual([]);
  });

  it('no page has anything the CSP would block', async () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(pages.length).toBeGreaterThan(700);
    const all: string[] = [];
    for (const f of pages) for (const x of cspFindings(await readFile(join(site, f), 'utf8'))) all.push(`${f}: ${x}`);
    expect(all.slice(0, 20)).toEqual([]);
  });
});
