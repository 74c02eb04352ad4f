// The site's changelog entries (publications and corrections of every year), newest first.
import { changelog, type ChangelogEntry } from '../lib/publication/changelog';
import { publication, years, yearSummary } from './data';
import { surveyNameOf } from './source';

export function siteChangelog(): ChangelogEntry[] {
  return changelog(years().map((year) => ({ year, publication: publication(year), surveyName: surveyNameOf(year), synthetic: yearSummary(year).synthetic })));
}
