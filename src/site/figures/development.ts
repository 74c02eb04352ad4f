// The figures of /utvikling/: the distribution per grade and year, the strategy areas per year and
// the change maps between the last two years. The files carry the publication's latest year.
import { renderGroupedBars } from '../../draw/charts/groupedBars';
import { renderChangeMap, type ChangeKey } from '../../draw/map/changeMap';
import { formatCountNoun, formatNumber, formatPercent } from '../../lib/format/number';
import { CHANGE_CLASSES, CHANGE_LABELS, REASON_LABELS, type ChangeRow, type ChangeTheme, type YearDistributionRow } from '../../lib/pipeline/overTime';
import { latestYear, mapGeometry, survey } from '../data';
import { changeRows, overTimeSummary, strategyAreasOverTime, yearDistribution } from '../overTimeData';
import { sourceLineYears } from '../source';
import { indicatorLabels } from '../indicatorLabels';
import { kommunePath } from '../urls';
import type { FigureFile } from './types';

export type DevelopmentIndicator = 'prioritering' | 'aktivitet' | 'kompetanse';

function surveyYears(): number[] {
  return overTimeSummary()?.years ?? [latestYear()];
}

/** «41,8 % (137)»; a group too small for shares gives its count only. */
export const distributionCell = (r: YearDistributionRow | undefined) =>
  !r ? '..' : r.share === null ? formatNumber(r.count) : `${formatPercent(r.share)} (${formatNumber(r.count)})`;

export function yearDistributionFigure(indicator: DevelopmentIndicator): FigureFile {
  const years = surveyYears();
  const { title, labels } = indicatorLabels(survey(latestYear()), indicator);
  const rows = yearDistribution().filter((r) => r.indicator === indicator);
  const unit = indicator === 'kompetanse' ? 'kategori' : 'grad';
  const prefix = indicator === 'kompetanse' ? 'Kategori' : 'Grad';
  return {
    name: `${latestYear()}/utvikling/fordeling-${indicator}`,
    title: `${title}: andel kommuner per ${unit}, ${years.join(' og ')}`,
    source: sourceLineYears(years),
    draw: (size) => {
      const values: Record<string, Record<number, { share: number | null; text: string }>> = {};
      for (const r of rows) {
        if (r.value === 'ukjent') continue;
        (values[r.value] ??= {})[r.year] = { share: r.share, text: distributionCell(r) };
      }
      return renderGroupedBars({
        title: `${title}: andel kommuner per ${unit}, ${years.join(' og ')}`,
        description: `Grupperte stolper: for hver ${unit} én stolpe per år med andelen av kommunene med kjent verdi. Tallene står i tabellen under figuren.`,
        idPrefix: `utv-fordeling-${indicator}`,
        years,
        groups: Object.keys(labels).map((v) => ({ key: v, label: `${prefix} ${v}: ${labels[v]}` })),
        values,
        ...size,
      });
    },
    table: () => ({
      header: ['aar', unit === 'grad' ? 'grad' : 'kategori', 'beskrivelse', 'antall_kommuner', 'andel_av_kjent', 'kjent', 'i_alt'],
      rows: rows.map((r) => [r.year, r.value, r.value === 'ukjent' ? 'Ukjent (svarte ikke eller mangler svar)' : labels[r.value] ?? r.value, r.count, r.share, r.denominator, r.units]),
    }),
  };
}

/** Null when the years share no strategy area (nothing to compare). */
export function strategyFigure(): FigureFile | null {
  const strategy = strategyAreasOverTime();
  const common = strategy?.areas.filter((a) => a.inAllYears) ?? [];
  if (!strategy || common.length === 0 || strategy.years.length === 0) return null;
  const years = strategy.years;
  return {
    name: `${latestYear()}/utvikling/strategiomrader`,
    title: `Strategiområder: andel kommuner med strategi som omtaler området, ${years.join(' og ')}`,
    source: sourceLineYears(surveyYears()),
    draw: (size) => renderGroupedBars({
      title: `Andel kommuner med strategi som omtaler hvert område, ${years.join(' og ')}`,
      description: 'Grupperte stolper: for hvert strategiområde én stolpe per år med andelen av kommunene som har en IKT-/digitaliseringsstrategi og svarte «Ja». Tallene står i tabellen under figuren.',
      idPrefix: 'utv-strategi',
      years,
      groups: common.map((a) => ({ key: a.item, label: a.label })),
      values: Object.fromEntries(common.map((a) => [a.item, Object.fromEntries(a.years.map((v) => [v.year, {
        share: v.share, text: v.share === null ? `${v.count} av ${v.denominator}` : formatPercent(v.share),
      }]))])),
      ...size,
    }),
    table: () => ({
      header: ['omrade', 'kolonne', 'spurt_alle_aar', 'aar', 'antall', 'kommuner_med_strategi', 'andel'],
      rows: strategy.areas.flatMap((a) => a.years.map((v) => [a.label, a.item, a.inAllYears ? 'ja' : 'nei', v.year, v.count, v.denominator, v.share])),
    }),
  };
}

const grade = (g: number | null) => (g === null ? 'ukjent' : `grad ${g}`);

export function changeDescription(r: ChangeRow, theme: ChangeTheme, fromYear: number, toYear: number): string {
  const c = r[theme];
  if (c.change === 'ikke_sammenlignbar') return `${CHANGE_LABELS[c.change].toLowerCase()} – ${REASON_LABELS[c.reason ?? 'mangler_kobling']}`;
  return `${CHANGE_LABELS[c.change].toLowerCase()}, fra ${grade(c.from)} i ${fromYear} til ${grade(c.to)} i ${toYear}`;
}

export function changeMapFigure(theme: ChangeTheme, fromYear: number, toYear: number): FigureFile & { rows: ChangeRow[]; countOf: (change: ChangeKey) => number } {
  const title = survey(latestYear()).grades[theme].title;
  const rows = changeRows();
  // The counts are the over-time artefact's (changeCounts), not recounted here.
  const countOf = (c: ChangeKey) => overTimeSummary()?.changeCounts.find((x) => x.theme === theme && x.change === c)?.count ?? 0;
  const draw = (legend: boolean) => {
    const geometry = mapGeometry(latestYear());
    if (!geometry) return null;
    const byNr = new Map(rows.map((r) => [r.kommunenummer, r]));
    return renderChangeMap({
      geometry,
      changes: Object.fromEntries(rows.map((r) => [r.kommunenummer, r[theme].change])),
      names: Object.fromEntries(rows.map((r) => [r.kommunenummer, `${r.kommunenavn}: ${changeDescription(r, theme, fromYear, toYear)}`])),
      hrefFor: (nr) => { const r = byNr.get(nr); return r ? kommunePath({ kommunenummer: r.kommunenummer, kommunenavn: r.kommunenavn }) : '#'; },
      title: `${title}: endring fra ${fromYear} til ${toYear}`,
      description: 'Kart over dagens kommuner: grønn uten mønster = opp, lys grå = samme grad, lilla med vannrette linjer = annen type (mellom grad 2 og 3), oransje med striper = ned, hvit med prikker = ikke sammenlignbar. Hver kommune er en lenke til kommunens side.',
      idPrefix: `endring-${theme}`,
      register: rows.map((r) => r.kommunenummer),
      legend: legend ? CHANGE_CLASSES.map((k) => ({ key: k as ChangeKey, text: `${CHANGE_LABELS[k]}: ${formatCountNoun(countOf(k))}` })) : undefined,
    });
  };
  return {
    rows,
    countOf,
    name: `${latestYear()}/utvikling/endring-${theme}`,
    title: `${title}: endring fra ${fromYear} til ${toYear}, per kommune`,
    source: `${sourceLineYears([fromYear, toYear])} Kartgrunnlag: Kartverket (CC BY 4.0).`.replace('.. ', '. '),
    draw: () => draw(false),
    standalone: () => draw(true),
    table: () => ({
      header: ['kommunenummer', 'kommunenavn', `grad_${fromYear}`, `grad_${toYear}`, 'endring', 'grunn'],
      rows: rows.map((r) => [r.kommunenummer, r.kommunenavn, r[theme].from, r[theme].to, CHANGE_LABELS[r[theme].change], r[theme].change === 'ikke_sammenlignbar' ? REASON_LABELS[r[theme].reason ?? 'mangler_kobling'] : null]),
    }),
  };
}
