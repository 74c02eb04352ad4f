// SSB's standard table symbols («Standardtegn i tabeller»), the ones this site prints. Others in
// SSB's list are not used: «.» (lovlig umulig), «...» (oppgave mangler) and «:» (konfidensialitet;
// tiny groups show their count without a share instead, see MIN_DENOMINATOR in number.ts).
export const UNAVAILABLE = '..'; // tallgrunnlag mangler: the value is unknown
export const ZERO = '–'; // null (SSB's dash, printed as an en dash U+2013)

/** The symbol list on /metode/: only symbols the site actually prints, in SSB's wording. */
export const SYMBOL_EXPLANATIONS: { symbol: string; text: string }[] = [
  { symbol: UNAVAILABLE, text: 'Tallgrunnlag mangler: verdien er ukjent, for eksempel fordi kommunen ikke svarte på undersøkelsen eller ikke på spørsmålene indikatoren bygger på' },
  { symbol: ZERO, text: 'Null' },
];
