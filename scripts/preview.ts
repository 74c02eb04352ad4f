// npm run preview -- [--host <vert>] [--out dist] [--base /] [--port 4321]
// Serves the built site as the chosen host would (src/lib/publish/emulate.ts): its headers, its
// redirects (before or after files, as the host does), directories as index.html, 404.html with
// status 404, the host's own files unserved. Without --host, the host the output was built for.
// Local only (127.0.0.1).
import { basename, dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseArgsMessage } from './lib/cli-args';
import { serveStatic } from './lib/serve';
import { readBuiltRules } from './lib/hosting';
import { configDirName, renderProfile } from '../src/lib/publish/profiles';
import { HOST_LIMITS, HOST_NAMES, isHostName } from '../src/lib/publish/hostLimits';

const USAGE = `Bruk: npm run preview -- [--host ${HOST_NAMES.join('|')}] [--out dist] [--base /sti/] [--port 4321]`;
let args;
try {
  args = parseArgs({ options: { out: { type: 'string', default: 'dist' }, host: { type: 'string' }, base: { type: 'string' }, port: { type: 'string', default: '4321' } }, allowPositionals: false }).values;
} catch (e) {
  console.error(`Feil: ${parseArgsMessage(e)}\n${USAGE}`);
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
if (args.host !== undefined && !isHostName(args.host)) {
  console.error(`Feil: --host må være en av ${HOST_NAMES.join(', ')}; fikk «${args.host}»\n${USAGE}`);
  process.exit(2);
}
const built = await readBuiltRules(join(dirname(root), configDirName(basename(root))));
if (!built) {
  // An output from before host profiles: its own _headers and _redirects, read as «any».
  if (args.host === undefined || args.host === 'any') {
    const server = await serveStatic(root, args.base ?? process.env.BASE_PATH ?? '/', { port, redirects: true });
    console.log(`Forhåndsviser ${root} på ${server.url('')} (med _headers og _redirects; fant ikke ${configDirName(basename(root))}/). Ctrl+C stopper.`);
  } else {
    console.error(`Fant ikke ${configDirName(basename(root))}/ ved siden av ${root}: bygg på nytt (npm run build -- --host ${args.host}).`);
    process.exit(1);
  }
} else {
  const host = args.host !== undefined && isHostName(args.host) ? args.host : built.host;
  const base = args.base ?? built.base;
  const profile = renderProfile(host, { base, fixed: built.redirects, dynamic: built.dynamic });
  if (host !== built.host) console.log(`Merk: ${root} ble bygget med --host ${built.host}; viser den som ${host} ville servert den (vertens filer lagt på i minnet).`);
  const server = await serveStatic(root, base, { port, profile, builtWith: built.site });
  console.log(`Forhåndsviser ${root} som ${HOST_LIMITS[host].title} på ${server.url('')}. Ctrl+C stopper.`);
}
