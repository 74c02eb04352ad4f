import type { SizeClass } from '../types.ts';

/** Size classes in order, with the Norwegian labels the site shows (spec, «Comparison groups»). */
export const SIZE_CLASSES: readonly { key: SizeClass; label: string; min: number }[] = [
  { key: 'u2000', label: 'Under 2 000', min: 0 },
  { key: '2000-4999', label: '2 000–4 999', min: 2000 },
  { key: '5000-9999', label: '5 000–9 999', min: 5000 },
  { key: '10000-29999', label: '10 000–29 999', min: 10000 },
  { key: '30000-49999', label: '30 000–49 999', min: 30000 },
  { key: '50000+', label: '50 000 og over', min: 50000 },
];

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
