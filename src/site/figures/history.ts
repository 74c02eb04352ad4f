// One kommune's grades in every survey year (the kommune page's «Utvikling over tid»), followed
// through renumbering, splits and merges. Its file belongs to the latest publication: each new
// year adds a point, so the name carries the year it was drawn for.
import type { KommuneHistory } from '../../lib/pipeline/overTime';
import { renderKommuneGrades } from '../../draw/charts/kommuneGrades';
import { latestYear } from '../data';
import { sourceLineYears } from '../source';
import { kommuneSlug } from '../../lib/format/slug';
import type { FigureFile } from './types';

/** Years whose figures are for several merged kommuner: no single point, the table names each. */
export function mergedYears(h: KommuneHistory): number[] {
  return [...new Set(h.entries.map((e) => e.year))].filter((y) => h.entries.filter((e) => e.year === y).length > 1);
}

export function mergedNote(h: KommuneHistory): string | null {
  const years = mergedYears(h);
  if (years.length === 0) return null;
  const counts = years.map((y) => h.entries.filter((e) => e.year === y).length);
  return `${years.join(' og ')} vises ikke som punkt i grafen: området var da ${counts.map(String).join(' og ')} kommuner med hver sin grad (se tabellen).`;
}

const answer = (v: number | string | null, svart: 0 | 1) => (svart === 0 ? 'svarte ikke' : v === null ? 'mangler svar' : v);

export function historyFigure(h: KommuneHistory): FigureFile {
  const years = [...new Set(h.entries.map((e) => e.year))];
  const merged = mergedYears(h);
  const note = mergedNote(h);
  return {
    name: `${latestYear()}/kommune/${kommuneSlug(h.kommunenummer, h.kommunenavn)}/utvikling`,
    title: `${h.kommunenavn}: digital prioritering og aktivitet per år (grad 0–4)`,
    source: sourceLineYears(years),
    draw: (size) => renderKommuneGrades({
      title: `${h.kommunenavn}: grad per år`,
      description: h.sentences.filter((s) => s.theme !== 'kompetanse').map((s) => s.text).join('. ') +
        (h.hasIncomparable ? '. Hul sirkel og stiplet linje: tallet gjelder et annet område og er ikke direkte sammenlignbart.' : '.') +
        (note ? ` ${note}` : ''),
      idPrefix: `utvikling-graf-${h.kommunenummer}`,
      years,
      series: (['prioritering', 'aktivitet'] as const).map((theme) => ({
        label: theme === 'prioritering' ? 'Digital prioritering' : 'Digital aktivitet',
        points: [
          ...h.entries
            .filter((e) => !merged.includes(e.year))
            .map((e) => ({ year: e.year, grade: e.svart === 1 ? e[theme] : null, comparable: e.comparable })),
          // A merged year has no single point: a mark under the year, and the reason under the panels.
          ...merged.map((year) => ({ year, grade: null, comparable: false, mark: '*' })),
        ],
      })),
      footnote: note ? `* ${note}` : undefined,
      ...size,
    }),
    table: () => ({
      header: ['aar', 'kommunenummer', 'kommunenavn', 'prioritering', 'aktivitet', 'kompetanse', 'sammenlignbar'],
      rows: h.entries.map((e) => [e.year, e.kommunenummer, e.kommunenavn, answer(e.prioritering, e.svart), answer(e.aktivitet, e.svart), answer(e.kompetanse, e.svart), e.comparable ? 'ja' : 'nei']),
    }),
  };
}
