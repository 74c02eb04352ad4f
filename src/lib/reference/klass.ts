// SSB's classification API KLASS: `codesAt` (the codes in force on a date) and `changes` (code
// changes between two dates), in the response shapes of SSB's API guide
// (https://data.ssb.no/api/klass/v1/api-guide.html).
import { ReferenceDownloadError } from './errors';

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

/** `codesAt`: `{ "codes": [{ "code", "name", "level", … }] }`. */
export function parseKlassCodes(json: unknown, url: string): KlassCode[] {
  if (!isRecord(json) || !Array.isArray(json.codes)) throw shapeError(url, 'mangler listen «codes»');
  return json.codes.map((c, i) => {
    if (!isRecord(c) || typeof c.code !== 'string' || typeof c.name !== 'string') {
      throw shapeError(url, `kode nr. ${i + 1} mangler «code» eller «name»`);
    }
    return { code: c.code.trim(), name: c.name.trim(), level: String(c.level ?? '1') };
  });
}

/**
 * `changes`: `{ "codeChanges": [{ "oldCode", "oldName", "newCode", "newName", "changeOccurred" }] }`.
 * A null `oldCode` (a code that began) or `newCode` (a code that ended without successor) says
 * nothing about where a kommune went: the row is skipped with a note rather than failing the download.
 */
export function parseKlassChanges(json: unknown, url: string): KlassChanges {
  if (!isRecord(json) || !Array.isArray(json.codeChanges)) throw shapeError(url, 'mangler listen «codeChanges»');
  const changes: KlassChange[] = [];
  const skipped: string[] = [];
  json.codeChanges.forEach((c, i) => {
    if (!isRecord(c) || typeof c.changeOccurred !== 'string') {
      throw shapeError(url, `endring nr. ${i + 1} mangler «changeOccurred»`);
    }
    const code = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' ? v.trim() : undefined);
    const oldCode = code(c.oldCode);
    const newCode = code(c.newCode);
    if (oldCode === undefined || newCode === undefined) {
      throw shapeError(url, `endring nr. ${i + 1} har «oldCode» eller «newCode» som verken er tekst eller null`);
    }
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
