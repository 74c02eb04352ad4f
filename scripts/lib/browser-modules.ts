// Browser modules compiled from src/lib, so the reader's browser and the build share one source
// for the same rules (public/js/csv.js is src/lib/publish/csv.ts). The output is committed (the
// site serves public/ as it is); tests/publish/csv.test.ts fails when it is stale.
import { build } from 'esbuild';
import { join } from 'node:path';

/** public/js file → the src/lib entry it is compiled from. */
export const BROWSER_MODULES: Readonly<Record<string, string>> = {
  'public/js/csv.js': 'src/lib/publish/csv.ts',
};

/** The text of one browser module: its entry and imports as one ES module, readable, no source map. */
export async function browserModule(root: string, target: string): Promise<string> {
  const entry = BROWSER_MODULES[target];
  if (!entry) throw new Error(`ukjent nettlesermodul ${target}`);
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    banner: { js: `// Made from ${entry} by \`npm run js\`; edit that file, not this one.` },
  });
  return result.outputFiles[0].text;
}
