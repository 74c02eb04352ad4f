// StatBank table 07459 (population 1 January) as JSON-stat 2, asked through PxWebApi 2 with the
// query body of SSB's user guide, or through v0 (the fallback) with its older body.
import { z } from 'zod';
import { checkedAnswer, shapeError } from './klass';

export interface JsonStatDataset {
  id: string[];
  size: number[];
  /** Category codes of each dimension, in index order. */
  categories: string[][];
  value: (number | null)[];
}

// The parts of JSON-stat 2 this reader uses; other fields (class, label, role, status …) may come and go.
const CATEGORY = z.object({
  index: z.union([z.array(z.union([z.string(), z.number()])), z.record(z.number())]).optional(),
  label: z.record(z.unknown()).optional(),
}).passthrough();
const CELL = z.union([z.number(), z.null()]);
const DATASET = z.object({
  id: z.array(z.string()),
  size: z.array(z.number().int().nonnegative()),
  dimension: z.record(z.object({ category: CATEGORY }).passthrough()),
  value: z.union([z.array(CELL), z.record(CELL)]),
}).passthrough();

function categoryCodes(category: z.infer<typeof CATEGORY>, size: number, dim: string, url: string): string[] {
  const index = category.index;
  if (Array.isArray(index)) return index.map(String);
  if (index) {
    const codes: string[] = new Array(size);
    for (const [code, pos] of Object.entries(index)) codes[pos] = code;
    return codes;
  }
  // JSON-stat allows leaving out the index of a one-category dimension.
  if (category.label && size === 1) return Object.keys(category.label);
  throw shapeError(url, `dimensjonen ${dim} mangler «category.index»`);
}

/** Reads any JSON-stat 2 dataset (`class: "dataset"`, `id`, `size`, `dimension`, `value` as array or object). */
export function parseJsonStat2(answer: unknown, url: string): JsonStatDataset {
  const json = checkedAnswer(DATASET, answer, url, 'ikke et JSON-stat 2-datasett: ');
  const id = json.id.map(String);
  const size = json.size.map(Number);
  if (id.length !== size.length) throw shapeError(url, '«id» og «size» har ulik lengde');
  const dimension = json.dimension;
  const categories = id.map((d, i) => {
    const dim = dimension[d];
    if (!dim) throw shapeError(url, `dimensjonen ${d} mangler`);
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
  } else {
    for (const [k, v] of Object.entries(json.value)) put(Number(k), v);
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
    const c = ds.categories[i].indexOf(code);
    // Without this check a missing code matches no cell and the sum is silently empty.
    if (c < 0) throw new Error(`JSON-stat: dimensjonen ${d} har ingen kategori ${code} (har ${ds.categories[i].join(', ')})`);
    return [i, c] as const;
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

/**
 * PxWebApi 2 body (SSB's user guide, «POST … /tables/{id}/data»): sex and age left out, so the
 * table's elimination gives the total per region.
 */
export function populationQuery(kommuner: string[], year: number): string {
  return JSON.stringify({
    selection: [
      { variableCode: 'Region', valueCodes: kommuner },
      { variableCode: 'ContentsCode', valueCodes: ['Personer1'] },
      { variableCode: 'Tid', valueCodes: [String(year)] },
    ],
  });
}

/** The v0 body of the same query (the fallback when v2 answers 404 or 410). */
export function populationQueryV0(kommuner: string[], year: number): string {
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
