// Response rate per comparison group (issue 10 §8): how many of the register's kommuner answered,
// for the nation, each fylke and each size class, so a reader can judge how far each group's
// shares rest on few answers.
import * as aq from 'arquero';
import type { GroupKind, KommuneIndicators } from '../types';
import { SIZE_CLASSES } from '../rules/sizeClass';
import { MIN_DENOMINATOR, NATION } from './distributions';

export interface ResponseRateRow {
  group: GroupKind;
  groupKey: string; // 'norge', '03', 'u2000'
  groupLabel: string;
  /** Kommuner of the group in the register. */
  units: number;
  respondents: number;
  /** respondents / units, rounded to 6 decimals; null below 3 units, as every share of the site. */
  share: number | null;
}

export const RESPONSE_RATE_COLUMNS = ['group', 'groupKey', 'groupLabel', 'units', 'respondents', 'share'] as const;

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Nation first, then fylker by number, then size classes from small to large. */
export function responseRates(kommuner: readonly KommuneIndicators[]): ResponseRateRow[] {
  if (kommuner.length === 0) return [];
  const t = aq.from(kommuner.map((k) => ({
    nasjon: NATION.key, fylke: k.fylkesnummer, fylkesnavn: k.fylkesnavn, storrelse: k.storrelse, svart: k.svart,
  })));
  const rollup = (by: string) => t
    .filter(aq.escape((d: Record<string, unknown>) => d[by] != null))
    .groupby(by)
    .rollup({ units: aq.op.count(), respondents: aq.op.sum('svart'), label: aq.op.any('fylkesnavn') })
    .objects() as { [k: string]: unknown; units: number; respondents: number; label: string }[];
  const row = (group: GroupKind, groupKey: string, groupLabel: string, r: { units: number; respondents: number }): ResponseRateRow => ({
    group, groupKey, groupLabel, units: r.units, respondents: r.respondents, share: r.units >= MIN_DENOMINATOR ? round6(r.respondents / r.units) : null,
  });
  const out: ResponseRateRow[] = rollup('nasjon').map((r) => row('nasjon', NATION.key, NATION.label, r));
  for (const r of rollup('fylke').sort((a, b) => String(a.fylke).localeCompare(String(b.fylke)))) out.push(row('fylke', String(r.fylke), r.label, r));
  const bySize = new Map(rollup('storrelse').map((r) => [String(r.storrelse), r]));
  for (const c of SIZE_CLASSES) {
    const r = bySize.get(c.key);
    if (r) out.push(row('storrelse', c.key, c.label, r));
  }
  return out;
}
