// The index the header search fetches (/sok.json) when a reader first focuses the field: today's
// kommuner, and every earlier kommune that no longer exists as it was, leading to today's.
import { laterChangeShort } from '../lib/format/laterChange';
import { kommuner, latestYear, years } from './data';
import { laterChange } from './laterChanges';
import { kommunePath } from './urls';

/** [name, kommunenummer, fylke, path] for today's kommuner. */
export type CurrentEntry = [string, string, string, string];
/** [name, kommunenummer, fylke, what became of it, path of today's kommune, last year it existed]. */
export type FormerEntry = [string, string, string, string, string, number];

export interface SearchIndex { k: CurrentEntry[]; f: FormerEntry[] }

export function searchIndex(): SearchIndex {
  const latest = latestYear();
  const today = kommuner(latest);
  const current = new Set(today.map((k) => `${k.kommunenummer}:${k.kommunenavn}`));
  const k: CurrentEntry[] = today.map((x) => [x.kommunenavn, x.kommunenummer, x.fylkesnavn, kommunePath(x)]);
  const former = new Map<string, FormerEntry>();
  // Latest year first: a kommune that existed in 2018 and 2021 is described as it was last.
  for (const year of years().filter((y) => y !== latest).reverse()) {
    for (const x of kommuner(year)) {
      const key = `${x.kommunenummer}:${x.kommunenavn}`;
      if (current.has(key) || former.has(key)) continue;
      const change = laterChange(year, x.kommunenummer);
      if (!change) continue;
      const main = change.successors[0];
      former.set(key, [x.kommunenavn, x.kommunenummer, x.fylkesnavn, laterChangeShort(change), kommunePath(main), year]);
    }
  }
  return { k, f: [...former.values()].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0], 'nb')) };
}
