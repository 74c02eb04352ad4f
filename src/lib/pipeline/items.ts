import type { ItemShareRow, ResponseRow, SurveyDefinition } from '../types';
import { responseTable } from './indicators';
import { answerColumn, type Table } from './table';
import { SIMPLE_KEYS } from './columns';
import { hasShare } from '../rules/share';

/** Answer label for a blank item, so each item's counts add up to its denominator. */
export const BLANK_ANSWER = 'Ikke besvart';
const ALL = 'alle kommuner som svarte';

export interface ItemSpec {
  block: string;
  item: string;
  label: string;
  answers: readonly string[];
  /** Population: all respondents, or those whose `gate` column answered one of `open`. */
  among: string;
  gate: string | null;
}

const AMONG_GATE: Record<string, string> = {
  strategi: 'kommuner med IKT-/digitaliseringsstrategi',
  prosjekter: 'kommuner med IKT-prosjekter startet eller planlagt',
  sky: 'kommuner som bruker skytjenester',
  tilbyr_tjenester: 'kommuner som tilbyr tjenester til eksterne brukere',
};

/**
 * Which items are published, with the population each share is computed among (the report's
 * figures 3.1, 3.3, 4.1, 5.1–5.3): follow-up items among the units whose gate opened them, the
 * rest among all respondents. Optional questions only where the file has the column.
 */
export function itemSpecs(survey: SurveyDefinition, present: ReadonlySet<string>): ItemSpec[] {
  const specs: ItemSpec[] = [];
  for (const [gate, def] of Object.entries(survey.gates)) {
    specs.push({ block: 'gate', item: gate, label: def.text, answers: survey.answerSets[def.answers], among: ALL, gate: null });
  }
  for (const key of SIMPLE_KEYS) {
    const def = survey.simple[key];
    for (const [item, label] of Object.entries(def.items)) {
      specs.push({
        block: key, item, label, answers: survey.answerSets[def.answers],
        among: def.gate ? AMONG_GATE[def.gate] ?? `kommuner med ${def.gate} = ${survey.gateOpen.join('/')}` : ALL,
        gate: def.gate,
      });
    }
  }
  const tj = survey.tjenester;
  for (const [item, way] of Object.entries(tj.ways)) {
    specs.push({ block: 'tjenester', item, label: way.label, answers: survey.answerSets[tj.answers], among: AMONG_GATE[tj.gate] ?? ALL, gate: tj.gate });
  }
  const k = survey.kompetanse;
  specs.push({ block: 'hinder', item: k.hinder, label: 'Manglende kompetanse i virksomheten', answers: survey.answerSets[k.hinderAnswers], among: ALL, gate: null });
  specs.push({
    block: 'rekruttering', item: k.rekruttert, label: 'Har forsøkt å rekruttere IKT-spesialister de siste 12 månedene',
    answers: survey.answerSets[survey.itemAnswers[k.rekruttert] ?? 'jaNei'], among: ALL, gate: null,
  });
  for (const [item, def] of Object.entries(survey.optional)) {
    if (!present.has(item)) continue;
    const answers = survey.answerSets[def.answers];
    if (item.startsWith('strategi_')) specs.push({ block: 'strategi_ekstra', item, label: def.text, answers, among: AMONG_GATE.strategi, gate: 'strategi' });
    else if (item.startsWith('hinder_')) specs.push({ block: 'hinder', item, label: def.text, answers, among: ALL, gate: null });
    else if (item === 'rekrutteringsvansker' || item === k.rekrutteringsvansker) {
      specs.push({ block: 'rekruttering', item, label: def.text, answers, among: 'kommuner som har forsøkt å rekruttere IKT-spesialister', gate: k.rekruttert });
    } else specs.push({ block: 'annet', item, label: def.text, answers, among: ALL, gate: null });
  }
  return specs;
}

/** Row indices of the units whose `gate` answer is one of `open` (all rows when gate is null). */
function populationIndices(table: Table, gate: string | null, open: readonly string[]): Uint32Array {
  const n = table.numRows();
  if (!gate) return Uint32Array.from({ length: n }, (_, i) => i);
  const column = answerColumn(table, gate);
  const out = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = column[i];
    if (v != null && open.includes(v)) out[k++] = i;
  }
  return out.slice(0, k);
}

/**
 * Share of each answer per item among its population, with denominators. Rows are the
 * respondents (kommuner only); `columns` names the columns the file had (default: the first row's).
 */
export function computeItemShares(rows: readonly ResponseRow[], survey: SurveyDefinition, columns?: readonly string[]): ItemShareRow[] {
  const present = columns ?? (rows.length ? Object.keys(rows[0]) : []);
  return itemSharesFromTable(responseTable(rows, survey, present), survey);
}

/** As computeItemShares, from a responseTable; optional items are those the table has. */
export function itemSharesFromTable(table: Table, survey: SurveyDefinition): ItemShareRow[] {
  const specs = itemSpecs(survey, new Set(table.columnNames()));
  const out: ItemShareRow[] = [];
  // Row indices of each population (all respondents, or those whose gate opened the item), once
  // per gate, then a plain tally per item over the shared columns.
  const populations = new Map<string, Uint32Array>();
  const open = survey.gateOpen;
  const opener = survey.kompetanse.rekruttert;
  for (const spec of specs) {
    const popKey = spec.gate ?? '';
    const gate = spec.gate;
    let idx = populations.get(popKey);
    if (!idx) {
      idx = populationIndices(table, gate, gate === opener ? ['Ja'] : open);
      populations.set(popKey, idx);
    }
    const denominator = idx.length;
    const column = answerColumn(table, spec.item);
    const slots = new Map<string | null, number>();
    const counts: number[] = [];
    for (let i = 0; i < idx.length; i++) {
      const v = column[idx[i]];
      let s = slots.get(v);
      if (s === undefined) {
        s = counts.length;
        slots.set(v, s);
        counts.push(0);
      }
      counts[s]++;
    }
    const tally = new Map<string, number>();
    for (const [v, s] of slots) tally.set(v ?? BLANK_ANSWER, counts[s]);
    // Every label of the answer set (zeros included) in questionnaire order, then blanks.
    const labels = [...spec.answers, ...[...tally.keys()].filter((a) => a !== BLANK_ANSWER && !spec.answers.includes(a)).sort(), BLANK_ANSWER];
    for (const answer of labels) {
      const count = tally.get(answer) ?? 0;
      out.push({
        block: spec.block, item: spec.item, label: spec.label, among: spec.among, answer, count, denominator,
        share: hasShare(denominator) ? Math.round((count / denominator) * 1e6) / 1e6 : null,
      });
    }
  }
  return out;
}

export const ITEM_COLUMNS = ['block', 'item', 'label', 'among', 'answer', 'count', 'denominator', 'share'] as const;
