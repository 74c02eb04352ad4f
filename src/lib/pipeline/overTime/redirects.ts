// Old kommune URLs keep working: every page a kommune had under an earlier structure's number (or
// an earlier name) leads to today's page. Paths are site-relative without the `base` prefix; the
// site and `_redirects` add it.
import { kommuneSlug } from '../../format/slug';
import type { Kobling } from './chain';
import type { OverTimeModel } from './model';

export interface Redirect {
  from: string; // '/kommune/3025-asker/'
  to: string; // '/kommune/3203-asker/'
  kommunenummer_fra: string;
  kommunenavn_fra: string;
  kommunenummer_til: string;
  kommunenavn_til: string;
  endring: Kobling;
  /** Norwegian sentence shown on the redirect page. */
  note: string;
}

/** The year-less (latest) kommune page path; must agree with the site's `kommunePath`. */
export type KommunePathFn = (kommunenummer: string, kommunenavn: string) => string;
export const defaultKommunePath: KommunePathFn = (nr, navn) => `/kommune/${kommuneSlug(nr, navn)}/`;

function noteFor(endring: Kobling, fraNavn: string, fraNr: string, tilNavn: string, tilNr: string, others: string[]): string {
  if (endring === 'delt') {
    return `${fraNavn} (${fraNr}) ble delt. Siden viser ${tilNavn} (${tilNr}), den største av kommunene det ble delt i` +
      (others.length > 0 ? ` (også ${others.join(', ')}).` : '.');
  }
  if (endring === 'sammenslått' && others.length > 0) {
    // Merged, then split again (2018 Haram → 1507 Ålesund → 1508 Ålesund and 1580 Haram).
    return `${fraNavn} (${fraNr}) ble slått sammen med andre kommuner, og den nye kommunen ble senere delt. ` +
      `Siden viser ${tilNavn} (${tilNr}) (også ${others.join(', ')}).`;
  }
  if (endring === 'sammenslått') return `${fraNavn} (${fraNr}) er slått sammen med andre kommuner til ${tilNavn} (${tilNr}).`;
  if (fraNr !== tilNr) return `${fraNavn} har fått nytt kommunenummer: ${fraNr} er nå ${tilNr}.`;
  return `${fraNavn} (${fraNr}) heter nå ${tilNavn}.`;
}

/**
 * One redirect per old path: every kommune of an earlier year's structure whose page path differs
 * from its current kommune's page (new number, new name, split, merge). A path that is a current
 * page is never redirected. Sorted by `from`.
 */
export function redirects(model: OverTimeModel, pathFor: KommunePathFn = defaultKommunePath): Redirect[] {
  const currentPaths = new Set(model.current.map((k) => pathFor(k.kommunenummer, k.kommunenavn)));
  const out = new Map<string, Redirect>();
  for (const year of model.years) {
    if (model.structureOf.get(year) === model.currentStructure) continue;
    for (const r of model.rows.get(year)!.values()) {
      const t = model.traces.get(year)!.get(r.kommunenummer)!;
      if (!t.main) continue;
      const from = pathFor(r.kommunenummer, r.kommunenavn);
      const to = pathFor(t.main.kommunenummer, t.main.kommunenavn);
      if (from === to || currentPaths.has(from) || out.has(from)) continue;
      const others = t.successors
        .filter((s) => s.kommunenummer !== t.main!.kommunenummer)
        .map((s) => `${s.kommunenavn} (${s.kommunenummer})`);
      out.set(from, {
        from, to,
        kommunenummer_fra: r.kommunenummer, kommunenavn_fra: r.kommunenavn,
        kommunenummer_til: t.main.kommunenummer, kommunenavn_til: t.main.kommunenavn,
        endring: t.endring,
        note: noteFor(t.endring, r.kommunenavn, r.kommunenummer, t.main.kommunenavn, t.main.kommunenummer, others),
      });
    }
  }
  return [...out.values()].sort((a, b) => a.from.localeCompare(b.from));
}

/** Netlify/Cloudflare Pages `_redirects` lines (301), with the site's base path prefixed. */
export function redirectsFile(list: Redirect[], base = '/'): string {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  return list.map((r) => `${prefix}${r.from} ${prefix}${r.to} 301`).join('\n') + (list.length ? '\n' : '');
}

/** Data for the static redirect pages: the route parameter is the old slug (`3025-asker`). */
export interface RedirectPage extends Redirect {
  slug: string;
}

export function redirectPages(list: Redirect[]): RedirectPage[] {
  return list.map((r) => ({ ...r, slug: r.from.replace(/^\/kommune\//, '').replace(/\/$/, '') }));
}
