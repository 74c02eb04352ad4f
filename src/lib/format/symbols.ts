// SSB's standard symbols for values that are not shown as numbers.
export const UNAVAILABLE = '..'; // oppgave mangler / ikke tilgjengelig
export const ANONYMISED = ':'; // vises ikke av personvernhensyn
export const ZERO = '–'; // null, ingenting å rapportere (en dash, U+2013)

export const SYMBOL_EXPLANATIONS: { symbol: string; text: string }[] = [
  { symbol: UNAVAILABLE, text: 'Tall kan ikke forekomme eller er ikke tilgjengelig (for eksempel kommuner som ikke svarte)' },
  { symbol: ANONYMISED, text: 'Anonymisert: tallet vises ikke fordi gruppen er for liten' },
  { symbol: ZERO, text: 'Null: ingen enheter' },
];

