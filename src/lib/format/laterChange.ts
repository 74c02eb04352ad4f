// What became of a kommune after a survey year, in one plain sentence: «Stavanger (1103) ble slått
// sammen med Finnøy og Rennesøy til Stavanger 1. januar 2020.» Pure: the caller looks up the rows.

export type LaterChangeKind = 'sammenslått' | 'delt' | 'nytt_nummer';

export interface LaterChange {
  kind: LaterChangeKind;
  kommunenummer: string;
  kommunenavn: string;
  /** «1. januar 2020», or null when the structure's start is not known. */
  date: string | null;
  /** The kommuner it merged with (that year's names), for «sammenslått». */
  partners: string[];
  /** Today's kommune(r) it leads to, main successor first. */
  successors: { kommunenummer: string; kommunenavn: string }[];
}

/** A structure id is the year it took effect («2020»); anything else has no known date. */
export function structureStartDate(structureId: string): string | null {
  return /^\d{4}$/.test(structureId) ? `1. januar ${structureId}` : null;
}

export function listNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}

export interface SentencePart { text: string; link?: { kommunenummer: string; kommunenavn: string } }

/**
 * The sentence as parts, so a page can link the successors: «Finnøy (1141) ble slått sammen med
 * Stavanger og Rennesøy 1. januar 2020; området hører i dag til » [Stavanger (1103)] «.»
 */
export function laterChangeParts(c: LaterChange): SentencePart[] {
  const when = c.date ? ` ${c.date}` : ' senere';
  const who = `${c.kommunenavn} (${c.kommunenummer})`;
  const succ: SentencePart[] = [];
  c.successors.forEach((s, i) => {
    if (i > 0) succ.push({ text: i === c.successors.length - 1 ? ' og ' : ', ' });
    succ.push({ text: `${s.kommunenavn} (${s.kommunenummer})`, link: s });
  });
  if (c.kind === 'sammenslått') {
    const head = c.partners.length ? `${who} ble slått sammen med ${listNames(c.partners)}${when}` : `${who} ble slått sammen med andre kommuner${when}`;
    return [{ text: `${head}; området hører i dag til ` }, ...succ, { text: '.' }];
  }
  if (c.kind === 'delt') return [{ text: `${who} ble delt${when}; området hører i dag til ` }, ...succ, { text: '.' }];
  return [{ text: `${who} fikk nytt kommunenummer${when} og er i dag ` }, ...succ, { text: '.' }];
}

export function laterChangeText(c: LaterChange): string {
  return laterChangeParts(c).map((p) => p.text).join('');
}

/** The short form for a search hit: «slått sammen med Stavanger 1. januar 2020». */
export function laterChangeShort(c: LaterChange): string {
  const when = c.date ? ` ${c.date}` : '';
  const names = listNames(c.successors.map((s) => s.kommunenavn));
  // «med Stavanger» only names a kommune it really merged with; Asker (0220) merged into a new
  // Asker and Ålesund (1504) into one later split, so those say what they are today instead.
  if (c.kind === 'sammenslått') {
    return c.successors.length === 1 && c.successors[0].kommunenavn !== c.kommunenavn
      ? `slått sammen med ${names}${when}`
      : `slått sammen${when}, i dag ${names}`;
  }
  if (c.kind === 'delt') return `delt${when}, i dag ${names}`;
  return `nytt kommunenummer${when}: ${c.successors[0]?.kommunenummer ?? ''} ${names}`.trim();
}
