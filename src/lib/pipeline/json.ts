// JSON of a table's rows written from its columns: the text JSON.stringify gives for the row
// objects (keys in column order, a key whose cell is undefined left out), without making the
// objects. indicators.json of 100 000 units is 20 MB; its rows need not exist twice.

/** The text of one cell, as JSON.stringify writes a property's value. */
function jsonCell(v: unknown): string | undefined {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'string':
    case 'boolean':
      return JSON.stringify(v);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      return JSON.stringify(v);
  }
}

/** The whole numbers that fill an indicator table, as text once. */
const SMALL = Array.from({ length: 256 }, (_, i) => String(i));

/** JSON.stringify(rows) for the rows of `columns` (each `length` long), keyed by `names`. */
export function jsonRows(names: readonly string[], columns: readonly ArrayLike<unknown>[], length: number): string {
  const keys = names.map((name) => `${JSON.stringify(name)}:`);
  const rows = new Array<string>(length);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    parts.length = 0;
    for (let c = 0; c < columns.length; c++) {
      const v = columns[c][i];
      const text = typeof v === 'number' && v >= 0 && v < 256 && Number.isInteger(v) ? SMALL[v] : jsonCell(v);
      if (text === undefined) continue;
      parts.push(parts.length === 0 ? '{' : ',', keys[c], text);
    }
    rows[i] = parts.length === 0 ? '{}' : `${parts.join('')}}`;
  }
  return `[${rows.join(',')}]`;
}
