import { describe, expect, test } from 'vitest';
import { prepareMapGeometry } from '../../src/draw/map/prepare';
import { renderChoropleth, renderFylkeMap, renderLocatorMap } from '../../src/draw/map/choropleth';
import { GRADE_LABELS, NAMES, PREPARE_OPTIONS, REGISTER, syntheticFylker, syntheticKommuner } from '../fixtures/map/synthetic';
import { compareSnapshot } from './snapshot';

const geometry = prepareMapGeometry({ kommuner: syntheticKommuner(), fylker: syntheticFylker(), ...PREPARE_OPTIONS });
const values = { '0101': 0, '0102': 1, '0103': 2, '0104': 3, '0201': 4, '0202': null, '0204': 2 };
const base = {
  geometry,
  values,
  labels: GRADE_LABELS,
  names: NAMES,
  hrefFor: (k: string) => `/kommune/${k}-${NAMES[k].toLowerCase()}/`,
  register: REGISTER,
};

function expectSnapshot(name: string, svg: string): void {
  const result = compareSnapshot(name, svg);
  expect(result.ok, result.message).toBe(true);
}

describe('map snapshots (synthetic boundaries)', () => {
  test('choropleth', () => {
    expectSnapshot('map-choropleth', renderChoropleth({ ...base, title: 'Syntetisk kart', description: 'Seks kommuner i to fylker.', idPrefix: 'snap-map' }));
  });

  test('fylke map', () => {
    expectSnapshot('map-fylke', renderFylkeMap({ ...base, fylkesnummer: '02', title: 'Nordfylket', description: 'Tre kommuner.', idPrefix: 'snap-fylke' }));
  });

  test('locator map', () => {
    expectSnapshot('map-locator', renderLocatorMap({ geometry, kommunenummer: '0202', fylkesnummer: '02', name: 'Fjellbu', fylkesnavn: 'Nordfylket', idPrefix: 'snap-loc' }));
  });
});
