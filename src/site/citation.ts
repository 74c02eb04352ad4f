// «Slik siterer du» (issue 9 §2): publisher, title, year, version, the year-fixed address and the
// date that version was published. Pure but for reading the artefacts.
import { identity, publication } from './data';
import { norwegianDate } from '../lib/format/date';
import { absoluteUrl } from './paths';

export interface CitationParts {
  publisher: string;
  title: string;
  site: string;
  year: number;
  version: number;
  versionDate: string;
  url: string;
}

export function citationParts(title: string, year: number, fixedPath: string, origin: string): CitationParts {
  const who = identity();
  const p = publication(year);
  return { publisher: who.publisher, title, site: who.title, year, version: p.version, versionDate: p.versionDate, url: absoluteUrl(origin, fixedPath) };
}

/** One line, as a reader pastes it into a reference list. */
export function citationText(c: CitationParts): string {
  return `${c.publisher} (${c.versionDate.slice(0, 4)}). ${c.title}. ${c.site}, tall for ${c.year}, versjon ${c.version}, publisert ${norwegianDate(c.versionDate)}. ${c.url}`;
}
