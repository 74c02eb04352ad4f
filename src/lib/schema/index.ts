// One schema per data file kind, checked before any data is read.
import type { z } from 'zod';
import type { Problem, StructureEntry, SurveyDefinition, YearEntry } from '../types';
import { schemaProblems } from './issues';
import { yearEntrySchema } from './year';
import { structureSchema } from './structure';
import { surveySchema } from './survey';
import { siteSchema } from './site';

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

function check<T>(schema: z.ZodTypeAny, value: unknown, file: string): Checked<T> {
  const r = schema.safeParse(value);
  return r.success ? { ok: true, value: r.data as T } : { ok: false, problems: schemaProblems(r.error, file) };
}

export const checkYearEntry = (value: unknown, file: string) => check<YearEntry>(yearEntrySchema, value, file);
export const checkStructure = (value: unknown, file: string) => check<StructureEntry>(structureSchema, value, file);
export const checkSurvey = (value: unknown, file: string) => check<SurveyDefinition>(surveySchema, value, file);
export const checkSite = (value: unknown, file: string) => check<z.output<typeof siteSchema>>(siteSchema, value, file);
