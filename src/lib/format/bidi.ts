// A right-to-left override (U+202E) in a name would reverse the rest of a heading or table row it
// is printed in. Norwegian and Sami names never need explicit direction controls, so they are
// removed from reference names when read, once, before any page, table or file sees them.
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** The register with kommune and fylke names free of direction controls. */
export function withPlainNames<T extends { kommunenavn: string; fylkesnavn: string }>(rows: readonly T[]): T[] {
  return rows.map((r) => ({ ...r, kommunenavn: stripBidiControls(r.kommunenavn), fylkesnavn: stripBidiControls(r.fylkesnavn) }));
}
