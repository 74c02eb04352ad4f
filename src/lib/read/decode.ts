// Bytes → text for survey exports: UTF-8 (with or without BOM) or Windows-1252 (older Excel).

export type EncodingChoice = 'auto' | 'utf-8' | 'windows-1252';

export interface Decoded {
  text: string;
  /** The encoding actually used: 'utf-8', 'windows-1252', 'utf-16le' or 'utf-16be'. */
  encoding: string;
  bom: boolean;
}

// WHATWG windows-1252 for 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D stay as C1 controls).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x96 → U+0096 instead of «–»),
 * so the 32 bytes where the two differ are mapped here.
 */
function decodeCp1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/**
 * Decodes an export. `auto`: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else is
 * Windows-1252. That guess is safe because cp1252 text with æøå (0xE6 0xF8 0xE5 followed by ASCII)
 * is never valid UTF-8, while ASCII-only text reads the same either way.
 * A forced encoding never fails: invalid UTF-8 becomes U+FFFD, which the label check then reports.
 */
export function decodeBytes(bytes: Uint8Array, encoding: EncodingChoice = 'auto'): Decoded {
  const utf8Bom = hasUtf8Bom(bytes);
  if (encoding === 'utf-8') {
    return { text: new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes), encoding: 'utf-8', bom: utf8Bom };
  }
  if (encoding === 'windows-1252') {
    // A UTF-8 BOM in a file forced to cp1252 would show as «ï»¿» glued to the first header.
    const body = utf8Bom ? bytes.subarray(3) : bytes;
    return { text: decodeCp1252(body), encoding: 'windows-1252', bom: utf8Bom };
  }
  if (utf8Bom) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', bom: true };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    if (mostlyUtf8(lenient)) return { text: lenient, encoding: 'utf-8', bom: false };
    return { text: decodeCp1252(bytes), encoding: 'windows-1252', bom: false };
  }
}

/**
 * A UTF-8 export with a few stray bytes (a comment pasted from an old system) is still UTF-8:
 * its labels hold many valid non-ASCII characters («svært», «leverandører»), while a real
 * Windows-1252 file has no valid multi-byte sequences at all (0xE6 0xF8 0xE5 followed by ASCII).
 */
function mostlyUtf8(text: string): boolean {
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    if (++bad >= 64) return false;
  }
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && c !== 0xfffd && ++good > 8 * bad) return true;
  }
  return false;
}

/**
 * UTF-16 saved without a BOM (some «Unicode text» exports): the ASCII of the header and the
 * numbers shows as zero bytes in every other position. Text in UTF-8 or Windows-1252 never has
 * zero bytes, so a third of them at one parity is a safe sign.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs / 3 && evenZeros < pairs / 20) return 'utf-16le';
  if (evenZeros > pairs / 3 && oddZeros < pairs / 20) return 'utf-16be';
  return null;
}
