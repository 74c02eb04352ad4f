// The floor of `npm run bench`: an Astro project with nothing of ours in it, one dynamic route whose
// getStaticPaths yields `pages` plain pages of about `pageBytes` each (an inline SVG bar chart and a
// table, half the bytes each, as a kommune page carries). What Astro alone costs to write that many
// pages of that size is the floor our build is compared with (issue 20 §3).
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PAGE_CONCURRENCY } from './astro';

export interface FloorSpec {
  pages: number;
  pageBytes: number;
}

// Bytes one bar and one table row add to a page as the template below writes them (measured on a
// built floor page; `npm run bench` prints the floor's real mean page size beside the site's).
const BAR_BYTES = 90;
const ROW_BYTES = 75;
const FIXED_BYTES = 400;

export function floorCounts(pageBytes: number): { bars: number; rows: number } {
  const half = Math.max(0, pageBytes - FIXED_BYTES) / 2;
  return { bars: Math.max(1, Math.round(half / BAR_BYTES)), rows: Math.max(1, Math.round(half / ROW_BYTES)) };
}

export function floorPage(spec: FloorSpec): string {
  const { bars, rows } = floorCounts(spec.pageBytes);
  return `---
export function getStaticPaths() {
  return Array.from({ length: ${spec.pages} }, (_, i) => ({ params: { n: String(i + 1) } }));
}
const i = Number(Astro.params.n);
const bars = Array.from({ length: ${bars} }, (_, j) => ((i * 31 + j * 17) % 97) + 3);
const rows = Array.from({ length: ${rows} }, (_, j) => ({ navn: \`Rad \${j + 1} på side \${i}\`, a: ((i + j) * 7) % 100, b: ((i * (j + 3)) % 1000) / 10 }));
---
<html lang="nb">
  <head><meta charset="utf-8" /><title>Side {i}</title><meta name="description" content={\`Gulvet for benken, side \${i}\`} /></head>
  <body>
    <main>
      <h1>Side {i}</h1>
      <figure>
        <svg viewBox={\`0 0 \${bars.length * 6} 100\`} role="img" aria-label="Stolper">
          {bars.map((v, j) => <rect x={j * 6} y={100 - v} width="5" height={v} fill="#2f5f98"><title>Stolpe {j + 1}: {v}</title></rect>)}
        </svg>
      </figure>
      <table>
        <thead><tr><th scope="col">Navn</th><th scope="col">Andel</th><th scope="col">Poeng</th></tr></thead>
        <tbody>{rows.map((r) => <tr><th scope="row">{r.navn}</th><td>{r.a} %</td><td>{r.b.toLocaleString('nb-NO')}</td></tr>)}</tbody>
      </table>
    </main>
  </body>
</html>
`;
}

/**
 * The floor's astro.config.mjs: the options the site's build pins too (scripts/lib/astro.ts), pages
 * rendered as many at a time included, so only the pages differ.
 */
export const floorConfig = () =>
  `export default {\n  output: 'static',\n  trailingSlash: 'always',\n  compressHTML: true,\n  devToolbar: { enabled: false },\n  build: { format: 'directory', inlineStylesheets: 'never', concurrency: ${PAGE_CONCURRENCY} },\n  vite: { build: { assetsInlineLimit: 0 }, logLevel: 'error' },\n};\n`;

/** Writes the floor project into `dir` (replaced); node_modules is the repository's, linked. */
export async function writeFloorProject(dir: string, spec: FloorSpec, nodeModules: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src', 'pages', 'side'), { recursive: true });
  await symlink(nodeModules, join(dir, 'node_modules'), 'dir');
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name: 'digikommune-floor', private: true, type: 'module' }, null, 2)}\n`);
  await writeFile(join(dir, 'astro.config.mjs'), floorConfig());
  await writeFile(join(dir, 'src', 'pages', 'side', '[n].astro'), floorPage(spec));
}
