// npm run js: writes the browser modules made from src/lib (scripts/lib/browser-modules.ts).
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_MODULES, browserModule } from './lib/browser-modules';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
for (const target of Object.keys(BROWSER_MODULES)) {
  await writeFile(join(root, target), await browserModule(root, target));
  console.log(`Skrev ${target}`);
}
