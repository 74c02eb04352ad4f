// A kommune register given on the command line (`--register <file>`): the reference format
// (kommunenummer,kommunenavn,fylkesnummer,fylkesnavn,innbyggere; UTF-8, comma), but read as
// forgivingly as a survey export, since users bring their own: UTF-8 or Windows-1252, `,` or `;`,
// header names in any case, and only `kommunenummer` required (fylke from its first two digits,
// names and population optional). Every problem found is reported, with file and line.

import type { Problem, RegisterRow } from '../types';
import { CsvSyntaxError, detectDelimiter, parseCsv } from './csv';
import { decodeBytes } from './decode';
import { displayValue } from './responses';
import { rowLengthDetail } from './hints';
import { withPlainNames } from '../format/bidi';

export type RegisterReadResult = { ok: true; rows: RegisterRow[] } | { ok: false; problems: Problem[] };

const MAX_PROBLEMS = 50;
const REGISTER_COLUMNS = ['kommunenummer', 'kommunenavn', 'fylkesnummer', 'fylkesnavn', 'innbyggere'];

export function readRegister(bytes: Uint8Array, file: string): RegisterReadResult {
  const text = decodeBytes(bytes).text.replace(/^\uFEFF/, '');
  let parsed;
  try {
    parsed = parseCsv(text, { delimiter: detectDelimiter(text) });
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { ok: false, problems: [{ file, line: e.line, message: `ugyldig CSV: tegn ${e.column}: ${e.reason}` }] };
    throw e;
  }
  if (parsed.header.length === 0) {
    return { ok: false, problems: [{ file, message: 'kommuneregisteret er tomt; forventet en overskriftslinje med minst «kommunenummer»' }] };
  }
  const header = parsed.header.map((h) => h.trim().toLowerCase());
  const at = (name: string) => header.indexOf(name);
  const col = { nr: at('kommunenummer'), navn: at('kommunenavn'), fnr: at('fylkesnummer'), fnavn: at('fylkesnavn'), pop: at('innbyggere') };
  if (col.nr < 0) {
    return {
      ok: false,
      problems: [{ file, line: parsed.headerLine, message: `kommuneregisteret mangler kolonnen «kommunenummer» (fant ${header.map(displayValue).join(', ')})` }],
    };
  }

  // A survey export given as --register has kommunenummer too; its answer columns give it away.
  const unknown = header.filter((h) => h !== '' && !REGISTER_COLUMNS.includes(h));
  if (unknown.length >= 3) {
    return {
      ok: false,
      problems: [{
        file,
        line: parsed.headerLine,
        message: `dette ser ikke ut som et kommuneregister: ${unknown.length} kolonner et register ikke har (${unknown.slice(0, 5).map(displayValue).join(', ')}${unknown.length > 5 ? ', …' : ''}); forventet ${REGISTER_COLUMNS.join(',')} (er det svarfila?)`,
      }],
    };
  }

  const problems: Problem[] = [];
  const bad = (p: Omit<Problem, 'file'>) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ file, ...p });
  };
  const seen = new Map<string, number>();
  const rows: RegisterRow[] = [];
  for (const { line, fields } of parsed.records) {
    if (fields.length !== header.length) {
      bad({ line, column: header[Math.min(fields.length, header.length - 1)], message: `raden har ${fields.length} felt, men overskriften har ${header.length} kolonner${rowLengthDetail(fields.length, header)}` });
      continue;
    }
    const get = (i: number) => (i < 0 ? '' : fields[i].trim());
    const kommunenummer = get(col.nr);
    if (!/^\d{4}$/.test(kommunenummer)) {
      bad({ line, column: 'kommunenummer', value: kommunenummer, message: `kolonne «kommunenummer»: fant «${displayValue(kommunenummer)}»; forventet nøyaktig 4 sifre med ledende null, f.eks. «0301»` });
      continue;
    }
    const earlier = seen.get(kommunenummer);
    if (earlier !== undefined) {
      bad({ line, column: 'kommunenummer', value: kommunenummer, message: `kolonne «kommunenummer»: «${kommunenummer}» står også på linje ${earlier}` });
      continue;
    }
    seen.set(kommunenummer, line);
    const fylkesnummer = get(col.fnr) || kommunenummer.slice(0, 2);
    if (fylkesnummer !== kommunenummer.slice(0, 2)) {
      bad({ line, column: 'fylkesnummer', value: fylkesnummer, message: `kolonne «fylkesnummer»: kommune ${kommunenummer} kan ikke ligge i fylke «${displayValue(fylkesnummer)}» (de to første sifrene i kommunenummeret)` });
      continue;
    }
    const popText = get(col.pop).replace(/[\s\u00a0\u2009\u202f]/g, '');
    if (popText !== '' && !/^\d+$/.test(popText)) {
      bad({ line, column: 'innbyggere', value: get(col.pop), message: `kolonne «innbyggere»: fant «${displayValue(get(col.pop))}»; forventet et heltall eller tomt felt (ukjent)` });
      continue;
    }
    rows.push({
      kommunenummer,
      kommunenavn: get(col.navn) || kommunenummer,
      fylkesnummer,
      fylkesnavn: get(col.fnavn) || `Fylke ${fylkesnummer}`,
      innbyggere: popText === '' ? null : Number(popText),
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) return { ok: false, problems: [{ file, message: 'kommuneregisteret har ingen kommuner' }] };
  return { ok: true, rows: withPlainNames(rows) };
}
