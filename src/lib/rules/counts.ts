// "counts": how many items of a block were answered with a label that counts as yes.
// Gate handling (spec/indicators.md, «Counting answers»): a closed gate (Nei / Vet ikke / any other
// non-opening answer) gives 0 and its follow-up items are ignored even if filled; a blank gate makes
// the count unknown (project choice).

export type Answer = string | null | undefined;

export interface Gate {
  answer: Answer;
  /** Gate answers that open the follow-up items (the survey's `gateOpen`, normally ['Ja']). */
  open: readonly string[];
}

const isBlank = (a: Answer): a is null | undefined | '' => a == null || a === '';

/** Count of `items` whose canonical answer is in `countsAs`; blank items count 0. */
export function countItems(items: readonly Answer[], countsAs: readonly string[], gate?: Gate): number | null {
  if (gate) {
    if (isBlank(gate.answer)) return null;
    if (!gate.open.includes(gate.answer)) return 0;
  }
  let n = 0;
  for (const a of items) if (!isBlank(a) && countsAs.includes(a)) n++;
  return n;
}
