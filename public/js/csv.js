// Made from src/lib/publish/csv.ts by `npm run js`; edit that file, not this one.

// src/lib/format/spreadsheet.ts
var FORMULA_START = /^[=+\-@\t\r]/;
function spreadsheetText(text) {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

// src/lib/publish/csv.ts
var PLAIN_CSV = Object.freeze({ delimiter: ",", eol: "\n", bom: false, decimalComma: false, spreadsheet: false });
var EXCEL_CSV = Object.freeze({ delimiter: ";", eol: "\r\n", bom: true, decimalComma: true, spreadsheet: true });
function csvDialect(options = {}) {
  return { ...PLAIN_CSV, ...options };
}
var MUST_QUOTE = { ",": /[",\r\n]/, ";": /[";\r\n]/ };
function quoteField(text, delimiter) {
  return MUST_QUOTE[delimiter].test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
var SMALL = Array.from({ length: 256 }, (_, i) => String(i));
function numberText(n, decimalComma) {
  if (n >= 0 && n < 256 && Number.isInteger(n)) return SMALL[n];
  if (!Number.isFinite(n)) return "";
  return decimalComma ? String(n).replace(".", ",") : String(n);
}
function csvCell(value, dialect) {
  if (value === null || value === void 0) return "";
  if (typeof value === "number") return numberText(value, dialect.decimalComma);
  const text = dialect.spreadsheet ? spreadsheetText(String(value)) : String(value);
  return quoteField(text, dialect.delimiter);
}
function csvFile(lines, dialect) {
  return (dialect.bom ? "\uFEFF" : "") + lines.join(dialect.eol) + dialect.eol;
}
function writeCsv(header, rows, dialect = PLAIN_CSV) {
  const d = csvDialect(dialect);
  const lines = new Array(rows.length + 1);
  lines[0] = header.map((h) => csvCell(h, d)).join(d.delimiter);
  for (let i = 0; i < rows.length; i++) lines[i + 1] = rows[i].map((v) => csvCell(v, d)).join(d.delimiter);
  return csvFile(lines, d);
}
export {
  EXCEL_CSV,
  PLAIN_CSV,
  csvCell,
  csvDialect,
  csvFile,
  numberText,
  quoteField,
  writeCsv
};
