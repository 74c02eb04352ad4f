// Hand-made response rows for the edge-case and table tests: a neutral base answer set, then
// per-row overrides that each exercise one rule of the spec.
import {
  FUNKSJON_ITEMS, INNKJOP_ITEMS, PROSJEKT_ITEMS, SKY_ITEMS, strategiItems, WAYS_COMPLEX, WAYS_SIMPLE, type Answers, type Form,
} from './oracle';

/** Everything «no»: gates Nei, items Nei, functions shared, hinder liten, not recruited. */
export function base(form: Form, kommunenummer: string): Answers {
  const a: Answers = { kommunenummer, strategi: 'Nei', prosjekter: 'Nei', sky: 'Nei', tilbyr_tjenester: 'Nei' };
  for (const c of [...strategiItems(form), ...PROSJEKT_ITEMS, ...SKY_ITEMS]) a[c] = 'Nei';
  for (const c of INNKJOP_ITEMS) a[c] = 'Nei';
  for (const c of [...WAYS_SIMPLE, ...WAYS_COMPLEX]) a[c] = 'Ingen tjenester';
  for (const c of FUNKSJON_ITEMS) a[c] = form === '2018' ? 'Noenlunde likt fordelt' : 'Omtrent likt fordelt';
  a.hinder_kompetanse = 'I ganske liten grad';
  a.rekruttert = 'Nei';
  return a;
}

/** Sets the first n of `items` to `label`. */
export function firstN(a: Answers, items: readonly string[], n: number, label: string): Answers {
  items.slice(0, n).forEach((c) => (a[c] = label));
  return a;
}

export const with_ = (a: Answers, extra: Answers): Answers => Object.assign(a, extra);
