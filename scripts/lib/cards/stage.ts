// The build's share-card step: the year artefacts → card SVGs and `cards.json` (which page gets
// which image and its alt text; the pages read it) → PNGs under kort/ in the output.
import { join } from 'node:path';
import type { DistributionRow, KommuneIndicators, SurveyDefinition, YearSummary } from '../../../src/lib/types';
import type { MapGeometry } from '../../../src/draw/map/prepare';
import { cardSvg } from '../../../src/draw/cards/card';
import { yearCards, type CardKind } from '../../../src/draw/cards/content';
import { surveyName } from '../../../src/site/summary';
import type { BuildEffects } from '../effects';
import { decodeText } from '../effects';
import { forEachLimited } from '../limited';

/** One line of cards.json. */
export interface CardEntry { kind: CardKind; year: number; key: string; file: string; alt: string }

export interface PreparedCards { entries: CardEntry[]; svgs: string[] }

export interface PublishedCards { count: number; bytes: number; maxBytes: number }

export const CARDS_ARTEFACT = 'cards.json';

export async function prepareCards(fx: BuildEffects, artefactDir: string): Promise<PreparedCards> {
  const read = async <T>(rel: string): Promise<T | null> => {
    const file = join(artefactDir, rel);
    return (await fx.exists(file)) ? (JSON.parse(decodeText(await fx.readFile(file))) as T) : null;
  };
  const site = await read<{ years: YearSummary[] }>('site.json');
  const entries: CardEntry[] = [];
  const svgs: string[] = [];
  for (const y of site?.years ?? []) {
    const survey = await read<SurveyDefinition>(`${y.year}/survey.json`);
    const kommuner = await read<KommuneIndicators[]>(`${y.year}/indicators.json`);
    if (!survey || !kommuner) continue;
    const cards = yearCards({
      year: y.year,
      synthetic: y.synthetic,
      surveyName: y.surveyName ?? surveyName(survey),
      survey,
      kommuner,
      distributions: (await read<DistributionRow[]>(`${y.year}/distributions.json`)) ?? [],
      geometry: await read<MapGeometry>(`${y.year}/map.json`),
    });
    for (const c of cards) {
      entries.push({ kind: c.kind, year: c.year, key: c.key, file: c.file, alt: c.alt });
      svgs.push(cardSvg(c.content));
    }
  }
  await fx.writeFile(join(artefactDir, CARDS_ARTEFACT), `${JSON.stringify(entries)}\n`);
  return { entries, svgs };
}

/** `files[i]`, when given, holds the i-th PNG on disk (the card cache) in place of `pngs[i]`. */
export async function publishCards(fx: BuildEffects, outDir: string, entries: readonly CardEntry[], pngs: readonly Uint8Array[], files?: readonly (string | null)[]): Promise<PublishedCards> {
  let bytes = 0;
  let maxBytes = 0;
  for (const dir of new Set(entries.map((e) => join(outDir, e.file, '..')))) await fx.mkdir(dir);
  await forEachLimited(entries, async (entry, i) => {
    const png = files?.[i] ? await fx.readFile(files[i]!) : pngs[i];
    await fx.writeFile(join(outDir, entry.file), png);
    bytes += png.length;
    maxBytes = Math.max(maxBytes, png.length);
  });
  return { count: entries.length, bytes, maxBytes };
}
