// One snapshot per shipped figure, at the size the site draws it (CHART_SIZE where the page passes
// it) and at the article size downloads and embeds reuse.
import { describe, expect, test } from 'vitest';
import { renderGradeBars } from '../../src/draw/charts/gradeBars';
import { renderComparison } from '../../src/draw/charts/comparison';
import { renderCategoryBars } from '../../src/draw/charts/categoryBars';
import { renderItemShares } from '../../src/draw/charts/itemShares';
import { renderGroupedBars } from '../../src/draw/charts/groupedBars';
import { renderKommuneGrades } from '../../src/draw/charts/kommuneGrades';
import { renderChangeMap } from '../../src/draw/map/changeMap';
import { withCaption } from '../../src/draw/svg';
import { prepareMapGeometry } from '../../src/draw/map/prepare';
import { GRADE_COLORS } from '../../src/draw/map/palette';
import { ARTICLE_SIZE, CHART_SIZE } from '../../src/site/figures/common';
import { FILE_MARGIN } from '../../src/site/figures/standalone';
import { NAMES, PREPARE_OPTIONS, REGISTER, syntheticFylker, syntheticKommuner } from '../fixtures/map/synthetic';
import { compareSnapshot, OUTPUT_DIR } from './snapshot';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FYLKE, LABELS, NATION, TINY } from './inputs';

function expectSnapshot(name: string, svg: string): void {
  const result = compareSnapshot(name, svg);
  expect(result.ok, result.message).toBe(true);
}

const COMPARISON_INPUT = {
  title: 'Prioritering: fordeling i landet, fylket og størrelsesklassen, 2024',
  description: 'Bergli har grad 3.',
  idPrefix: 'snap-cmp',
  groups: [{ label: 'Hele landet', rows: NATION }, { label: 'Vestfylket', rows: FYLKE }, { label: 'Kommuner med 50 000 eller flere innbyggere', rows: TINY }],
  values: ['0', '1', '2', '3', '4'],
  colourOf: (v: string) => GRADE_COLORS[Number(v)],
  own: '3',
};

const KOMMUNE_GRADES_INPUT = {
  title: 'Bergli: grad per år', description: 'Grad per år.', idPrefix: 'snap-kg', years: [2018, 2021, 2024],
  series: [
    { label: 'Digital prioritering', points: [{ year: 2018, grade: 2, comparable: false }, { year: 2021, grade: 3, comparable: true }, { year: 2024, grade: 4, comparable: true }] },
    { label: 'Digital aktivitet', points: [{ year: 2018, grade: 0, comparable: true }, { year: 2021, grade: null, comparable: true }, { year: 2024, grade: 2, comparable: true }] },
  ],
};

describe('chart snapshots', () => {
  test('grade bars (year overview, fylke pages)', () => {
    expectSnapshot('chart-grade-bars', renderGradeBars({ rows: NATION, labels: LABELS, title: 'Prioritering', description: 'Antall kommuner per grad.', idPrefix: 'snap-gb', ...CHART_SIZE }));
  });

  test('comparison (kommune pages)', () => {
    expectSnapshot('chart-comparison', renderComparison({ ...COMPARISON_INPUT, ...CHART_SIZE }));
  });

  test('kompetanse bars (year overview, fylke pages)', () => {
    expectSnapshot('chart-kompetanse-bars', renderCategoryBars({
      title: 'Kompetanse', idPrefix: 'snap-kb', ...CHART_SIZE,
      bars: [
        { label: 'Høy intern, lite hinder', short: 'A', count: 137, share: 0.436, colour: '#1b7837' },
        { label: 'Høy intern, stort hinder', short: 'B', count: 60, share: 0.191, colour: '#8c510a', highlight: true },
        { label: 'Ukjent', short: 'Ukjent', count: 43, share: null, colour: '#e4e4e4' },
      ],
    }));
  });

  test('item shares (question pages)', () => {
    expectSnapshot('chart-item-shares', renderItemShares({
      title: 'Strategiområder', description: 'Andel kommuner.', idPrefix: 'snap-items', order: 'share', ...CHART_SIZE,
      items: [
        { label: 'Skole og oppvekst', share: 0.8125 },
        { label: 'Helse og omsorg', share: 0.945 },
        { label: 'Tekniske tjenester', share: null },
        { label: 'Kultur', share: 0.3 },
      ],
    }));
  });

  test('item shares, two answers as series (question pages)', () => {
    expectSnapshot('chart-item-shares-years', renderItemShares({
      title: 'Tjenester', description: 'Andel kommuner.', idPrefix: 'snap-items-years', ...CHART_SIZE,
      items: [
        { label: 'Helse og omsorg', share: 0.845, series: 'Ja, planlagt' },
        { label: 'Helse og omsorg', share: 0.945, series: 'Ja, startet' },
        { label: 'Kultur', share: 0.4, series: 'Ja, planlagt' },
        { label: 'Kultur', share: 0.35, series: 'Ja, startet' },
      ],
    }));
  });

  test('grouped bars per year (development page)', () => {
    expectSnapshot('chart-grouped-bars', renderGroupedBars({
      title: 'Prioritering per grad og år', description: 'Andel per grad og år.', idPrefix: 'snap-grp', years: [2021, 2024], ...CHART_SIZE,
      groups: [{ key: '0', label: 'Grad 0: Har verken IKT-strategi på plass eller IKT-prosjekter i gang' }, { key: '4', label: 'Grad 4: Både omfattende IKT-strategi og IKT-prosjekter' }],
      values: { 0: { 2021: { share: 0.081, text: '8,1 % (27)' }, 2024: { share: 0.544, text: '54,4 % (140)' } }, 4: { 2021: { share: 0.274, text: '27,4 % (91)' } } },
    }));
  });

  test('one kommune’s grades per year (kommune pages)', () => {
    expectSnapshot('chart-kommune-grades', renderKommuneGrades({ ...KOMMUNE_GRADES_INPUT, ...CHART_SIZE }));
  });

  test('one kommune’s grades per year at the article size (downloads)', () => {
    expectSnapshot('chart-kommune-grades-article', renderKommuneGrades({ ...KOMMUNE_GRADES_INPUT, idPrefix: 'snap-kg-a', ...ARTICLE_SIZE }));
  });

  test('change map (development page, synthetic boundaries)', () => {
    const geometry = prepareMapGeometry({ kommuner: syntheticKommuner(), fylker: syntheticFylker(), ...PREPARE_OPTIONS });
    expectSnapshot('chart-change-map', renderChangeMap({
      geometry,
      changes: { '0101': 'opp', '0102': 'samme', '0103': 'annen_type', '0104': 'ned', '0201': 'ikke_sammenlignbar' },
      names: Object.fromEntries(Object.entries(NAMES).map(([k, n]) => [k, `${n}: endring`])),
      hrefFor: (k) => `/kommune/${k}/`,
      title: 'Endring', description: 'Syntetisk.', idPrefix: 'snap-chg', register: REGISTER,
    }));
  });

  test('grouped bars at a fixed width (downloads)', () => {
    expectSnapshot('chart-grouped-bars-article', renderGroupedBars({
      title: 'Prioritering per grad og år', description: 'Andel per grad og år.', idPrefix: 'snap-grp-a', years: [2021, 2024], ...ARTICLE_SIZE,
      groups: [{ key: '1', label: 'Grad 1' }],
      values: { 1: { 2021: { share: 0.5, text: '50,0 % (160)' }, 2024: { share: 0.7, text: '70,0 % (220)' } } },
    }));
  });

  test('article size with title, source and licence inside and the file margin around (downloads)', () => {
    expectSnapshot('chart-comparison-article', withCaption(
      renderComparison({ ...COMPARISON_INPUT, width: ARTICLE_SIZE.width - 2 * FILE_MARGIN, fontSize: ARTICLE_SIZE.fontSize }),
      { title: COMPARISON_INPUT.title, source: 'Kilde: SSB, Bruk av IKT i offentlig sektor 2024', licence: 'Lisens: CC BY 4.0' },
      ARTICLE_SIZE.fontSize,
      FILE_MARGIN,
    ));
  });

  test('a broken chart fails its snapshot: half a bar is caught and written as -changed', () => {
    // The committed grade-bar snapshot, compared in a scratch folder so the -changed file stays out of the tree.
    const dir = mkdtempSync(path.join(tmpdir(), 'snap-broken-'));
    try {
      copyFileSync(path.join(OUTPUT_DIR, 'chart-grade-bars.svg'), path.join(dir, 'chart-grade-bars.svg'));
      const halved = NATION.map((r) => (r.value === '1' ? { ...r, count: Math.round(r.count / 2) } : r));
      const render = (rows: typeof NATION) => renderGradeBars({ rows, labels: LABELS, title: 'Prioritering', description: 'Antall kommuner per grad.', idPrefix: 'snap-gb', ...CHART_SIZE });
      expect(compareSnapshot('chart-grade-bars', render(NATION), { dir, update: false }).ok).toBe(true);
      const result = compareSnapshot('chart-grade-bars', render(halved), { dir, update: false });
      expect(result.ok).toBe(false);
      expect(existsSync(path.join(dir, 'chart-grade-bars-changed.svg'))).toBe(true);
      // The change is the bar (and its number), not noise: the widths of the grade-1 bar differ.
      const widths = (svg: string) => [...svg.matchAll(/fill="#7fcdbb"[^>]*\swidth="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(widths(readFileSync(path.join(dir, 'chart-grade-bars-changed.svg'), 'utf8'))).not.toEqual(widths(readFileSync(path.join(dir, 'chart-grade-bars.svg'), 'utf8')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
