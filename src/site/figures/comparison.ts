// A kommune's indicator beside the nation, its fylke and its size class (the kommune page's
// «Sammenlignet med landet, fylket og kommuner av samme størrelse»), with denominators.
import type { DistributionRow, KommuneIndicators } from '../../lib/types';
import { distribution, survey } from '../data';
import { formatShare } from '../../lib/format/number';
import { sourceLine } from '../source';
import { indicatorLabels } from '../indicatorLabels';
import { gradeColours, KOMPETANSE_COLOURS } from './common';
import { renderComparison } from '../../draw/charts/comparison';
import { sizeClassPhrase } from '../../lib/rules/sizeClass';
import { kommuneSlug } from '../../lib/format/slug';
import type { FigureFile } from './types';

export type ComparisonIndicator = 'prioritering' | 'aktivitet' | 'kompetanse';

export interface ComparisonGroupRows { kind: 'nasjon' | 'fylke' | 'storrelse'; key: string; label: string; rows: DistributionRow[] }

export interface ComparisonFigure extends FigureFile {
  groups: ComparisonGroupRows[];
  labels: Record<string, string>;
  values: string[];
  ownValue: string | null;
  /** «Oslo har grad 4. Det samme har …», or null when the kommune's value is unknown. */
  sentence: string | null;
  /** The caption on the kommune page, where the kommune is named by the page itself. */
  pageTitle: string;
  /** A share cell: «41 av 98 kommuner (41,8 %)», or «..». */
  cell(g: ComparisonGroupRows, value: string): string;
}

const listAnd = (parts: string[]) => (parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} og ${parts[parts.length - 1]}`);

export function comparisonFigure(year: number, k: KommuneIndicators, indicator: ComparisonIndicator): ComparisonFigure {
  const s = survey(year);
  const isKompetanse = indicator === 'kompetanse';
  const { title, labels } = indicatorLabels(s, indicator);
  const sizePhrase = k.storrelse ? sizeClassPhrase(k.storrelse) : '';
  const groups: ComparisonGroupRows[] = [
    { kind: 'nasjon' as const, key: 'norge' },
    { kind: 'fylke' as const, key: k.fylkesnummer },
    ...(k.storrelse ? [{ kind: 'storrelse' as const, key: k.storrelse }] : []),
  ].map((g) => {
    const rows = distribution(year, indicator, g.kind, g.key);
    const label = g.kind === 'nasjon' ? 'Hele landet' : g.kind === 'fylke' ? rows[0]?.groupLabel ?? k.fylkesnavn : sizePhrase[0].toUpperCase() + sizePhrase.slice(1);
    return { ...g, label, rows };
  }).filter((g) => g.rows.length > 0);
  const own = k[indicator];
  const ownValue = own === null ? null : String(own);
  const values = Object.keys(labels);
  const cell = (g: ComparisonGroupRows, v: string) => {
    const r = g.rows.find((x) => x.value === v);
    return r ? formatShare(r.count, r.denominator) : '..';
  };
  const sentence = ownValue === null
    ? null
    : `${k.kommunenavn} har ${isKompetanse ? `kategori ${ownValue}` : `grad ${ownValue}`}. Det samme har ${listAnd(groups.map((g) => {
      const r = g.rows.find((x) => x.value === ownValue);
      const other = g.kind === 'nasjon' ? 'kommuner i hele landet' : g.kind === 'fylke' ? `kommuner i ${g.label}` : sizePhrase;
      const noun = { one: other.replace(/^kommuner\b/, 'kommune'), other };
      return r ? formatShare(r.count, r.denominator, noun) : `.. ${other}`;
    }))}. Andelene gjelder kommunene med kjent ${isKompetanse ? 'kategori' : 'grad'}.`;
  const colours = gradeColours();
  const colourOf = (v: string) => (isKompetanse ? KOMPETANSE_COLOURS[v as 'A'] : colours[Number(v)]);
  const chartTitle = `${title}: fordeling i landet, fylket og størrelsesklassen, ${year}`;
  const ownText = ownValue === null ? 'ukjent' : `${isKompetanse ? 'kategori' : 'grad'} ${ownValue}, markert med ramme`;
  return {
    name: `${year}/kommune/${kommuneSlug(k.kommunenummer, k.kommunenavn)}/sammenligning-${indicator}`,
    title: `${k.kommunenavn} (${ownText}): ${title.toLowerCase()} i landet, fylket og størrelsesklassen, ${year}`,
    source: sourceLine(year),
    pageTitle: chartTitle,
    groups,
    labels,
    values,
    ownValue,
    sentence,
    cell,
    draw: (size) => renderComparison({
      title: chartTitle,
      description: sentence ?? `${k.kommunenavn}: ukjent.`,
      idPrefix: `cmp-${indicator}`,
      groups: groups.map((g) => ({ label: g.label, rows: g.rows })),
      values,
      colourOf,
      own: ownValue,
      ...size,
    }),
    legend: () => values.map((v) => ({ fill: colourOf(v), text: `${isKompetanse ? v : `Grad ${v}`}: ${labels[v]}` })),
    table: () => ({
      header: ['aar', 'kommunenummer', 'kommunenavn', 'gruppe', isKompetanse ? 'kategori' : 'grad', 'beskrivelse', 'antall_kommuner', 'kjent', 'andel_av_kjent', 'kommunens_egen'],
      rows: groups.flatMap((g) => [...values, 'ukjent'].map((v) => {
        const r = g.rows.find((x) => x.value === v);
        return [year, k.kommunenummer, k.kommunenavn, g.label, v, v === 'ukjent' ? 'Ukjent (svarte ikke eller mangler svar)' : labels[v], r?.count ?? null, r?.denominator ?? null, r?.share ?? null, v === ownValue ? 'ja' : null];
      })),
    }),
  };
}
