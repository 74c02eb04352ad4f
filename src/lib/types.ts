// Shared contracts between the reader, the rules, the pipeline and the site.
// Everything here is plain data so it can cross the JSON artefact boundary unchanged.

export type Score = 0 | 1 | 2 | 3 | 4;
export type Grade = 0 | 1 | 2 | 3 | 4;
export type KompetanseCategory = 'A' | 'B' | 'C' | 'D';
export type HinderGroup = 'liten' | 'middels' | 'stor';
/** `null` everywhere below means "unknown" (SSB symbol «..» / empty CSV cell). */
export type Unknown = null;

// ---------------------------------------------------------------- survey definitions (data/surveys/*.json)

export interface GateDefinition {
  question: string;
  text: string;
  answers: string; // key into answerSets
}

export interface SimpleIndicatorDefinition {
  title: string;
  question: string;
  text: string;
  gate: string | null; // column name in `gates`, or null for ungated blocks
  answers: string; // key into answerSets
  counts: string[]; // canonical labels that count as yes
  items: Record<string, string>; // column → Norwegian item label (order = questionnaire order)
  /** Lower bound (inclusive) of the count for scores 1, 2, 3 and 4; count 0 → score 0. */
  bins: [number, number, number, number];
  binsSource: 'ssb2018' | 'project';
  unitNoun: string;
  sentence: string; // «{antall} av {max} …»
}

export interface TjenesterDefinition {
  title: string;
  question: string;
  text: string;
  gate: string;
  answers: string;
  ways: Record<string, { label: string; complexity: 'enkel' | 'kompleks' }>;
  /** Points per canonical answer label, by complexity; labels not listed give 0. */
  points: Record<'enkel' | 'kompleks', Record<string, number>>;
  maxPoints: number;
  bins: [number, number, number, number];
  binsSource: 'ssb2018' | 'project';
  sentence: string;
}

export interface KompetanseDefinition {
  hinder: string;
  hinderAnswers: string;
  hinderGroups: Record<HinderGroup, string[]>;
  rekruttert: string;
  rekrutteringsvansker: string | null;
  categories: Record<KompetanseCategory, string>;
}

export interface GradeDefinition {
  title: string;
  labels: [string, string, string, string, string];
}

export type SimpleKey = 'strategi' | 'prosjekter' | 'sky' | 'innkjop' | 'interne';
export type GradeKey = 'prioritering' | 'bruk' | 'aktivitet';

export interface SurveyDefinition {
  id: string; // '2018' | '2021' | …
  title: string;
  answerSets: Record<string, string[]>; // canonical labels
  aliases: Record<string, Record<string, string>>; // answer set → alias → canonical label
  codes: Record<string, Record<string, string>>; // answer set → numeric code → canonical label
  gates: Record<string, GateDefinition>;
  gateOpen: string[]; // gate answers that open the follow-up items ("Ja")
  simple: Record<SimpleKey, SimpleIndicatorDefinition>;
  tjenester: TjenesterDefinition;
  kompetanse: KompetanseDefinition;
  scoreLabels: [string, string, string, string, string];
  grades: Record<GradeKey, GradeDefinition>;
  optional: Record<string, { question: string; text: string; answers: string }>;
  required: string[]; // required columns beyond gates/items/ways
  itemAnswers: Record<string, string>; // answer set for the `required` extras
  neverPublished: { prefixes: string[]; columns: string[]; note: string };
}

// ---------------------------------------------------------------- years and structures (data/years, data/structures)

export interface YearEntry {
  year: number;
  survey: string; // id of data/surveys/<id>.json
  structure: string; // id of data/structures/<id>.json
  responses: string; // path relative to data/
  synthetic: boolean;
  dataDate: string; // ISO date used as the "generated" date: never the clock
  note?: string;
  /** The survey's public name that year (SSB renamed it in 2022); falls back to the definition's title. */
  surveyName?: string;
  /** Publication (issue 9 §5): version of the figures, first publication date, SHA-256 of the responses, corrections. */
  version?: number;
  published?: string;
  sha256?: string;
  corrections?: { version: number; date: string; what: string; why: string }[];
}

export interface BoundaryFileRef {
  file: string; // relative to the reference directory
  object: string;
  idProperty: string;
  nameProperty: string;
}

export interface StructureEntry {
  id: string;
  label: string;
  register: string; // relative to the reference directory
  kommuneBoundaries: BoundaryFileRef | null;
  fylkeBoundaries: BoundaryFileRef | null;
  populationNote: string;
  previous?: { structure: string; correspondence: string };
}

// ---------------------------------------------------------------- reference data

export interface RegisterRow {
  kommunenummer: string; // '0301'
  kommunenavn: string;
  fylkesnummer: string; // '03'
  fylkesnavn: string;
  innbyggere: number | null;
}

export type Endring = 'uendret' | 'nytt_nummer' | 'delt' | 'sammenslått';

export interface CorrespondenceRow {
  kommunenummer_2020: string;
  kommunenavn_2020: string;
  kommunenummer_2024: string;
  kommunenavn_2024: string;
  endring: Endring;
}

// ---------------------------------------------------------------- reading

/** One problem in an input file. Line and column are 1-based; column is the header name when known. */
export interface Problem {
  file: string;
  line?: number;
  column?: string;
  value?: string;
  message: string; // Norwegian or English sentence naming what was expected
}

/** A validated response row: canonical answer labels, null for blank. Only known columns survive. */
export type ResponseRow = Record<string, string | null> & { kommunenummer: string };

/** One answer column as small codes: cell i is `labels[codes[i]]`, and code 0 is blank (null). */
export interface CodedColumn {
  readonly labels: readonly (string | null)[];
  readonly codes: Uint8Array | Uint16Array;
}

/**
 * The same answers column by column, as the reader writes them (no object per row): `names` is
 * `kommunenummer` then the known survey columns present in the file, in file order; `values` holds
 * one array of `length` cells per name (canonical label, or null for blank). The reader writes the
 * answers as codes (`coded`, one byte a cell, every name but kommunenummer) and makes a `values`
 * array only when someone reads it; the engine reads the codes.
 */
export interface ResponseColumns {
  names: readonly string[];
  values: Readonly<Record<string, readonly (string | null)[]>>;
  coded?: Readonly<Record<string, CodedColumn>>;
  length: number;
}

// ---------------------------------------------------------------- the indicator table (spec/data-format.md)

export const INDICATOR_COLUMNS = [
  'kommunenummer', 'svart', 'strategi_antall', 'strategi_score', 'prosjekt_antall', 'prosjekt_score',
  'prioritering', 'sky_antall', 'sky_score', 'innkjop_antall', 'innkjop_score', 'tjenester_poeng',
  'tjenester_score', 'bruk', 'aktivitet', 'interne_antall', 'interne_score', 'kompetansehinder',
  'rekruttert', 'kompetanse',
] as const;

export interface IndicatorRow {
  kommunenummer: string;
  svart: 0 | 1;
  strategi_antall: number | null;
  strategi_score: Score | null;
  prosjekt_antall: number | null;
  prosjekt_score: Score | null;
  prioritering: Grade | null;
  sky_antall: number | null;
  sky_score: Score | null;
  innkjop_antall: number | null;
  innkjop_score: Score | null;
  tjenester_poeng: number | null;
  tjenester_score: Score | null;
  bruk: Grade | null;
  aktivitet: Grade | null;
  interne_antall: number | null;
  interne_score: Score | null;
  kompetansehinder: HinderGroup | null;
  rekruttert: 0 | 1 | null;
  kompetanse: KompetanseCategory | null;
}

export type SizeClass = 'u2000' | '2000-4999' | '5000-9999' | '10000-29999' | '30000-49999' | '50000+';

/** The indicator row joined with the register, as the site reads it (indicators.json). */
export interface KommuneIndicators extends IndicatorRow {
  kommunenavn: string;
  fylkesnummer: string;
  fylkesnavn: string;
  innbyggere: number | null;
  storrelse: SizeClass | null;
  /** Extra answers a kommune page shows beside the indicators (rekrutteringsvansker etc.). */
  rekrutteringsvansker: 0 | 1 | null;
}

// ---------------------------------------------------------------- distribution tables (long format)

export type GroupKind = 'nasjon' | 'fylke' | 'storrelse';

/**
 * Count of units per value of one indicator in one comparison group.
 * `value` is '0'…'4' for scores and grades, 'A'…'D' for kompetanse, 'liten'… for hinder, and
 * 'ukjent' for units of the register that did not answer or whose value is unknown.
 * `share` = count / denominator, where denominator = units with a known value;
 * share is null for 'ukjent' and when denominator < 3 (spec: no share for tiny groups).
 */
export interface DistributionRow {
  indicator: string;
  group: GroupKind;
  groupKey: string; // 'norge', '03', 'u2000'
  groupLabel: string;
  value: string;
  count: number;
  denominator: number;
  share: number | null;
  units: number; // all units of the group in the register (or respondents without register)
}

/** Share of each answer per questionnaire item among the units the report computes it among. */
export interface ItemShareRow {
  block: string; // 'strategi' | 'prosjekter' | 'sky' | 'innkjop' | 'tjenester' | 'interne' | 'gate' | 'hinder' | …
  item: string; // column name
  label: string;
  among: string; // Norwegian description of the denominator population
  answer: string;
  count: number;
  denominator: number;
  share: number | null;
}

export interface YearSummary {
  year: number;
  survey: string;
  structure: string;
  synthetic: boolean;
  dataDate: string;
  units: number; // kommuner in the register
  respondents: number;
  /** From the year entry: the survey's public name that year. */
  surveyName?: string;
}
