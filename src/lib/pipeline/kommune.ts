import { INDICATOR_COLUMNS, type KommuneIndicators, type RegisterRow, type ResponseColumns, type ResponseRow, type SurveyDefinition } from '../types';
import { sizeClass } from '../rules/sizeClass';
import { jaNei } from '../rules/kompetanse';
import { indicatorRows, type Table } from './table';
import { codedColumn } from '../read/responseColumns';

/**
 * Columns of the published national table (`/data/<år>/indicators.csv`): the contract's columns with
 * the register's name, fylke, population and size class after the number, so a reader needs no
 * second file to know which kommune a row is. The engine's own `indicators.csv` keeps the contract.
 */
export const PUBLISHED_INDICATOR_COLUMNS = [
  'kommunenummer', 'kommunenavn', 'fylkesnummer', 'fylkesnavn', 'innbyggere', 'storrelse',
  ...INDICATOR_COLUMNS.filter((c) => c !== 'kommunenummer'),
  'rekrutteringsvansker',
] as const satisfies readonly (keyof KommuneIndicators)[];

/**
 * The indicator table joined with the register, as the site reads it (indicators.json), sorted by
 * kommunenummer. `rekrutteringsvansker` comes from the responses where the form asked it.
 */
export function toKommuneIndicators(
  table: Table,
  register: readonly RegisterRow[],
  responses: readonly ResponseRow[] | ResponseColumns = [],
  survey?: SurveyDefinition,
): KommuneIndicators[] {
  const byNr = new Map(register.map((r) => [r.kommunenummer, r]));
  const vanskerColumn = survey?.kompetanse.rekrutteringsvansker ?? 'rekrutteringsvansker';
  const vansker = new Map<string, 0 | 1 | null>();
  if (Array.isArray(responses)) {
    for (const r of responses as readonly ResponseRow[]) vansker.set(r.kommunenummer, jaNei(r[vanskerColumn]));
  } else {
    const data = responses as ResponseColumns;
    const nr = data.values.kommunenummer;
    const answers = codedColumn(data, vanskerColumn);
    for (let i = 0; i < data.length; i++) vansker.set(nr[i]!, jaNei(answers ? answers.labels[answers.codes[i]] : undefined));
  }
  const out: KommuneIndicators[] = [];
  for (const ind of indicatorRows(table)) {
    const reg = byNr.get(ind.kommunenummer);
    if (!reg) continue;
    out.push({
      ...ind,
      kommunenavn: reg.kommunenavn,
      fylkesnummer: reg.fylkesnummer,
      fylkesnavn: reg.fylkesnavn,
      innbyggere: reg.innbyggere,
      storrelse: sizeClass(reg.innbyggere),
      // A follow-up of «rekruttert»: ignored unless the kommune tried to recruit (the spec's gate rule).
      rekrutteringsvansker: ind.svart === 1 && ind.rekruttert === 1 ? (vansker.get(ind.kommunenummer) ?? null) : null,
    });
  }
  return out.sort((a, b) => (a.kommunenummer < b.kommunenummer ? -1 : a.kommunenummer > b.kommunenummer ? 1 : 0));
}
