// Formula injection (CSV injection): a spreadsheet treats a text cell that starts with `=`, `+`,
// `-` or `@` (and, in some, tab or CR) as a formula. A kommune or fylke name in a published table
// must never run as one, so the Excel variants prefix such text with `'` as OWASP recommends
// (Excel shows the text and hides the quote). Numbers are written as numbers and never touched:
// «-1» as a number stays a number; only text gets the prefix.
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
