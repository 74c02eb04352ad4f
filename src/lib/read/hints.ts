// What a broken file looks like, said in the problem itself: a tab- or pipe-separated export,
// line ends a CSV reader does not know, a row one field short. Pure text helpers for the readers.

/** Unicode and control characters some tools write as line ends, which CSV does not know. */
const ODD_LINE_ENDS: [RegExp, string][] = [
  [/\u2028/, 'U+2028 (linjeskilletegn)'],
  [/\u2029/, 'U+2029 (avsnittsskilletegn)'],
  [/\u000b/, 'vertikal tabulator'],
  [/\u000c/, 'sideskift'],
  [/\u0085/, 'U+0085 (NEL)'],
];

/** « (…)» when the text holds line ends other than LF/CR, else ''. */
export function lineEndHint(text: string): string {
  const found = ODD_LINE_ENDS.filter(([re]) => re.test(text)).map(([, name]) => name);
  if (found.length === 0) return '';
  return ` (fila har ${found.join(' og ')} der det trolig skulle vært linjeskift; lagre den med vanlige linjeskift, LF eller CRLF)`;
}

/** « (…)» when a header read as one or two fields looks separated by tabs or pipes, else ''. */
export function separatorHint(header: readonly string[]): string {
  if (header.length > 2) return '';
  const joined = header.join('');
  const tabs = (joined.match(/\t/g) ?? []).length;
  const pipes = (joined.match(/\|/g) ?? []).length;
  if (tabs < 2 && pipes < 2) return '';
  const what = tabs >= pipes ? 'tabulator' : 'loddrett strek («|»)';
  return ` (overskriften ser ut til å være skilt med ${what}; lagre fila som CSV med komma eller semikolon)`;
}

/** Which column a row of the wrong length lost or overran, for the row-length problem. */
export function rowLengthDetail(fieldCount: number, header: readonly string[]): string {
  if (fieldCount < header.length) {
    return `; den første kolonnen uten felt er «${header[fieldCount]}» (kolonne ${fieldCount + 1})`;
  }
  return `; felt ${header.length + 1} og utover har ingen kolonne (den siste er «${header[header.length - 1]}»)`;
}
