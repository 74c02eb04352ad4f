// Which share cards a year has and what each says, from the year's artefacts (indicators,
// distributions, survey definition, map). Pure. One card per kommune, fylke and year: the latest
// year's pages and their /<år>/ copies point to the same file, so each image is rendered once.
import { gradeNameCapitalised } from '../../lib/rules/change';
import type { DistributionRow, KommuneIndicators, SurveyDefinition } from '../../lib/types';
import type { MapGeometry } from '../map/prepare';
import { renderLocatorMap } from '../map/choropleth';
import { formatNumber, formatPercent, formatCountNoun } from '../../lib/format/number';
import { sourceText } from '../../lib/format/sourceText';
import { unknownLabel } from '../../lib/format/unknown';
import { cardAlt, type CardContent, type CardRow } from './card';

export type CardKind = 'kommune' | 'fylke' | 'landet';

export interface CardSpec {
  /** Path in the site, without base: `kort/2024/kommune/0301.png`. */
  file: string;
  kind: CardKind;
  year: number;
  /** kommunenummer, fylkesnummer, or 'norge'. */
  key: string;
  alt: string;
  content: CardContent;
}

export interface CardYearInput {
  year: number;
  synthetic: boolean;
  surveyName: string;
  survey: Pick<SurveyDefinition, 'grades'>;
  kommuner: readonly KommuneIndicators[];
  distributions: readonly DistributionRow[];
  geometry: MapGeometry | null;
}

const INDICATORS = ['prioritering', 'aktivitet'] as const;

export function cardFile(kind: CardKind, year: number, key: string): string {
  return kind === 'landet' ? `kort/${year}/landet.png` : `kort/${year}/${kind}/${key}.png`;
}

function spec(kind: CardKind, year: number, key: string, content: CardContent): CardSpec {
  return { file: cardFile(kind, year, key), kind, year, key, alt: cardAlt(content), content };
}

function locator(geometry: MapGeometry | null, kommunenummer: string, fylkesnummer?: string): string | null {
  if (!geometry) return null;
  if (kommunenummer && !geometry.kommuner.some((s) => s.kommunenummer === kommunenummer)) return null;
  return renderLocatorMap({ geometry, kommunenummer, fylkesnummer, idPrefix: 'kort', width: 344 });
}

function gradeRows(input: CardYearInput, k: KommuneIndicators): CardRow[] {
  return INDICATORS.map((indicator) => {
    const def = input.survey.grades[indicator];
    const grade = k[indicator];
    return { kind: 'grade', title: def.title, grade, text: grade === null ? unknownLabel(k, indicator) : `${gradeNameCapitalised(grade)}: ${def.labels[grade]}` };
  });
}

function sharesRows(input: CardYearInput, group: 'nasjon' | 'fylke', key: string): CardRow[] {
  return INDICATORS.map((indicator) => {
    const def = input.survey.grades[indicator];
    const rows = input.distributions.filter((r) => r.indicator === indicator && r.group === group && r.groupKey === key);
    const shares = [0, 1, 2, 3, 4].map((g) => rows.find((r) => r.value === String(g))?.share ?? 0);
    const top = shares.indexOf(Math.max(...shares));
    const known = rows.find((r) => r.value === String(top))?.denominator ?? 0;
    const text = known === 0 ? 'Ingen kommune med kjent grad' : `Flest i grad ${top} (${formatPercent(shares[top], 0)} av ${formatCountNoun(known)}): ${def.labels[top]}`;
    return { kind: 'shares', title: def.title, shares, text };
  });
}

export function yearCards(input: CardYearInput): CardSpec[] {
  const { year, synthetic } = input;
  const kicker = `digikommune · Digitalisering i kommunene ${year}`;
  const source = (map: boolean) => sourceText([{ name: input.surveyName, years: [year] }], synthetic, { map });
  const cards: CardSpec[] = [];

  const nation = input.distributions.find((r) => r.group === 'nasjon' && r.indicator === 'prioritering');
  const respondents = input.kommuner.filter((k) => k.svart === 1).length;
  const nationMap = locator(input.geometry, '');
  cards.push(spec('landet', year, 'norge', {
    kicker,
    title: 'Hele landet',
    subtitle: `${formatCountNoun(nation?.units ?? input.kommuner.length)}, ${formatNumber(respondents)} svarte`,
    rows: sharesRows(input, 'nasjon', 'norge'),
    map: nationMap,
    source: source(nationMap !== null),
    synthetic,
  }));

  const fylker = new Map<string, KommuneIndicators[]>();
  for (const k of input.kommuner) fylker.set(k.fylkesnummer, [...(fylker.get(k.fylkesnummer) ?? []), k]);
  for (const [fylkesnummer, members] of [...fylker].sort(([a], [b]) => a.localeCompare(b))) {
    const map = locator(input.geometry, '', fylkesnummer);
    cards.push(spec('fylke', year, fylkesnummer, {
      kicker,
      title: members[0].fylkesnavn,
      subtitle: `Kommunene i fylket · ${formatCountNoun(members.length)}, ${formatNumber(members.filter((k) => k.svart === 1).length)} svarte`,
      rows: sharesRows(input, 'fylke', fylkesnummer),
      map,
      source: source(map !== null),
      synthetic,
    }));
  }

  for (const k of input.kommuner) {
    const map = locator(input.geometry, k.kommunenummer, k.fylkesnummer);
    cards.push(spec('kommune', year, k.kommunenummer, {
      kicker,
      title: k.kommunenavn,
      subtitle: `${k.fylkesnavn} · ${k.innbyggere === null ? 'folketall ukjent' : `${formatNumber(k.innbyggere)} innbyggere`}${k.svart === 1 ? '' : ' · svarte ikke'}`,
      rows: gradeRows(input, k),
      map,
      source: source(map !== null),
      synthetic,
    }));
  }
  return cards;
}
