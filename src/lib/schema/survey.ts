// data/surveys/<id>.json: a questionnaire form with everything the scoring rules read. Shared by
// the build and the CLIs (`--survey path`), so a broken definition ends in a message naming the
// field instead of «Cannot read properties of undefined».
import { z } from 'zod';
import { ALWAYS_NEVER_PUBLISHED_PREFIXES } from '../read/labels';

const text = z.string();
const nonEmptyRecord = <T extends z.ZodTypeAny>(value: T) =>
  z.record(value).refine((r) => Object.keys(r).length > 0, 'må ha minst ett element');

/** Lower bounds of scores 1–4: four ascending integers, the first at least 1. */
const bins = z
  .tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()])
  .refine((b) => b[0] >= 1 && b[0] < b[1] && b[1] < b[2] && b[2] < b[3], 'må være fire stigende heltall ≥ 1 (nedre grense for skår 1–4)');

const binsSource = z.enum(['ssb2018', 'project']);
const five = z.tuple([text, text, text, text, text]);

const simpleBlock = z
  .object({
    title: text,
    question: text,
    text,
    gate: z.string().nullable(),
    answers: text,
    counts: z.array(text).min(1),
    items: nonEmptyRecord(text),
    bins,
    binsSource,
    unitNoun: text,
    sentence: text,
  })
  .passthrough();

const kompetanse = z
  .object({
    hinder: text,
    hinderAnswers: text,
    hinderGroups: z.object({ liten: z.array(text), middels: z.array(text), stor: z.array(text) }),
    rekruttert: text,
    rekrutteringsvansker: z.string().nullable(),
    categories: z.object({ A: text, B: text, C: text, D: text }),
  })
  .passthrough();

const question = z.object({ question: text, text, answers: text }).passthrough();

export const surveySchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'må være et navn av bokstaver, sifre, «-» og «_»'),
    title: text,
    answerSets: nonEmptyRecord(z.array(text).min(1)),
    aliases: z.record(z.record(text)),
    codes: z.record(z.record(text)),
    gates: z.record(question),
    gateOpen: z.array(text).min(1),
    simple: z.object({ strategi: simpleBlock, prosjekter: simpleBlock, sky: simpleBlock, innkjop: simpleBlock, interne: simpleBlock }).passthrough(),
    tjenester: z
      .object({
        title: text,
        question: text,
        text,
        gate: text,
        answers: text,
        ways: nonEmptyRecord(z.object({ label: text, complexity: z.enum(['enkel', 'kompleks']) }).passthrough()),
        points: z.object({ enkel: z.record(z.number()), kompleks: z.record(z.number()) }),
        maxPoints: z.number().int().min(1),
        bins,
        binsSource,
        sentence: text,
      })
      .passthrough(),
    kompetanse,
    scoreLabels: five,
    grades: z.object({
      prioritering: z.object({ title: text, labels: five }).passthrough(),
      bruk: z.object({ title: text, labels: five }).passthrough(),
      aktivitet: z.object({ title: text, labels: five }).passthrough(),
    }),
    optional: z.record(question),
    required: z.array(text),
    itemAnswers: z.record(text),
    neverPublished: z.object({ prefixes: z.array(text), columns: z.array(text), note: text }).passthrough(),
  })
  .passthrough()
  .superRefine((d, ctx) => {
    // Every name that points elsewhere in the definition must point at something.
    const sets = new Set(Object.keys(d.answerSets));
    const needSet = (name: string, path: (string | number)[]) => {
      if (!sets.has(name)) ctx.addIssue({ code: 'custom', path, message: `svarsettet «${name}» finnes ikke i «answerSets»` });
    };
    const needLabels = (set: string, labels: string[], path: (string | number)[]) => {
      const known = new Set(d.answerSets[set] ?? []);
      labels.forEach((l, i) => {
        if (sets.has(set) && !known.has(l)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `«${l}» er ikke et svar i svarsettet «${set}»` });
      });
    };
    const needGate = (gate: string, path: (string | number)[]) => {
      if (!(gate in d.gates)) ctx.addIssue({ code: 'custom', path, message: `«${gate}» er ikke et spørsmål i «gates»` });
    };
    for (const [k, g] of Object.entries(d.gates)) needSet(g.answers, ['gates', k, 'answers']);
    for (const [k, b] of Object.entries(d.simple)) {
      const block = b as z.infer<typeof simpleBlock>;
      needSet(block.answers, ['simple', k, 'answers']);
      needLabels(block.answers, block.counts, ['simple', k, 'counts']);
      if (block.gate !== null) needGate(block.gate, ['simple', k, 'gate']);
    }
    needSet(d.tjenester.answers, ['tjenester', 'answers']);
    needGate(d.tjenester.gate, ['tjenester', 'gate']);
    needSet(d.kompetanse.hinderAnswers, ['kompetanse', 'hinderAnswers']);
    for (const [k, q] of Object.entries(d.optional)) needSet(q.answers, ['optional', k, 'answers']);
    for (const [k, set] of Object.entries(d.itemAnswers)) needSet(set, ['itemAnswers', k]);
    for (const [set] of Object.entries(d.codes)) needSet(set, ['codes', set]);
    for (const [set] of Object.entries(d.aliases)) needSet(set, ['aliases', set]);
    // A definition cannot turn a comment or contact column into a question.
    const questions: [string, (string | number)[]][] = [
      ...Object.keys(d.gates).map((c): [string, (string | number)[]] => [c, ['gates', c]]),
      ...Object.entries(d.simple).flatMap(([k, b]) => Object.keys((b as z.infer<typeof simpleBlock>).items).map((c): [string, (string | number)[]] => [c, ['simple', k, 'items', c]])),
      ...Object.keys(d.tjenester.ways).map((c): [string, (string | number)[]] => [c, ['tjenester', 'ways', c]]),
      ...Object.keys(d.optional).map((c): [string, (string | number)[]] => [c, ['optional', c]]),
      ...d.required.map((c, i): [string, (string | number)[]] => [c, ['required', i]]),
    ];
    const prefixes = [...ALWAYS_NEVER_PUBLISHED_PREFIXES, ...d.neverPublished.prefixes.map((p) => p.toLowerCase())];
    const columns = new Set(d.neverPublished.columns.map((c) => c.toLowerCase()));
    for (const [c, path] of questions) {
      const name = c.toLowerCase();
      if (columns.has(name) || prefixes.some((p) => name.startsWith(p))) {
        ctx.addIssue({ code: 'custom', path, message: `kolonnen «${c}» skal aldri publiseres (fritekst, kontakt eller tidsbruk) og kan ikke være et spørsmål` });
      }
    }
  });
