// Addresses that last (issue 9 §1): tests/site/addresses.txt is the committed list of every address
// of the demo site. An address may only disappear with a redirect (`_redirects`); a new address is
// added to the list deliberately: `UPDATE_ADDRESSES=1 npx vitest run … tests/site/addresses.test.ts`.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoSite, ROOT } from '../helpers/site';
import { listFiles, pagePath } from '../../scripts/lib/sitefiles';
import { figureRedirectTarget } from '../../src/lib/publication/figureRedirects';

const LIST = join(ROOT, 'tests', 'site', 'addresses.txt');
// Fingerprinted assets change name with their content, and the host files are not addresses.
const notAnAddress = (file: string) => file.startsWith('_astro/') || file === '_headers' || file === '_redirects';

let built: string[];
let redirected: Map<string, string>;
let committed: string[];

beforeAll(async () => {
  const site = await demoSite();
  built = (await listFiles(site)).filter((f) => !notAnAddress(f)).map(pagePath).sort();
  redirected = new Map(
    (await readFile(join(site, '_redirects'), 'utf8')).split('\n').filter(Boolean).map((l) => l.split(' ')).map(([from, to]) => [from, to]),
  );
  if (process.env.UPDATE_ADDRESSES) await writeFile(LIST, `${built.join('\n')}\n`);
  committed = (await readFile(LIST, 'utf8')).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
});

describe('every address of the demo site', () => {
  it('still exists, or redirects to an address that exists', () => {
    const present = new Set(built);
    // The figure files' rules are dynamic (src/lib/publication/figureRedirects.ts): resolved, not looked up.
    const target = (a: string) => redirected.get(a) ?? figureRedirectTarget(a);
    const lost = committed.filter((a) => !present.has(a) && !(target(a) !== null && present.has(target(a)!)));
    expect(lost, 'addresses that disappeared without a redirect (add one to _redirects, or keep the page)').toEqual([]);
  });
  it('is in the committed list (new addresses are added deliberately)', () => {
    const known = new Set(committed);
    const added = built.filter((a) => !known.has(a));
    expect(added, 'new addresses: review them, then run with UPDATE_ADDRESSES=1 to add them to tests/site/addresses.txt').toEqual([]);
  });
  it('includes a year-fixed page for every kind, the latest year included', () => {
    const latest = Math.max(...built.map((a) => /^\/(\d{4})\//.exec(a)?.[1]).filter(Boolean).map(Number));
    for (const kind of ['', 'kommune/0301-oslo/', 'fylke/03-oslo/', 'sporsmal/']) expect(built).toContain(`/${latest}/${kind}`);
    expect(built).toContain('/kommune/0301/');
  });
  it('keeps slugs ASCII and bounded', () => {
    for (const a of built) expect(a, a).toMatch(/^[\x21-\x7e]+$/);
    const slugs = built.map((a) => /\/(?:kommune|fylke)\/\d+-([^/]+)\//.exec(a)?.[1]).filter((s): s is string => !!s);
    expect(slugs.length).toBeGreaterThan(0);
    expect(Math.max(...slugs.map((s) => s.length))).toBeLessThanOrEqual(40);
  });
});
