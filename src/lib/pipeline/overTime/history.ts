// A current kommune's figures in every survey year, followed through the correspondence, with
// what a reader needs to judge whether the years compare.
import type { Grade, KompetanseCategory } from '../../types';
import { movement } from '../../rules/change';
import type { Kobling, Successor } from './chain';
import type { OverTimeModel } from './model';

export type HistoryTheme = 'prioritering' | 'aktivitet' | 'kompetanse';
export const HISTORY_THEMES: HistoryTheme[] = ['prioritering', 'aktivitet', 'kompetanse'];

export const THEME_TITLES: Record<HistoryTheme | 'bruk', string> = {
  prioritering: 'Digital prioritering',
  aktivitet: 'Digital aktivitet',
  bruk: 'Bruk av digitale tjenester',
  kompetanse: 'Digital kompetanse',
};

export interface HistoryEntry {
  year: number;
  /** The unit the figures are for, with the number and name it had that year. */
  kommunenummer: string;
  kommunenavn: string;
  endring: Kobling;
  /** Same territory as today's kommune (uendret or nytt_nummer): the figures compare directly. */
  comparable: boolean;
  svart: 0 | 1;
  prioritering: Grade | null;
  bruk: Grade | null;
  aktivitet: Grade | null;
  kompetanse: KompetanseCategory | null;
}

export interface ThemeSentence {
  theme: HistoryTheme;
  title: string;
  text: string; // «Digital prioritering: grad 1 i 2021 → grad 4 i 2024»
}

export interface KommuneHistory {
  kommunenummer: string;
  kommunenavn: string;
  /** One entry per year and predecessor (several only after a merge), sorted by year. */
  entries: HistoryEntry[];
  /** Years the kommune answered (at least one comparable or not). */
  answeredYears: number[];
  /** True when some earlier year's figures are for a different territory (split or merge). */
  hasIncomparable: boolean;
  notes: string[];
  sentences: ThemeSentence[];
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}

function part(theme: HistoryTheme, e: HistoryEntry): string {
  if (e.svart === 0) return `ukjent i ${e.year} (svarte ikke)`;
  const v = e[theme];
  if (v === null) return `ukjent i ${e.year}`;
  return theme === 'kompetanse' ? `kategori ${v} i ${e.year}` : `grad ${v} i ${e.year}`;
}

function sentence(theme: HistoryTheme, entries: HistoryEntry[], current: string): ThemeSentence {
  const parts: string[] = [];
  let prev: HistoryEntry | undefined;
  for (const year of [...new Set(entries.map((e) => e.year))]) {
    const same = entries.filter((e) => e.year === year);
    if (same.length > 1) {
      // A merger: every predecessor's figure, named, in one step of the sentence.
      const each = same.map((e) => `${valueText(theme, e)} (${e.kommunenavn})`);
      parts.push(`${listNames(each)} i ${year} (før sammenslåingen, ikke direkte sammenlignbar)`);
      prev = undefined;
      continue;
    }
    const e = same[0];
    const base = part(theme, e);
    // 2 ↔ 3 is a change of kind, not a step (rules/change): say so where it happens.
    const a = prev && prev.svart === 1 && prev.comparable && theme !== 'kompetanse' ? prev[theme] : null;
    const b = e.svart === 1 && theme !== 'kompetanse' ? e[theme] : null;
    const kind = typeof a === 'number' && typeof b === 'number' && movement(a, b) === 'annen_type' ? ' (annen type)' : '';
    prev = e;
    if (e.comparable) {
      parts.push(base + kind);
      continue;
    }
    const label = e.endring === 'delt'
      ? `tidligere ${e.kommunenavn}`
      : e.endring === 'sammenslått'
        ? `tidligere ${e.kommunenavn}, nå del av ${current}`
        : e.kommunenavn;
    parts.push(`${base} (${label}, ikke direkte sammenlignbar)`);
  }
  return { theme, title: THEME_TITLES[theme], text: `${THEME_TITLES[theme]}: ${parts.join(' → ')}` };
}

function valueText(theme: HistoryTheme, e: HistoryEntry): string {
  if (e.svart === 0) return 'svarte ikke';
  const v = e[theme];
  if (v === null) return 'ukjent';
  return theme === 'kompetanse' ? `kategori ${v}` : `grad ${v}`;
}

export function kommuneHistory(model: OverTimeModel, currentNr: string): KommuneHistory | null {
  const navn = model.currentNames.get(currentNr);
  if (navn === undefined) return null;
  const entries: HistoryEntry[] = [];
  const notes: string[] = [];
  const pending = new Map<string, { kind: string; nr: string; navn: string; years: number[]; successors: string[] }>();
  // Mergers: one note per group of predecessors (the same group may recur in several years).
  const mergers = new Map<string, { years: number[]; preds: { nr: string; navn: string; successors: Successor[] }[] }>();

  for (const year of model.years) {
    const preds = model.predecessors.get(year)!.get(currentNr) ?? [];
    const traces = model.traces.get(year)!;
    const rows = model.rows.get(year)!;
    if (preds.length > 1 && year !== model.latestYear) {
      const key = preds.map((nr) => `${nr}:${rows.get(nr)!.kommunenavn}`).join('|');
      const m = mergers.get(key);
      if (m) m.years.push(year);
      else mergers.set(key, { years: [year], preds: preds.map((nr) => ({ nr, navn: rows.get(nr)!.kommunenavn, successors: traces.get(nr)!.successors })) });
    }
    for (const nr of preds) {
      const t = traces.get(nr)!;
      const r = rows.get(nr)!;
      const comparable = (t.endring === 'uendret' || t.endring === 'nytt_nummer') && preds.length === 1;
      entries.push({
        year, kommunenummer: nr, kommunenavn: r.kommunenavn, endring: t.endring, comparable, svart: r.svart,
        prioritering: r.prioritering, bruk: r.bruk, aktivitet: r.aktivitet, kompetanse: r.kompetanse,
      });
      if (year === model.latestYear || preds.length > 1) continue;
      const kind = t.endring === 'delt' ? 'delt'
        : t.endring === 'sammenslått' ? 'sammenslått'
          : nr !== currentNr ? 'nytt_nummer'
            : r.kommunenavn !== navn ? 'navn' : null;
      if (!kind) continue;
      // One note per earlier unit and kind of change, naming every year it applies to.
      const key = `${kind}|${nr}|${r.kommunenavn}`;
      const note = pending.get(key);
      if (note) note.years.push(year);
      else pending.set(key, { kind, nr, navn: r.kommunenavn, years: [year], successors: t.successors.map((x) => `${x.kommunenavn} (${x.kommunenummer})`) });
    }
  }
  for (const m of mergers.values()) notes.push(mergerNote(m.years, m.preds, navn, currentNr));
  for (const n of pending.values()) {
    const years = listNames(n.years.map(String));
    if (n.kind === 'delt') {
      notes.push(
        `Tallene for ${years} gjelder tidligere ${n.navn} kommune (${n.nr}), som senere ble delt i ` +
        `${listNames(n.successors)}. De er ikke direkte sammenlignbare med tallene for dagens ${navn}.`,
      );
    } else if (n.kind === 'sammenslått') {
      notes.push(
        `Tallene for ${years} gjelder tidligere ${n.navn} kommune (${n.nr}), som senere ble slått sammen ` +
        `med andre kommuner til dagens ${navn}. De er ikke direkte sammenlignbare.`,
      );
    } else if (n.kind === 'nytt_nummer') {
      notes.push(
        `${n.navn} hadde kommunenummer ${n.nr} i ${years}; i dag er nummeret ${currentNr}. ` +
        `Kommunen har samme område, så tallene er direkte sammenlignbare.`,
      );
    } else {
      notes.push(`Kommunen het ${n.navn} i ${years}.`);
    }
  }

  return {
    kommunenummer: currentNr,
    kommunenavn: navn,
    entries,
    answeredYears: [...new Set(entries.filter((e) => e.svart === 1).map((e) => e.year))],
    hasIncomparable: entries.some((e) => !e.comparable),
    notes,
    sentences: HISTORY_THEMES.map((theme) => sentence(theme, entries, navn)),
  };
}

const named = (s: { kommunenavn: string; kommunenummer: string }) => `${s.kommunenavn} (${s.kommunenummer})`;

/**
 * The note for a year whose figures are for several earlier kommuner that were merged (1103
 * Stavanger ← 1103 Stavanger, 1141 Finnøy, 1142 Rennesøy). When the merged kommune was later split
 * again (1507 Ålesund → 1508 Ålesund and 1580 Haram), or a predecessor was split between several
 * kommuner (5012 Snillfjord), the note says so: the figures then cover more than today's kommune.
 */
function mergerNote(years: number[], preds: { nr: string; navn: string; successors: Successor[] }[], navn: string, currentNr: string): string {
  const list = listNames(preds.map((p) => `${p.navn} (${p.nr})`));
  const key = (p: { successors: Successor[] }) => p.successors.map((s) => s.kommunenummer).join(' ');
  const sharedSplit = preds.every((p) => key(p) === key(preds[0])) && preds[0].successors.length > 1;
  let text = `Tallene for ${listNames(years.map(String))} gjelder de tidligere kommunene ${list}, som senere ble slått sammen` +
    (sharedSplit ? '.' : ` til dagens ${navn}.`);
  if (sharedSplit) {
    const others = preds[0].successors.filter((s) => s.kommunenummer !== currentNr);
    text += ` Den sammenslåtte kommunen ble senere delt igjen, mellom ${listNames(preds[0].successors.map(named))}, ` +
      `så tallene gjelder også områder som i dag hører til ${listNames(others.map(named))}.`;
  } else {
    for (const p of preds.filter((x) => x.successors.length > 1)) {
      text += ` ${p.navn} (${p.nr}) ble delt mellom ${listNames(p.successors.map(named))}.`;
    }
  }
  text += ` Hver av dem har sin egen grad; tallene er ikke direkte sammenlignbare med tallene for dagens ${navn}.`;
  return text;
}

/** Every current kommune's history, keyed by current number (sorted), for the artefact. */
export function allHistories(model: OverTimeModel): Record<string, KommuneHistory> {
  const out: Record<string, KommuneHistory> = {};
  for (const k of model.current) out[k.kommunenummer] = kommuneHistory(model, k.kommunenummer)!;
  return out;
}
