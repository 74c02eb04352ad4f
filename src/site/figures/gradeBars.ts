// The distribution of one indicator in one group (nation, fylke): grades 0–4 or kompetanse A–D
// with «Ukjent», as counts (the shape of SSB's Tabell 3.1 and 5.2).
import type { DistributionRow, GroupKind } from '../../lib/types';
import type { CategoryBar } from '../../draw/charts/categoryBars';
import { distribution, kommuner, survey } from '../data';
import { groupUnknownLabel, unknownSplit, unknownSplitText } from '../../lib/format/unknown';
import { gradeColours, KOMPETANSE_COLOURS, UNKNOWN_FILL } from './common';
import { renderGradeBars } from '../../draw/charts/gradeBars';
import { renderCategoryBars } from '../../draw/charts/categoryBars';
import { sourceLine } from '../source';
import { indicatorLabels } from '../indicatorLabels';
import { fylkeSlug } from '../../lib/format/slug';
import type { FigureFile } from './types';

export type DistributionIndicator = 'prioritering' | 'aktivitet' | 'kompetanse';

export interface GradeBarsFigure extends FigureFile {
  rows: DistributionRow[];
  labels: Record<string, string>;
  unknownLabel: string;
  unknownNote: string;
}

export function gradeBarsFigure(year: number, indicator: DistributionIndicator, group: GroupKind = 'nasjon', groupKey = 'norge', idPrefix = `soyle-${indicator}`): GradeBarsFigure {
  const s = survey(year);
  const isKompetanse = indicator === 'kompetanse';
  const { title, labels } = indicatorLabels(s, indicator);
  const rows = distribution(year, indicator, group, groupKey);
  const members = kommuner(year).filter((k) => group === 'nasjon' || (group === 'fylke' ? k.fylkesnummer === groupKey : k.storrelse === groupKey));
  const split = unknownSplit(members, indicator);
  const unknownLabel = groupUnknownLabel(split);
  const unknownNote = unknownSplitText(split, indicator);
  const where = rows[0]?.groupLabel ?? 'Hele landet';
  const figTitle = `${title}: antall kommuner per ${isKompetanse ? 'kategori' : 'grad'}, ${where.toLowerCase() === 'hele landet' ? 'hele landet' : where}, ${year}`;
  const colours = gradeColours();
  const bars = (highlight: string | null): CategoryBar[] => rows.map((r) => ({
    label: r.value === 'ukjent' ? unknownLabel : labels[r.value] ?? r.value,
    short: r.value === 'ukjent' ? 'Ukjent' : isKompetanse ? r.value : `Grad ${r.value}`,
    count: r.count,
    share: r.share,
    colour: r.value === 'ukjent' ? UNKNOWN_FILL : isKompetanse ? KOMPETANSE_COLOURS[r.value as 'A'] : colours[Number(r.value)] ?? UNKNOWN_FILL,
    highlight: highlight === r.value,
  }));
  const place = group === 'nasjon' ? '' : group === 'fylke' ? `fylke/${fylkeSlug(groupKey, members[0]?.fylkesnavn ?? where)}/` : `storrelse/${groupKey}/`;
  return {
    name: `${year}/${place}fordeling-${indicator}`,
    title: figTitle,
    source: sourceLine(year),
    rows,
    labels,
    unknownLabel,
    unknownNote,
    draw: (size) => rows.length === 0 ? null : isKompetanse
      ? renderCategoryBars({ bars: bars(null), title: figTitle, idPrefix, ...size })
      : renderGradeBars({ rows, labels: s.grades[indicator as 'prioritering'].labels, title: figTitle, description: '', idPrefix, unknownLabel, ...size }),
    legend: isKompetanse ? () => Object.keys(labels).map((v) => ({ fill: KOMPETANSE_COLOURS[v as 'A'], text: `${v}: ${labels[v]}` })) : undefined,
    table: () => ({
      header: ['aar', 'gruppe', isKompetanse ? 'kategori' : 'grad', 'beskrivelse', 'antall_kommuner', 'andel_av_kjent', 'kjent', 'i_alt'],
      rows: rows.map((r) => [year, where, r.value, r.value === 'ukjent' ? unknownLabel : labels[r.value] ?? r.value, r.count, r.share, r.denominator, r.units]),
    }),
  };
}
