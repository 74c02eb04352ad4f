// Short codebook for the published tables: what each column means, in Norwegian.
import { PUBLISHED_INDICATOR_COLUMNS } from '../lib/pipeline/kommune';
import { SIZE_CLASSES } from '../lib/rules/sizeClass';
import { KOMMUNE_DATA_COLUMNS } from '../lib/pipeline/overTime/kommuneData';

const sizeKeys = SIZE_CLASSES.map((c) => `${c.key} (${c.label})`).join(', ');

/** The published indicator table, column by column in file order. */
export const INDICATOR_CODEBOOK: Record<(typeof PUBLISHED_INDICATOR_COLUMNS)[number], string> = {
  kommunenummer: 'Kommunenummer, fire sifre som tekst (0301)',
  kommunenavn: 'Kommunens navn i SSBs kommuneregister for året',
  fylkesnummer: 'Fylkesnummer, to sifre som tekst (03)',
  fylkesnavn: 'Fylkets navn det året',
  innbyggere: 'Folketall 1. januar (SSB); tomt når det ikke er kjent',
  storrelse: `Størrelsesklasse etter folketall: ${sizeKeys}`,
  svart: '1 = svarte på undersøkelsen, 0 = svarte ikke (alle andre celler tomme)',
  strategi_antall: 'Antall områder IKT-/digitaliseringsstrategien omtaler (0 uten strategi)',
  strategi_score: 'Poeng 0–4 for strategi',
  prosjekt_antall: 'Antall områder IKT-prosjektene skal påvirke (0 uten prosjekter)',
  prosjekt_score: 'Poeng 0–4 for IKT-prosjekter',
  prioritering: 'Grad 0–4 i digital prioritering',
  sky_antall: 'Antall områder tilrettelagt for skytjenester',
  sky_score: 'Poeng 0–4 for skytjenester',
  innkjop_antall: 'Antall innkjøpsaktiviteter som gjøres digitalt (helt eller delvis)',
  innkjop_score: 'Poeng 0–4 for digitale innkjøp',
  tjenester_poeng: 'Poeng for digitalt tjenestetilbud, 0–14',
  tjenester_score: 'Poeng 0–4 for tjenestetilbud',
  bruk: 'Grad 0–4 i bruk av digitale tjenester (skytjenester og innkjøp)',
  aktivitet: 'Grad 0–4 i digital aktivitet',
  interne_antall: 'Antall IKT-funksjoner som løses mest internt',
  interne_score: 'Poeng 0–4 for interne IKT-funksjoner',
  kompetansehinder: 'Manglende kompetanse som hinder: liten, middels eller stor',
  rekruttert: '1 = har prøvd å rekruttere IKT-spesialister siste 12 måneder, 0 = nei',
  kompetanse: 'Kategori A–D for digital kompetanse',
  rekrutteringsvansker: '1 = rekrutteringen tok over 3 måneder eller ga annen kompetanse enn ønsket, 0 = nei; tomt når kommunen ikke prøvde å rekruttere',
};

export const DISTRIBUTION_CODEBOOK: Record<string, string> = {
  indicator: 'Indikatoren (kolonnenavn i indikatortabellen)',
  group: 'Gruppetype: nasjon, fylke eller storrelse',
  groupKey: 'Gruppe: norge, fylkesnummer eller størrelsesklasse',
  groupLabel: 'Gruppens navn',
  value: 'Verdi (0–4, A–D, liten/middels/stor) eller ukjent (svarte ikke, eller svarte men mangler svar)',
  count: 'Antall kommuner med verdien',
  denominator: 'Antall kommuner i gruppen med kjent verdi',
  share: 'Andel = count / denominator; tom for ukjent og for grupper med færre enn 3 kjente svar',
  units: 'Alle kommuner i gruppen i registeret',
};

export const ITEM_CODEBOOK: Record<string, string> = {
  block: 'Spørsmålsblokk (strategi, prosjekter, sky, innkjop, tjenester, interne …)',
  item: 'Kolonnenavn for spørsmålet',
  label: 'Spørsmålsteksten',
  among: 'Hvem andelen regnes blant',
  answer: 'Svaralternativ',
  count: 'Antall med dette svaret',
  denominator: 'Antall i gruppen andelen regnes blant',
  share: 'Andel = count / denominator',
};

export const RESPONSE_RATE_CODEBOOK: Record<string, string> = {
  group: 'Gruppetype: nasjon, fylke eller storrelse',
  groupKey: 'Gruppe: norge, fylkesnummer eller størrelsesklasse',
  groupLabel: 'Gruppens navn',
  units: 'Alle kommuner i gruppen i registeret',
  respondents: 'Antall kommuner i gruppen som svarte på undersøkelsen',
  share: 'Svarandel = respondents / units',
};

/** Each kommune's own file (`/data/kommune/<nr>.csv`): every year, as today's kommune. */
export const KOMMUNE_DATA_CODEBOOK: Record<(typeof KOMMUNE_DATA_COLUMNS)[number], string> = Object.fromEntries(
  KOMMUNE_DATA_COLUMNS.map((c) => [c, ({
    year: 'Undersøkelsesåret',
    kommunenummer: 'Dagens kommunenummer (filens kommune)',
    kommunenavn: 'Dagens kommunenavn',
    kommunenummer_opprinnelig: 'Kommunenummeret tallene gjelder, slik det var det året',
    kommunenavn_opprinnelig: 'Kommunenavnet det året',
    endring: 'Fra det året til i dag: uendret, nytt_nummer, delt, sammenslått eller ukjent',
    sammenlignbar: '1 = samme område som dagens kommune, så årene kan sammenlignes direkte; 0 = annet område',
    fylkesnavn: 'Fylkets navn det året',
    skjema: 'Spørreskjemaet som ble brukt det året',
    demodata: '1 = syntetiske demodata, ikke SSBs tall; 0 = SSBs data',
    versjon: 'Versjonen av tallene for det året: 1 ved første publisering, 2, 3 … etter hver rettelse (se endringsloggen)',
    publisert: 'Datoen denne versjonen av tallene for det året ble publisert (ÅÅÅÅ-MM-DD)',
  } as Record<string, string>)[c] ?? (INDICATOR_CODEBOOK as Record<string, string>)[c] ?? '']),
) as Record<(typeof KOMMUNE_DATA_COLUMNS)[number], string>;
