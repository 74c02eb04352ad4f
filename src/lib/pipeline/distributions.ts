import type { DistributionRow, GroupKind, RegisterRow } from '../types';
import { sizeClass, SIZE_CLASSES, SIZE_CLASS_LABELS } from '../rules/sizeClass';
import { hasShare } from '../rules/share';
import { columnValues, type Table } from './table';

const GRADE_VALUES = ['0', '1', '2', '3', '4'];

/** Indicators with a distribution table, in publication order, and the values each can take. */
export const DISTRIBUTION_VALUES: Readonly<Record<string, readonly string[]>> = {
  prioritering: GRADE_VALUES,
  bruk: GRADE_VALUES,
  aktivitet: GRADE_VALUES,
  kompetanse: ['A', 'B', 'C', 'D'],
  strategi_score: GRADE_VALUES,
  prosjekt_score: GRADE_VALUES,
  sky_score: GRADE_VALUES,
  innkjop_score: GRADE_VALUES,
  tjenester_score: GRADE_VALUES,
  interne_score: GRADE_VALUES,
  kompetansehinder: ['liten', 'middels', 'stor'],
  rekruttert: ['1', '0'],
};
export const DISTRIBUTION_INDICATORS = Object.keys(DISTRIBUTION_VALUES);

export const UKJENT = 'ukjent';
export { MIN_DENOMINATOR } from '../rules/share';

export const NATION = { key: 'norge', label: 'Norge' };

export const fylkeOf = (kommunenummer: string): string => kommunenummer.slice(0, 2);

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
const SMALL_NUMBERS = 16;

interface Group { kind: GroupKind; key: string; label: string }

/**
 * Count and share of every value of every indicator, nationally, per fylke and per size class.
 * Units are the rows of the indicator table (the register's kommuner, or the respondents when no
 * register is given); a non-respondent or an unknown value counts as 'ukjent'. Size classes need
 * the register's population and are left out without it.
 *
 * Each unit's groups are found once (an index per kind); each indicator column is then read once
 * and its values counted into a typed tally per group, instead of a groupby per indicator and kind.
 */
export function computeDistributions(table: Table, register?: readonly RegisterRow[] | null): DistributionRow[] {
  const kommuner = columnValues<string>(table, 'kommunenummer');
  const n = kommuner.length;
  const byNr = new Map((register ?? []).map((r) => [r.kommunenummer, r]));
  const fylkeLabel = new Map<string, string>();
  for (const r of register ?? []) if (!fylkeLabel.has(fylkeOf(r.kommunenummer))) fylkeLabel.set(fylkeOf(r.kommunenummer), r.fylkesnavn);

  // The group list, and each unit's slot in it for each kind (−1: no size class without population).
  const fylker = [...new Set(kommuner.map(fylkeOf))].sort();
  const sizeOfUnit = kommuner.map((k) => (register ? sizeClass(byNr.get(k)?.innbyggere) : null));
  const sizes = SIZE_CLASSES.filter((c) => sizeOfUnit.includes(c.key));
  const groupList: Group[] = [
    { kind: 'nasjon', key: NATION.key, label: NATION.label },
    ...fylker.map((f): Group => ({ kind: 'fylke', key: f, label: fylkeLabel.get(f) ?? `Fylke ${f}` })),
    ...sizes.map((c): Group => ({ kind: 'storrelse', key: c.key, label: SIZE_CLASS_LABELS[c.key] })),
  ];
  const fylkeSlot = new Map(fylker.map((f, i) => [f, 1 + i]));
  const sizeSlot = new Map(sizes.map((c, i) => [c.key, 1 + fylker.length + i]));
  const fylkeIndex = Int32Array.from(kommuner, (k) => fylkeSlot.get(fylkeOf(k))!);
  const sizeIndex = Int32Array.from(sizeOfUnit, (c) => (c == null ? -1 : sizeSlot.get(c)!));
  const units = new Int32Array(groupList.length);
  for (let i = 0; i < n; i++) {
    units[0]++;
    units[fylkeIndex[i]]++;
    if (sizeIndex[i] >= 0) units[sizeIndex[i]]++;
  }

  const out: DistributionRow[] = [];
  for (const ind of DISTRIBUTION_INDICATORS) {
    const values = DISTRIBUTION_VALUES[ind];
    const width = values.length;
    const slotOf = new Map<unknown, number>();
    // Grades and 0/1 are numbers in the table: a small whole number finds its slot by index.
    const numberSlot = new Int32Array(SMALL_NUMBERS).fill(-1);
    values.forEach((v, i) => {
      slotOf.set(v, i);
      if (/^[0-9]+$/.test(v)) {
        slotOf.set(Number(v), i);
        if (Number(v) < SMALL_NUMBERS) numberSlot[Number(v)] = i;
      }
    });
    const tally = new Int32Array(groupList.length * width);
    const column = columnValues<unknown>(table, ind);
    for (let i = 0; i < n; i++) {
      const v = column[i];
      if (v == null) continue;
      const s = typeof v === 'number' && v >= 0 && v < SMALL_NUMBERS && Number.isInteger(v) ? numberSlot[v] : slotOf.get(v) ?? -1;
      if (s < 0) continue; // a value outside the published list is neither counted nor known
      tally[s]++;
      tally[fylkeIndex[i] * width + s]++;
      if (sizeIndex[i] >= 0) tally[sizeIndex[i] * width + s]++;
    }
    groupList.forEach((g, gi) => {
      const unitsInGroup = units[gi];
      const known = Array.from(tally.subarray(gi * width, gi * width + width));
      const denominator = known.reduce((a, b) => a + b, 0);
      values.forEach((v, i) => out.push({
        indicator: ind, group: g.kind, groupKey: g.key, groupLabel: g.label, value: v, count: known[i], denominator,
        share: hasShare(denominator) ? round6(known[i] / denominator) : null, units: unitsInGroup,
      }));
      out.push({
        indicator: ind, group: g.kind, groupKey: g.key, groupLabel: g.label, value: UKJENT,
        count: unitsInGroup - denominator, denominator, share: null, units: unitsInGroup,
      });
    });
  }
  return out;
}

export const DISTRIBUTION_COLUMNS = ['indicator', 'group', 'groupKey', 'groupLabel', 'value', 'count', 'denominator', 'share', 'units'] as const;
