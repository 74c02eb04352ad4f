// Which share card (og:image) a page uses: cards.json, written by the build's card step beside the
// other artefacts. A page without a card (none in the artefacts) simply has no og:image.
import type { CardKind } from '../draw/cards/content';
import { PUBLISHED_CARD_HEIGHT, PUBLISHED_CARD_WIDTH } from '../draw/cards/frame';
import { artefactText } from './data';
import { withBase } from './urls';

export interface ShareCard { path: string; alt: string; width: number; height: number }

interface Entry { kind: CardKind; year: number; key: string; file: string; alt: string }

let index: Map<string, Entry> | undefined;

export function shareCard(kind: CardKind, year: number, key = 'norge'): ShareCard | undefined {
  index ??= new Map((JSON.parse(artefactText('cards.json') ?? '[]') as Entry[]).map((e) => [`${e.kind}:${e.year}:${e.key}`, e]));
  const e = index.get(`${kind}:${year}:${key}`);
  return e && { path: withBase(`/${e.file}`), alt: e.alt, width: PUBLISHED_CARD_WIDTH, height: PUBLISHED_CARD_HEIGHT };
}
