// Change between two survey years per current kommune, and the kommuner that moved most.
//
// Project choice (spec «Change between years», rules/change): movement is counted on the levels
// 0 < 1 < {2, 3} < 4. Grades 2 and 3 are two kinds of middle (strategy-heavy vs project-heavy;
// use-heavy vs offer-heavy), so 2 ↔ 3 is «annen type», its own class, and `diff` is the number of
// levels moved (0 for 2 ↔ 3).
import type { Grade } from '../../types';
import { levelSteps, movement } from '../../rules/change';
import type { OverTimeModel } from './model';
import { traceStructure, type Kobling } from './chain';

export type ChangeTheme = 'prioritering' | 'aktivitet';
export const CHANGE_THEMES: ChangeTheme[] = ['prioritering', 'aktivitet'];

export type ChangeClass = 'opp' | 'samme' | 'annen_type' | 'ned' | 'ikke_sammenlignbar';
export const CHANGE_CLASSES: ChangeClass[] = ['opp', 'samme', 'annen_type', 'ned', 'ikke_sammenlignbar'];
export const CHANGE_LABELS: Record<ChangeClass, string> = {
  opp: 'Opp',
  samme: 'Samme grad',
  annen_type: 'Annen type (mellom grad 2 og 3)',
  ned: 'Ned',
  ikke_sammenlignbar: 'Ikke sammenlignbar',
};

/** Why a kommune is not comparable between the two years. */
export type NotComparableReason = 'delt' | 'sammenslått' | 'mangler_kobling' | 'svarte_ikke' | 'ukjent_grad';
export const REASON_LABELS: Record<NotComparableReason, string> = {
  delt: 'kommunen ble delt mellom årene',
  'sammenslått': 'kommunen ble slått sammen mellom årene',
  mangler_kobling: 'kommunen kan ikke følges mellom årene',
  svarte_ikke: 'svarte ikke begge år',
  ukjent_grad: 'graden er ukjent ett av årene',
};

export interface ThemeChange {
  from: Grade | null;
  to: Grade | null;
  /** Levels moved (0 < 1 < {2, 3} < 4; negative = down, 0 for 2 ↔ 3); null when not comparable. */
  diff: number | null;
  change: ChangeClass;
  reason: NotComparableReason | null;
}

export interface ChangeRow {
  kommunenummer: string; // current
  kommunenavn: string;
  /** The number(s) the kommune had in `fromYear`. */
  kommunenummer_fra: string[];
  prioritering: ThemeChange;
  aktivitet: ThemeChange;
}

export function classify(from: Grade | null, to: Grade | null): ThemeChange {
  if (from === null || to === null) return { from, to, diff: null, change: 'ikke_sammenlignbar', reason: 'ukjent_grad' };
  return { from, to, diff: levelSteps(from, to), change: movement(from, to), reason: null };
}

function notComparable(reason: NotComparableReason, from: Grade | null, to: Grade | null): ThemeChange {
  return { from, to, diff: null, change: 'ikke_sammenlignbar', reason };
}

export function changes(model: OverTimeModel, fromYear: number, toYear: number): ChangeRow[] {
  for (const y of [fromYear, toYear]) {
    if (!model.rows.has(y)) throw new Error(`Året ${y} finnes ikke blant årene ${model.years.join(', ')}`);
  }
  if (fromYear >= toYear) throw new Error(`Fra-året (${fromYear}) må være før til-året (${toYear})`);
  const sFrom = model.structureOf.get(fromYear)!;
  const sTo = model.structureOf.get(toYear)!;
  const fromUnits = [...model.rows.get(fromYear)!.values()].map((r) => ({ kommunenummer: r.kommunenummer, kommunenavn: r.kommunenavn }));
  const between = sFrom === sTo ? null : traceStructure(sFrom, fromUnits, sTo, model.links, new Map(), new Map());
  // How many units of the earlier year lead to each unit of the later one (2+ = a merger).
  const inflow = new Map<string, number>();
  for (const t of between?.values() ?? []) for (const s of t.successors) inflow.set(s.kommunenummer, (inflow.get(s.kommunenummer) ?? 0) + 1);
  const sameTerritory = (fromNr: string, toNr: string): Kobling => {
    if (!between) return fromNr === toNr ? 'uendret' : 'ukjent';
    const t = between.get(fromNr);
    if (!t || t.endring === 'ukjent') return 'ukjent';
    if (t.endring === 'delt' || t.successors.length > 1) return 'delt';
    if (t.endring === 'sammenslått' || (inflow.get(toNr) ?? 0) > 1) return 'sammenslått';
    return t.successors[0]?.kommunenummer === toNr ? t.endring : 'ukjent';
  };
  const out: ChangeRow[] = [];
  for (const k of model.current) {
    const fromPreds = model.predecessors.get(fromYear)!.get(k.kommunenummer) ?? [];
    const toPreds = model.predecessors.get(toYear)!.get(k.kommunenummer) ?? [];
    const row: ChangeRow = {
      kommunenummer: k.kommunenummer, kommunenavn: k.kommunenavn, kommunenummer_fra: fromPreds,
      prioritering: notComparable('mangler_kobling', null, null),
      aktivitet: notComparable('mangler_kobling', null, null),
    };
    if (fromPreds.length === 1 && toPreds.length === 1) {
      const a = model.rows.get(fromYear)!.get(fromPreds[0])!;
      const b = model.rows.get(toYear)!.get(toPreds[0])!;
      // Same territory in both years? Follow the earlier unit to the later year's structure (not to
      // today's: a split after the later year does not make the two years incomparable).
      const territory = sameTerritory(fromPreds[0], toPreds[0]);
      for (const theme of CHANGE_THEMES) {
        const from = a[theme];
        const to = b[theme];
        if (territory === 'delt' || territory === 'sammenslått') row[theme] = notComparable(territory, from, to);
        else if (territory === 'ukjent') row[theme] = notComparable('mangler_kobling', from, to);
        else if (a.svart === 0 || b.svart === 0) row[theme] = notComparable('svarte_ikke', from, to);
        else row[theme] = classify(from, to);
      }
    } else if (fromPreds.length > 1) {
      row.prioritering = notComparable('sammenslått', null, null);
      row.aktivitet = notComparable('sammenslått', null, null);
    }
    out.push(row);
  }
  return out;
}

export interface MoverRow {
  kommunenummer: string;
  kommunenavn: string;
  from: Grade;
  to: Grade;
  diff: number;
}

export interface Movers {
  theme: ChangeTheme;
  up: MoverRow[];
  down: MoverRow[];
  /** Kommuner past the first `n` that moved exactly as far as the last one listed: a cut inside
   * a tie would otherwise drop them silently (15 rose two steps, 10 were shown). */
  upTied: MoverRow[];
  downTied: MoverRow[];
}

/**
 * The `n` kommuner with the largest rise and the `n` with the largest fall in grade. Ties in the
 * number of steps are ordered by name (Norwegian collation), then number, so the list is stable.
 */
export function movers(rows: ChangeRow[], theme: ChangeTheme, n = 10): Movers {
  const moved: MoverRow[] = rows
    .filter((r) => r[theme].diff !== null && r[theme].diff !== 0)
    .map((r) => ({
      kommunenummer: r.kommunenummer, kommunenavn: r.kommunenavn,
      from: r[theme].from!, to: r[theme].to!, diff: r[theme].diff!,
    }));
  const byName = (a: MoverRow, b: MoverRow) =>
    a.kommunenavn.localeCompare(b.kommunenavn, 'nb') || a.kommunenummer.localeCompare(b.kommunenummer);
  const allUp = moved.filter((m) => m.diff > 0).sort((a, b) => b.diff - a.diff || byName(a, b));
  const allDown = moved.filter((m) => m.diff < 0).sort((a, b) => a.diff - b.diff || byName(a, b));
  const tied = (all: MoverRow[]) => (n > 0 && all.length > n ? all.slice(n).filter((m) => m.diff === all[n - 1].diff) : []);
  return { theme, up: allUp.slice(0, n), down: allDown.slice(0, n), upTied: tied(allUp), downTied: tied(allDown) };
}

export interface ChangeCount {
  theme: ChangeTheme;
  change: ChangeClass;
  count: number;
}

export function changeCounts(rows: ChangeRow[]): ChangeCount[] {
  const out: ChangeCount[] = [];
  for (const theme of CHANGE_THEMES) {
    for (const change of CHANGE_CLASSES) {
      out.push({ theme, change, count: rows.filter((r) => r[theme].change === change).length });
    }
  }
  return out;
}
