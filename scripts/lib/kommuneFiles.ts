// Each kommune's own data files (issue 10 §4): the engine writes them under
// `<artefacts>/kommune/`; this copies them to `/data/kommune/` beside the national downloads. They
// are not listed in downloads.json: /data/ lists tables, and each kommune page links its own.
import { join } from 'node:path';
import { KOMMUNE_DATA_DIR } from '../../src/lib/pipeline/overTime/kommuneData';
import type { BuildEffects } from './effects';
import { forEachLimited } from './limited';

/** Copies `<artefacts>/kommune/*` to `<out>/data/kommune/`; returns the published paths. */
export async function publishKommuneFiles(fx: BuildEffects, artefactDir: string, out: string): Promise<string[]> {
  const from = join(artefactDir, KOMMUNE_DATA_DIR);
  if (!(await fx.exists(from))) return [];
  const to = join(out, 'data', KOMMUNE_DATA_DIR);
  await fx.mkdir(to);
  const names = (await fx.readdir(from)).filter((name) => /^\d{4}\.(csv|json)$/.test(name));
  await forEachLimited(names, (name) => fx.copyFile(join(from, name), join(to, name)));
  return names.map((name) => `data/${KOMMUNE_DATA_DIR}/${name}`);
}
