// Kommune registers (`registers/kommuner-YYYY.csv`): number, name, fylke, population 1 January.
import { CsvSyntaxError, parseCsv } from '../read/csv';
import { writeCsv } from '../publish/csv';
import type { Problem, RegisterRow } from '../types';
import { ReferenceDataError } from './errors';

export const REGISTER_COLUMNS = ['kommunenummer', 'kommunenavn', 'fylkesnummer', 'fylkesnavn', 'innbyggere'] as const;

export const KOMMUNENUMMER = /^\d{4}$/;
export const FYLKESNUMMER = /^\d{2}$/;

export interface ParsedTable {
  /** Column name → index in `fields`. */
  index: Map<string, number>;
  records: { line: number; fields: string[] }[];
}

/**
 * Reads a reference CSV strictly: comma-separated, the named columns present (others ignored),
 * every row as long as the header. All structural problems are thrown together.
 */
export function readReferenceTable(text: string, file: string, columns: readonly string[]): ParsedTable {
  let parsed;
  try {
    parsed = parseCsv(text, { delimiter: ',' });
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      throw new ReferenceDataError([{ file, line: e.line, message: `ugyldig CSV: ${e.message}` }]);
    }
    throw e;
  }
  if (parsed.header.length === 0) {
    throw new ReferenceDataError([{ file, message: 'filen er tom (ventet en overskriftslinje med ' + columns.join(', ') + ')' }]);
  }
  const header = parsed.header.map((h) => h.trim());
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  const missing = columns.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new ReferenceDataError([
      { file, line: 1, message: `mangler kolonne${missing.length > 1 ? 'ne' : ''} ${missing.join(', ')} (fant ${header.join(', ')})` },
    ]);
  }
  const problems: Problem[] = [];
  for (const r of parsed.records) {
    if (r.fields.length !== header.length) {
      problems.push({ file, line: r.line, message: `raden har ${r.fields.length} felt, overskriften ${header.length}` });
    }
  }
  if (problems.length > 0) throw new ReferenceDataError(problems);
  return { index, records: parsed.records };
}

export function parseRegister(text: string, file: string): RegisterRow[] {
  const table = readReferenceTable(text, file, REGISTER_COLUMNS);
  const at = (fields: string[], c: (typeof REGISTER_COLUMNS)[number]) => fields[table.index.get(c)!].trim();
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const rows: RegisterRow[] = [];
  for (const { line, fields } of table.records) {
    const bad = (column: string, value: string, message: string) => problems.push({ file, line, column, value, message });
    const kommunenummer = at(fields, 'kommunenummer');
    const kommunenavn = at(fields, 'kommunenavn');
    const fylkesnummer = at(fields, 'fylkesnummer');
    const fylkesnavn = at(fields, 'fylkesnavn');
    const innbyggereText = at(fields, 'innbyggere');
    let ok = true;
    if (!KOMMUNENUMMER.test(kommunenummer)) {
      bad('kommunenummer', kommunenummer, `«${kommunenummer}» er ikke et kommunenummer med fire sifre (f.eks. 0301)`);
      ok = false;
    } else if (seen.has(kommunenummer)) {
      bad('kommunenummer', kommunenummer, `kommunenummer ${kommunenummer} står også på linje ${seen.get(kommunenummer)}`);
      ok = false;
    } else {
      seen.set(kommunenummer, line);
    }
    if (kommunenavn === '') {
      bad('kommunenavn', kommunenavn, 'kommunenavn er tomt');
      ok = false;
    }
    if (!FYLKESNUMMER.test(fylkesnummer)) {
      bad('fylkesnummer', fylkesnummer, `«${fylkesnummer}» er ikke et fylkesnummer med to sifre (f.eks. 03)`);
      ok = false;
    } else if (KOMMUNENUMMER.test(kommunenummer) && kommunenummer.slice(0, 2) !== fylkesnummer) {
      // The first two digits of a kommunenummer are its fylke by construction.
      bad('fylkesnummer', fylkesnummer, `kommune ${kommunenummer} kan ikke ligge i fylke ${fylkesnummer}`);
      ok = false;
    }
    if (fylkesnavn === '') {
      bad('fylkesnavn', fylkesnavn, 'fylkesnavn er tomt');
      ok = false;
    }
    let innbyggere: number | null = null;
    if (innbyggereText !== '') {
      if (!/^\d+$/.test(innbyggereText)) {
        bad('innbyggere', innbyggereText, `«${innbyggereText}» er ikke et heltall (tom celle betyr ukjent)`);
        ok = false;
      } else {
        innbyggere = Number(innbyggereText);
      }
    }
    if (ok) rows.push({ kommunenummer, kommunenavn, fylkesnummer, fylkesnavn, innbyggere });
  }
  if (problems.length > 0) throw new ReferenceDataError(problems);
  if (rows.length === 0) throw new ReferenceDataError([{ file, message: 'registeret har ingen kommuner' }]);
  return rows;
}

/** The register file format of `../shared/registers/`: sorted by kommunenummer, LF, final newline. */
export function formatRegister(rows: RegisterRow[]): string {
  const sorted = [...rows].sort((a, b) => (a.kommunenummer < b.kommunenummer ? -1 : a.kommunenummer > b.kommunenummer ? 1 : 0));
  return writeCsv(
    REGISTER_COLUMNS,
    sorted.map((r) => [r.kommunenummer, r.kommunenavn, r.fylkesnummer, r.fylkesnavn, r.innbyggere]),
  );
}
