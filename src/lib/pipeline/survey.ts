// A survey definition arrives as JSON from a file the user names: check the parts the rules read
// before computing, so a broken definition ends in a clear message instead of a stack trace.
import type { Problem, SurveyDefinition } from '../types';
import { SIMPLE_KEYS } from './columns';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBins = (v: unknown): boolean =>
  Array.isArray(v) && v.length === 4 && v.every((n) => Number.isInteger(n)) && v[0] >= 1 && v[0] < v[1] && v[1] < v[2] && v[2] < v[3];

/** Problems with a parsed survey definition (empty when it can be used). */
export function checkSurveyDefinition(def: unknown, file: string): Problem[] {
  const problems: Problem[] = [];
  const bad = (message: string) => problems.push({ file, message });
  if (!isObj(def)) return [{ file, message: 'skjemadefinisjonen må være et JSON-objekt' }];
  if (typeof def.id !== 'string') bad('mangler «id» (tekst, f.eks. "2021")');
  if (!isObj(def.answerSets)) bad('mangler «answerSets»');
  if (!Array.isArray(def.gateOpen)) bad('mangler «gateOpen» (svar som åpner oppfølgingsspørsmålene, f.eks. ["Ja"])');
  const simple = def.simple;
  if (!isObj(simple)) bad('mangler «simple» (strategi, prosjekter, sky, innkjop, interne)');
  else {
    for (const key of SIMPLE_KEYS) {
      const s = simple[key];
      if (!isObj(s)) { bad(`mangler «simple.${key}»`); continue; }
      if (!isObj(s.items) || Object.keys(s.items).length === 0) bad(`«simple.${key}.items» må nevne minst én kolonne`);
      if (!Array.isArray(s.counts)) bad(`«simple.${key}.counts» må være en liste med svar som teller`);
      if (!isBins(s.bins)) bad(`«simple.${key}.bins» må være fire stigende heltall ≥ 1 (nedre grense for skår 1–4)`);
      if (s.gate != null && (typeof s.gate !== 'string' || !isObj(def.gates) || !(s.gate in def.gates))) bad(`«simple.${key}.gate» må være null eller et spørsmål i «gates»`);
    }
  }
  const tj = def.tjenester;
  if (!isObj(tj)) bad('mangler «tjenester»');
  else {
    if (typeof tj.gate !== 'string') bad('«tjenester.gate» mangler');
    if (!isObj(tj.ways) || Object.keys(tj.ways).length === 0) bad('«tjenester.ways» mangler');
    if (!isObj(tj.points) || !isObj(tj.points.enkel) || !isObj(tj.points.kompleks)) bad('«tjenester.points» må ha «enkel» og «kompleks»');
    if (!isBins(tj.bins)) bad('«tjenester.bins» må være fire stigende heltall ≥ 1');
  }
  const k = def.kompetanse;
  if (!isObj(k) || typeof k.hinder !== 'string' || typeof k.rekruttert !== 'string' || !isObj(k.hinderGroups)) {
    bad('«kompetanse» må ha «hinder», «rekruttert» og «hinderGroups»');
  }
  return problems;
}

/** Parse and check survey definition text. */
export function parseSurveyDefinition(text: string, file: string): { ok: true; survey: SurveyDefinition } | { ok: false; problems: Problem[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, problems: [{ file, message: `ugyldig JSON: ${(e as Error).message}` }] };
  }
  const problems = checkSurveyDefinition(parsed, file);
  return problems.length ? { ok: false, problems } : { ok: true, survey: parsed as SurveyDefinition };
}
