// Downloads the reference data: boundaries from pinned upstream files (checked against SHA-256),
// registers and the correspondence from SSB's open APIs (KLASS and StatBank). Pure apart from the
// injected `fetch`: the result is a map of file contents; writing them is the caller's job, so
// nothing is written unless every file arrived and checked out.
import { createHash } from 'node:crypto';
import type { CorrespondenceRow, Endring, Problem, RegisterRow } from '../types';
import { checkCoverage, formatCorrespondence } from './correspondence';
import { ReferenceDataError, ReferenceDownloadError, ReferenceOfflineError } from './errors';
import { formatRegister } from './register';
import { REFERENCE_CACHE, REFERENCE_ENV, REFERENCE_FILES } from './resolve';

// ------------------------------------------------------------------ the plan (what is fetched from where)

export interface BoundaryDownload {
  file: string; // relative to the reference directory
  url: string;
  sha256: string;
}

export interface RegisterDownload {
  file: string;
  /** KLASS `codesAt` date: the structure in force on that day. */
  date: string;
  /** Population 1 January of this year (StatBank 07459); null = no population column. */
  populationYear: number | null;
  /** Kommuner the structure has; a different count from the API means something changed upstream. */
  expectedCount: number;
}

export interface CorrespondenceDownload {
  file: string;
  oldRegister: string; // `file` of a RegisterDownload
  newRegister: string;
}

export interface ReferencePlan {
  klassBase: string;
  statbankTable: string;
  boundaries: BoundaryDownload[];
  registers: RegisterDownload[];
  correspondences: CorrespondenceDownload[];
}

/** robhop/fylker-og-kommuner at this commit holds Kartverket's boundaries (CC BY 4.0); see ../shared/geo/README.md. */
export const BOUNDARY_COMMIT = 'ae8782500090144c2b74d6bb2a89365a7ff2236d';
const RAW = `https://raw.githubusercontent.com/robhop/fylker-og-kommuner/${BOUNDARY_COMMIT}`;

export const DEFAULT_PLAN: ReferencePlan = {
  klassBase: 'https://data.ssb.no/api/klass/v1',
  statbankTable: 'https://data.ssb.no/api/v0/no/table/07459/',
  boundaries: [
    { file: 'geo/kommuner-2024.topojson', url: `${RAW}/Kommuner-S.topojson`, sha256: 'fb0a8aab4d2988cfda7912d4c046c63aa8071ed94556ad20960f74702cf0e6c7' },
    { file: 'geo/fylker-2024.topojson', url: `${RAW}/Fylker-S.topojson`, sha256: '3047ac649c3e63724251ab12f6b97719f0770b67954cb7f7e4531808bb7cf866' },
    { file: 'geo/kommuner-2020.topojson', url: `${RAW}/2020/Kommuner-small.topojson`, sha256: 'dcfb1839ad0d5e63f452418d649607ccbe6551f3b4b572af3f5548739dfb1236' },
    { file: 'geo/fylker-2020.topojson', url: `${RAW}/2020/Fylker-small.topojson`, sha256: '35a7e8b0973cad350424109d91cd20c2be141c361e2f1668b26d16b9de862714' },
  ],
  registers: [
    { file: 'registers/kommuner-2018.csv', date: '2018-01-01', populationYear: null, expectedCount: 422 },
    // The 2020–23 structure is used for the 2021 survey, so its population is that of 1 January 2021.
    { file: 'registers/kommuner-2020.csv', date: '2020-01-01', populationYear: 2021, expectedCount: 356 },
    { file: 'registers/kommuner-2024.csv', date: '2024-01-01', populationYear: 2024, expectedCount: 357 },
  ],
  correspondences: [
    { file: 'registers/endringer-2020-2024.csv', oldRegister: 'registers/kommuner-2020.csv', newRegister: 'registers/kommuner-2024.csv' },
  ],
};

// ------------------------------------------------------------------ fetch, injected

export interface FetchResponseLike {
  ok: boolean;
  status: number;
  statusText?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}
export type FetchLike = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<FetchResponseLike>;

export function offlineMessage(url: string, cause: unknown): string {
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  const why = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  return [
    `Ingen nettverkstilgang: fikk ikke kontakt med ${host} (${why}).`,
    'Referansedata (kommuneregistre fra SSB og kartgrenser fra Kartverket) kan ikke lastes ned nå.',
    `Legg filene manuelt i ${REFERENCE_CACHE}/ (${REFERENCE_FILES.join(', ')}),`,
    `eller pek på en katalog som har dem med --reference <katalog> eller ${REFERENCE_ENV}=<katalog>.`,
  ].join('\n');
}

async function get(fetch: FetchLike, url: string, init?: Parameters<FetchLike>[1]): Promise<Uint8Array> {
  let res: FetchResponseLike;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new ReferenceOfflineError(offlineMessage(url, e));
  }
  if (!res.ok) {
    throw new ReferenceDownloadError(`Nedlasting feilet: ${url} svarte ${res.status}${res.statusText ? ' ' + res.statusText : ''}`, url);
  }
  return new Uint8Array(await res.arrayBuffer());
}

async function getJson(fetch: FetchLike, url: string, init?: Parameters<FetchLike>[1]): Promise<unknown> {
  const bytes = await get(fetch, url, { ...init, headers: { Accept: 'application/json', ...(init?.headers ?? {}) } });
  try {
    return JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch {
    throw new ReferenceDownloadError(`Nedlasting feilet: ${url} svarte ikke med gyldig JSON`, url);
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// ------------------------------------------------------------------ KLASS

export interface KlassCode {
  code: string;
  name: string;
  level: string;
}

export interface KlassChange {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  changeOccurred: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shapeError(url: string, what: string): ReferenceDownloadError {
  return new ReferenceDownloadError(`Uventet svar fra ${url}: ${what}`, url);
}

/** KLASS `codesAt`: `{ "codes": [{ "code", "name", "level", … }] }`. */
export function parseKlassCodes(json: unknown, url: string): KlassCode[] {
  if (!isRecord(json) || !Array.isArray(json.codes)) throw shapeError(url, 'mangler listen «codes»');
  return json.codes.map((c, i) => {
    if (!isRecord(c) || typeof c.code !== 'string' || typeof c.name !== 'string') {
      throw shapeError(url, `kode nr. ${i + 1} mangler «code» eller «name»`);
    }
    return { code: c.code.trim(), name: c.name.trim(), level: String(c.level ?? '1') };
  });
}

/** KLASS `changes`: `{ "codeChanges": [{ "oldCode", "oldName", "newCode", "newName", "changeOccurred" }] }`. */
export function parseKlassChanges(json: unknown, url: string): KlassChange[] {
  if (!isRecord(json) || !Array.isArray(json.codeChanges)) throw shapeError(url, 'mangler listen «codeChanges»');
  return json.codeChanges.map((c, i) => {
    if (!isRecord(c) || typeof c.oldCode !== 'string' || typeof c.newCode !== 'string' || typeof c.changeOccurred !== 'string') {
      throw shapeError(url, `endring nr. ${i + 1} mangler «oldCode», «newCode» eller «changeOccurred»`);
    }
    return {
      oldCode: c.oldCode.trim(),
      oldName: String(c.oldName ?? '').trim(),
      newCode: c.newCode.trim(),
      newName: String(c.newName ?? '').trim(),
      changeOccurred: c.changeOccurred.slice(0, 10),
    };
  });
}

/**
 * Kommuner of a KLASS 131 version. Svalbard (21xx), Jan Mayen (22xx), the continental shelf
 * (23xx) and «Uoppgitt» (99xx) have codes there but are not kommuner of the survey.
 */
export function kommuneCodes(codes: KlassCode[]): KlassCode[] {
  return codes.filter((c) => /^\d{4}$/.test(c.code) && !/^(2[123]|99)/.test(c.code));
}

export function fylkeCodes(codes: KlassCode[]): KlassCode[] {
  return codes.filter((c) => /^\d{2}$/.test(c.code) && !/^(2[123]|99)$/.test(c.code));
}

// ------------------------------------------------------------------ JSON-stat 2

export interface JsonStatDataset {
  id: string[];
  size: number[];
  /** Category codes of each dimension, in index order. */
  categories: string[][];
  value: (number | null)[];
}

function categoryCodes(category: Record<string, unknown>, size: number, dim: string, url: string): string[] {
  const index = category.index;
  if (Array.isArray(index)) return index.map(String);
  if (isRecord(index)) {
    const codes: string[] = new Array(size);
    for (const [code, pos] of Object.entries(index)) codes[Number(pos)] = code;
    return codes;
  }
  // JSON-stat allows leaving out the index of a one-category dimension.
  if (isRecord(category.label) && size === 1) return Object.keys(category.label);
  throw shapeError(url, `dimensjonen ${dim} mangler «category.index»`);
}

/** Reads any JSON-stat 2 dataset (`class: "dataset"`, `id`, `size`, `dimension`, `value` as array or object). */
export function parseJsonStat2(json: unknown, url: string): JsonStatDataset {
  if (!isRecord(json) || !Array.isArray(json.id) || !Array.isArray(json.size) || !isRecord(json.dimension)) {
    throw shapeError(url, 'ikke et JSON-stat 2-datasett (mangler «id», «size» eller «dimension»)');
  }
  const id = json.id.map(String);
  const size = json.size.map(Number);
  if (id.length !== size.length) throw shapeError(url, '«id» og «size» har ulik lengde');
  const dimension = json.dimension;
  const categories = id.map((d, i) => {
    const dim = dimension[d];
    if (!isRecord(dim) || !isRecord(dim.category)) throw shapeError(url, `dimensjonen ${d} mangler`);
    const codes = categoryCodes(dim.category, size[i], d, url);
    if (codes.length !== size[i]) throw shapeError(url, `dimensjonen ${d} har ${codes.length} kategorier, «size» sier ${size[i]}`);
    return codes;
  });
  const total = size.reduce((a, b) => a * b, 1);
  const value: (number | null)[] = new Array(total).fill(null);
  const put = (i: number, v: unknown) => {
    value[i] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  if (Array.isArray(json.value)) {
    if (json.value.length !== total) throw shapeError(url, `«value» har ${json.value.length} tall, ventet ${total}`);
    json.value.forEach((v, i) => put(i, v));
  } else if (isRecord(json.value)) {
    for (const [k, v] of Object.entries(json.value)) put(Number(k), v);
  } else {
    throw shapeError(url, 'mangler «value»');
  }
  return { id, size, categories, value };
}

/**
 * Sums the dataset over every dimension except `keep`, for the cells where `where` holds (e.g.
 * a given year). A cell whose sum includes a missing value is null.
 */
export function sumByDimension(
  ds: JsonStatDataset,
  keep: string,
  where: Record<string, string> = {},
): Map<string, number | null> {
  const k = ds.id.indexOf(keep);
  if (k < 0) throw new Error(`JSON-stat: ingen dimensjon ${keep} (har ${ds.id.join(', ')})`);
  const fixed = Object.entries(where).map(([d, code]) => {
    const i = ds.id.indexOf(d);
    if (i < 0) throw new Error(`JSON-stat: ingen dimensjon ${d}`);
    return [i, ds.categories[i].indexOf(code)] as const;
  });
  const out = new Map<string, number | null>();
  const pos = new Array(ds.id.length).fill(0);
  for (let flat = 0; flat < ds.value.length; flat++) {
    // Row-major: the last dimension varies fastest.
    let rest = flat;
    for (let d = ds.id.length - 1; d >= 0; d--) {
      pos[d] = rest % ds.size[d];
      rest = Math.floor(rest / ds.size[d]);
    }
    if (fixed.some(([d, c]) => pos[d] !== c)) continue;
    const key = ds.categories[k][pos[k]];
    const prev = out.has(key) ? out.get(key)! : 0;
    const v = ds.value[flat];
    out.set(key, prev === null || v === null ? null : prev + v);
  }
  return out;
}

/** StatBank region codes are `0301`, or `K-0301` in some aggregations. */
export function kommuneFromRegion(code: string): string | null {
  const m = /^(?:K-)?(\d{4})$/.exec(code);
  return m ? m[1] : null;
}

export function populationQuery(kommuner: string[], year: number): string {
  return JSON.stringify({
    query: [
      { code: 'Region', selection: { filter: 'vs:Kommune', values: kommuner } },
      { code: 'ContentsCode', selection: { filter: 'item', values: ['Personer1'] } },
      { code: 'Tid', selection: { filter: 'item', values: [String(year)] } },
    ],
    response: { format: 'json-stat2' },
  });
}

/** Population per kommunenummer for one year, summed over sex and age whatever the table returns. */
export function populationFromJsonStat(ds: JsonStatDataset, year: number, url: string): Map<string, number | null> {
  const region = ds.id.find((d) => d === 'Region') ?? ds.id.find((d) => /region/i.test(d));
  const time = ds.id.find((d) => d === 'Tid') ?? ds.id.find((d) => /^(tid|time|år)$/i.test(d));
  if (!region || !time) throw shapeError(url, `fant ikke dimensjonene Region og Tid (har ${ds.id.join(', ')})`);
  if (!ds.categories[ds.id.indexOf(time)].includes(String(year))) throw shapeError(url, `året ${year} mangler`);
  const sums = sumByDimension(ds, region, { [time]: String(year) });
  const out = new Map<string, number | null>();
  for (const [code, v] of sums) {
    const k = kommuneFromRegion(code);
    if (k) out.set(k, v);
  }
  return out;
}

// ------------------------------------------------------------------ building the files

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

// ------------------------------------------------------------------ the whole download

export interface DownloadResult {
  /** Path relative to the reference directory → file bytes. */
  files: Map<string, Uint8Array>;
  /** Provenance per file (also written as `kilder.json`). */
  sources: { file: string; urls: string[]; sha256: string }[];
}

export async function downloadReference(
  fetch: FetchLike,
  plan: ReferencePlan = DEFAULT_PLAN,
  log: (line: string) => void = () => {},
): Promise<DownloadResult> {
  const files = new Map<string, Uint8Array>();
  const urls = new Map<string, string[]>();
  const enc = new TextEncoder();

  for (const b of plan.boundaries) {
    log(`Henter ${b.file} fra ${b.url}`);
    const bytes = await get(fetch, b.url);
    const actual = sha256(bytes);
    if (actual !== b.sha256) {
      throw new ReferenceDownloadError(
        `Sjekksummen stemmer ikke for ${b.file} (${b.url}): fikk SHA-256 ${actual}, ventet ${b.sha256}. Ingenting er lagret.`,
        b.url,
      );
    }
    files.set(b.file, bytes);
    urls.set(b.file, [b.url]);
  }

  const registers = new Map<string, RegisterRow[]>();
  const dates = new Map<string, string>();
  for (const r of plan.registers) {
    log(`Henter ${r.file} fra SSB (KLASS 131/104${r.populationYear ? ', StatBank 07459' : ''})`);
    const kUrl = `${plan.klassBase}/classifications/131/codesAt?date=${r.date}`;
    const fUrl = `${plan.klassBase}/classifications/104/codesAt?date=${r.date}`;
    const kommuner = kommuneCodes(parseKlassCodes(await getJson(fetch, kUrl), kUrl));
    if (kommuner.length !== r.expectedCount) {
      throw new ReferenceDownloadError(`KLASS 131 ga ${kommuner.length} kommuner per ${r.date}, ventet ${r.expectedCount} (${kUrl})`, kUrl);
    }
    const fylker = fylkeCodes(parseKlassCodes(await getJson(fetch, fUrl), fUrl));
    const used = [kUrl, fUrl];
    let population: Map<string, number | null> | null = null;
    if (r.populationYear !== null) {
      const body = populationQuery(kommuner.map((k) => k.code), r.populationYear);
      const ds = parseJsonStat2(
        await getJson(fetch, plan.statbankTable, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }),
        plan.statbankTable,
      );
      population = populationFromJsonStat(ds, r.populationYear, plan.statbankTable);
      used.push(`${plan.statbankTable} (Tid=${r.populationYear})`);
    }
    const rows = buildRegister(kommuner, fylker, population, r.file);
    registers.set(r.file, rows);
    dates.set(r.file, r.date);
    files.set(r.file, enc.encode(formatRegister(rows)));
    urls.set(r.file, used);
  }

  for (const c of plan.correspondences) {
    const oldRows = registers.get(c.oldRegister);
    const newRows = registers.get(c.newRegister);
    if (!oldRows || !newRows) throw new Error(`Planen for ${c.file} viser til registre som ikke lastes ned`);
    const from = dates.get(c.oldRegister)!;
    const to = dates.get(c.newRegister)!;
    // `to` is taken one day late so changes that take effect on the new structure's first day count.
    const toQuery = new Date(Date.parse(to) + 86_400_000).toISOString().slice(0, 10);
    const url = `${plan.klassBase}/classifications/131/changes?from=${from}&to=${toQuery}`;
    log(`Henter ${c.file} fra SSB (KLASS 131, endringer)`);
    const changes = parseKlassChanges(await getJson(fetch, url), url);
    const rows = buildCorrespondence(oldRows, newRows, changes, from, to, c.file);
    files.set(c.file, enc.encode(formatCorrespondence(rows)));
    urls.set(c.file, [url]);
  }

  const sources = [...files.keys()].sort().map((file) => ({ file, urls: urls.get(file)!, sha256: sha256(files.get(file)!) }));
  files.set('kilder.json', enc.encode(JSON.stringify({ note: 'Kilder for referansedataene i denne katalogen (skrevet av npm run reference).', files: sources }, null, 2) + '\n'));
  return { files, sources };
}
