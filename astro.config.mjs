// @ts-check
import { defineConfig } from 'astro/config';

// Where the site lives: SITE_URL for canonical/OpenGraph links, BASE_PATH for a CDN sub-path.
// The build always passes the origin it checked (data/site.json or --site); this is for `astro dev`.
const site = process.env.SITE_URL || 'https://digikommune.example';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  output: 'static',
  outDir: process.env.DIGIKOMMUNE_OUT || 'dist',
  build: {
    format: 'directory',
    // A strict CSP (style-src 'self') forbids inline <style>: every stylesheet is an external file.
    inlineStylesheets: 'never',
    assets: '_astro',
  },
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  // Kartverket's boundaries and the artefacts are read at build time by src/site/data.ts only.
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
