// The old figure-file addresses (issue 17 §3–4): every /figur/ address the demo published leads,
// by five dynamic rules, to a page of the committed address list that holds the figure.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURE_REDIRECTS, figureRedirectTarget } from '../../src/lib/publication/figureRedirects';
import { DYNAMIC_REDIRECTS } from '../../src/lib/publish/dynamicRedirects';

const ROOT = join(import.meta.dirname, '..', '..');
const addresses = readFileSync(join(ROOT, 'tests', 'site', 'addresses.txt'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
const pages = new Set(addresses.filter((a) => a.endsWith('/')));
const figures = addresses.filter((a) => a.startsWith('/figur/'));

describe('old figure-file addresses', () => {
  it('every one leads to a published page, with a handful of rules', () => {
    expect(figures.length).toBeGreaterThan(10_000);
    const lost = figures.filter((a) => !pages.has(figureRedirectTarget(a) ?? ''));
    expect(lost).toEqual([]);
    expect(FIGURE_REDIRECTS.length).toBeLessThanOrEqual(5);
  });

  it('each leads to the page that holds the figure', () => {
    expect(figureRedirectTarget('/figur/2024/kommune/0301-oslo/sammenligning-prioritering.png')).toBe('/2024/kommune/0301-oslo/');
    expect(figureRedirectTarget('/figur/2024/kommune/0301-oslo/utvikling.csv')).toBe('/2024/kommune/0301-oslo/');
    expect(figureRedirectTarget('/figur/2021/fylke/46-vestland/kart-aktivitet.svg')).toBe('/2021/fylke/46-vestland/');
    expect(figureRedirectTarget('/figur/2024/sporsmal/sky.svg')).toBe('/2024/sporsmal/');
    expect(figureRedirectTarget('/figur/2024/utvikling/endring-aktivitet.png')).toBe('/utvikling/');
    expect(figureRedirectTarget('/figur/2018/kart-prioritering.svg')).toBe('/2018/');
    expect(figureRedirectTarget('/kommune/0301-oslo/')).toBeNull();
  });

  it('are the host profiles\' dynamic rules, most specific first', () => {
    expect(DYNAMIC_REDIRECTS.slice(0, FIGURE_REDIRECTS.length)).toEqual(FIGURE_REDIRECTS);
    expect(FIGURE_REDIRECTS[FIGURE_REDIRECTS.length - 1].from).toBe('/figur/:year/*');
  });
});
