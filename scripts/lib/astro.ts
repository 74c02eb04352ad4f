import { sep } from 'node:path';
import { DRAWINGS_ENV } from '../../src/site/drawings';

/** True when `path` lies inside `dir` (both absolute). */
export const isInside = (path: string, dir: string): boolean => dir === sep || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

// Runs Astro's static build in-process. The site reads the artefacts from DIGIKOMMUNE_ARTEFACTS.
// The inline config pins what the trust rules need regardless of astro.config.mjs:
// external CSS and JS only (the CSP allows no inline script or style), a private cache dir
// (so parallel builds do not share state) and no telemetry.

export interface RenderSiteOptions {
  siteRoot: string; // the Astro project root (the repo)
  artefactDir: string;
  outDir: string;
  base: string;
  site?: string;
  cacheDir: string;
  /** Where shared chart drawings are kept between builds (scripts/lib/drawings.ts); null: draw all. */
  drawings?: string | null;
}

/** Names Vite/Astro put into import.meta.env; inherited values of these must not leak in. */
export const VITE_ENV_NAMES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX'];

/**
 * Pages Astro renders at a time. One at a time (Astro's default) leaves the main thread idle while
 * each page is written (mkdir, open, write, close on libuv's pool: a fifth of the page phase);
 * with a few in flight the next page is rendered meanwhile. Pages are still written whole, each to
 * its own file, so the output is the same.
 */
export const PAGE_CONCURRENCY = 4;

export type RenderSite = (options: RenderSiteOptions) => Promise<void>;

/** Files Astro 5 leaves in a static outDir that are build internals, not site content. */
export const ASTRO_LEFTOVERS = ['content-assets.mjs', 'content-modules.mjs', '.prerender'];

export const renderWithAstro: RenderSite = async (o) => {
  // Astro writes its server-side chunks into outDir only when outDir lies under the process's
  // working directory (otherwise into <cwd>/.astro/, shared by concurrent builds), and those chunks
  // must sit inside the project to resolve node_modules. The working directory belongs to the whole
  // process (tests, the bench and worker threads share it), so it is never changed here: the root is
  // passed to Astro, and a caller outside the project is refused before anything is rendered.
  if (!isInside(o.outDir, o.siteRoot)) throw new Error(`Astros outDir må ligge i prosjektet (${o.siteRoot}), fikk ${o.outDir}`);
  if (!isInside(o.outDir, process.cwd())) {
    throw new Error(`Astro må kjøres fra prosjektet (${o.siteRoot}) eller en katalog over det, ikke fra ${process.cwd()}: Astro legger sine mellomfiler etter arbeidskatalogen`);
  }
  const env = process.env;
  const saved: Record<string, string | undefined> = {};
  for (const k of ['DIGIKOMMUNE_ARTEFACTS', 'DIGIKOMMUNE_OUT', 'DIGIKOMMUNE_SITE_ROOT', DRAWINGS_ENV, 'BASE_PATH', 'SITE_URL', 'ASTRO_TELEMETRY_DISABLED', ...VITE_ENV_NAMES]) saved[k] = env[k];
  // Vite falls back to process.env for `import.meta.env.X` it cannot replace statically, so a
  // stray BASE_URL (vitest sets one) would silently drop the base path from every link.
  for (const k of VITE_ENV_NAMES) delete env[k];
  env.DIGIKOMMUNE_ARTEFACTS = o.artefactDir;
  env.DIGIKOMMUNE_OUT = o.outDir;
  env.DIGIKOMMUNE_SITE_ROOT = o.siteRoot;
  if (o.drawings) env[DRAWINGS_ENV] = o.drawings;
  else delete env[DRAWINGS_ENV];
  env.BASE_PATH = o.base;
  if (o.site) env.SITE_URL = o.site;
  env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    const { build } = await import('astro');
    await build({
      root: o.siteRoot,
      outDir: o.outDir,
      base: o.base,
      ...(o.site ? { site: o.site } : {}),
      cacheDir: o.cacheDir,
      logLevel: 'error',
      output: 'static',
      build: { inlineStylesheets: 'never', format: 'directory', concurrency: PAGE_CONCURRENCY },
      vite: { build: { assetsInlineLimit: 0 }, logLevel: 'error' },
    });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
  }
};
