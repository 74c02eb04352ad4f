// axe-core run on a page a test opened. axe is injected by the test, not the site, through the
// DevTools protocol (page.evaluate), which the site's CSP does not govern: axe's results (passes,
// incomplete and violations, rule by rule, on every listed page) are the same with and without
// bypassCSP. It is injected once per loaded page, so a page checked at several widths (resized,
// not reloaded) compiles axe once. Every rule of `tags` runs on the whole document; only the
// violations are gathered (axe's resultTypes): the passing nodes, thousands on a map page, then
// get no unique selector each, which was much of axe's time, and no violation is left out.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './site';

let source: Promise<string> | undefined;

/** The violations on the page as it is now, one line each: rule, help, how many nodes, the first one. */
export async function axeViolations(page: Page, tags: readonly string[]): Promise<string[]> {
  source ??= readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await source);
  return page.evaluate(async (values) => {
    // @ts-expect-error injected global
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; help: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`);
  }, [...tags]);
}
