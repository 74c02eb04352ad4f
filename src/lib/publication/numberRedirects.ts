// `/kommune/<nr>/` (the number alone) leads to the kommune's page: a reader who knows only the
// number, or a link built from it, always arrives. Paths are site-relative without the base, like
// the pipeline's redirects.json; the site and `_redirects` add the base.
import { kommuneSlug } from '../format/slug';

export interface NumberRedirect {
  from: string; // '/kommune/0301/' or '/2021/kommune/0301/'
  to: string; // '/kommune/0301-oslo/'
  kommunenavn: string;
}

export interface NumberRedirectInput {
  latest: number;
  years: { year: number; kommuner: { kommunenummer: string; kommunenavn: string }[] }[];
  /** Old-number redirects of the pipeline (`/kommune/3025-asker/` → `/kommune/3203-asker/`). */
  moved: { kommunenummer_fra: string; to: string; kommunenavn_til: string }[];
}

export function numberRedirects(input: NumberRedirectInput): NumberRedirect[] {
  const out = new Map<string, NumberRedirect>();
  for (const { year, kommuner } of input.years) {
    for (const k of kommuner) {
      const slug = kommuneSlug(k.kommunenummer, k.kommunenavn);
      out.set(`/${year}/kommune/${k.kommunenummer}/`, { from: `/${year}/kommune/${k.kommunenummer}/`, to: `/${year}/kommune/${slug}/`, kommunenavn: k.kommunenavn });
      if (year === input.latest) {
        out.set(`/kommune/${k.kommunenummer}/`, { from: `/kommune/${k.kommunenummer}/`, to: `/kommune/${slug}/`, kommunenavn: k.kommunenavn });
      }
    }
  }
  // An old number that is no longer in use leads where its old page leads, also under the latest
  // year, whose pages are the same as the unprefixed ones (`/2024/kommune/1141/`, Finnøy, merged
  // into Stavanger in 2020). Earlier years keep only their own numbers: a page per old number and
  // year would add hundreds of files for addresses nobody was given.
  for (const m of input.moved) {
    for (const from of [`/kommune/${m.kommunenummer_fra}/`, `/${input.latest}/kommune/${m.kommunenummer_fra}/`]) {
      if (!out.has(from)) out.set(from, { from, to: m.to, kommunenavn: m.kommunenavn_til });
    }
  }
  return [...out.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}
