// Building the register and correspondence files from what KLASS and StatBank answered.
import type { CorrespondenceRow, Endring, Problem, RegisterRow } from '../types';
import { checkCoverage } from './correspondence';
import { ReferenceDataError } from './errors';
import type { KlassChange, KlassCode } from './klass';

export function buildRegister(
  kommuner: KlassCode[],
  fylker: KlassCode[],
  population: Map<string, number | null> | null,
  file: string,
): RegisterRow[] {
  const fylkeName = new Map(fylker.map((f) => [f.code, f.name]));
  const problems: Problem[] = [];
  const rows: RegisterRow[] = [];
  for (const k of kommuner) {
    const fylkesnummer = k.code.slice(0, 2);
    const fylkesnavn = fylkeName.get(fylkesnummer);
    if (!fylkesnavn) problems.push({ file, column: 'fylkesnavn', value: fylkesnummer, message: `KLASS 104 har ikke fylke ${fylkesnummer} (kommune ${k.code} ${k.name})` });
    let innbyggere: number | null = null;
    if (population) {
      const p = population.get(k.code);
      if (p === undefined || p === null) problems.push({ file, column: 'innbyggere', value: k.code, message: `StatBank 07459 har ikke folketall for ${k.code} ${k.name}` });
      else innbyggere = p;
    }
    rows.push({ kommunenummer: k.code, kommunenavn: k.name, fylkesnummer, fylkesnavn: fylkesnavn ?? '', innbyggere });
  }
  if (problems.length > 0) throw new ReferenceDataError(problems, `Kunne ikke lage ${file} fra SSBs svar:`);
  return rows.sort((a, b) => (a.kommunenummer < b.kommunenummer ? -1 : 1));
}

/**
 * Follows KLASS changes from each old kommune to the kommuner of the new structure (through
 * chains, e.g. a renumbering followed by a split), then names the kind of change from the shape:
 * several successors → delt, several predecessors → sammenslått, else same number → uendret,
 * else nytt_nummer. Only changes after `fromDate` and up to `toDate` count, so the changes that
 * created the old structure itself are ignored.
 */
export function buildCorrespondence(
  oldRegister: RegisterRow[],
  newRegister: RegisterRow[],
  changes: KlassChange[],
  fromDate: string,
  toDate: string,
  file: string,
): CorrespondenceRow[] {
  const newByNr = new Map(newRegister.map((r) => [r.kommunenummer, r]));
  const next = new Map<string, string[]>();
  for (const c of changes) {
    if (c.changeOccurred <= fromDate || c.changeOccurred > toDate || c.oldCode === c.newCode) continue;
    const list = next.get(c.oldCode) ?? [];
    if (!list.includes(c.newCode)) list.push(c.newCode);
    next.set(c.oldCode, list);
  }
  const successors = (code: string, seen: Set<string>): string[] => {
    if (seen.has(code)) return [];
    seen.add(code);
    const list = next.get(code);
    if (!list) return newByNr.has(code) ? [code] : [];
    const out = list.flatMap((n) => successors(n, seen));
    // A part that keeps the old number is listed by KLASS only as the other parts' change.
    if (newByNr.has(code) && !out.includes(code)) out.push(code);
    return out;
  };
  const problems: Problem[] = [];
  const pairs: [RegisterRow, RegisterRow][] = [];
  for (const o of oldRegister) {
    const succ = [...new Set(successors(o.kommunenummer, new Set()))].sort();
    if (succ.length === 0) problems.push({ file, column: 'kommunenummer_2020', value: o.kommunenummer, message: `fant ikke hvor ${o.kommunenummer} ${o.kommunenavn} ble av i KLASS' endringer` });
    for (const s of succ) pairs.push([o, newByNr.get(s)!]);
  }
  if (problems.length > 0) throw new ReferenceDataError(problems, `Kunne ikke lage ${file} fra SSBs svar:`);
  const outCount = new Map<string, number>();
  const inCount = new Map<string, number>();
  for (const [o, n] of pairs) {
    outCount.set(o.kommunenummer, (outCount.get(o.kommunenummer) ?? 0) + 1);
    inCount.set(n.kommunenummer, (inCount.get(n.kommunenummer) ?? 0) + 1);
  }
  const rows = pairs.map(([o, n]): CorrespondenceRow => {
    let endring: Endring;
    if (outCount.get(o.kommunenummer)! > 1) endring = 'delt';
    else if (inCount.get(n.kommunenummer)! > 1) endring = 'sammenslått';
    else endring = o.kommunenummer === n.kommunenummer ? 'uendret' : 'nytt_nummer';
    return { kommunenummer_2020: o.kommunenummer, kommunenavn_2020: o.kommunenavn, kommunenummer_2024: n.kommunenummer, kommunenavn_2024: n.kommunenavn, endring };
  });
  const coverage = checkCoverage(rows, oldRegister, newRegister, file);
  if (coverage.length > 0) throw new ReferenceDataError(coverage, `Korrespondansen fra SSBs endringer dekker ikke registrene (${file}):`);
  return rows;
}
