// Short codebook for the published tables: what each column means, in Norwegian.
import { INDICATOR_COLUMNS } from '../lib/types';

export const INDICATOR_CODEBOOK: Record<(typeof INDICATOR_COLUMNS)[number], string> = {
  kommunenummer: 'Kommunenummer, fire sifre som tekst (0301)',
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
