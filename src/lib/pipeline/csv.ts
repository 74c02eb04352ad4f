// CSV writing for the published tables. Kept here (not in read/) because the indicator CSV is the
// pipeline's output contract: UTF-8, header first, unknown = empty cell.

export type Cell = string | number | boolean | null | undefined;

export interface CsvOptions {
  delimiter?: ',' | ';';
  eol?: '\n' | '\r\n';
  /** Prefix a UTF-8 byte order mark (Norwegian Excel needs it to read æøå). */
  bom?: boolean;
  /** Decimal comma for numbers (for the `;` Excel variant). */
  decimalComma?: boolean;
}

function cell(v: Cell, delimiter: string, decimalComma: boolean): string {
  if (v == null) return '';
  let s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  if (decimalComma && typeof v === 'number') s = s.replace('.', ',');
  return /[",;\r\n]/.test(s) || s.includes(delimiter) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(header: readonly string[], rows: readonly Record<string, Cell>[], opts: CsvOptions = {}): string {
  const d = opts.delimiter ?? ',';
  const eol = opts.eol ?? '\n';
  const dc = opts.decimalComma ?? false;
  const lines = [header.map((h) => cell(h, d, false)).join(d)];
  for (const r of rows) lines.push(header.map((h) => cell(r[h], d, dc)).join(d));
  return (opts.bom ? '\uFEFF' : '') + lines.join(eol) + eol;
}
