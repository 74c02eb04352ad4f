// npm run preview -- [--out dist] [--base /] [--port 4321]
// Serves the built site the way the static hosts will: `_headers` (CSP and friends), `_redirects`
// (301 before any file), directories as index.html, 404.html with status 404. Local only.
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseArgsMessage } from './lib/cli-args';
import { serveStatic } from './lib/serve';

let args;
try {
  args = parseArgs({ options: { out: { type: 'string', default: 'dist' }, base: { type: 'string' }, port: { type: 'string', default: '4321' } }, allowPositionals: false }).values;
} catch (e) {
  console.error(`Feil: ${parseArgsMessage(e)}\nBruk: npm run preview -- [--out dist] [--base /sti/] [--port 4321]`);
  process.exit(2);
}
const root = resolve(args.out!);
if (!existsSync(resolve(root, 'index.html'))) {
  console.error(`Fant ikke ${root}/index.html. Bygg først: npm run build`);
  process.exit(1);
}
const port = Number.parseInt(args.port!, 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Feil: --port må være et portnummer, fikk «${args.port}»`);
  process.exit(2);
}
const server = await serveStatic(root, args.base ?? process.env.BASE_PATH ?? '/', { redirects: true, port });
console.log(`Forhåndsviser ${root} på ${server.url('')} (med _headers, _redirects og 404). Ctrl+C stopper.`);
