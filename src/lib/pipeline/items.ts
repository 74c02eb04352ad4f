import type { CodedColumn, ItemShareRow, ResponseColumns, ResponseRow, SurveyDefinition } from '../types';
import { codedColumn } from '../read/responseColumns';
import { kommuneColumns, tableColumns } from './indicators';
import type { Table } from './table';
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

/** Row indices of the units whose `gate` answer is one of `open`. */
function populationIndices(n: number, gate: CodedColumn, open: readonly string[]): Uint32Array {
  const opens = gate.labels.map((l) => l != null && open.includes(l));
  const out = new Uint32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (opens[gate.codes[i]]) out[k++] = i;
  return out.slice(0, k);
}

/** How many cells of each code, among the rows `among` (all rows when null). */
function tallyCodes(column: CodedColumn, n: number, among: Uint32Array | null): Float64Array {
  const tally = new Float64Array(column.labels.length);
  const codes = column.codes;
  if (among === null) for (let i = 0; i < n; i++) tally[codes[i]]++;
  else for (let i = 0; i < among.length; i++) tally[codes[among[i]]]++;
  return tally;
}

/**
 * Share of each answer per item among its population, with denominators. Rows are the
 * respondents (kommuner only); `columns` names the columns the file had (default: the first row's).
 */
export function computeItemShares(rows: readonly ResponseRow[], survey: SurveyDefinition, columns?: readonly string[]): ItemShareRow[] {
  const present = columns ?? (rows.length ? Object.keys(rows[0]) : []);
  return itemSharesFromColumns(kommuneColumns(rows, survey, present), survey);
}

/** As computeItemShares, from a responseTable; optional items are those the table has. */
export function itemSharesFromTable(table: Table, survey: SurveyDefinition): ItemShareRow[] {
  return itemSharesFromColumns(tableColumns(table), survey);
}

/** As computeItemShares, from the reader's columns; optional items are those the file had. */
export function itemSharesFromColumns(data: ResponseColumns, survey: SurveyDefinition): ItemShareRow[] {
  const specs = itemSpecs(survey, new Set(data.names));
  const n = data.length;
  const blank: CodedColumn = { labels: [null], codes: new Uint8Array(n) };
  const column = (name: string): CodedColumn => codedColumn(data, name) ?? blank;
  const out: ItemShareRow[] = [];
  // Row indices of each population (all respondents, or those whose gate opened the item), once
  // per gate, then a tally per code of each item's column.
  const populations = new Map<string, Uint32Array | null>([['', null]]);
  const open = survey.gateOpen;
  const opener = survey.kompetanse.rekruttert;
  for (const spec of specs) {
    const gate = spec.gate;
    let idx = populations.get(gate ?? '');
    if (idx === undefined) {
      idx = populationIndices(n, column(gate!), gate === opener ? ['Ja'] : open);
      populations.set(gate!, idx);
    }
    const denominator = idx === null ? n : idx.length;
    const values = column(spec.item);
    const byCode = tallyCodes(values, n, idx);
    // The answer set's labels in their order; any other label (a hand-built table) beside them.
    const answers = spec.answers;
    const counts = new Array<number>(answers.length).fill(0);
    const others = new Map<string, number>();
    let blanks = 0;
    values.labels.forEach((v, code) => {
      const c = byCode[code];
      if (c === 0) return;
      if (v == null) {
        blanks += c;
        return;
      }
      const s = answers.indexOf(v);
      if (s >= 0) counts[s] += c;
      else others.set(v, (others.get(v) ?? 0) + c);
    });
    const tally = new Map<string, number>();
    answers.forEach((a, s) => counts[s] > 0 && tally.set(a, counts[s]));
    for (const [v, c] of others) tally.set(v, (tally.get(v) ?? 0) + c);
    if (blanks > 0) tally.set(BLANK_ANSWER, (tally.get(BLANK_ANSWER) ?? 0) + blanks);
    // Every label of the answer set (zeros included) in questionnaire order, then blanks.
    const labels = [...answers, ...[...tally.keys()].filter((a) => a !== BLANK_ANSWER && !answers.includes(a)).sort(), BLANK_ANSWER];
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
