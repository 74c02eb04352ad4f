// The scoring loop: one pass over the kommuner, calling the rule functions of src/lib/rules/ on
// each kommune's answers read straight from the reader's coded columns, writing every indicator
// into its output column. No object per row and no per-row expression: at 100 000 rows this is a
// few tens of milliseconds, where four Arquero derive passes took seconds.
import type { CodedColumn, HinderGroup, KompetanseCategory, ResponseColumns, SurveyDefinition } from '../types';
import { countItems, type Answer, type Gate } from '../rules/counts';
import { score } from '../rules/bins';
import { tjenesterPoeng, type ServiceWay } from '../rules/tjenester';
import { prioritering } from '../rules/prioritering';
import { aktivitet, bruk } from '../rules/twoAxis';
import { hinderGroup, jaNei, kompetanse } from '../rules/kompetanse';
import { codedColumn } from '../read/responseColumns';
import { SIMPLE_KEYS, SIMPLE_OUTPUT } from './columns';

type Column<T> = (T | null)[];

/**
 * Scores every kommune of `data` (the respondents): the indicator table's columns (kommunenummer
 * first, then INDICATOR_COLUMNS' others), null for unknown. A rule input the file lacks is all blank.
 */
export function scoreResponses(data: ResponseColumns, survey: SurveyDefinition): Record<string, readonly unknown[]> {
  const n = data.length;
  const blank: CodedColumn = { labels: [null], codes: new Uint8Array(n) };
  const column = (name: string): CodedColumn => codedColumn(data, name) ?? blank;
  const out = (): Column<number> => new Array<number | null>(n);

  // Per block: its columns' codes and labels, and one reused answers buffer and gate, so the loop allocates nothing.
  const blocks = SIMPLE_KEYS.map((key) => {
    const def = survey.simple[key];
    const items = Object.keys(def.items).map(column);
    const gate = def.gate ? column(def.gate) : null;
    return {
      def, codes: items.map((c) => c.codes), labels: items.map((c) => c.labels), answers: new Array<Answer>(items.length),
      gateCodes: gate?.codes ?? null, gateLabels: gate?.labels ?? [],
      gate: { answer: null, open: survey.gateOpen } as Gate,
      antall: out(), score: out(),
    };
  });
  const scores = new Array<number | null>(blocks.length);
  const S = SIMPLE_KEYS.indexOf('strategi'), P = SIMPLE_KEYS.indexOf('prosjekter'), C = SIMPLE_KEYS.indexOf('sky');
  const I = SIMPLE_KEYS.indexOf('innkjop'), INTERNE = SIMPLE_KEYS.indexOf('interne');

  const tj = survey.tjenester;
  const wayColumns = Object.keys(tj.ways).map(column);
  const ways: ServiceWay[] = Object.values(tj.ways).map((w) => ({ answer: null, complexity: w.complexity }));
  const tjGate = column(tj.gate);
  const tjGateAnswer: Gate = { answer: null, open: survey.gateOpen };
  const hinder = column(survey.kompetanse.hinder);
  const rekruttertAnswers = column(survey.kompetanse.rekruttert);
  const groups = survey.kompetanse.hinderGroups;

  const tjenester_poeng = out(), tjenester_score = out(), prio = out(), brukOut = out(), akt = out(), rekruttert = out();
  const kompetansehinder: Column<HinderGroup> = new Array(n);
  const kompetanseOut: Column<KompetanseCategory> = new Array(n);

  for (let i = 0; i < n; i++) {
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b];
      for (let k = 0; k < block.codes.length; k++) block.answers[k] = block.labels[k][block.codes[k][i]];
      let antall: number | null;
      if (block.gateCodes) {
        block.gate.answer = block.gateLabels[block.gateCodes[i]];
        antall = countItems(block.answers, block.def.counts, block.gate);
      } else antall = countItems(block.answers, block.def.counts);
      const s = score(antall, block.def.bins);
      block.antall[i] = antall;
      block.score[i] = scores[b] = s;
    }
    tjGateAnswer.answer = tjGate.labels[tjGate.codes[i]];
    for (let k = 0; k < ways.length; k++) ways[k].answer = wayColumns[k].labels[wayColumns[k].codes[i]];
    const poeng = tjenesterPoeng(tjGateAnswer, ways, tj.points);
    tjenester_poeng[i] = poeng;
    const tScore = score(poeng, tj.bins);
    tjenester_score[i] = tScore;
    const h = hinderGroup(hinder.labels[hinder.codes[i]], groups);
    kompetansehinder[i] = h;
    rekruttert[i] = jaNei(rekruttertAnswers.labels[rekruttertAnswers.codes[i]]);
    prio[i] = prioritering(scores[S], scores[P]);
    const u = bruk(scores[C], scores[I]);
    brukOut[i] = u;
    akt[i] = aktivitet(u, tScore);
    kompetanseOut[i] = kompetanse(scores[INTERNE], h);
  }

  const columns: Record<string, readonly unknown[]> = {
    kommunenummer: data.values.kommunenummer,
    svart: new Array<number>(n).fill(1),
  };
  blocks.forEach((b, k) => {
    columns[SIMPLE_OUTPUT[SIMPLE_KEYS[k]].antall] = b.antall;
    columns[SIMPLE_OUTPUT[SIMPLE_KEYS[k]].score] = b.score;
  });
  Object.assign(columns, {
    prioritering: prio, tjenester_poeng, tjenester_score, bruk: brukOut, aktivitet: akt,
    kompetansehinder, rekruttert, kompetanse: kompetanseOut,
  });
  return columns;
}
