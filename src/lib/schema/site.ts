// data/site.json: who publishes (issue 9 §3). Checked before anything is computed; a misspelt
// field is named rather than silently read as missing.
import { z } from 'zod';
import { isoDate } from './year';

const text = z.string().refine((s) => s.trim() !== '', 'kan ikke være tom');
const absoluteUrl = text.refine((s) => /^https?:\/\/[^/\s]+/.test(s), 'må være en absolutt adresse (https://…)');
/** An optional text where an empty one counts as absent. */
const optionalText = z.string().trim().transform((s) => (s === '' ? undefined : s)).optional();

const contact = z
  .object({
    email: optionalText.refine((s) => s === undefined || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s), 'må være en e-postadresse'),
    form: optionalText.refine((s) => s === undefined || s.startsWith('https://'), 'må være en https-adresse'),
  })
  .strict()
  .refine((c) => c.email !== undefined || c.form !== undefined, 'må ha «email» eller «form» (eller være null i demoen)')
  .transform((c) => ({ ...(c.email ? { email: c.email } : {}), ...(c.form ? { form: c.form } : {}) }));

const deviation = z
  .object({
    what: text,
    criterion: text,
    plan: text,
    // Tie a deviation to the browser test that finds it (accessibility-checks.json).
    check: z.string().optional(),
    path: z.string().optional(),
  })
  .strict();

export const siteSchema = z
  .object({
    publisher: text,
    title: text,
    siteUrl: absoluteUrl.transform((s) => s.replace(/\/+$/, '')),
    contact: contact.nullable().optional().transform((c) => c ?? null),
    licence: z.object({ id: text, name: text, url: text, credit: text }).strict(),
    accessibility: z
      .object({
        reviewed: isoDate,
        deviations: z.array(deviation),
        complaint: z.object({ name: text, url: text }).strict(),
      })
      .strict(),
  })
  .strict();
