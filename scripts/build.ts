// npm run build -- [--out dist] [--reference <dir>] [--base /sub/] [--site https://…]
//                  [--data data] [--artefacts .artefacts] [--no-download] [--host any]
// Builds the whole site atomically: on any failure the previous output is left as it was.
import { realpathSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseArgsMessage } from './lib/cli-args';
import { nodeEffects } from './lib/effects';
import { buildReport, runBuild, type BuildStatus } from './lib/build';
import { buildFailureMessage, failureKind } from './lib/errors';
import { faultFromEnv } from './lib/atomic';
import { prepareOutputPath } from './lib/output';
import { isInside } from './lib/astro';
import { HOST_NAMES, isHostName } from '../src/lib/publish/hostLimits';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function usage(): string {
  return [
    'Bruk: npm run build -- [valg]',
    '  --out <katalog>        hvor siden skrives (standard dist)',
    '  --reference <katalog>  referansedata (registers/ og geo/); ellers DIGIKOMMUNE_REFERENCE,',
    '                         data/reference/ eller ../shared/, og til slutt nedlasting',
    '  --base </sti/>         siden ligger under en understi (standard BASE_PATH eller /)',
    '  --site <url>           absolutt adresse for kanoniske lenker (standard SITE_URL)',
    '  --data <katalog>       data-katalogen med years/, surveys/, structures/ (standard data)',
    '  --artefacts <katalog>  behold også artefaktene (for astro dev), f.eks. .artefacts',
    '  --no-download          ikke last ned referansedata som mangler',
    '  --no-card-cache        tegn alle delingskort og figurer på nytt (ellers gjenbrukes like',
    '                         bilder og tegninger fra node_modules/.cache/digikommune-kort)',
    '  --card-cache <katalog> hurtiglageret for delingskort og figurer i en annen katalog (npm run bench)',
    `  --host <vert>          skriv filene verten leser, og sjekk vertens grenser: ${HOST_NAMES.join(', ')}`,
    '                         (standard any: virker hos alle; konfigurasjon havner i <out>-config/)',
    '  --report <fil>         skriv byggets tider og delingskort som JSON (npm run bench)',
  ].join('\n');
}

/** `cwd` is where relative paths in `argv` are resolved (the caller's directory). */
export async function main(argv: string[] = process.argv.slice(2), cwd = process.cwd()): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        out: { type: 'string', default: 'dist' },
        reference: { type: 'string' },
        base: { type: 'string' },
        site: { type: 'string' },
        data: { type: 'string', default: 'data' },
        'site-root': { type: 'string' },
        artefacts: { type: 'string' },
        'no-download': { type: 'boolean', default: false },
        'no-card-cache': { type: 'boolean', default: false },
        'card-cache': { type: 'string' },
        host: { type: 'string', default: 'any' },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
    }).values;
  } catch (e) {
    console.error(`Feil: ${parseArgsMessage(e)}\n${usage()}`);
    return 2;
  }
  if (args.help) {
    console.log(usage());
    return 0;
  }
  if (!isHostName(args.host!)) {
    console.error(`Feil: --host må være en av ${HOST_NAMES.join(', ')}; fikk «${args.host}»`);
    return 2;
  }
  const host = args.host;
  const out = resolve(cwd, args.out!);
  const status: BuildStatus = { previous: false };
  try {
    await prepareOutputPath(out);
    if (args.artefacts) await prepareOutputPath(resolve(cwd, args.artefacts), '--artefacts');
    const result = await runBuild(
      {
        root,
        out,
        dataDir: resolve(cwd, args.data!),
        reference: args.reference ? resolve(cwd, args.reference) : null,
        base: args.base ?? process.env.BASE_PATH ?? '/',
        site: args.site ?? process.env.SITE_URL,
        siteRoot: args['site-root'] ? resolve(cwd, args['site-root']) : root,
        sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
        artefactsOut: args.artefacts ? resolve(cwd, args.artefacts) : null,
        download: !args['no-download'],
        ...(args['no-card-cache'] ? { cardCache: null } : args['card-cache'] ? { cardCache: resolve(cwd, args['card-cache']) } : {}),
        host,
      },
      nodeEffects(),
      { fault: faultFromEnv(process.env.DIGIKOMMUNE_FAULT_AT) },
      status,
    );
    const t = result.timings;
    console.log(`Tid: motor ${(t.engineMs / 1000).toFixed(1)} s, sider ${(t.pagesMs / 1000).toFixed(1)} s, venting på delingskort ${(t.cardsWaitMs / 1000).toFixed(1)} s, totalt ${(t.totalMs / 1000).toFixed(1)} s`);
    const m = result.host.measure;
    console.log(`Vert ${host}: ${m.files} filer, ${(m.bytes / 1024 / 1024).toFixed(1)} MB, største fil ${(m.largest.bytes / 1024).toFixed(0)} KB, ${m.staticRules + m.dynamicRules} videresendingsregler; innenfor ${result.host.checks.length} grense(r). Konfigurasjon: ${result.host.configDir}`);
    console.log(`Delingskort: ${result.cards.count}, ${(result.cards.bytes / 1024 / 1024).toFixed(1)} MB (største ${(result.cards.maxBytes / 1024).toFixed(0)} KB); ${result.cards.drawn} tegnet nå, resten fra hurtiglageret`);
    if (args.report) await writeFile(resolve(cwd, args.report), `${JSON.stringify(buildReport(result))}\n`);
    return 0;
  } catch (error) {
    const where = pageOf(error);
    console.error(`\n${buildFailureMessage(error, status.previous, args.out!)}${where ? `\n(i ${where})` : ''}`);
    if (!failureKind(error) && process.env.DIGIKOMMUNE_DEBUG && error instanceof Error) console.error(error.stack);
    return 1;
  }
}

/** Astro tags a render error with the page module it came from. */
function pageOf(error: unknown): string | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { id?: unknown; loc?: { file?: unknown }; componentName?: unknown };
  const file = typeof e.loc?.file === 'string' ? e.loc.file : typeof e.id === 'string' ? e.id : null;
  return file ? file.replace(`${root}/`, '') : null;
}

/**
 * The command: Astro places its intermediate files by the working directory (scripts/lib/astro.ts),
 * so a command started outside the project works from the project, with its arguments read from
 * where it started. Called below when this file is run (tsx), and by scripts/run-build.mjs.
 */
export async function cli(): Promise<void> {
  const caller = process.cwd();
  if (!isInside(root, caller) && root !== caller) process.chdir(root);
  process.exitCode = await main(process.argv.slice(2), caller);
}

// Run as a command, not when a test imports main() (e.g. to drop privileges after loading).
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) await cli();
