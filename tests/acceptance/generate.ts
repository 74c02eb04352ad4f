// Seeded random survey responses in canonical labels, and writers for the export dialects real
// files come in (UTF-8 BOM + `,` + LF; Windows-1252 + `;` + CRLF + quoted + messy labels; numeric
// codes). Only the spec's column names and labels are used (from ./oracle), never src/lib.
import {
  columnLabels, FUNKSJON_ITEMS, INNKJOP_ITEMS, PROSJEKT_ITEMS, SKY_ITEMS, strategiItems, WAYS_COMPLEX, WAYS_SIMPLE,
  type Answers, type Form,
} from './oracle';

export type Rng = () => number;

/** mulberry32: small, seeded, deterministic. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Columns of a generated file, in a realistic order, incl. free text, contact and unknown extras. */
export function fileColumns(form: Form): string[] {
  const labels = Object.keys(columnLabels(form));
  return ['kommunenummer', 'enhetstype', 'orgnr', 'navn', ...labels, 'kommentar', 'kommentar_hinder', 'kontakt_navn', 'kontakt_epost', 'ekstra_ukjent'];
}

function blockItems(form: Form): Record<string, string[]> {
  return {
    strategi: strategiItems(form), prosjekter: PROSJEKT_ITEMS, sky: SKY_ITEMS,
    innkjop: INNKJOP_ITEMS, funksjon: FUNKSJON_ITEMS, tjenester: [...WAYS_SIMPLE, ...WAYS_COMPLEX],
  };
}

/**
 * One response. Each block gets a propensity so counts spread over every bin (0 … max); items
 * not «yes» take any other label or blank. Gates are Ja / Nei / Vet ikke / blank, and a closed or
 * blank gate still has filled items half the time (the rule must ignore them).
 */
export function randomAnswers(form: Form, r: Rng, kommunenummer: string): Answers {
  const labels = columnLabels(form);
  const a: Answers = { kommunenummer };
  for (const [col, set] of Object.entries(labels)) a[col] = r() < 0.1 ? null : pick(r, set);
  const blocks = blockItems(form);
  const yes: Record<string, string[]> = {
    strategi: ['Ja'], prosjekter: ['Ja'], sky: ['Ja'], innkjop: ['Ja, helt', 'Ja, delvis'],
    funksjon: labels[FUNKSJON_ITEMS[0]].slice(0, 2),
    tjenester: ['Noen tjenester', 'Omtrent halvparten av tjenestene', 'De fleste tjenestene', 'Alle tjenestene'],
  };
  for (const [block, items] of Object.entries(blocks)) {
    const p = pick(r, [0, 0.15, 0.35, 0.5, 0.65, 0.8, 0.95, 1]);
    for (const c of items) {
      if (r() < p) a[c] = pick(r, yes[block]);
      else a[c] = r() < 0.2 ? null : pick(r, labels[c].filter((l) => !yes[block].includes(l)).concat(block === 'tjenester' ? ['Ingen tjenester'] : []));
    }
  }
  const gate = (set: string[]) => {
    const x = r();
    return x < 0.72 ? 'Ja' : x < 0.84 ? set[1] : x < 0.93 && set.length > 2 ? 'Vet ikke' : null;
  };
  for (const [g, items] of [['strategi', blocks.strategi], ['prosjekter', PROSJEKT_ITEMS], ['sky', SKY_ITEMS], ['tilbyr_tjenester', blocks.tjenester]] as const) {
    a[g] = gate(labels[g]);
    if (a[g] !== 'Ja' && r() < 0.5) for (const c of items) a[c] = null; // the other half keeps filled items
  }
  a.enhetstype = pick(r, [null, null, null, 'kommune', 'Kommune']);
  a.orgnr = String(900000000 + Math.floor(r() * 99999999));
  a.navn = pick(r, ['Prøvekommune', 'Øvre Ås', 'Bø', 'Æsøy, "vest"']);
  a.kommentar = pick(r, [null, 'HEMMELIG: «Se notat»;\nandre linje, med komma', 'hemmelig kort kommentar']);
  a.kommentar_hinder = pick(r, [null, 'HEMMELIG hinder "sitat"\r\nslutt']);
  a.kontakt_navn = pick(r, [null, 'Kari HEMMELIG Nordmann']);
  a.kontakt_epost = pick(r, [null, 'kari@hemmelig.example']);
  a.ekstra_ukjent = pick(r, [null, 'x', 'HEMMELIG ekstra']);
  return a;
}

/** Rows that are not kommuner (fylkeskommune / stat): same form, must be left out of every output. */
export function otherUnit(form: Form, r: Rng, kommunenummer: string | null, type: string): Answers {
  const a = randomAnswers(form, r, kommunenummer ?? '');
  a.kommunenummer = kommunenummer;
  a.enhetstype = type;
  return a;
}

/** n distinct random 4-digit kommunenumre (with leading zeros where they fall). */
export function randomNumbers(r: Rng, n: number, from: readonly string[] | null = null): string[] {
  const pool = from ? [...from] : Array.from({ length: 5500 - 101 }, (_, i) => String(i + 101).padStart(4, '0'));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

// ---------------------------------------------------------------- dialects

export interface Dialect {
  delimiter: ',' | ';';
  eol: '\n' | '\r\n';
  bom: boolean;
  encoding: 'utf-8' | 'windows-1252';
  quoteAll: boolean;
  labels: 'canonical' | 'messy' | 'codes';
  /** End the file with an extra empty line. */
  trailingBlankLine?: boolean;
  /** How a blank is written (R writes NA unquoted). */
  na?: string;
  /** R's row names: a first column with an empty header and 1, 2, 3 … */
  rowNames?: boolean;
}

export const UTF8_BOM_COMMA: Dialect = { delimiter: ',', eol: '\n', bom: true, encoding: 'utf-8', quoteAll: false, labels: 'canonical' };
export const CP1252_SEMICOLON: Dialect = { delimiter: ';', eol: '\r\n', bom: false, encoding: 'windows-1252', quoteAll: true, labels: 'messy', trailingBlankLine: true };
/** R's write.csv2(fileEncoding = 'cp1252'): `;`, everything quoted, NA for blanks, row names. */
export const R_CSV2: Dialect = { delimiter: ';', eol: '\n', bom: false, encoding: 'windows-1252', quoteAll: true, labels: 'canonical', na: 'NA', rowNames: true };
export const CODES_COMMA: Dialect = { delimiter: ',', eol: '\r\n', bom: false, encoding: 'utf-8', quoteAll: false, labels: 'codes' };

const CP1252_EXTRA: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94 };

export function encodeCp1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const c = text.charCodeAt(i);
    if (CP1252_EXTRA[ch] !== undefined) out[i] = CP1252_EXTRA[ch];
    else if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
    else throw new Error(`not in windows-1252: ${ch}`);
  }
  return out;
}

function messy(r: Rng, label: string): string {
  const cased = pick(r, [label, label.toLowerCase(), label.toUpperCase(), label[0].toLowerCase() + label.slice(1)]);
  return pick(r, ['', ' ', '  ', '\t']) + cased + pick(r, ['', ' ', '   ']);
}

/** Serialises rows (canonical labels) in a dialect. Columns not in `labels` are written as given. */
export function writeCsv(rows: Answers[], columns: string[], form: Form, d: Dialect, seed = 1): Buffer {
  const r = rng(seed);
  const labels = columnLabels(form);
  const cell = (col: string, v: string | null): string => {
    if (v === null && d.na !== undefined) return d.na;
    let s = v ?? '';
    if (v !== null && labels[col]) {
      if (d.labels === 'codes') s = String(labels[col].indexOf(v) + 1);
      else if (d.labels === 'messy') s = messy(r, v);
    }
    if (v !== null && col === 'enhetstype' && d.labels === 'messy') s = messy(r, v);
    const needs = d.quoteAll || s.includes(d.delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') || /^\s|\s$/.test(s);
    return needs ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const header = (d.rowNames ? [d.quoteAll ? '""' : ''] : []).concat(columns.map((c) => (d.quoteAll ? `"${c}"` : c))).join(d.delimiter);
  const lines = [header, ...rows.map((row, i) => (d.rowNames ? [`"${i + 1}"`] : []).concat(columns.map((c) => cell(c, row[c] ?? null))).join(d.delimiter))];
  const text = (d.bom ? '\uFEFF' : '') + lines.join(d.eol) + d.eol + (d.trailingBlankLine ? d.eol : '');
  return d.encoding === 'windows-1252' ? encodeCp1252(text) : Buffer.from(text, 'utf8');
}

/** A register CSV in the reference format (kommunenummer,kommunenavn,fylkesnummer,fylkesnavn,innbyggere). */
export function registerCsv(entries: { nr: string; navn: string; fylke?: string; innbyggere: number | null }[]): string {
  const lines = ['kommunenummer,kommunenavn,fylkesnummer,fylkesnavn,innbyggere'];
  for (const e of entries) lines.push([e.nr, e.navn, e.nr.slice(0, 2), e.fylke ?? `Fylke ${e.nr.slice(0, 2)}`, e.innbyggere ?? ''].join(','));
  return lines.join('\n') + '\n';
}
