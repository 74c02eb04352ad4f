// An independent re-derivation of the indicator rules, written from the spec text alone
// (../shared/spec/indicators.md and data-format.md). It deliberately imports nothing from
// src/lib: column lists, bins and labels below are copied from the spec, so a test that compares
// the CLI's output with this oracle checks the engine against the spec, not against itself.

export type Form = '2018' | '2021';
/** One response with canonical answer labels; null = blank. Keys are the contract's column names. */
export type Answers = Record<string, string | null>;

// ---------------------------------------------------------------- columns (data-format.md)

const STRATEGI_2021 = [
  'strategi_omr_ikt_infrastruktur', 'strategi_omr_informasjonssikkerhet', 'strategi_omr_digitale_innkjop',
  'strategi_omr_deling_av_data', 'strategi_omr_data_fra_andre', 'strategi_omr_velferdsteknologi',
  'strategi_omr_robotisering', 'strategi_omr_laeringsteknologi', 'strategi_omr_skytjenester',
  'strategi_omr_universell_utforming', 'strategi_omr_gronn_ikt', 'strategi_omr_sammenhengende_tjenester',
  'strategi_omr_gevinstrealisering', 'strategi_omr_felleslosninger',
];
const STRATEGI_2018 = [
  'strategi_omr_ikt_infrastruktur', 'strategi_omr_informasjonssikkerhet', 'strategi_omr_tjenester_innbyggere',
  'strategi_omr_tjenester_naeringsliv', 'strategi_omr_digitale_innkjop', 'strategi_omr_deling_av_data',
  'strategi_omr_data_fra_andre', 'strategi_omr_skytjenester', 'strategi_omr_velferdsteknologi',
  'strategi_omr_robotisering', 'strategi_omr_laeringsteknologi', 'strategi_omr_universell_utforming',
  'strategi_omr_gronn_ikt',
];
export const PROSJEKT_ITEMS = [
  'prosjekt_omr_kvalitet_tjenester', 'prosjekt_omr_nye_tjenester', 'prosjekt_omr_raskere_saksgang',
  'prosjekt_omr_selvbetjening', 'prosjekt_omr_forenkling_arbeidsrutiner', 'prosjekt_omr_redusert_bemanning',
  'prosjekt_omr_nye_arbeidsoppgaver', 'prosjekt_omr_samhandling', 'prosjekt_omr_robust_infrastruktur',
  'prosjekt_omr_andre',
];
export const SKY_ITEMS = [
  'sky_omr_kontorstotte', 'sky_omr_prosjektverktoy', 'sky_omr_okonomisystemer', 'sky_omr_webanalyse',
  'sky_omr_webplattform', 'sky_omr_databaser', 'sky_omr_fillagring', 'sky_omr_virtuelle_servere',
  'sky_omr_virtuelle_moterom', 'sky_omr_applikasjonsservere', 'sky_omr_utviklingsplattform',
  'sky_omr_driftsplattform', 'sky_omr_backup', 'sky_omr_kommunikasjon', 'sky_omr_andre',
];
export const WAYS_SIMPLE = ['tjeneste_apen_innsyn', 'tjeneste_enkel_individuell'];
export const WAYS_COMPLEX = ['tjeneste_kompleks_individuell', 'tjeneste_selvaktivert'];
export const HINDER_ITEMS = [
  'hinder_politiske_foringer', 'hinder_ledelse', 'hinder_lovgivning', 'hinder_standarder', 'hinder_felleslosninger',
  'hinder_integrasjon', 'hinder_ressurser', 'hinder_ikt_utgifter', 'hinder_kompetanse', 'hinder_avhengig_andre',
  'hinder_tilgang_offentlige', 'hinder_tilgang_privat',
];
export const INNKJOP_ITEMS = [
  'innkjop_planlegging', 'innkjop_mottak_tilbud', 'innkjop_evaluering_tildeling', 'innkjop_ordrehandtering',
  'innkjop_ordre_strukturert', 'innkjop_mottak_faktura', 'innkjop_kontroll_faktura', 'innkjop_oppfolging_avtaler',
];
export const FUNKSJON_ITEMS = [
  'funksjon_prosjektledelse_anskaffelser', 'funksjon_prosjektledelse_digitalisering', 'funksjon_strategiutvikling',
  'funksjon_internettlosninger', 'funksjon_drift_servere', 'funksjon_drift_pc', 'funksjon_forvaltning_fagsystemer',
  'funksjon_drift_fagsystemer', 'funksjon_it_opplaering', 'funksjon_brukerstotte', 'funksjon_sikkerhetsovervaking',
  'funksjon_sikkerhetstesting',
];
export const strategiItems = (form: Form): string[] => (form === '2018' ? STRATEGI_2018 : STRATEGI_2021);

// ---------------------------------------------------------------- answer labels (data-format.md)

export const JA_NEI_VETIKKE = ['Ja', 'Nei', 'Vet ikke'];
export const JA_NEI = ['Ja', 'Nei'];
export const OMRAADE = ['Ja', 'Nei', 'Ikke relevant', 'Vet ikke'];
export const INNKJOP = ['Ja, helt', 'Ja, delvis', 'Nei', 'Vet ikke'];
export const TJENESTE = [
  'Ingen tjenester', 'Noen tjenester', 'Omtrent halvparten av tjenestene', 'De fleste tjenestene', 'Alle tjenestene',
  'Ikke relevant', 'Vet ikke',
];
export const GRAD = [
  'I svært liten grad', 'I ganske liten grad', 'I verken stor eller liten grad', 'I ganske stor grad', 'I svært stor grad',
  'Ikke relevant', 'Vet ikke',
];
export const FUNKSJON_2021 = [
  'Bare/kun interne medarbeidere', 'For det meste interne medarbeidere', 'Omtrent likt fordelt',
  'For det meste eksterne leverandører', 'Bare/kun eksterne leverandører', 'Ikke relevant', 'Vet ikke',
];
export const FUNKSJON_2018 = [
  'Utelukkende interne', 'Overveiende interne', 'Noenlunde likt fordelt', 'Overveiende eksterne', 'Utelukkende eksterne',
  'Ikke relevant', 'Vet ikke',
];
export const funksjonLabels = (form: Form): string[] => (form === '2018' ? FUNKSJON_2018 : FUNKSJON_2021);

/** Every column with the labels it accepts, for a form (required and the optional ones we generate). */
export function columnLabels(form: Form): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  out.strategi = JA_NEI_VETIKKE;
  for (const c of ['strategi_oppdatert', 'strategi_i_virksomhetsstrategi', 'strategi_felles_digitaliseringsstrategi']) out[c] = JA_NEI_VETIKKE;
  for (const c of strategiItems(form)) out[c] = OMRAADE;
  out.politiske_foringer = GRAD;
  out.prosjekter = JA_NEI_VETIKKE;
  for (const c of PROSJEKT_ITEMS) out[c] = OMRAADE;
  out.sky = JA_NEI_VETIKKE;
  for (const c of SKY_ITEMS) out[c] = JA_NEI_VETIKKE;
  out.tilbyr_tjenester = JA_NEI;
  for (const c of [...WAYS_SIMPLE, ...WAYS_COMPLEX]) out[c] = TJENESTE;
  for (const c of HINDER_ITEMS) out[c] = GRAD;
  for (const c of INNKJOP_ITEMS) out[c] = INNKJOP;
  for (const c of FUNKSJON_ITEMS) out[c] = funksjonLabels(form);
  out.rekruttert = JA_NEI;
  if (form === '2018') out.rekrutteringsvansker = JA_NEI;
  return out;
}

/** The columns the spec calls required (data-format.md, «Required columns»). */
export function requiredColumns(form: Form): string[] {
  return [
    'kommunenummer', 'strategi', 'prosjekter', 'sky', 'tilbyr_tjenester', ...strategiItems(form), ...PROSJEKT_ITEMS,
    ...SKY_ITEMS, ...WAYS_SIMPLE, ...WAYS_COMPLEX, ...INNKJOP_ITEMS, ...FUNKSJON_ITEMS, 'hinder_kompetanse', 'rekruttert',
  ];
}

// ---------------------------------------------------------------- bins (indicators.md, as count ranges)

type Ranges = [number, number][]; // score 1..4 → inclusive [lo, hi]
const INF = Number.POSITIVE_INFINITY;
const RANGES: Record<Form, Record<'strategi' | 'prosjekter' | 'sky' | 'innkjop' | 'tjenester' | 'interne', Ranges>> = {
  '2018': {
    strategi: [[1, 5], [6, 9], [10, 11], [12, 13]],
    prosjekter: [[1, 4], [5, 6], [7, 8], [9, 10]],
    sky: [[1, 3], [4, 6], [7, 9], [10, INF]],
    innkjop: [[1, 3], [4, 5], [6, 7], [8, 8]],
    tjenester: [[1, 1], [2, 3], [4, 6], [7, INF]],
    interne: [[1, 4], [5, 7], [8, 10], [11, 12]],
  },
  '2021': {
    // «The 2021 questionnaire lists 14 strategy areas; its bins are a project choice: 1–5, 6–9, 10–12, 13–14.»
    strategi: [[1, 5], [6, 9], [10, 12], [13, 14]],
    prosjekter: [[1, 4], [5, 6], [7, 8], [9, 10]],
    sky: [[1, 3], [4, 6], [7, 9], [10, INF]],
    innkjop: [[1, 3], [4, 5], [6, 7], [8, 8]],
    tjenester: [[1, 1], [2, 3], [4, 6], [7, INF]],
    interne: [[1, 4], [5, 7], [8, 10], [11, 12]],
  },
};
export const rangesOf = (form: Form) => RANGES[form];

function scoreOf(n: number | null, ranges: Ranges): number | null {
  if (n === null) return null;
  if (n === 0) return 0;
  const i = ranges.findIndex(([lo, hi]) => n >= lo && n <= hi);
  if (i < 0) throw new Error(`oracle: count ${n} outside every bin`);
  return i + 1;
}

// ---------------------------------------------------------------- rules (indicators.md)

const blank = (v: string | null | undefined): boolean => v == null || v === '';

/** Gate Ja → count items answered with a counting label; Nei / Vet ikke → 0; blank → unknown. */
function gatedCount(a: Answers, gate: string | null, items: string[], counting: string[]): number | null {
  if (gate !== null) {
    const g = a[gate];
    if (blank(g)) return null;
    if (g !== 'Ja') return 0;
  }
  return items.filter((c) => counting.includes(a[c] ?? '')).length;
}

function tjenesterPoeng(a: Answers): number | null {
  const g = a.tilbyr_tjenester;
  if (blank(g)) return null;
  if (g !== 'Ja') return 0;
  const HIGH = ['Omtrent halvparten av tjenestene', 'De fleste tjenestene', 'Alle tjenestene'];
  let p = 0;
  for (const w of WAYS_SIMPLE) p += a[w] === 'Noen tjenester' ? 1 : HIGH.includes(a[w] ?? '') ? 3 : 0;
  for (const w of WAYS_COMPLEX) p += a[w] === 'Noen tjenester' ? 2 : HIGH.includes(a[w] ?? '') ? 4 : 0;
  return p;
}

const high = (x: number): boolean => x >= 3;

export function prioritering(S: number | null, P: number | null): number | null {
  if (S === null || P === null) return null;
  if (S === 0 && P === 0) return 0;
  if (high(S) && high(P)) return 4;
  if (high(S)) return 2; // high(S), not high(P)
  if (high(P)) return 3; // high(P), not high(S)
  return 1; // neither high, not both 0
}

/** The rule of *bruk* and *aktivitet*, literally: grade 0 … 4 in the spec's order. */
export function twoAxis(X: number | null, Y: number | null): number | null {
  if (X === null || Y === null) return null;
  if (Math.min(X, Y) === 0 && Math.max(X, Y) <= 1) return 0;
  if (X <= 2 && Y <= 2) return 1;
  if (X >= 3 && Y <= 2) return 2;
  if (Y >= 3 && X <= 2) return 3;
  return 4;
}

export function hinderGroup(v: string | null | undefined): 'liten' | 'middels' | 'stor' | null {
  if (v === 'I svært liten grad' || v === 'I ganske liten grad') return 'liten';
  if (v === 'I verken stor eller liten grad') return 'middels';
  if (v === 'I ganske stor grad' || v === 'I svært stor grad') return 'stor';
  return null;
}

export const CONTRACT_COLUMNS = [
  'kommunenummer', 'svart', 'strategi_antall', 'strategi_score', 'prosjekt_antall', 'prosjekt_score',
  'prioritering', 'sky_antall', 'sky_score', 'innkjop_antall', 'innkjop_score', 'tjenester_poeng',
  'tjenester_score', 'bruk', 'aktivitet', 'interne_antall', 'interne_score', 'kompetansehinder', 'rekruttert',
  'kompetanse',
] as const;
export type OracleRow = Record<(typeof CONTRACT_COLUMNS)[number], string | number | null>;

/** A kommune is a row whose enhetstype is absent/blank or «kommune». */
export const isKommune = (a: Answers): boolean => blank(a.enhetstype) || a.enhetstype!.trim().toLowerCase() === 'kommune';

export function oracleRow(a: Answers, form: Form): OracleRow {
  const R = RANGES[form];
  const strategi_antall = gatedCount(a, 'strategi', strategiItems(form), ['Ja']);
  const prosjekt_antall = gatedCount(a, 'prosjekter', PROSJEKT_ITEMS, ['Ja']);
  const sky_antall = gatedCount(a, 'sky', SKY_ITEMS, ['Ja']);
  const innkjop_antall = gatedCount(a, null, INNKJOP_ITEMS, ['Ja, helt', 'Ja, delvis']);
  const interne_antall = gatedCount(a, null, FUNKSJON_ITEMS, funksjonLabels(form).slice(0, 2));
  const tjenester_poeng = tjenesterPoeng(a);
  const strategi_score = scoreOf(strategi_antall, R.strategi);
  const prosjekt_score = scoreOf(prosjekt_antall, R.prosjekter);
  const sky_score = scoreOf(sky_antall, R.sky);
  const innkjop_score = scoreOf(innkjop_antall, R.innkjop);
  const interne_score = scoreOf(interne_antall, R.interne);
  const tjenester_score = scoreOf(tjenester_poeng, R.tjenester);
  const bruk = twoAxis(sky_score, innkjop_score);
  const aktivitet = twoAxis(bruk, tjenester_score);
  const kompetansehinder = hinderGroup(a.hinder_kompetanse);
  const rekruttert = a.rekruttert === 'Ja' ? 1 : a.rekruttert === 'Nei' ? 0 : null;
  const kompetanse =
    interne_score === null || kompetansehinder === null
      ? null
      : high(interne_score)
        ? kompetansehinder === 'stor' ? 'B' : 'A'
        : kompetansehinder === 'stor' ? 'D' : 'C';
  return {
    kommunenummer: a.kommunenummer!, svart: 1, strategi_antall, strategi_score, prosjekt_antall, prosjekt_score,
    prioritering: prioritering(strategi_score, prosjekt_score), sky_antall, sky_score, innkjop_antall, innkjop_score,
    tjenester_poeng, tjenester_score, bruk, aktivitet, interne_antall, interne_score, kompetansehinder, rekruttert, kompetanse,
  };
}

function nonRespondent(kommunenummer: string): OracleRow {
  const row = Object.fromEntries(CONTRACT_COLUMNS.map((c) => [c, null])) as OracleRow;
  row.kommunenummer = kommunenummer;
  row.svart = 0;
  return row;
}

/**
 * The whole indicator table: respondents that are kommuner; with a register, one row per register
 * kommune (non-respondents svart = 0 and empty). Sorted by kommunenummer.
 */
export function oracleTable(responses: Answers[], form: Form, register?: string[] | null): OracleRow[] {
  const byNr = new Map(responses.filter(isKommune).map((a) => [a.kommunenummer!, oracleRow(a, form)]));
  const numbers = register ? [...register] : [...byNr.keys()];
  return numbers.sort().map((k) => byNr.get(k) ?? nonRespondent(k));
}

/** The contract CSV: UTF-8, comma, header, LF, empty cell for unknown. */
export function oracleCsv(rows: OracleRow[]): string {
  const lines = [CONTRACT_COLUMNS.join(',')];
  for (const r of rows) lines.push(CONTRACT_COLUMNS.map((c) => (r[c] === null ? '' : String(r[c]))).join(','));
  return lines.join('\n') + '\n';
}
