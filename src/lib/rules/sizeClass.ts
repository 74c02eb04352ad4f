import type { SizeClass } from '../types';

/**
 * Size classes in order, with the Norwegian labels the site shows (spec, «Comparison groups»).
 * `label` stands alone (table headings, downloads); `phrase` completes «kommuner med …» in a sentence.
 */
export const SIZE_CLASSES: readonly { key: SizeClass; label: string; phrase: string; min: number }[] = [
  { key: 'u2000', label: 'Under 2 000', phrase: 'under 2 000 innbyggere', min: 0 },
  { key: '2000-4999', label: '2 000–4 999', phrase: '2 000–4 999 innbyggere', min: 2000 },
  { key: '5000-9999', label: '5 000–9 999', phrase: '5 000–9 999 innbyggere', min: 5000 },
  { key: '10000-29999', label: '10 000–29 999', phrase: '10 000–29 999 innbyggere', min: 10000 },
  { key: '30000-49999', label: '30 000–49 999', phrase: '30 000–49 999 innbyggere', min: 30000 },
  { key: '50000+', label: '50 000 eller flere', phrase: '50 000 innbyggere eller flere', min: 50000 },
];

/** «kommuner med 50 000 innbyggere eller flere» – the size class as a noun phrase. */
export function sizeClassPhrase(key: SizeClass): string {
  return `kommuner med ${SIZE_CLASSES.find((c) => c.key === key)?.phrase ?? key}`;
}

export const SIZE_CLASS_LABELS: Readonly<Record<SizeClass, string>> = Object.fromEntries(
  SIZE_CLASSES.map((c) => [c.key, c.label]),
) as Record<SizeClass, string>;

/** Population on 1 January → size class; unknown population → unknown class. */
export function sizeClass(innbyggere: number | null | undefined): SizeClass | null {
  if (innbyggere == null || Number.isNaN(innbyggere)) return null;
  let found: SizeClass = 'u2000';
  for (const c of SIZE_CLASSES) if (innbyggere >= c.min) found = c.key;
  return found;
}
