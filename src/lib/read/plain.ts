// The reader's fast path for the usual export: valid UTF-8, one line per record, fields plain or
// plainly quoted («"Ja, helt"»), every cell sound. It walks the bytes themselves, so the 70 MB of a
// 100 000-row file never become one string and a canonical answer is found by comparing bytes.
// Anything else (another encoding, «""» inside quotes, a line break inside quotes, a wrong field
// count, any value the text reader would report) gives null, and the text reader reads the file
// from the start: the same columns for every file both can read, its exact problems for the rest.
import { isUtf8 } from 'node:buffer';
import type { EncodingChoice } from './decode';
import { utf16WithoutBom } from './decode';
import type { LabelMatcher } from './labels';

const QUOTE = 34;
const LF = 10;
const CR = 13;

const utf8 = new TextDecoder('utf-8');

/** The text of bytes [start, end) of a file known to be valid UTF-8. */
export function utf8Text(bytes: Uint8Array, start: number, end: number): string {
  return utf8.decode(bytes.subarray(start, end));
}

/**
 * Where the text starts (after a UTF-8 BOM) when decodeBytes would read these bytes as UTF-8
 * without replacing anything, else null. A second BOM is left to the text reader, which keeps it.
 */
export function plainUtf8Start(bytes: Uint8Array, encoding: EncodingChoice): number | null {
  if (encoding === 'windows-1252') return null;
  const bomAt = (i: number) => bytes.length >= i + 3 && bytes[i] === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf;
  const start = bomAt(0) ? 3 : 0;
  if (bomAt(start)) return null;
  // decodeBytes looks for UTF-16 before it tries UTF-8 (a UTF-16 file can be valid UTF-8 too).
  if (encoding === 'auto' && start === 0 && utf16WithoutBom(bytes) !== null) return null;
  return isUtf8(bytes) ? start : null;
}

/** The labels of a coded column (code 0, blank, has none) as UTF-8 bytes, by byte length. */
export interface Utf8Labels {
  readonly byLength: readonly ((readonly Uint8Array[]) | undefined)[];
  readonly codesByLength: readonly ((readonly number[]) | undefined)[];
}

export function utf8Labels(labels: readonly (string | null)[]): Utf8Labels {
  const encoder = new TextEncoder();
  const byLength: Uint8Array[][] = [];
  const codesByLength: number[][] = [];
  labels.forEach((label, code) => {
    if (label === null) return;
    const b = encoder.encode(label);
    (byLength[b.length] ??= []).push(b);
    (codesByLength[b.length] ??= []).push(code);
  });
  return { byLength, codesByLength };
}

/** The code of the label whose bytes are exactly bytes [s, e), else −1. */
function findCode(set: Utf8Labels, bytes: Uint8Array, s: number, e: number): number {
  const same = set.byLength[e - s];
  if (same === undefined) return -1;
  next: for (let k = 0; k < same.length; k++) {
    const label = same[k];
    for (let j = 0; j < label.length; j++) if (bytes[s + j] !== label[j]) continue next;
    return set.codesByLength[e - s]![k];
  }
  return -1;
}

/** Whether bytes [s, e) are blank to String.prototype.trim. */
function blankBytes(bytes: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = bytes[k];
    if (c === 32 || c === 9 || c === 11 || c === 12) continue;
    // Non-ASCII may be a no-break space or another Unicode blank: ask trim itself.
    return c < 128 ? false : utf8Text(bytes, s, e).trim() === '';
  }
  return true;
}

/** What a record's enhetstype says (as the text reader decides it). */
export const UnitType = { Kommune: 0, Other: 1, Invalid: 2 } as const;
export type UnitType = (typeof UnitType)[keyof typeof UnitType];

export interface PlainLayout {
  /** Fields per record (the header's). */
  width: number;
  kommuneIndex: number;
  /** −1 when the file has no enhetstype column. */
  typeIndex: number;
  /** Per field index: the kept column (1… in the output columns) it fills, or −1. */
  slot: Int32Array;
  /** Per kept column (index 0 unused): its labels' bytes, the label matcher, and a label's code. */
  labels: readonly (Utf8Labels | null)[];
  match: readonly (LabelMatcher | null)[];
  codeOf: (column: number, label: string) => number;
  /** enhetstype text other than blank and «kommune». */
  unitType: (raw: string) => UnitType;
  register: ReadonlySet<string> | null;
}

export interface PlainRows {
  length: number;
  /** Non-blank records after the header (other units included). */
  records: number;
  otherUnits: number;
}

const KOMMUNE = new TextEncoder().encode('kommune');
const KOMMUNENUMMER = /^[0-9]{4}$/;

function isKommuneBytes(bytes: Uint8Array, s: number, e: number): boolean {
  if (e - s !== KOMMUNE.length) return false;
  for (let j = 0; j < KOMMUNE.length; j++) if (bytes[s + j] !== KOMMUNE[j]) return false;
  return true;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The register's kommunenummer as a table over 0–9999 (a number that is not four digits matches nothing). */
function registerIndex(register: ReadonlySet<string>): Uint8Array {
  const out = new Uint8Array(10000);
  for (const nr of register) if (KOMMUNENUMMER.test(nr)) out[Number(nr)] = 1;
  return out;
}

/** Line breaks from byte `from` on (LF, CR or CRLF): one more than this is a bound on the records. */
export function lineBreaks(bytes: Uint8Array, from: number): number {
  let count = 0;
  for (let i = bytes.indexOf(LF, from); i !== -1; i = bytes.indexOf(LF, i + 1)) count++;
  for (let i = bytes.indexOf(CR, from); i !== -1; i = bytes.indexOf(CR, i + 1)) count++;
  return count;
}

/**
 * Reads the records from byte `from` (just after the header line): kommunenummer into `kommuner`,
 * each kept column's codes into `codes` (index 0 unused; each at least lineBreaks + 1 long). Null
 * where the text reader must take over.
 */
export function readPlainRows(
  bytes: Uint8Array, from: number, delimiter: string, layout: PlainLayout, kommuner: string[], codes: readonly (Uint8Array | Uint16Array | null)[],
): PlainRows | null {
  const n = bytes.length;
  const delim = delimiter.charCodeAt(0);
  const { width, kommuneIndex, typeIndex, slot, labels, match, codeOf, unitType, register } = layout;
  // kommunenummer as a number 0–9999: which were seen, which the register holds.
  const seen = new Uint8Array(10000);
  const known = register && registerIndex(register);
  let length = 0;
  let records = 0;
  let otherUnits = 0;
  let p = from;
  while (p < n) {
    let field = 0;
    let quoted = false;
    let blank = true;
    // A bad kommunenummer or answer fails the file, unless enhetstype says the row is no kommune.
    let bad = false;
    let type: UnitType = UnitType.Kommune;
    let nr = '';
    let number = -1;
    let q = p;
    let end: number;
    for (;;) {
      let s = q;
      let e = q;
      if (q < n && bytes[q] === QUOTE) {
        quoted = true;
        s = e = q + 1;
        for (; e < n; e++) {
          const c = bytes[e];
          if (c === QUOTE) break;
          if (c === LF || c === CR) return null;
        }
        if (e === n) return null;
        end = e + 1;
        if (end < n) {
          const c = bytes[end];
          if (c !== delim && c !== LF && c !== CR) return null;
        }
      } else {
        for (; e < n; e++) {
          const c = bytes[e];
          if (c === delim || c === LF || c === CR) break;
          if (c === QUOTE) return null;
        }
        end = e;
        if (blank && !blankBytes(bytes, s, e)) blank = false;
      }

      if (field < width) {
        const to = slot[field];
        if (to > 0) {
          let code = s === e ? 0 : findCode(labels[to]!, bytes, s, e);
          if (code < 0) {
            // Another spelling (alias, code, spacing, case): the label matcher decides, as in the text reader.
            const v = match[to]!(utf8Text(bytes, s, e));
            if (v === undefined) bad = true;
            code = v == null ? 0 : codeOf(to, v);
          }
          codes[to]![length] = code;
        } else if (field === kommuneIndex) {
          if (e - s === 4 && isDigit(bytes[s]) && isDigit(bytes[s + 1]) && isDigit(bytes[s + 2]) && isDigit(bytes[s + 3])) {
            nr = String.fromCharCode(bytes[s], bytes[s + 1], bytes[s + 2], bytes[s + 3]);
            number = (bytes[s] - 48) * 1000 + (bytes[s + 1] - 48) * 100 + (bytes[s + 2] - 48) * 10 + (bytes[s + 3] - 48);
          } else {
            nr = utf8Text(bytes, s, e).trim();
            if (KOMMUNENUMMER.test(nr)) number = Number(nr);
            else bad = true;
          }
          kommuner[length] = nr;
        } else if (field === typeIndex && s !== e && !isKommuneBytes(bytes, s, e)) {
          type = unitType(utf8Text(bytes, s, e));
        }
      }
      field++;
      if (end < n && bytes[end] === delim) {
        q = end + 1;
        continue;
      }
      break;
    }
    p = end >= n ? n : bytes[end] === CR && end + 1 < n && bytes[end + 1] === LF ? end + 2 : end + 1;

    // The text reader's order: blank lines skipped, then field count, enhetstype, the rest.
    if (blank && !quoted) continue;
    records++;
    if (field !== width || type === UnitType.Invalid) return null;
    if (type === UnitType.Other) {
      otherUnits++;
      continue;
    }
    if (bad || seen[number] === 1 || (known && known[number] !== 1)) return null;
    seen[number] = 1;
    length++;
  }
  // A skipped last row may have written one kommunenummer past the end.
  kommuner.length = length;
  return { length, records, otherUnits };
}
