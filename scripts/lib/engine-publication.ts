// A year's versions and corrections (nothing revised silently): the year's figures compared with
// the committed per-version digests, recorded as publication.json for the site.
import { join } from 'node:path';
import type { BuildEffects } from './effects';
import { decodeText } from './effects';
import { InputError } from './errors';
import {
  changedKommuner, digestFile, digestPath, versionDate,
  type DigestFile, type Publication, type YearPublication,
} from '../../src/lib/publication/versions';

/**
 * The year's versions with the kommuner each correction changed, from the committed digests of the
 * earlier versions and the figures just computed. `digests: 'write'` records a missing digest
 * (npm run digest); an existing one is never overwritten.
 */
export async function publicationOf(
  year: number,
  p: Publication,
  digest: Record<string, string>,
  o: { dataDir: string; digests?: 'check' | 'write' },
  fx: BuildEffects,
): Promise<YearPublication> {
  const read = async (version: number): Promise<Record<string, string> | null> => {
    const path = join(o.dataDir, digestPath(year, version));
    if (!(await fx.exists(path))) return null;
    return (JSON.parse(decodeText(await fx.readFile(path))) as DigestFile).kommuner;
  };
  const own = await read(p.version);
  if (!own && o.digests === 'write') {
    await fx.mkdir(join(o.dataDir, 'digests'));
    await fx.writeFile(join(o.dataDir, digestPath(year, p.version)), `${JSON.stringify(digestFile(year, p.version, digest), null, 1)}\n`);
    fx.log(`  Skrev ${digestPath(year, p.version)}: commit den sammen med årgangen.`);
  } else if (!own) {
    fx.log(`  Merk: data/${digestPath(year, p.version)} mangler. Kjør «npm run digest» og commit fila, ellers kan en senere rettelse ikke vise hvilke kommuner den endret.`);
  } else {
    const differ = changedKommuner(own, digest);
    if (differ.length > 0) {
      fx.log(`  Advarsel: tallene for ${differ.length} kommune(r) (${differ.slice(0, 5).join(', ')}${differ.length > 5 ? ' …' : ''}) er ikke de som ble publisert i versjon ${p.version} (data/${digestPath(year, p.version)}). Er det en rettelse, registrer en ny versjon.`);
    }
  }
  const changes: YearPublication['changes'] = [];
  for (const c of p.corrections) {
    const before = await read(c.version - 1);
    const after = c.version === p.version ? digest : await read(c.version);
    if (!before || !after) {
      throw new InputError(`Rettelsen til versjon ${c.version} av ${year}: mangler data/${digestPath(year, before ? c.version : c.version - 1)}, så bygget kan ikke vise hvilke kommuner som ble endret. Hent fila fra git-historikken (den ble laget da versjonen ble publisert).`);
    }
    changes.push({ version: c.version, kommuner: changedKommuner(before, after) });
  }
  return { ...p, versionDate: versionDate(p), changes };
}
