import { describe, expect, test } from 'vitest';
import { renderGradeBars } from '../../src/charts/gradeBars';
import { renderComparison } from '../../src/charts/comparison';
import { renderItemShares } from '../../src/charts/itemShares';
import { renderKommuneOverTime, renderNationalOverTime } from '../../src/charts/overTime';
import { renderGroupedBars, renderKommuneGrades } from '../../src/charts/development';
import { compareSnapshot } from './snapshot';
import { FYLKE, LABELS, NATION, NATION_EARLIER, TINY } from './inputs';

function expectSnapshot(name: string, svg: string): void {
  const result = compareSnapshot(name, svg);
  expect(result.ok, result.message).toBe(true);
}

describe('chart snapshots', () => {
  test('grade bars', () => {
    expectSnapshot('chart-grade-bars', renderGradeBars({ rows: NATION, labels: LABELS, title: 'Prioritering', description: 'Antall kommuner per grad.', idPrefix: 'snap-gb' }));
  });

  test('comparison', () => {
    expectSnapshot('chart-comparison', renderComparison({
      kommunenavn: 'Bergli', grade: 3, labels: LABELS, title: 'Bergli sammenlignet', description: 'Andel per grad.', idPrefix: 'snap-cmp',
      groups: [{ label: 'Norge', rows: NATION }, { label: 'Vestfylket', rows: FYLKE }, { label: '50 000 og flere', rows: TINY }],
    }));
  });

  test('item shares', () => {
    expectSnapshot('chart-item-shares', renderItemShares({
      title: 'Strategiområder', description: 'Andel kommuner.', idPrefix: 'snap-items', order: 'share',
      items: [
        { label: 'Skole og oppvekst', share: 0.8125 },
        { label: 'Helse og omsorg', share: 0.945 },
        { label: 'Tekniske tjenester', share: null },
        { label: 'Kultur', share: 0.3 },
      ],
    }));
  });

  test('item shares per year', () => {
    expectSnapshot('chart-item-shares-years', renderItemShares({
      title: 'Strategiområder per år', description: 'Andel kommuner.', idPrefix: 'snap-items-years',
      items: [
        { label: 'Helse og omsorg', share: 0.845, series: '2021' },
        { label: 'Helse og omsorg', share: 0.945, series: '2024' },
        { label: 'Kultur', share: 0.4, series: '2021' },
        { label: 'Kultur', share: 0.35, series: '2024' },
      ],
    }));
  });

  test('kommune over time', () => {
    expectSnapshot('chart-kommune-over-time', renderKommuneOverTime({
      title: 'Bergli over tid', description: 'Grad per år.', idPrefix: 'snap-kot',
      series: [
        { label: 'Digital prioritering', points: [{ year: 2021, grade: 1 }, { year: 2024, grade: 4 }] },
        { label: 'Digital aktivitet', points: [{ year: 2021, grade: null }, { year: 2024, grade: 2 }] },
      ],
    }));
  });

  test('national over time', () => {
    expectSnapshot('chart-national-over-time', renderNationalOverTime({
      title: 'Prioritering per år', description: 'Andel per grad.', idPrefix: 'snap-not',
      years: [{ label: '2021', rows: NATION_EARLIER }, { label: '2024', rows: NATION }],
    }));
  });

  test('grouped bars per year (development page, site size)', () => {
    expectSnapshot('chart-grouped-bars', renderGroupedBars({
      title: 'Prioritering per grad og år', description: 'Andel per grad og år.', idPrefix: 'snap-grp', years: [2021, 2024],
      groups: [{ key: '0', label: 'Grad 0: Har verken IKT-strategi på plass eller IKT-prosjekter i gang' }, { key: '4', label: 'Grad 4: Både omfattende IKT-strategi og IKT-prosjekter' }],
      values: { 0: { 2021: { share: 0.081, text: '8,1 % (27)' }, 2024: { share: 0.044, text: '4,4 % (14)' } }, 4: { 2021: { share: 0.274, text: '27,4 % (91)' } } },
    }));
  });

  test('one kommune’s grades per year', () => {
    expectSnapshot('chart-kommune-grades', renderKommuneGrades({
      title: 'Bergli: grad per år', description: 'Grad per år.', idPrefix: 'snap-kg', years: [2021, 2024],
      series: [
        { label: 'Digital prioritering', points: [{ year: 2021, grade: 1, comparable: false }, { year: 2024, grade: 4, comparable: true }] },
        { label: 'Digital aktivitet', points: [{ year: 2021, grade: null, comparable: true }, { year: 2024, grade: 2, comparable: true }] },
      ],
    }));
  });
});
