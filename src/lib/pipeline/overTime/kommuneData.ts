// Each current kommune's own data file (`kommune/<nr>.csv|json`): every survey year, followed
// through the kommune reforms, with the number and name the kommune had that year beside today's,
// and every score and grade. A journalist gets one kommune without filtering the national table;
// /sammenlign/ reads the same JSON.
import { writeCsv } from '../../publish/csv';
import { INDICATOR_COLUMNS, type KommuneIndicators } from '../../types';
import type { Kobling } from './chain';
import type { OverTimeModel } from './model';

/** What the files say about the publication, besides the figures. */
export interface KommuneDataMeta {
  /** When the site was last updated (ISO date): the newest publication or correction. */
  oppdatert: string;
  /**
   * Per survey year: the questionnaire form, whether the responses are synthetic, and the year's
   * published version (1, then 2, 3 … after corrections) with the date that version was published.
   */
  years: Record<number, { skjema: string; demodata: boolean; versjon: number; publisert: string }>;
}

export const KOMMUNE_DATA_COLUMNS = [
  'year', 'kommunenummer', 'kommunenavn', 'kommunenummer_opprinnelig', 'kommunenavn_opprinnelig',
  'endring', 'sammenlignbar', 'fylkesnummer', 'fylkesnavn', 'innbyggere', 'storrelse',
  ...INDICATOR_COLUMNS.filter((c) => c !== 'kommunenummer'),
  'rekrutteringsvansker', 'skjema', 'demodata', 'versjon', 'publisert',
] as const;

export type KommuneDataRow = Omit<KommuneIndicators, 'kommunenummer' | 'kommunenavn'> & {
  year: number;
  /** Today's kommune (the file's kommune). */
  kommunenummer: string;
  kommunenavn: string;
  /** The unit the figures are for, as numbered and named that year. */
  kommunenummer_opprinnelig: string;
  kommunenavn_opprinnelig: string;
  endring: Kobling;
  /** 1 when the unit covers the same area as today's kommune, so the years compare directly. */
  sammenlignbar: 0 | 1;
  skjema: string;
  demodata: 0 | 1;
  /** The version of that year's figures (issue 9: a correction makes a new version). */
  versjon: number | null;
  /** When that version was published (ISO date). */
  publisert: string | null;
};

export interface KommuneDataFile {
  kommunenummer: string;
  kommunenavn: string;
  fylkesnummer: string;
  fylkesnavn: string;
  oppdatert: string;
  /** The version of each survey year's figures in this file. */
  versjoner: Record<number, number>;
  demodata: boolean;
  /** One row per survey year and earlier unit (several in a year only after a merge). */
  rows: KommuneDataRow[];
}

// The JSON rows list their fields in the CSV's column order, so both files read alike.
function inColumnOrder(row: KommuneDataRow): KommuneDataRow {
  const r = row as unknown as Record<string, unknown>;
  return Object.fromEntries(KOMMUNE_DATA_COLUMNS.map((c) => [c, r[c] ?? null])) as unknown as KommuneDataRow;
}

export function kommuneData(model: OverTimeModel, currentNr: string, meta: KommuneDataMeta): KommuneDataFile | null {
  const now = model.rows.get(model.latestYear)!.get(currentNr);
  if (!now) return null;
  const rows: KommuneDataRow[] = [];
  for (const year of model.years) {
    const preds = model.predecessors.get(year)!.get(currentNr) ?? [];
    for (const nr of preds) {
      const r = model.rows.get(year)!.get(nr)!;
      const trace = model.traces.get(year)!.get(nr)!;
      const y = meta.years[year];
      rows.push(inColumnOrder({
        ...r,
        year,
        kommunenummer: currentNr,
        kommunenavn: now.kommunenavn,
        kommunenummer_opprinnelig: nr,
        kommunenavn_opprinnelig: r.kommunenavn,
        endring: trace.endring,
        // Same rule as the kommune pages' history: only an unchanged area compares directly.
        sammenlignbar: (trace.endring === 'uendret' || trace.endring === 'nytt_nummer') && preds.length === 1 ? 1 : 0,
        skjema: y?.skjema ?? '',
        demodata: y?.demodata ? 1 : 0,
        versjon: y?.versjon ?? null,
        publisert: y?.publisert ?? null,
      }));
    }
  }
  return {
    kommunenummer: currentNr,
    kommunenavn: now.kommunenavn,
    fylkesnummer: now.fylkesnummer,
    fylkesnavn: now.fylkesnavn,
    oppdatert: meta.oppdatert,
    versjoner: Object.fromEntries(model.years.filter((y) => meta.years[y]).map((y) => [y, meta.years[y].versjon])),
    demodata: rows.some((r) => r.demodata === 1),
    rows,
  };
}

export function kommuneDataCsv(file: KommuneDataFile): string {
  return writeCsv(KOMMUNE_DATA_COLUMNS, file.rows.map((r) => KOMMUNE_DATA_COLUMNS.map((c) => (r as unknown as Record<string, string | number | null>)[c] ?? null)));
}

/** Artefact directory of the per-kommune files, relative to the artefacts root. */
export const KOMMUNE_DATA_DIR = 'kommune';

/** `kommune/<nr>.json` and `kommune/<nr>.csv` for every current kommune. */
export function kommuneDataArtefacts(model: OverTimeModel, meta: KommuneDataMeta): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of model.current) {
    const file = kommuneData(model, k.kommunenummer, meta);
    if (!file) continue;
    out[`${KOMMUNE_DATA_DIR}/${k.kommunenummer}.json`] = `${JSON.stringify(file)}\n`;
    out[`${KOMMUNE_DATA_DIR}/${k.kommunenummer}.csv`] = kommuneDataCsv(file);
  }
  return out;
}
