// The demo data model: shares are stated at average maturity (latent = 0) and were tuned so the
// generated 2021 marginals land near SSB's 2018 reference figures (spec/indicators.md, last
// section, and the report's text: seeds/004). Everything here is invented for the demo.

/** ln(innbyggere) of Norway's kommuner (2020–23 structure): mean and sd, to standardise size. */
export const LOG_POP = { mean: 8.64, sd: 1.28 } as const;

/**
 * Latent digital maturity m ≈ N(0, 1): `size`·z(ln innbyggere) + `own`·ε. Bigger kommuner are more
 * mature on average, with plenty of small front-runners and large laggards.
 */
export const MATURITY = { size: 0.75, own: 0.66 } as const;

/** Between waves: average progress per year, and the sd of each kommune's own change. */
export const PROGRESS = { perYear: 0.15, noise: 0.25, splitNoise: 0.3 } as const;

/** Response probability = logistic(intercept + size·z): about 90 %, a little higher for big kommuner. */
export const RESPONSE = { intercept: 2.3, size: 0.6 } as const;

/** Share of every answered cell that is left blank, and of every gate (→ an unknown indicator). */
export const BLANK = { item: 0.004, gate: 0.006 } as const;
/** Share of closed gates whose follow-up items were filled in anyway (the rules ignore them). */
export const FILLED_BEHIND_CLOSED_GATE = 0.02;

export interface GateModel {
  /** P(Ja) at m = 0. */
  p: number;
  /** Loading on maturity (0–1). */
  load: number;
  /** Among the not-Ja answers, the share «Vet ikke» (where the answer set has it). */
  vetIkke: number;
}

export const GATES: Record<string, GateModel> = {
  strategi: { p: 0.64, load: 0.8, vetIkke: 0.06 },
  prosjekter: { p: 0.89, load: 0.8, vetIkke: 0.1 },
  sky: { p: 0.83, load: 0.8, vetIkke: 0.12 },
  tilbyr_tjenester: { p: 0.96, load: 0.6, vetIkke: 0 },
};

export interface BlockModel {
  /** Loading of the kommune's block factor on maturity. */
  load: number;
  /** Correlation of each item with the block factor: higher → more all-or-nothing counts. */
  rho: number;
  /** Among the not-counted answers, the shares «Ikke relevant» and «Vet ikke». */
  ikkeRelevant: number;
  vetIkke: number;
  /** P(item counts) at block factor 0, by column. */
  items: Record<string, number>;
  /** Where two labels count (innkjøp: helt/delvis; funksjoner: kun/mest interne): share of the first at m = 0. */
  firstCounted?: number;
  /** Where several labels do not count (funksjoner): their shares, in answer-set order. */
  notCounted?: number[];
}

export const BLOCKS: Record<'strategi' | 'prosjekter' | 'sky' | 'innkjop' | 'interne', BlockModel> = {
  strategi: {
    load: 0.75,
    rho: 0.6,
    ikkeRelevant: 0.06,
    vetIkke: 0.05,
    items: {
      strategi_omr_ikt_infrastruktur: 0.85,
      strategi_omr_informasjonssikkerhet: 0.89,
      strategi_omr_digitale_innkjop: 0.55,
      strategi_omr_deling_av_data: 0.59,
      strategi_omr_data_fra_andre: 0.47,
      strategi_omr_velferdsteknologi: 0.81,
      strategi_omr_robotisering: 0.27,
      strategi_omr_laeringsteknologi: 0.69,
      strategi_omr_skytjenester: 0.65,
      strategi_omr_universell_utforming: 0.63,
      strategi_omr_gronn_ikt: 0.25,
      strategi_omr_sammenhengende_tjenester: 0.69,
      strategi_omr_gevinstrealisering: 0.63,
      strategi_omr_felleslosninger: 0.71,
    },
  },
  prosjekter: {
    load: 0.7,
    rho: 0.6,
    ikkeRelevant: 0.06,
    vetIkke: 0.06,
    items: {
      prosjekt_omr_kvalitet_tjenester: 0.94,
      prosjekt_omr_nye_tjenester: 0.78,
      prosjekt_omr_raskere_saksgang: 0.84,
      prosjekt_omr_selvbetjening: 0.84,
      prosjekt_omr_forenkling_arbeidsrutiner: 0.93,
      prosjekt_omr_redusert_bemanning: 0.19,
      prosjekt_omr_nye_arbeidsoppgaver: 0.52,
      prosjekt_omr_samhandling: 0.78,
      prosjekt_omr_robust_infrastruktur: 0.74,
      prosjekt_omr_andre: 0.22,
    },
  },
  sky: {
    load: 0.7,
    rho: 0.65,
    ikkeRelevant: 0,
    vetIkke: 0.05,
    items: {
      sky_omr_kontorstotte: 0.53,
      sky_omr_prosjektverktoy: 0.37,
      sky_omr_okonomisystemer: 0.39,
      sky_omr_webanalyse: 0.43,
      sky_omr_webplattform: 0.59,
      sky_omr_databaser: 0.29,
      sky_omr_fillagring: 0.58,
      sky_omr_virtuelle_servere: 0.29,
      sky_omr_virtuelle_moterom: 0.58,
      sky_omr_applikasjonsservere: 0.23,
      sky_omr_utviklingsplattform: 0.16,
      sky_omr_driftsplattform: 0.20,
      sky_omr_backup: 0.23,
      sky_omr_kommunikasjon: 0.72,
      sky_omr_andre: 0.11,
    },
  },
  innkjop: {
    load: 0.7,
    firstCounted: 0.5,
    rho: 0.6,
    ikkeRelevant: 0,
    vetIkke: 0.06,
    items: {
      innkjop_planlegging: 0.58,
      innkjop_mottak_tilbud: 0.74,
      innkjop_evaluering_tildeling: 0.59,
      innkjop_ordrehandtering: 0.56,
      innkjop_ordre_strukturert: 0.44,
      innkjop_mottak_faktura: 0.934,
      innkjop_kontroll_faktura: 0.84,
      innkjop_oppfolging_avtaler: 0.62,
    },
  },
  interne: {
    load: 0.55,
    firstCounted: 0.35,
    notCounted: [0.3, 0.42, 0.28],
    rho: 0.65,
    ikkeRelevant: 0.04,
    vetIkke: 0.02,
    items: {
      funksjon_prosjektledelse_anskaffelser: 0.7,
      funksjon_prosjektledelse_digitalisering: 0.7,
      funksjon_strategiutvikling: 0.74,
      funksjon_internettlosninger: 0.313,
      funksjon_drift_servere: 0.62,
      funksjon_drift_pc: 0.777,
      funksjon_forvaltning_fagsystemer: 0.76,
      funksjon_drift_fagsystemer: 0.6,
      funksjon_it_opplaering: 0.7,
      funksjon_brukerstotte: 0.8,
      funksjon_sikkerhetsovervaking: 0.45,
      funksjon_sikkerhetstesting: 0.255,
    },
  },
};

export interface WayModel {
  /** «Ikke relevant» + «Vet ikke» together (the report: < 5 % for the simple ways, 11 % and 21 % for the complex). */
  unknown: number;
  /** Ingen / Noen / Omtrent halvparten / De fleste / Alle, given a real answer, at m = 0. */
  shares: [number, number, number, number, number];
}

export const TJENESTER = {
  load: 0.7,
  rho: 0.8,
  ways: {
    tjeneste_apen_innsyn: { unknown: 0.04, shares: [0.15, 0.66, 0.07, 0.11, 0.01] },
    tjeneste_enkel_individuell: { unknown: 0.04, shares: [0.215, 0.71, 0.04, 0.033, 0.002] },
    tjeneste_kompleks_individuell: { unknown: 0.11, shares: [0.64, 0.32, 0.025, 0.015, 0] },
    tjeneste_selvaktivert: { unknown: 0.21, shares: [0.78, 0.2, 0.012, 0.008, 0] },
  } as Record<string, WayModel>,
};

export interface GradModel {
  /** Loading on maturity: negative for obstacles that fade as a kommune matures. */
  load: number;
  /** I svært liten … I svært stor grad, given a real answer. */
  shares: [number, number, number, number, number];
  ikkeRelevant: number;
  vetIkke: number;
}

/** Questions answered on the grad scale: the obstacles [10] and political steering [3]. */
export const GRAD: Record<string, GradModel> = {
  // Report: 20,2 % liten, 41,9 % stor.
  hinder_kompetanse: { load: -0.45, shares: [0.07, 0.132, 0.379, 0.3, 0.119], ikkeRelevant: 0.005, vetIkke: 0.01 },
  politiske_foringer: { load: 0.3, shares: [0.08, 0.17, 0.35, 0.3, 0.1], ikkeRelevant: 0.03, vetIkke: 0.04 },
  hinder_politiske_foringer: { load: -0.2, shares: [0.2, 0.28, 0.32, 0.15, 0.05], ikkeRelevant: 0.03, vetIkke: 0.03 },
  hinder_ledelse: { load: -0.3, shares: [0.3, 0.3, 0.25, 0.11, 0.04], ikkeRelevant: 0.02, vetIkke: 0.02 },
  hinder_lovgivning: { load: 0.1, shares: [0.12, 0.22, 0.36, 0.22, 0.08], ikkeRelevant: 0.03, vetIkke: 0.06 },
  hinder_standarder: { load: 0.1, shares: [0.07, 0.15, 0.36, 0.3, 0.12], ikkeRelevant: 0.02, vetIkke: 0.06 },
  hinder_felleslosninger: { load: 0, shares: [0.08, 0.18, 0.38, 0.27, 0.09], ikkeRelevant: 0.02, vetIkke: 0.05 },
  hinder_integrasjon: { load: 0.1, shares: [0.04, 0.1, 0.3, 0.38, 0.18], ikkeRelevant: 0.01, vetIkke: 0.03 },
  hinder_ressurser: { load: -0.2, shares: [0.03, 0.07, 0.25, 0.4, 0.25], ikkeRelevant: 0.01, vetIkke: 0.01 },
  hinder_ikt_utgifter: { load: -0.1, shares: [0.08, 0.17, 0.38, 0.27, 0.1], ikkeRelevant: 0.02, vetIkke: 0.04 },
  hinder_avhengig_andre: { load: 0, shares: [0.05, 0.12, 0.33, 0.35, 0.15], ikkeRelevant: 0.02, vetIkke: 0.04 },
  hinder_tilgang_offentlige: { load: 0, shares: [0.12, 0.24, 0.38, 0.19, 0.07], ikkeRelevant: 0.04, vetIkke: 0.07 },
  hinder_tilgang_privat: { load: 0, shares: [0.2, 0.28, 0.35, 0.12, 0.05], ikkeRelevant: 0.07, vetIkke: 0.08 },
};

/** Strategy extras [2.2–2.4], asked of kommuner with a strategy: P(Ja) at m = 0 and loading. */
export const STRATEGI_EKSTRA: Record<string, { p: number; load: number; vetIkke: number }> = {
  strategi_oppdatert: { p: 0.72, load: 0.4, vetIkke: 0.04 },
  strategi_i_virksomhetsstrategi: { p: 0.55, load: 0.4, vetIkke: 0.08 },
  strategi_felles_digitaliseringsstrategi: { p: 0.6, load: 0.4, vetIkke: 0.1 },
};

/**
 * Tried to recruit ICT specialists: logistic(intercept + size·z + maturity·m). Report: 29,2 % in
 * all, 10,8 % under 2 000 inhabitants, 86,7 % at 50 000 and over. Difficulties: about half.
 */
export const REKRUTTERT = { intercept: -1.15, size: 1.0, maturity: 0.25, vansker: 0.45 } as const;
