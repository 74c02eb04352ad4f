// «Ukjent» has two causes that readers must be able to tell apart: the kommune did not answer the
// survey at all, or it answered but left a question blank that a grade needs (a blank gate
// question makes the indicator unknown – a project choice). Distributions count both as «ukjent».
import type { KommuneIndicators, SurveyDefinition } from '../types';

/** Legend, bar and table label for a count that can hold both kinds of unknown. */
export const UNKNOWN_MIXED = 'Ukjent (svarte ikke eller mangler svar)';
export const UNKNOWN_NOT_ANSWERED = 'Ukjent – svarte ikke';
export const UNKNOWN_MISSING = 'Ukjent – mangler svar på et portspørsmål';
export const UNKNOWN_MISSING_KOMPETANSE = 'Ukjent – kompetansehinder ikke oppgitt';

export type UnknownIndicator = 'prioritering' | 'aktivitet' | 'bruk' | 'kompetanse';

type Row = Pick<KommuneIndicators, 'svart' | UnknownIndicator>;

/** The short reason a kommune's value is unknown, in lower case for «Kommune: ukjent – …». */
export function unknownReason(k: Row, indicator: UnknownIndicator): string {
  if (k.svart !== 1) return 'svarte ikke';
  return indicator === 'kompetanse' ? 'kompetansehinder ikke oppgitt' : 'mangler svar på et portspørsmål';
}

/** The label of one kommune's unknown value. */
export function unknownLabel(k: Row, indicator: UnknownIndicator): string {
  if (k.svart !== 1) return UNKNOWN_NOT_ANSWERED;
  return indicator === 'kompetanse' ? UNKNOWN_MISSING_KOMPETANSE : UNKNOWN_MISSING;
}

export interface UnknownSplit { notAnswered: number; missing: number }

/** How many of a group's unknown values are non-respondents and how many are missing answers. */
export function unknownSplit<I extends UnknownIndicator>(rows: readonly Pick<KommuneIndicators, 'svart' | I>[], indicator: I): UnknownSplit {
  let notAnswered = 0;
  let missing = 0;
  for (const k of rows) {
    if (k[indicator] !== null) continue;
    if (k.svart === 1) missing++;
    else notAnswered++;
  }
  return { notAnswered, missing };
}

/** «2 svarte ikke, 1 mangler svar» – the words behind an unknown count; '' when none. */
export function unknownSplitText(split: UnknownSplit, indicator?: UnknownIndicator): string {
  const parts: string[] = [];
  if (split.notAnswered > 0) parts.push(`${split.notAnswered} svarte ikke`);
  if (split.missing > 0) parts.push(`${split.missing} ${indicator === 'kompetanse' ? 'oppga ikke kompetansehinder' : 'mangler svar'}`);
  return parts.join(', ');
}

/** The label for a group's unknown count: exact when only one cause occurs, mixed otherwise. */
export function groupUnknownLabel(split: UnknownSplit): string {
  if (split.missing === 0) return UNKNOWN_NOT_ANSWERED;
  if (split.notAnswered === 0) return 'Ukjent – mangler svar';
  return UNKNOWN_MIXED;
}

type Antall = Pick<KommuneIndicators, 'strategi_antall' | 'prosjekt_antall' | 'sky_antall' | 'innkjop_antall' | 'tjenester_poeng' | 'interne_antall' | 'kompetansehinder'>;

/**
 * For a respondent with an unknown value: which answers are missing, as phrases that complete
 * «{Kommune} …», e.g. «svarte ikke på spørsmål 2, «Har virksomheten en IKT-/digitaliseringsstrategi?»».
 * Derived from the indicator row: a null count means its gate question (or the question) was blank.
 */
export function missingAnswers(k: Row & Antall, indicator: UnknownIndicator, s: Pick<SurveyDefinition, 'gates' | 'simple' | 'tjenester'>): string[] {
  if (k.svart !== 1 || k[indicator] !== null) return [];
  const gate = (key: string | null | undefined, fallback: string): string => {
    const g = key ? s.gates[key] : undefined;
    return g ? `svarte ikke på spørsmål ${g.question}, «${g.text}»` : fallback;
  };
  const out: string[] = [];
  if (indicator === 'prioritering') {
    if (k.strategi_antall === null) out.push(gate(s.simple.strategi.gate, 'svarte ikke på om kommunen har IKT-strategi'));
    if (k.prosjekt_antall === null) out.push(gate(s.simple.prosjekter.gate, 'svarte ikke på om kommunen har IKT-prosjekter'));
  } else if (indicator === 'aktivitet' || indicator === 'bruk') {
    if (k.sky_antall === null) out.push(gate(s.simple.sky.gate, 'svarte ikke på om kommunen bruker skytjenester'));
    if (k.innkjop_antall === null) out.push('mangler svar om digitale innkjøp');
    if (indicator === 'aktivitet' && k.tjenester_poeng === null) out.push(gate(s.tjenester.gate, 'svarte ikke på om kommunen tilbyr digitale tjenester'));
  } else {
    if (k.interne_antall === null) out.push('mangler svar om hvem som tar hånd om IKT-funksjonene');
    if (k.kompetansehinder === null) out.push('svarte «Vet ikke», «Ikke relevant» eller ingenting på om manglende kompetanse er et hinder');
  }
  return out;
}
