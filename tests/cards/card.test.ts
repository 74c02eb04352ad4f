// Share cards: what each says, which cards a year has, and the PNG the build makes of one.
import { describe, expect, test } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { cardAlt, cardSvg, CARD_HEIGHT, CARD_WIDTH, PUBLISHED_CARD_HEIGHT, PUBLISHED_CARD_WIDTH, type CardContent } from '../../src/draw/cards/card';
import { yearCards, type CardYearInput } from '../../src/draw/cards/content';
import { prepareMapGeometry } from '../../src/draw/map/prepare';
import { makeRasteriser, FONT_OPTIONS } from '../../scripts/lib/cards/raster';
import type { DistributionRow, KommuneIndicators } from '../../src/lib/types';
import { GRADE_LABELS, PREPARE_OPTIONS, syntheticFylker, syntheticKommuner } from '../fixtures/map/synthetic';
import { compareSnapshot } from '../snapshots/snapshot';

const geometry = prepareMapGeometry({ kommuner: syntheticKommuner(), fylker: syntheticFylker(), ...PREPARE_OPTIONS });
const grades = { prioritering: { title: 'Digital prioritering', labels: [...GRADE_LABELS] }, aktivitet: { title: 'Digital aktivitet', labels: [...GRADE_LABELS] } };

function kommune(nr: string, name: string, fylke: [string, string], p: number | null, a: number | null, svart: 0 | 1 = 1): KommuneIndicators {
  return { kommunenummer: nr, kommunenavn: name, fylkesnummer: fylke[0], fylkesnavn: fylke[1], innbyggere: 12345, svart, prioritering: p, aktivitet: a } as KommuneIndicators;
}

const KOMMUNER = [
  kommune('0101', 'Sjøby', ['01', 'Sørfylket'], 3, 1),
  kommune('0102', 'Gáivuotna - Kåfjord - Kaivuono', ['01', 'Sørfylket'], 0, 4),
  kommune('0201', 'Fjellbu', ['02', 'Nordfylket'], null, null, 0),
];

function dist(group: 'nasjon' | 'fylke', key: string, indicator: string, counts: number[]): DistributionRow[] {
  const n = counts.reduce((a, b) => a + b, 0);
  return counts.map((count, g) => ({ indicator, group, groupKey: key, groupLabel: key, value: String(g), count, denominator: n, share: n ? count / n : null, units: n + 1 }));
}

const INPUT: CardYearInput = {
  year: 2024,
  synthetic: true,
  surveyName: 'Digitalisering og IKT i offentlig sektor',
  survey: { grades } as CardYearInput['survey'],
  kommuner: KOMMUNER,
  distributions: [
    ...dist('nasjon', 'norge', 'prioritering', [1, 0, 0, 1, 0]), ...dist('nasjon', 'norge', 'aktivitet', [0, 1, 0, 0, 1]),
    ...dist('fylke', '01', 'prioritering', [1, 0, 0, 1, 0]), ...dist('fylke', '01', 'aktivitet', [0, 1, 0, 0, 1]),
    ...dist('fylke', '02', 'prioritering', [0, 0, 0, 0, 0]), ...dist('fylke', '02', 'aktivitet', [0, 0, 0, 0, 0]),
  ],
  geometry,
};

const cards = yearCards(INPUT);
const card = (key: string) => cards.find((c) => c.key === key)!;

describe('which cards a year has', () => {
  test('one per kommune, one per fylke and one for the country, each at its own file', () => {
    expect(cards.map((c) => c.file)).toEqual([
      'kort/2024/landet.png', 'kort/2024/fylke/01.png', 'kort/2024/fylke/02.png',
      'kort/2024/kommune/0101.png', 'kort/2024/kommune/0102.png', 'kort/2024/kommune/0201.png',
    ]);
  });

  test('a kommune card gives both grades in words, the source line with the map credit, and says demodata', () => {
    const c = card('0101').content;
    expect(c.title).toBe('Sjøby');
    expect(c.rows.map((r) => r.text)).toEqual([`Grad 3: ${GRADE_LABELS[3]}`, `Grad 1 av 4: ${GRADE_LABELS[1]}`]);
    expect(c.source).toMatch(/^Kilde: syntetiske demodata .*2024.*Kartgrunnlag: Kartverket/);
    expect(c.synthetic).toBe(true);
    const svg = cardSvg(c);
    expect(svg).toContain('DEMODATA');
    expect(svg).toContain('Sjøby');
    expect(cardSvg(card('0102').content)).toContain('Svært mye &amp; mer'); // escaped, not dropped
  });

  test('a kommune that did not answer says so rather than showing a grade', () => {
    const c = card('0201').content;
    expect(c.rows.map((r) => (r.kind === 'grade' ? r.grade : 'x'))).toEqual([null, null]);
    expect(c.rows[0].text).toBe('Ukjent – svarte ikke');
    expect(c.subtitle).toContain('svarte ikke');
  });

  test('fylke and country cards show shares of each grade and the commonest in words', () => {
    const f = card('01').content;
    expect(f.rows[0].kind).toBe('shares');
    expect(f.rows[0].kind === 'shares' && f.rows[0].shares).toEqual([0.5, 0, 0, 0.5, 0]);
    expect(f.rows[0].text).toContain(`Flest i grad 0 (50 %`.replace(' %', '\u00a0%'));
    expect(card('02').content.rows[0].text).toBe('Ingen kommune med kjent grad');
  });

  test('the share bar on a card is a Plot chart: two halves, each with its grade digit', () => {
    const svg = cardSvg(card('01').content);
    const bar = /<svg x="[\d.]+" y="[\d.]+"[^>]*class="dk-plot"[\s\S]*?<\/svg>/.exec(svg)?.[0] ?? '';
    expect(bar).not.toBe('');
    const widths = [...bar.matchAll(/<rect[^>]*\swidth="([\d.]+)"/g)].map((m) => Number(m[1]));
    // Grades 0 and 3 at 50 % each of the 700-px column (the frame is the third rect).
    expect(widths.slice(0, 2)).toEqual([350, 350]);
    expect([...bar.matchAll(/<text[^>]*>(\d)<\/text>/g)].map((m) => m[1])).toEqual(['0', '3']);
    expect(bar).not.toMatch(/<style|\sstyle=/);
  });

  test('without a map, no map credit', () => {
    const plain = yearCards({ ...INPUT, geometry: null, synthetic: false });
    expect(plain[0].content.map).toBeNull();
    expect(plain[0].content.source).not.toContain('Kartgrunnlag');
    expect(cardSvg(plain[3].content)).not.toContain('DEMODATA');
  });

  test('the alt text says everything the card says', () => {
    expect(card('0101').alt).toBe(`Sjøby, Sørfylket · 12${'\u202f'}345 innbyggere. Digital prioritering: Grad 3: ${GRADE_LABELS[3]}. Digital aktivitet: Grad 1 av 4: ${GRADE_LABELS[1]}. Demodata, ikke SSBs tall. Med kart som viser hvor i landet.`);
  });
});

describe('legible at half size', () => {
  test('no text under 24 px (12 px when a feed shows the card at 600×315)', () => {
    for (const c of cards) {
      const sizes = [...cardSvg(c.content).matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    }
  });

  test('a long name gets a smaller title, wrapped if need be, never cut', () => {
    const svg = cardSvg(card('0102').content);
    const title = [...svg.matchAll(/<text[^>]*font-size="(\d+)" font-weight="700"[^>]*>([^<]*Gáivuotna[^<]*|Kaivuono)<\/text>/g)];
    expect(title.length).toBeGreaterThan(0);
    expect(Number(title[0][1])).toBeLessThan(72);
    expect(svg).toContain('Kaivuono');
  });
});

describe('the card as PNG', () => {
  const rasteriser = makeRasteriser();

  test('published at 600×315 as an indexed PNG (sharp, libimagequant) of at most 20 KB', async () => {
    const png = await rasteriser.png(cardSvg(card('0102').content));
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([PUBLISHED_CARD_WIDTH, PUBLISHED_CARD_HEIGHT]);
    expect([PUBLISHED_CARD_WIDTH, PUBLISHED_CARD_HEIGHT]).toEqual([CARD_WIDTH / 2, CARD_HEIGHT / 2]);
    expect(png[25], 'colour type 3: palette').toBe(3);
    expect(png.length).toBeLessThanOrEqual(20 * 1024);
  });

  test('the title stays legible at the published size: dark text pixels on its row, not a blur', async () => {
    const png = await rasteriser.png(cardSvg(card('0101').content));
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    // The title's baseline band (y ≈ 75 of 315): text is drawn near black, the card behind it white.
    let dark = 0;
    let light = 0;
    for (let y = 60; y < 85; y++) {
      for (let x = 28; x < 200; x++) {
        const v = data[(y * info.width + x) * info.channels];
        if (v < 80) dark++;
        else if (v > 230) light++;
      }
    }
    expect(dark).toBeGreaterThan(100);
    expect(light).toBeGreaterThan(dark);
  });

  test('the outlined text draws as resvg draws the text itself, with the packaged font', () => {
    const svg = cardSvg(card('0101').content);
    const direct = new Resvg(svg, { font: FONT_OPTIONS }).render().pixels;
    const outlined = new Resvg(rasteriser.outlined(svg), { font: { loadSystemFonts: false } }).render().pixels;
    expect(outlined.length).toBe(direct.length);
    let differing = 0;
    for (let i = 0; i < direct.length; i++) if (Math.abs(direct[i] - outlined[i]) > 8) differing++;
    expect(differing / direct.length).toBeLessThan(0.001);
    // The text is really there: the title's row has dark pixels.
    let dark = 0;
    for (let x = 56; x < 300; x++) { const i = (150 * CARD_WIDTH + x) * 4; if (direct[i] < 80) dark++; }
    expect(dark).toBeGreaterThan(20);
  });
});

test('snapshot: a kommune card', () => {
  const result = compareSnapshot('card-kommune', cardSvg(card('0101').content));
  expect(result.ok, result.message).toBe(true);
});

test('cardAlt without rows or map', () => {
  const c: CardContent = { kicker: 'k', title: 'T', subtitle: 'S', rows: [], map: null, source: 'Kilde', synthetic: false };
  expect(cardAlt(c)).toBe('T, S.');
});
