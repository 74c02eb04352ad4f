// SSB's classification API KLASS: `codesAt` (the codes in force on a date) and `changes` (code
// changes between two dates), in the response shapes of SSB's API guide
// (https://data.ssb.no/api/klass/v1/api-guide.html).
import { z } from 'zod';
import { ReferenceDownloadError } from './errors';
import { schemaProblems } from '../schema/issues';

export interface KlassCode {
  code: string;
  name: string;
  level: string;
}

export interface KlassChange {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  changeOccurred: string;
}

export interface KlassChanges {
  changes: KlassChange[];
  /** Rows left out because `oldCode` or `newCode` is null (a code that began or ended), one note each. */
  skipped: string[];
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function shapeError(url: string, what: string): ReferenceDownloadError {
  return new ReferenceDownloadError(`Uventet svar fra ${url}: ${what}`, url);
}

/** The answer checked against `schema`; otherwise an error naming the URL and each field's path. */
export function checkedAnswer<T>(schema: z.ZodType<T>, json: unknown, url: string, what = ''): T {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const first = schemaProblems(parsed.error, url).slice(0, 5).map((p) => p.message);
  return failWith(url, `${what}${first.join('; ')}`);
}

function failWith(url: string, what: string): never {
  throw shapeError(url, what);
}

// Only what is read is checked; KLASS sends more fields, and new ones must not break the download.
const KLASS_CODES = z.object({
  codes: z.array(z.object({ code: z.string(), name: z.string(), level: z.union([z.string(), z.number()]).nullish() }).passthrough()),
}).passthrough();

const CODE = z.string().nullish();
const KLASS_CHANGES = z.object({
  codeChanges: z.array(z.object({
    oldCode: CODE, newCode: CODE, oldName: z.string().nullish(), newName: z.string().nullish(), changeOccurred: z.string(),
  }).passthrough()),
}).passthrough();

/** `codesAt`: `{ "codes": [{ "code", "name", "level", … }] }`. */
export function parseKlassCodes(json: unknown, url: string): KlassCode[] {
  return checkedAnswer(KLASS_CODES, json, url).codes.map((c) => ({ code: c.code.trim(), name: c.name.trim(), level: String(c.level ?? '1') }));
}

/**
 * `changes`: `{ "codeChanges": [{ "oldCode", "oldName", "newCode", "newName", "changeOccurred" }] }`.
 * A null `oldCode` (a code that began) or `newCode` (a code that ended without successor) says
 * nothing about where a kommune went: the row is skipped with a note rather than failing the download.
 */
export function parseKlassChanges(json: unknown, url: string): KlassChanges {
  const changes: KlassChange[] = [];
  const skipped: string[] = [];
  checkedAnswer(KLASS_CHANGES, json, url).codeChanges.forEach((c, i) => {
    const oldCode = c.oldCode == null ? null : c.oldCode.trim();
    const newCode = c.newCode == null ? null : c.newCode.trim();
    const when = c.changeOccurred.slice(0, 10);
    if (oldCode === null || newCode === null) {
      const side = oldCode === null ? `oldCode er null (${newCode} ${String(c.newName ?? '')} ble opprettet)` : `newCode er null (${oldCode} ${String(c.oldName ?? '')} opphørte)`;
      skipped.push(`KLASS-endring nr. ${i + 1} (${when}) hoppet over: ${side.replace(/ +\)/, ')')}`);
      return;
    }
    changes.push({
      oldCode,
      oldName: String(c.oldName ?? '').trim(),
      newCode,
      newName: String(c.newName ?? '').trim(),
      changeOccurred: when,
    });
  });
  return { changes, skipped };
}

/**
 * Kommuner of a KLASS 131 version. Svalbard (21xx), Jan Mayen (22xx), the continental shelf
 * (23xx) and «Uoppgitt» (99xx) have codes there but are not kommuner of the survey.
 */
export function kommuneCodes(codes: KlassCode[]): KlassCode[] {
  return codes.filter((c) => /^\d{4}$/.test(c.code) && !/^(2[123]|99)/.test(c.code));
}

export function fylkeCodes(codes: KlassCode[]): KlassCode[] {
  return codes.filter((c) => /^\d{2}$/.test(c.code) && !/^(2[123]|99)$/.test(c.code));
}

/**
 * The `to` of a `changes` query for a structure that starts on `date`. KLASS treats `to` as
 * exclusive («to: dato til (eksklusiv)», SSB's KLASS API guide, section «changes»,
 * https://data.ssb.no/api/klass/v1/api-guide.html), so changes taking effect on the new
 * structure's first day (2024-01-01) are only returned with `to` one day later (2024-01-02).
 */
export function exclusiveTo(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
