// Small synthetic fixtures for the reader tests, built from the 2021 survey definition.
import { readFileSync } from 'node:fs';
import type { RegisterRow, SurveyDefinition } from '../../src/lib/types';
import { columnAnswerSets, requiredColumns } from '../../src/lib/read/labels';
import { prng as rng } from '../../src/lib/random';

export const survey2021: SurveyDefinition = JSON.parse(
  readFileSync(new URL('../../data/surveys/2021.json', import.meta.url), 'utf8'),
);

export const kommuner: RegisterRow[] = [
  { kommunenummer: '0301', kommunenavn: 'Oslo', fylkesnummer: '03', fylkesnavn: 'Oslo', innbyggere: 700000 },
  { kommunenummer: '3024', kommunenavn: 'Bærum', fylkesnummer: '30', fylkesnavn: 'Viken', innbyggere: 128000 },
  { kommunenummer: '4601', kommunenavn: 'Bergen', fylkesnummer: '46', fylkesnavn: 'Vestland', innbyggere: 285000 },
  { kommunenummer: '5001', kommunenavn: 'Trondheim', fylkesnummer: '50', fylkesnavn: 'Trøndelag', innbyggere: 210000 },
  { kommunenummer: '1871', kommunenavn: 'Andøy', fylkesnummer: '18', fylkesnavn: 'Nordland', innbyggere: 4600 },
];

/** Deterministic PRNG so generated fixtures are the same on every run. */
export { rng };

/** Every required column plus the optional ones, in a stable order. */
export function allColumns(survey = survey2021): string[] {
  const req = requiredColumns(survey);
  const rest = [...columnAnswerSets(survey).keys()].filter((c) => !req.includes(c));
  return [...req, ...rest];
}

/** A valid table: header + rows of canonical labels (kommunenummer first). */
export function validTable(
  numbers: string[],
  seed = 1,
  survey = survey2021,
): { header: string[]; rows: string[][] } {
  const random = rng(seed);
  const sets = columnAnswerSets(survey);
  const header = allColumns(survey);
  const rows = numbers.map((nr) =>
    header.map((c) => {
      if (c === 'kommunenummer') return nr;
      const labels = survey.answerSets[sets.get(c)!];
      const pick = Math.floor(random() * (labels.length + 1));
      return pick === labels.length ? '' : labels[pick];
    }),
  );
  return { header, rows };
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 bytes for text whose characters all exist in cp1252 (æøå, «», …). */
export function cp1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94 };
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (special[ch] !== undefined) out[i] = special[ch];
    else if (code < 256) out[i] = code;
    else throw new Error(`not in cp1252: ${ch}`);
  }
  return out;
}
