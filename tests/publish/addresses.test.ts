// Every address of tests/site/addresses.txt answers on every host profile, served by the preview
// as that host would (one demo build, each profile's own files rendered onto it): 200, or a 301
// whose target answers 200 (issue 17 §3).
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { demoSite, ROOT } from '../helpers/site';
import { serveStatic } from '../../scripts/lib/serve';
import { readBuiltRules, type BuiltRules } from '../../scripts/lib/hosting';
import { configDirName, renderProfile } from '../../src/lib/publish/profiles';
import { parseRedirectsFile } from '../../src/lib/publish/emulate';
import { HOST_NAMES, type HostName } from '../../src/lib/publish/hostLimits';

let site: string;
let built: BuiltRules;
let addresses: string[];

beforeAll(async () => {
  site = await demoSite();
  const rules = await readBuiltRules(join(dirname(site), configDirName(basename(site))));
  if (!rules) throw new Error(`the demo build wrote no ${configDirName(basename(site))}/`);
  built = rules;
  addresses = (await readFile(join(ROOT, 'tests', 'site', 'addresses.txt'), 'utf8')).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
});

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
    try {
      const queue = [...addresses];
      const worker = async () => {
        for (let a = queue.pop(); a !== undefined; a = queue.pop()) {
          const r = await statusOf(server.url(a));
          if (r.status === 200) continue;
          if (r.status === 301 && r.location?.startsWith('/')) {
            redirected++;
            const next = await statusOf(`${server.origin}${r.location}`);
            if (next.status === 200) continue;
            failed.push(`${a} → ${r.location} → ${next.status}`);
          } else failed.push(`${a} → ${r.status}`);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    } finally {
      await server.close();
    }
    expect(failed.slice(0, 20), `${failed.length} addresses do not answer`).toEqual([]);
    // The hosts that can redirect do (the rest answer with the static redirect page, 200).
    if (['cloudflare', 'netlify', 'any', 'nginx', 'apache', 'caddy'].includes(host)) expect(redirected).toBeGreaterThan(0);
  }, 600_000);
});
