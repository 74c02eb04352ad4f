// npm run digest -- [--data data] [--reference <dir>]
// Records the digest of every kommune's figures for each year's current version
// (data/digests/<år>-v<versjon>.json) where it is missing; existing digests are never changed.
// Run it when a year or a corrected version is published, and commit the files.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { nodeEffects } from './lib/effects';
import { runEngine } from './lib/engine';
import { describeFailure } from './lib/errors';
import { parseArgsMessage } from './lib/cli-args';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { data: { type: 'string', default: 'data' }, reference: { type: 'string' } }, allowPositionals: false }).values;
  } catch (e) {
    console.error(`Feil: ${parseArgsMessage(e)}\nBruk: npm run digest -- [--data data] [--reference <katalog>]`);
    return 2;
  }
  const tmp = await mkdtemp(join(tmpdir(), 'digikommune-digest-'));
  try {
    await runEngine(
      { root, dataDir: resolve(args.data!), reference: args.reference ? resolve(args.reference) : null, artefactDir: join(tmp, 'artefacts'), download: true, digests: 'write' },
      nodeEffects(),
    );
    return 0;
  } catch (error) {
    console.error(`Sammendragene ble ikke skrevet:\n${describeFailure(error)}`);
    return 1;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

process.exitCode = await main();
