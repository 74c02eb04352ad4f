// data/years/<year>.json: one survey year. Checked before any data is read.
import { z } from 'zod';
import { fileId, relativePath } from './paths';

/** A real calendar date written YYYY-MM-DD («2024-13-45» is not one). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'må være en dato på formen ÅÅÅÅ-MM-DD')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, 'er ikke en dato som finnes');

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export const yearEntrySchema = z
  .object({
    year: z.number().int('må være et heltall').min(MIN_YEAR).max(MAX_YEAR),
    survey: fileId,
    structure: fileId,
    responses: relativePath,
    synthetic: z.boolean(),
    dataDate: isoDate,
    note: z.string().optional(),
    surveyName: z.string().min(1).optional(),
  })
  // Later fields (version, checksum, corrections) belong to the publication workflow and are
  // checked there; this schema guards what the engine reads.
  .passthrough();

export type YearEntrySchema = z.infer<typeof yearEntrySchema>;
