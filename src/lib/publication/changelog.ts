// The record of publications and corrections, newest first: /endringslogg/ and /feed.xml show the
// same entries.
import type { YearPublication } from './versions';

export interface ChangelogEntry {
  /** Stable anchor and Atom id part: 'publisert-2024' or 'rettet-2024-v2'. */
  id: string;
  kind: 'publisert' | 'rettet';
  date: string;
  year: number;
  version: number;
  title: string;
  /** Plain-text paragraphs. */
  text: string[];
}

const plural = (n: number) => (n === 1 ? '1 kommune' : `${n} kommuner`);

export function changelog(years: { year: number; publication: YearPublication; surveyName: string; synthetic: boolean }[]): ChangelogEntry[] {
  const out: ChangelogEntry[] = [];
  for (const { year, publication: p, surveyName, synthetic } of years) {
    out.push({
      id: `publisert-${year}`,
      kind: 'publisert',
      date: p.published,
      year,
      version: 1,
      title: `Tallene for ${year} er publisert`,
      text: [`Indikatorene for ${year}, beregnet fra ${synthetic ? 'syntetiske demodata etter skjemaet til ' : ''}SSBs «${surveyName}» ${year}. Versjon 1.`],
    });
    for (const c of p.corrections) {
      const changed = p.changes.find((x) => x.version === c.version)?.kommuner ?? [];
      out.push({
        id: `rettet-${year}-v${c.version}`,
        kind: 'rettet',
        date: c.date,
        year,
        version: c.version,
        title: `Tallene for ${year} er rettet (versjon ${c.version})`,
        text: [
          `Hva: ${c.what}`,
          `Hvorfor: ${c.why}`,
          changed.length === 0 ? 'Ingen kommunes tall ble endret.' : `Tallene endret seg for ${plural(changed.length)}: ${changed.join(', ')}.`,
        ],
      });
    }
  }
  return out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.year - a.year || b.version - a.version));
}
