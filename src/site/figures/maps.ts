// The grade maps as figure files: the national choropleth and each fylke's map, with the legend
// inside and one row per kommune in the CSV.
import { kommuner, survey } from '../data';
import { choroplethSvg, fylkeMapSvg, type MapIndicator } from './common';
import { sourceLine } from '../source';
import { unknownReason } from '../../lib/format/unknown';
import { fylkeSlug } from '../../lib/format/slug';
import type { FigureFile, FlatTable } from './types';

function gradeTable(year: number, indicator: MapIndicator, fylkesnummer?: string): FlatTable {
  const labels = survey(year).grades[indicator].labels;
  return {
    header: ['aar', 'kommunenummer', 'kommunenavn', 'fylkesnummer', 'fylkesnavn', indicator, 'beskrivelse', 'merknad'],
    rows: kommuner(year)
      .filter((k) => !fylkesnummer || k.fylkesnummer === fylkesnummer)
      .map((k) => [year, k.kommunenummer, k.kommunenavn, k.fylkesnummer, k.fylkesnavn, k[indicator], k[indicator] === null ? null : labels[k[indicator]!], k[indicator] === null ? `Ukjent: ${unknownReason(k, indicator)}` : null]),
  };
}

export function gradeMapFigure(year: number, indicator: MapIndicator): FigureFile {
  const def = survey(year).grades[indicator];
  const id = `kart-${indicator}`;
  return {
    name: `${year}/kart-${indicator}`,
    title: `${def.title} per kommune, ${year}`,
    source: sourceLine(year, { map: true }),
    draw: () => choroplethSvg(year, indicator, id),
    standalone: () => choroplethSvg(year, indicator, id, true, true),
    table: () => gradeTable(year, indicator),
  };
}

export function fylkeMapFigure(year: number, fylkesnummer: string, indicator: MapIndicator): FigureFile {
  const def = survey(year).grades[indicator];
  const fylkesnavn = kommuner(year).find((k) => k.fylkesnummer === fylkesnummer)?.fylkesnavn ?? fylkesnummer;
  const id = `fylkekart-${indicator}`;
  return {
    name: `${year}/fylke/${fylkeSlug(fylkesnummer, fylkesnavn)}/kart-${indicator}`,
    title: `${def.title} i kommunene i ${fylkesnavn}, ${year}`,
    source: sourceLine(year, { map: true }),
    draw: () => fylkeMapSvg(year, fylkesnummer, indicator, id),
    standalone: () => fylkeMapSvg(year, fylkesnummer, indicator, id, true, true),
    table: () => gradeTable(year, indicator, fylkesnummer),
  };
}
