import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { DistributionRow, GroupKind, RegisterRow } from '../types';
import { sizeClass, SIZE_CLASSES, SIZE_CLASS_LABELS } from '../rules/sizeClass';
import { hasShare } from '../rules/share';

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

interface Group { kind: GroupKind; key: string; label: string }

/**
 * Count and share of every value of every indicator, nationally, per fylke and per size class.
 * Units are the rows of the indicator table (the register's kommuner, or the respondents when no
 * register is given); a non-respondent or an unknown value counts as 'ukjent'. Size classes need
 * the register's population and are left out without it.
 */
export function computeDistributions(table: ColumnTable, register?: readonly RegisterRow[] | null): DistributionRow[] {
  const kommuner = table.array('kommunenummer') as string[];
  const byNr = new Map((register ?? []).map((r) => [r.kommunenummer, r]));
  const fylkeLabel = new Map<string, string>();
  for (const r of register ?? []) if (!fylkeLabel.has(fylkeOf(r.kommunenummer))) fylkeLabel.set(fylkeOf(r.kommunenummer), r.fylkesnavn);

  const groups = aq.table({
    kommunenummer: kommuner,
    nasjon: kommuner.map(() => NATION.key),
    fylke: kommuner.map(fylkeOf),
    storrelse: kommuner.map((k) => (register ? sizeClass(byNr.get(k)?.innbyggere) : null)),
  });

  const withGroups = table
    .select(['kommunenummer', ...DISTRIBUTION_INDICATORS])
    .assign(groups.select(['nasjon', 'fylke', 'storrelse'])); // same rows, same order

  const counts = new Map<string, number>();
  const units = new Map<string, number>();
  const keyOf = (kind: string, g: string, ind: string, v: string) => `${kind}\u0000${g}\u0000${ind}\u0000${v}`;
  const present: Record<GroupKind, Set<string>> = { nasjon: new Set(), fylke: new Set(), storrelse: new Set() };
  const columns = DISTRIBUTION_INDICATORS.map((ind) => withGroups.array(ind) as unknown[]);
  for (const kind of ['nasjon', 'fylke', 'storrelse'] as const) {
    // Arquero assigns each row its group index; counting values per group is then one pass per
    // indicator (a groupby per indicator, or a rollup with 70 conditional sums, is several times slower).
    const grouped = withGroups.groupby(kind);
    const { keys, rows, get, size } = grouped.groups() as unknown as {
      keys: Uint32Array; rows: number[]; get: ((row: number) => unknown)[]; size: number;
    };
    const groupKey = Array.from({ length: size }, (_, g) => get[0](rows[g]));
    const tally = DISTRIBUTION_INDICATORS.map((ind) => {
      const vals = DISTRIBUTION_VALUES[ind];
      const index = new Map<unknown, number>(vals.map((v, i) => [/^\d+$/.test(v) ? Number(v) : v, i]));
      const t = new Uint32Array(size * vals.length);
      return { vals, index, t };
    });
    const unitCount = new Uint32Array(size);
    for (let r = 0; r < keys.length; r++) unitCount[keys[r]]++;
    DISTRIBUTION_INDICATORS.forEach((_, j) => {
      const col = columns[j];
      const { vals, index, t } = tally[j];
      for (let r = 0; r < keys.length; r++) {
        const i = index.get(col[r]);
        if (i !== undefined) t[keys[r] * vals.length + i]++;
      }
    });
    for (let g = 0; g < size; g++) {
      if (groupKey[g] == null) continue; // no population → no size class
      const key = String(groupKey[g]);
      units.set(`${kind}\u0000${key}`, unitCount[g]);
      present[kind].add(key);
      DISTRIBUTION_INDICATORS.forEach((ind, j) => {
        const { vals, t } = tally[j];
        vals.forEach((v, i) => counts.set(keyOf(kind, key, ind, v), t[g * vals.length + i]));
      });
    }
  }

  const groupList: Group[] = [{ kind: 'nasjon', key: NATION.key, label: NATION.label }];
  for (const f of [...present.fylke].sort()) groupList.push({ kind: 'fylke', key: f, label: fylkeLabel.get(f) ?? `Fylke ${f}` });
  for (const c of SIZE_CLASSES) if (present.storrelse.has(c.key)) groupList.push({ kind: 'storrelse', key: c.key, label: SIZE_CLASS_LABELS[c.key] });

  const out: DistributionRow[] = [];
  for (const ind of DISTRIBUTION_INDICATORS) {
    for (const g of groupList) {
      const unitsInGroup = units.get(`${g.kind}\u0000${g.key}`) ?? 0;
      const values = DISTRIBUTION_VALUES[ind];
      const known = values.map((v) => counts.get(keyOf(g.kind, g.key, ind, v)) ?? 0);
      const denominator = known.reduce((a, b) => a + b, 0);
      values.forEach((v, i) => out.push({
        indicator: ind, group: g.kind, groupKey: g.key, groupLabel: g.label, value: v, count: known[i], denominator,
        share: hasShare(denominator) ? round6(known[i] / denominator) : null, units: unitsInGroup,
      }));
      out.push({
        indicator: ind, group: g.kind, groupKey: g.key, groupLabel: g.label, value: UKJENT,
        count: unitsInGroup - denominator, denominator, share: null, units: unitsInGroup,
      });
    }
  }
  return out;
}

export const DISTRIBUTION_COLUMNS = ['indicator', 'group', 'groupKey', 'groupLabel', 'value', 'count', 'denominator', 'share', 'units'] as const;
