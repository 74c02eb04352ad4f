// What became of a kommune of an earlier year (merged, split, renumbered), looked up in the
// over-time artefacts; the wording is src/lib/format/laterChange.
import type { LongRow } from '../lib/pipeline/overTime';
import { structureStartDate, type LaterChange, type LaterChangeKind } from '../lib/format/laterChange';
import { artefactCache, kommune, latestYear, yearSummary, years } from './data';
import { history, longRows } from './overTimeData';

const KINDS = new Set<string>(['sammenslått', 'delt', 'nytt_nummer']);

function rowIndex(): Map<string, LongRow> {
  const cache = artefactCache();
  let index = cache.get('laterChange:rows') as Map<string, LongRow> | undefined;
  if (!index) {
    index = new Map(longRows().map((r) => [`${r.year}:${r.kommunenummer}`, r]));
    cache.set('laterChange:rows', index);
  }
  return index;
}

/**
 * The date of the structure change that ended this kommune as it was in `year`: the first later
 * survey year on another structure where the same number no longer tells the same story (gone,
 * or there with another `endring`, e.g. Stavanger 1103 «uendret» in 2021 after the 2020 merger).
 */
function changeDate(year: number, row: LongRow): string | null {
  let structure = yearSummary(year).structure;
  for (const y of years().filter((y) => y > year)) {
    const s = yearSummary(y).structure;
    if (s === structure) continue;
    const later = rowIndex().get(`${y}:${row.kommunenummer}`);
    if (!later || later.kommunenavn !== row.kommunenavn || later.endring !== row.endring || later.etterfolgere !== row.etterfolgere) {
      return structureStartDate(s);
    }
    structure = s;
  }
  return null;
}

/** Null for a kommune that is the same today (or could not be followed). */
export function laterChange(year: number, kommunenummer: string): LaterChange | null {
  if (year === latestYear()) return null;
  const row = rowIndex().get(`${year}:${kommunenummer}`);
  if (!row || !KINDS.has(row.endring)) return null;
  const successors = row.etterfolgere.split(' ').filter(Boolean)
    .map((nr) => kommune(latestYear(), nr))
    .filter((k): k is NonNullable<typeof k> => !!k)
    .map((k) => ({ kommunenummer: k.kommunenummer, kommunenavn: k.kommunenavn }));
  if (successors.length === 0) return null;
  const partners = row.endring === 'sammenslått' && row.kommunenummer_gjeldende
    ? (history(row.kommunenummer_gjeldende)?.entries ?? [])
      .filter((e) => e.year === year && e.kommunenummer !== kommunenummer)
      .map((e) => e.kommunenavn)
    : [];
  return {
    kind: row.endring as LaterChangeKind,
    kommunenummer,
    kommunenavn: row.kommunenavn,
    date: changeDate(year, row),
    partners,
    successors,
  };
}
