// Every address of tests/site/addresses.txt answers on every host profile, served by the preview
// as that host would (one demo build, each profile's own files rendered onto it): 200, or a 301
// whose target answers 200 (issue 17 §3). The preview's own decision (probe) answers each address;
// a sample goes over HTTP too and must get the same answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { demoSite, ROOT } from '../helpers/site';
import { serveStatic } from '../../scripts/lib/serve';
import { readBuiltRules, type BuiltRules } from '../../scripts/lib/hosting';
import { configDirName, renderProfile } from '../../src/lib/publish/profiles';
import { parseRedirectsFile } from '../../src/lib/publish/emulate';
import { matchDynamic } from '../../src/lib/publish/redirectRules';
import { HOST_NAMES, type HostName } from '../../src/lib/publish/hostLimits';

let site: string;
let built: BuiltRules;
let addresses: string[];

beforeAll(async () => {
  site = await demoSite();
  const rules = await readBuiltRules(join(dirname(site), configDirName(basename(site))));
  if (!rules) throw new Error(`the demo build wrote no ${configDirName(basename(site))}/`);
  built = rules;
  const notFound = await readFile(join(site, '404.html'), 'utf8');
  const attr = /id="figur-flyttet"[^>]*data-rules="([^"]*)"/.exec(notFound);
  if (!attr) throw new Error('404.html has no figure rules (#figur-flyttet data-rules)');
  notFoundRules = JSON.parse(attr[1].replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  addresses = (await readFile(join(ROOT, 'tests', 'site', 'addresses.txt'), 'utf8')).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
});

/** Where the 404 page's script sends a site-relative address: its data-rules applied as js/fant-ikke.js does. */
let notFoundRules: { source: string; to: string }[] | null = null;
function notFoundOnward(address: string): string | null {
  const path = '/' + address.replace(/^\//, '');
  for (const rule of notFoundRules ?? []) {
    const m = new RegExp(rule.source).exec(path);
    if (m) return rule.to.replace(/\$(\d+)/g, (_, n: string) => m[Number(n)]);
  }
  return null;
}

async function statusOf(url: string): Promise<{ status: number; location: string | null }> {
  const r = await fetch(url, { method: 'HEAD', redirect: 'manual' });
  return { status: r.status, location: r.headers.get('location') };
}

describe('the rules each profile writes for the demo', () => {
  it('stay within 1 000 in any _redirects, with no rule per kommune per year', () => {
    for (const host of HOST_NAMES) {
      const text = renderProfile(host, { base: built.base, fixed: built.redirects, dynamic: built.dynamic }).site._redirects;
      if (text === undefined) continue;
      const lines = parseRedirectsFile(text);
      expect(lines.length, host).toBeLessThanOrEqual(1000);
      expect(lines.filter((l) => /^\/\d{4}\/kommune\//.test(l.from)), host).toEqual([]);
    }
  });
});

describe.each(HOST_NAMES.map((h) => [h]))('every published address as %s serves it', (host: HostName) => {
  it('answers 200, or 301 to an address that answers 200', async () => {
    const profile = renderProfile(host, { base: built.base, fixed: built.redirects, dynamic: built.dynamic });
    const server = await serveStatic(site, built.base, { profile, builtWith: built.site });
    const failed: string[] = [];
    let redirected = 0;
    // GitHub and Azure cannot express a pattern (the build says so): an address only a dynamic
    // rule answers (a figure file's old address) is lost there, and nothing else may be.
    const noPatterns = profile.dynamic.length === 0 && built.dynamic.length > 0;
    const byPattern = (a: string) => built.dynamic.some((r) => matchDynamic(r, a) !== null);
    let lostByPattern = 0;
    try {
      const queue = [...addresses];
      const worker = async () => {
        for (let a = queue.pop(); a !== undefined; a = queue.pop()) {
          const r = await server.probe(new URL(server.url(a)).pathname);
          if (r.status === 200) continue;
          if (noPatterns && r.status === 404 && byPattern(a)) {
            // The 404 page leads the reader on (js/fant-ikke.js): its rules must reach a page.
            const onward = notFoundOnward(a);
            const next = onward === null ? null : await server.probe(new URL(server.url(onward.replace(/^\//, ''))).pathname);
            if (next?.status !== 200) failed.push(`${a} → 404, and the 404 page leads to ${onward ?? 'nothing'} (${next?.status ?? '–'})`);
            lostByPattern++;
            continue;
          }
          if (r.status === 301 && r.location?.startsWith('/')) {
            redirected++;
            const next = await server.probe(r.location);
            if (next.status === 200) continue;
            failed.push(`${a} → ${r.location} → ${next.status}`);
          } else failed.push(`${a} → ${r.status}`);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      // The answers above skip only the HTTP round trip: every 97th address over HTTP must agree.
      for (const a of addresses.filter((_, i) => i % 97 === 0)) {
        expect(await statusOf(server.url(a)), a).toEqual(await server.probe(new URL(server.url(a)).pathname));
      }
    } finally {
      await server.close();
    }
    expect(failed.slice(0, 20), `${failed.length} addresses do not answer`).toEqual([]);
    if (noPatterns && lostByPattern > 0) expect(profile.cannot.join(' ')).toMatch(/dynamisk/);
    // The hosts that can redirect do (the rest answer with the static redirect page, 200).
    if (['cloudflare', 'netlify', 'any', 'nginx', 'apache', 'caddy'].includes(host)) expect(redirected).toBeGreaterThan(0);
  }, 600_000);
});
