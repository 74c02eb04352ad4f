// One kommune's questionnaire, answered from its maturity and size with the 2021 form's skip logic.
import type { ResponseRow, SimpleKey, SurveyDefinition } from '../types';
import { BLANK, BLOCKS, FILLED_BEHIND_CLOSED_GATE, GATES, GRAD, REKRUTTERT, STRATEGI_EKSTRA, TJENESTER, type BlockModel } from './model';
import { normInv, ordinalCuts, ordinalPick } from './probit';
import type { Rng } from './prng';

const IKKE_RELEVANT = 'Ikke relevant';
const VET_IKKE = 'Vet ikke';
const JA = 'Ja';
const NEI = 'Nei';

/** Obstacle items in questionnaire order (question 10); only those the survey names are written. */
const HINDER_ORDER = [
  'hinder_politiske_foringer', 'hinder_ledelse', 'hinder_lovgivning', 'hinder_standarder', 'hinder_felleslosninger',
  'hinder_integrasjon', 'hinder_ressurser', 'hinder_ikt_utgifter', 'hinder_kompetanse', 'hinder_avhengig_andre',
  'hinder_tilgang_offentlige', 'hinder_tilgang_privat',
];
const SIMPLE_ORDER: SimpleKey[] = ['strategi', 'prosjekter', 'sky', 'innkjop', 'interne'];

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
/** A draw correlated `load` with `factor` (both ≈ N(0, 1)). */
const mix = (rng: Rng, load: number, factor: number): number => load * factor + Math.sqrt(1 - load * load) * rng.normal();

function need(survey: SurveyDefinition, set: string, label: string): string {
  const labels = survey.answerSets[set];
  if (!labels?.includes(label)) throw new Error(`demo: svarsettet «${set}» mangler «${label}»`);
  return label;
}
const has = (survey: SurveyDefinition, set: string, label: string): boolean => survey.answerSets[set]?.includes(label) ?? false;

/** The scale steps of an ordered answer set: everything but «Ikke relevant» and «Vet ikke». */
function scale(survey: SurveyDefinition, set: string): string[] {
  const labels = survey.answerSets[set];
  if (!labels) throw new Error(`demo: ukjent svarsett «${set}»`);
  return labels.filter((l) => l !== IKKE_RELEVANT && l !== VET_IKKE);
}

function pickWeighted(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/** Columns of the demo file in questionnaire order; optional questions only where the survey names them. */
export function demoColumns(survey: SurveyDefinition): string[] {
  const opt = (c: string): string[] => (c in survey.optional ? [c] : []);
  const items = (k: SimpleKey): string[] => Object.keys(survey.simple[k].items);
  const gate = (k: SimpleKey): string[] => (survey.simple[k].gate ? [survey.simple[k].gate!] : []);
  const hinder = HINDER_ORDER.filter((c) => c === survey.kompetanse.hinder || c in survey.optional);
  const cols = [
    'kommunenummer', 'enhetstype',
    ...gate('strategi'), ...Object.keys(STRATEGI_EKSTRA).flatMap(opt), ...items('strategi'),
    ...opt('politiske_foringer'),
    ...gate('prosjekter'), ...items('prosjekter'),
    ...gate('sky'), ...items('sky'),
    survey.tjenester.gate, ...Object.keys(survey.tjenester.ways),
    ...hinder,
    ...gate('innkjop'), ...items('innkjop'),
    ...gate('interne'), ...items('interne'),
    survey.kompetanse.rekruttert,
    ...opt('rekrutteringsvansker'),
  ];
  for (const c of survey.required) if (!cols.includes(c)) throw new Error(`demo: modellen lager ikke påkrevd kolonne «${c}»`);
  return cols;
}

/** Answers a gate: Ja / Nei / Vet ikke, or null (blank). */
function gateAnswer(survey: SurveyDefinition, rng: Rng, column: string, m: number): string | null {
  const model = GATES[column];
  if (!model) throw new Error(`demo: ingen modell for portspørsmålet «${column}»`);
  if (rng.chance(BLANK.gate)) return null;
  const set = survey.gates[column].answers;
  if (mix(rng, model.load, m) > normInv(1 - model.p)) return need(survey, set, JA);
  if (has(survey, set, VET_IKKE) && rng.chance(model.vetIkke)) return VET_IKKE;
  return need(survey, set, NEI);
}

function blockAnswers(survey: SurveyDefinition, rng: Rng, key: SimpleKey, model: BlockModel, m: number, out: ResponseRow): void {
  const def = survey.simple[key];
  const counted = def.counts;
  const notCounted = scale(survey, def.answers).filter((l) => !counted.includes(l));
  const factor = mix(rng, model.load, m);
  const fallback = Object.values(model.items).reduce((s, p) => s + p, 0) / Object.keys(model.items).length;
  for (const column of Object.keys(def.items)) {
    const p = model.items[column] ?? fallback;
    const yes = mix(rng, model.rho, factor) > normInv(1 - p);
    let answer: string;
    if (yes) {
      answer = counted.length > 1 && !rng.chance(model.firstCounted ?? 1 / counted.length) ? counted[1] : counted[0];
    } else if (has(survey, def.answers, IKKE_RELEVANT) && rng.chance(model.ikkeRelevant)) {
      answer = IKKE_RELEVANT;
    } else if (has(survey, def.answers, VET_IKKE) && rng.chance(model.vetIkke)) {
      answer = VET_IKKE;
    } else {
      const weights = model.notCounted?.length === notCounted.length ? model.notCounted : notCounted.map(() => 1);
      answer = notCounted[pickWeighted(rng, weights)];
    }
    out[column] = rng.chance(BLANK.item) ? null : answer;
  }
}

function tjenesterAnswers(survey: SurveyDefinition, rng: Rng, m: number, out: ResponseRow): void {
  const set = survey.tjenester.answers;
  const steps = scale(survey, set);
  const factor = mix(rng, TJENESTER.load, m);
  for (const column of Object.keys(survey.tjenester.ways)) {
    const way = TJENESTER.ways[column];
    if (!way) throw new Error(`demo: ingen modell for tjenestemåten «${column}»`);
    let answer: string;
    if (rng.chance(way.unknown)) answer = rng.chance(0.5) ? need(survey, set, IKKE_RELEVANT) : need(survey, set, VET_IKKE);
    else answer = steps[ordinalPick(ordinalCuts(way.shares), mix(rng, TJENESTER.rho, factor))];
    out[column] = rng.chance(BLANK.item) ? null : answer;
  }
}

function gradAnswer(survey: SurveyDefinition, rng: Rng, column: string, set: string, m: number): string | null {
  const model = GRAD[column];
  if (!model) throw new Error(`demo: ingen modell for «${column}»`);
  if (rng.chance(BLANK.item)) return null;
  if (rng.chance(model.ikkeRelevant)) return need(survey, set, IKKE_RELEVANT);
  if (rng.chance(model.vetIkke)) return need(survey, set, VET_IKKE);
  return scale(survey, set)[ordinalPick(ordinalCuts(model.shares), mix(rng, Math.abs(model.load), Math.sign(model.load) * m))];
}

/**
 * One kommune's answers. `m` is its maturity, `z` its standardised size (recruitment depends on
 * size itself: big kommuner recruit all the time). Gates answered Nei, Vet ikke or left blank leave
 * their follow-up items blank, except now and then (as in real exports) where they were filled anyway.
 */
export function respond(survey: SurveyDefinition, kommunenummer: string, m: number, z: number, rng: Rng): ResponseRow {
  const out: ResponseRow = { kommunenummer, enhetstype: 'kommune' };
  const columns = new Set(demoColumns(survey));

  const gated = (key: SimpleKey): void => {
    const gate = survey.simple[key].gate;
    const answer = gate ? gateAnswer(survey, rng, gate, m) : JA;
    if (gate) out[gate] = answer;
    const open = answer !== null && survey.gateOpen.includes(answer);
    if (key === 'strategi') {
      for (const [column, model] of Object.entries(STRATEGI_EKSTRA)) {
        if (!columns.has(column)) continue;
        const set = survey.optional[column].answers;
        out[column] = !open ? null
          : mix(rng, model.load, m) > normInv(1 - model.p) ? JA
          : has(survey, set, VET_IKKE) && rng.chance(model.vetIkke) ? VET_IKKE : NEI;
      }
    }
    if (open || (answer !== null && rng.chance(FILLED_BEHIND_CLOSED_GATE))) blockAnswers(survey, rng, key, BLOCKS[key], m, out);
    else for (const column of Object.keys(survey.simple[key].items)) out[column] = null;
    if (key === 'strategi' && columns.has('politiske_foringer')) {
      out.politiske_foringer = gradAnswer(survey, rng, 'politiske_foringer', survey.optional.politiske_foringer.answers, m);
    }
  };
  for (const key of SIMPLE_ORDER.slice(0, 3)) gated(key);

  const tGate = survey.tjenester.gate;
  const tAnswer = gateAnswer(survey, rng, tGate, m);
  out[tGate] = tAnswer;
  if (tAnswer !== null && (survey.gateOpen.includes(tAnswer) || rng.chance(FILLED_BEHIND_CLOSED_GATE))) tjenesterAnswers(survey, rng, m, out);
  else for (const column of Object.keys(survey.tjenester.ways)) out[column] = null;

  for (const column of HINDER_ORDER) {
    if (!columns.has(column)) continue;
    const set = column === survey.kompetanse.hinder ? survey.kompetanse.hinderAnswers : survey.optional[column].answers;
    out[column] = gradAnswer(survey, rng, column, set, m);
  }

  for (const key of SIMPLE_ORDER.slice(3)) gated(key);

  const tried = rng.chance(logistic(REKRUTTERT.intercept + REKRUTTERT.size * z + REKRUTTERT.maturity * m));
  out[survey.kompetanse.rekruttert] = tried ? JA : NEI;
  if (columns.has('rekrutteringsvansker')) out.rekrutteringsvansker = tried ? (rng.chance(REKRUTTERT.vansker) ? JA : NEI) : null;
  return out;
}
