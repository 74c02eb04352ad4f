// Small hand-made years and correspondence modelled on the real 2020→2024 changes (numbers and
// names only; the grades are invented and chosen so every change class occurs).
import type { CorrespondenceRow, Grade, KommuneIndicators, KompetanseCategory } from '../../src/lib/types';
import type { StructureLink } from '../../src/lib/pipeline/overTime';

interface Spec {
  nr: string;
  navn: string;
  prio?: Grade | null;
  akt?: Grade | null;
  komp?: KompetanseCategory | null;
  svart?: 0 | 1;
  innbyggere?: number | null;
}

export function k(s: Spec): KommuneIndicators {
  const svart = s.svart ?? 1;
  const blank = svart === 0;
  return {
    kommunenummer: s.nr, svart,
    strategi_antall: blank ? null : 7, strategi_score: blank ? null : 2,
    prosjekt_antall: blank ? null : 5, prosjekt_score: blank ? null : 2,
    prioritering: blank ? null : (s.prio ?? null),
    sky_antall: blank ? null : 4, sky_score: blank ? null : 2,
    innkjop_antall: blank ? null : 4, innkjop_score: blank ? null : 2,
    tjenester_poeng: blank ? null : 3, tjenester_score: blank ? null : 2,
    bruk: blank ? null : 1,
    aktivitet: blank ? null : (s.akt ?? null),
    interne_antall: blank ? null : 6, interne_score: blank ? null : 2,
    kompetansehinder: blank ? null : 'liten', rekruttert: blank ? null : 0,
    kompetanse: blank ? null : (s.komp ?? 'C'),
    kommunenavn: s.navn, fylkesnummer: s.nr.slice(0, 2), fylkesnavn: 'Fylke ' + s.nr.slice(0, 2),
    innbyggere: s.innbyggere ?? 1000, storrelse: null, rekrutteringsvansker: null,
  };
}

export function row(a: string, an: string, b: string, bn: string, endring: CorrespondenceRow['endring']): CorrespondenceRow {
  return { kommunenummer_2020: a, kommunenavn_2020: an, kommunenummer_2024: b, kommunenavn_2024: bn, endring };
}

export const year2021 = {
  year: 2021,
  structure: '2020',
  indicators: [
    k({ nr: '0301', navn: 'Oslo', prio: 2, akt: 3, komp: 'A' }),
    k({ nr: '1507', navn: 'Ålesund', prio: 3, akt: 2, komp: 'B' }),
    k({ nr: '1833', navn: 'Rana', prio: 4, akt: 4 }),
    k({ nr: '3018', navn: 'Våler (Viken)', prio: 0, akt: 2 }),
    k({ nr: '3025', navn: 'Asker', prio: 1, akt: 1, komp: 'D' }),
    k({ nr: '5001', navn: 'Trondheim', svart: 0 }),
  ],
};

export const year2024 = {
  year: 2024,
  structure: '2024',
  indicators: [
    k({ nr: '0301', navn: 'Oslo', prio: 3, akt: 3, komp: 'A' }),
    k({ nr: '1508', navn: 'Ålesund', prio: 4, akt: 4, innbyggere: 58509 }),
    k({ nr: '1580', navn: 'Haram', prio: 1, akt: 1, innbyggere: 9357 }),
    k({ nr: '1833', navn: 'Rana - Raane', prio: 2, akt: 4 }),
    k({ nr: '3114', navn: 'Våler (Østfold)', prio: 0, akt: null }),
    k({ nr: '3203', navn: 'Asker', prio: 4, akt: 0, komp: 'A' }),
    k({ nr: '5001', navn: 'Trondheim - Tråante', prio: 4, akt: 4 }),
  ],
};

export const link2020to2024: StructureLink = {
  from: '2020',
  to: '2024',
  rows: [
    row('0301', 'Oslo', '0301', 'Oslo', 'uendret'),
    row('1507', 'Ålesund', '1508', 'Ålesund', 'delt'),
    row('1507', 'Ålesund', '1580', 'Haram', 'delt'),
    row('1833', 'Rana', '1833', 'Rana - Raane', 'uendret'),
    row('3018', 'Våler (Viken)', '3114', 'Våler (Østfold)', 'nytt_nummer'),
    row('3025', 'Asker', '3203', 'Asker', 'nytt_nummer'),
    row('5001', 'Trondheim', '5001', 'Trondheim - Tråante', 'uendret'),
  ],
};
