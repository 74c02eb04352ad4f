// renderWithAstro passes the project root to Astro and never changes the process's working
// directory (tests, the bench and the card threads share it): a call Astro would mis-place is
// refused before anything runs, with the environment left as it was.
import { describe, expect, it } from 'vitest';
import { isInside, renderWithAstro } from '../../scripts/lib/astro';

describe('renderWithAstro', () => {
  it('refuses an outDir outside the working directory, and leaves cwd and env alone', async () => {
    const cwd = process.cwd();
    const env = { ...process.env };
    const root = '/ikke-her/prosjekt';
    await expect(renderWithAstro({ siteRoot: root, artefactDir: '/ikke-her/a', outDir: `${root}/astro.out-1`, base: '/', cacheDir: `${root}/astro.cache-1` }))
      .rejects.toThrow(/Astro må kjøres fra prosjektet \(\/ikke-her\/prosjekt\) eller en katalog over det/);
    expect(process.cwd()).toBe(cwd);
    expect(process.env).toEqual(env);
  });

  it('refuses an outDir outside the project', async () => {
    await expect(renderWithAstro({ siteRoot: process.cwd(), artefactDir: '/a', outDir: '/tmp/astro.out-1', base: '/', cacheDir: '/tmp/c' }))
      .rejects.toThrow(/outDir må ligge i prosjektet/);
  });
});

describe('isInside', () => {
  it('is true for paths below a directory, not for the directory itself or a sibling with the same prefix', () => {
    expect(isInside('/a/b/c', '/a/b')).toBe(true);
    expect(isInside('/a/b/c', '/a/b/')).toBe(true);
    expect(isInside('/a/bc', '/a/b')).toBe(false);
    expect(isInside('/a/b', '/a/b')).toBe(false);
    expect(isInside('/x', '/')).toBe(true);
  });
});
