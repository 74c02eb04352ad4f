// Answer normalisation: whatever an export writes for an answer → the definition's canonical label.

import type { SurveyDefinition } from '../types';

/** Trim, collapse inner whitespace (incl. no-break spaces), NFC (macOS exports decompose å), case-fold. */
export function normaliseLabel(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    // «Ja,helt» / «Bare / kun interne»: spacing around the label's own punctuation varies between exports.
    .replace(/ ?, ?/g, ', ')
    .replace(/ ?\/ ?/g, '/');
}

/**
 * What statistics tools write for «no answer»: R's NA, pandas' NaN, SSB's «.» and «..». They read
 * as blank (no answer) rather than as an unknown label that would reject the whole file.
 */
export const MISSING_MARKERS: ReadonlySet<string> = new Set(['na', 'nan', 'n/a', '.', '..']);

const UNKNOWN = '\u0000unknown';

/** Result of matching one cell: a canonical label, null for blank, undefined for an unknown answer. */
export interface LabelMatcher {
  (raw: string): string | null | undefined;
  /** The same for the cell text.slice(start, end), without making that string when it is a canonical label. */
  span(text: string, start: number, end: number): string | null | undefined;
}

/**
 * Builds a matcher for one answer set: canonical labels, aliases and numeric codes, all compared
 * after normaliseLabel. Raw strings seen before are answered from a cache, so the hot loop does one
 * Map lookup per cell instead of normalising 9 million cells.
 */
export function labelMatcher(survey: SurveyDefinition, answerSet: string): LabelMatcher {
  const labels = survey.answerSets[answerSet];
  if (!labels) throw new Error(`Svarsettet «${answerSet}» finnes ikke i skjemadefinisjonen ${survey.id}`);
  const lookup = new Map<string, string>();
  for (const [code, label] of Object.entries(survey.codes?.[answerSet] ?? {})) lookup.set(normaliseLabel(code), label);
  for (const [alias, label] of Object.entries(survey.aliases?.[answerSet] ?? {})) lookup.set(normaliseLabel(alias), label);
  // Canonical labels last so they win over any alias that happens to normalise the same way.
  for (const label of labels) lookup.set(normaliseLabel(label), label);

  // Exact canonical spellings (the usual case) are found by length and ===, which costs less than
  // hashing millions of fresh strings; anything else is normalised once and cached.
  const byLength: (string[] | undefined)[] = [];
  for (const label of labels) (byLength[label.length] ??= []).push(label);
  const cache = new Map<string, string | null>();
  const match = (raw: string) => {
    if (raw.length === 0) return null;
    const same = byLength[raw.length];
    if (same !== undefined) {
      for (let k = 0; k < same.length; k++) if (same[k] === raw) return same[k];
    }
    const hit = cache.get(raw);
    if (hit !== undefined) return hit === UNKNOWN ? undefined : hit;
    const key = normaliseLabel(raw);
    const result = key === '' || (MISSING_MARKERS.has(key) && !lookup.has(key)) ? null : lookup.get(key);
    // Bound the cache: garbage input could otherwise grow it with every distinct bad value.
    if (cache.size < 1000) cache.set(raw, result === undefined ? UNKNOWN : result);
    return result;
  };
  const span = (text: string, start: number, end: number) => {
    const same = byLength[end - start];
    if (same !== undefined) {
      for (let k = 0; k < same.length; k++) if (text.startsWith(same[k], start)) return same[k];
    }
    return match(text.slice(start, end));
  };
  return Object.assign(match, { span });
}

/** Human list of what an answer set accepts, for error messages. */
export function describeAnswerSet(survey: SurveyDefinition, answerSet: string): string {
  const labels = survey.answerSets[answerSet] ?? [];
  const codes = Object.entries(survey.codes?.[answerSet] ?? {});
  const text = labels.map((l) => `«${l}»`).join(', ');
  const codeText = codes.length ? ` (eller kodene ${codes.map(([c, l]) => `${c}=${l}`).join(', ')})` : '';
  return `${text}${codeText} eller tomt felt`;
}

/**
 * Every column the survey definition knows, with its answer set: gates, the items of each simple
 * block, the service ways, the `required` extras (via itemAnswers) and the optional questions.
 */
export function columnAnswerSets(survey: SurveyDefinition): Map<string, string> {
  const out = new Map<string, string>();
  for (const [column, gate] of Object.entries(survey.gates)) out.set(column, gate.answers);
  for (const block of Object.values(survey.simple)) {
    for (const column of Object.keys(block.items)) out.set(column, block.answers);
  }
  for (const column of Object.keys(survey.tjenester.ways)) out.set(column, survey.tjenester.answers);
  // The competence inputs are rule inputs even when a hand-written definition leaves out
  // `required`/`itemAnswers`: the obstacle item uses the kompetanse block's answer set.
  const k = survey.kompetanse;
  if (k?.hinder && k.hinderAnswers) out.set(k.hinder, k.hinderAnswers);
  if (k?.rekruttert && survey.answerSets.jaNei) out.set(k.rekruttert, 'jaNei');
  for (const column of survey.required ?? []) {
    const set = survey.itemAnswers?.[column];
    if (set) out.set(column, set);
  }
  for (const [column, def] of Object.entries(survey.optional ?? {})) {
    if (!out.has(column)) out.set(column, def.answers);
  }
  return out;
}

/** Columns a file must have: kommunenummer, gates, all simple-block items, service ways, `required`. */
export function requiredColumns(survey: SurveyDefinition): string[] {
  const out: string[] = ['kommunenummer'];
  const add = (c: string) => {
    if (!out.includes(c)) out.push(c);
  };
  for (const column of Object.keys(survey.gates)) add(column);
  for (const block of Object.values(survey.simple)) for (const column of Object.keys(block.items)) add(column);
  for (const column of Object.keys(survey.tjenester.ways)) add(column);
  if (survey.kompetanse?.hinder) add(survey.kompetanse.hinder);
  if (survey.kompetanse?.rekruttert) add(survey.kompetanse.rekruttert);
  for (const column of survey.required ?? []) add(column);
  return out;
}

/** True for columns that must never be read into memory past the header (free text, contacts, time use). */
export function isNeverPublished(survey: SurveyDefinition, column: string): boolean {
  return neverPublishedTest(survey)(column);
}

/**
 * Never published whatever a definition says: free text, contacts and time use. A definition can
 * add to this floor, never take away from it (a hand-made definition that forgets its
 * `neverPublished` list must not publish comments).
 */
export const ALWAYS_NEVER_PUBLISHED_PREFIXES: readonly string[] = ['kommentar', 'kontakt_', 'tidsbruk'];

/** isNeverPublished with the definition's lists prepared once, for checking many header names. */
export function neverPublishedTest(survey: SurveyDefinition): (column: string) => boolean {
  const np = survey.neverPublished;
  const columns = new Set((np?.columns ?? []).map((c) => c.toLowerCase()));
  const prefixes = [...ALWAYS_NEVER_PUBLISHED_PREFIXES, ...(np?.prefixes ?? []).map((p) => p.toLowerCase())];
  return (column: string) => {
    const name = column.trim().toLowerCase();
    if (columns.has(name)) return true;
    for (const prefix of prefixes) if (name.startsWith(prefix)) return true;
    return false;
  };
}
