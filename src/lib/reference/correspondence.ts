// Correspondence between two kommune structures (`registers/endringer-2020-2024.csv`,
// `registers/endringer-2018-2020.csv`): one row per (old kommune, new kommune) pair, so a split is
// several rows with the same old number and a merger several rows with the same new number.
// The file's columns carry the two structures' years (`kommunenummer_2018`, `kommunenummer_2020`);
// in memory every correspondence uses the fields of CorrespondenceRow, whose `_2020` side is the
// earlier structure and `_2024` side the later one, whatever the years.
import { writeCsv } from '../publish/csv';
import type { CorrespondenceRow, Endring, Problem, RegisterRow } from '../types';
import { ReferenceDataError } from './errors';
import { KOMMUNENUMMER, readReferenceTable } from './register';

export const CORRESPONDENCE_COLUMNS = [
  'kommunenummer_2020',
  'kommunenavn_2020',
  'kommunenummer_2024',
  'kommunenavn_2024',
  'endring',
] as const;

export const ENDRINGER: readonly Endring[] = ['uendret', 'nytt_nummer', 'delt', 'sammenslått'];

/** The years in a correspondence file's header: old and new structure. */
export interface CorrespondenceYears {
  old: string;
  new: string;
}

export const DEFAULT_YEARS: CorrespondenceYears = { old: '2020', new: '2024' };

export function correspondenceColumns(years: CorrespondenceYears): string[] {
  return [`kommunenummer_${years.old}`, `kommunenavn_${years.old}`, `kommunenummer_${years.new}`, `kommunenavn_${years.new}`, 'endring'];
}

/** The two years of the header's `kommunenummer_<år>` columns, in file order; the default when none. */
export function headerYears(text: string): CorrespondenceYears {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const years = [...first.matchAll(/kommunenummer_(\d{4})/g)].map((m) => m[1]);
  return years.length === 2 && years[0] < years[1] ? { old: years[0], new: years[1] } : DEFAULT_YEARS;
}

export function parseCorrespondence(text: string, file: string): CorrespondenceRow[] {
  const years = headerYears(text);
  const columns = correspondenceColumns(years);
  const table = readReferenceTable(text, file, columns);
  // Problems name the file's own columns (kommunenummer_2018 …), not the in-memory fields.
  const fileColumn = (c: (typeof CORRESPONDENCE_COLUMNS)[number]) => columns[CORRESPONDENCE_COLUMNS.indexOf(c)];
  const at = (fields: string[], c: (typeof CORRESPONDENCE_COLUMNS)[number]) => fields[table.index.get(fileColumn(c))!].trim();
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const rows: CorrespondenceRow[] = [];
  for (const { line, fields } of table.records) {
    const bad = (column: (typeof CORRESPONDENCE_COLUMNS)[number], value: string, message: string) =>
      problems.push({ file, line, column: fileColumn(column), value, message });
    const row = {
      kommunenummer_2020: at(fields, 'kommunenummer_2020'),
      kommunenavn_2020: at(fields, 'kommunenavn_2020'),
      kommunenummer_2024: at(fields, 'kommunenummer_2024'),
      kommunenavn_2024: at(fields, 'kommunenavn_2024'),
      endring: at(fields, 'endring') as Endring,
    };
    let ok = true;
    for (const c of ['kommunenummer_2020', 'kommunenummer_2024'] as const) {
      if (!KOMMUNENUMMER.test(row[c])) {
        bad(c, row[c], `«${row[c]}» er ikke et kommunenummer med fire sifre (f.eks. 0301)`);
        ok = false;
      }
    }
    for (const c of ['kommunenavn_2020', 'kommunenavn_2024'] as const) {
      if (row[c] === '') {
        bad(c, row[c], 'navnet er tomt');
        ok = false;
      }
    }
    if (!ENDRINGER.includes(row.endring)) {
      bad('endring', row.endring, `«${row.endring}» er ikke en kjent endring (${ENDRINGER.join(', ')})`);
      ok = false;
    } else if (ok && row.endring === 'uendret' && row.kommunenummer_2020 !== row.kommunenummer_2024) {
      bad('endring', row.endring, `«uendret», men nummeret endres fra ${row.kommunenummer_2020} til ${row.kommunenummer_2024}`);
      ok = false;
    } else if (ok && row.endring === 'nytt_nummer' && row.kommunenummer_2020 === row.kommunenummer_2024) {
      bad('endring', row.endring, `«nytt_nummer», men nummeret ${row.kommunenummer_2020} er det samme`);
      ok = false;
    }
    if (ok) {
      const key = `${row.kommunenummer_2020}>${row.kommunenummer_2024}`;
      if (seen.has(key)) {
        bad('kommunenummer_2024', row.kommunenummer_2024, `paret ${row.kommunenummer_2020} → ${row.kommunenummer_2024} står også på linje ${seen.get(key)}`);
        ok = false;
      } else {
        seen.set(key, line);
      }
    }
    if (ok) rows.push(row);
  }
  if (problems.length > 0) throw new ReferenceDataError(problems);
  if (rows.length === 0) throw new ReferenceDataError([{ file, message: 'korrespondansen har ingen rader' }]);
  return rows;
}

function compareRows(a: CorrespondenceRow, b: CorrespondenceRow): number {
  const k = (r: CorrespondenceRow) => `${r.kommunenummer_2020}${r.kommunenummer_2024}`;
  return k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0;
}

/** The file format of `../shared/registers/endringer-*.csv`, sorted by old then new number. */
export function formatCorrespondence(rows: CorrespondenceRow[], years: CorrespondenceYears = DEFAULT_YEARS): string {
  return writeCsv(
    correspondenceColumns(years),
    [...rows].sort(compareRows).map((r) => CORRESPONDENCE_COLUMNS.map((c) => r[c])),
  );
}

function groupBy(rows: CorrespondenceRow[], key: (r: CorrespondenceRow) => string): Map<string, CorrespondenceRow[]> {
  const map = new Map<string, CorrespondenceRow[]>();
  for (const r of [...rows].sort(compareRows)) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

/** Old kommunenummer → its rows in the new structure (two or more for a split). */
export function forwardMap(rows: CorrespondenceRow[]): Map<string, CorrespondenceRow[]> {
  return groupBy(rows, (r) => r.kommunenummer_2020);
}

/** New kommunenummer → the rows of the old kommuner it came from (two or more for a merger). */
export function backwardMap(rows: CorrespondenceRow[]): Map<string, CorrespondenceRow[]> {
  return groupBy(rows, (r) => r.kommunenummer_2024);
}

/**
 * Every kommune of both registers must be covered, every number must exist in its register with
 * the register's name, and the kind of change must agree with the shape: an old kommune with
 * several successors is `delt`, a new one with several predecessors `sammenslått`.
 */
export function checkCoverage(
  rows: CorrespondenceRow[],
  oldRegister: RegisterRow[],
  newRegister: RegisterRow[],
  file = 'korrespondanse',
): Problem[] {
  const problems: Problem[] = [];
  const oldByNr = new Map(oldRegister.map((r) => [r.kommunenummer, r]));
  const newByNr = new Map(newRegister.map((r) => [r.kommunenummer, r]));
  const forward = forwardMap(rows);
  const backward = backwardMap(rows);

  for (const r of oldRegister) {
    if (!forward.has(r.kommunenummer)) {
      problems.push({ file, column: 'kommunenummer_2020', value: r.kommunenummer, message: `${r.kommunenummer} ${r.kommunenavn} (gammelt register) mangler i korrespondansen` });
    }
  }
  for (const r of newRegister) {
    if (!backward.has(r.kommunenummer)) {
      problems.push({ file, column: 'kommunenummer_2024', value: r.kommunenummer, message: `${r.kommunenummer} ${r.kommunenavn} (nytt register) mangler i korrespondansen` });
    }
  }
  for (const r of rows) {
    const o = oldByNr.get(r.kommunenummer_2020);
    const n = newByNr.get(r.kommunenummer_2024);
    if (!o) {
      problems.push({ file, column: 'kommunenummer_2020', value: r.kommunenummer_2020, message: `${r.kommunenummer_2020} finnes ikke i det gamle registeret` });
    } else if (o.kommunenavn !== r.kommunenavn_2020) {
      problems.push({ file, column: 'kommunenavn_2020', value: r.kommunenavn_2020, message: `${r.kommunenummer_2020} heter «${o.kommunenavn}» i det gamle registeret` });
    }
    if (!n) {
      problems.push({ file, column: 'kommunenummer_2024', value: r.kommunenummer_2024, message: `${r.kommunenummer_2024} finnes ikke i det nye registeret` });
    } else if (n.kommunenavn !== r.kommunenavn_2024) {
      problems.push({ file, column: 'kommunenavn_2024', value: r.kommunenavn_2024, message: `${r.kommunenummer_2024} heter «${n.kommunenavn}» i det nye registeret` });
    }
  }
  for (const [nr, list] of forward) {
    const split = list.length > 1;
    for (const r of list) {
      if (split && r.endring !== 'delt') {
        problems.push({ file, column: 'endring', value: r.endring, message: `${nr} går til ${list.length} kommuner, men endring er «${r.endring}» (ventet «delt»)` });
      } else if (!split && r.endring === 'delt') {
        problems.push({ file, column: 'endring', value: r.endring, message: `${nr} er merket «delt», men går bare til ${r.kommunenummer_2024}` });
      }
    }
  }
  for (const [nr, list] of backward) {
    const merged = list.length > 1;
    for (const r of list) {
      if (merged && r.endring !== 'sammenslått' && r.endring !== 'delt') {
        problems.push({ file, column: 'endring', value: r.endring, message: `${nr} kommer fra ${list.length} kommuner, men endring er «${r.endring}» (ventet «sammenslått»)` });
      } else if (!merged && r.endring === 'sammenslått') {
        problems.push({ file, column: 'endring', value: r.endring, message: `${nr} er merket «sammenslått», men kommer bare fra ${r.kommunenummer_2020}` });
      }
    }
  }
  return problems;
}

export interface Renumbering {
  from: string;
  fromName: string;
  to: string;
  toName: string;
  endring: Endring;
  /** The old kommune went to several new ones; `to` is the part that carries it on (see below). */
  split: boolean;
}

function fold(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('nb').replace(/\s*\(.*\)\s*$/, '').trim();
}

/**
 * Old numbers that no longer lead to the same number, each with the one new kommune an old URL
 * should lead to. For a split the successor is the part with the old name (1507 Ålesund →
 * 1508 Ålesund, not 1580 Haram), else the lowest new number; an old number that still exists in
 * the new structure (a part kept the number) needs no redirect and is left out.
 */
export function renumbered(rows: CorrespondenceRow[]): Renumbering[] {
  const out: Renumbering[] = [];
  for (const [from, list] of forwardMap(rows)) {
    if (list.some((r) => r.kommunenummer_2024 === from)) continue;
    const named = list.find((r) => fold(r.kommunenavn_2024) === fold(r.kommunenavn_2020));
    const target = named ?? list[0];
    out.push({
      from,
      fromName: target.kommunenavn_2020,
      to: target.kommunenummer_2024,
      toName: target.kommunenavn_2024,
      endring: target.endring,
      split: list.length > 1,
    });
  }
  return out;
}
