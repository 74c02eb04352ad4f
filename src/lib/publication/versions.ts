// Nothing is revised silently (issue 9 §5). Each year entry records the version of its figures and
// the SHA-256 of the responses file they were computed from; a changed file without a new version
// and a correction note (date, what, why) stops the build. A committed digest of every kommune's
// figures per version (data/digests/<år>-v<versjon>.json) tells which kommuner a correction changed.
import { createHash } from 'node:crypto';

export interface Correction {
  version: number;
  date: string; // ISO date the corrected version was published
  what: string;
  why: string;
}

export interface Publication {
  version: number;
  /** ISO date version 1 was published. */
  published: string;
  sha256: string;
  corrections: Correction[];
}

export class PublicationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function recordHint(year: number, version: number, sha: string, published: string | null): string {
  const correction = version > 1
    ? `,\n    "corrections": [ …, { "version": ${version}, "date": "ÅÅÅÅ-MM-DD", "what": "hva som er rettet", "why": "hvorfor" } ]`
    : ',\n    "corrections": []';
  return `  Registrer det i data/years/${year}.json:\n    "version": ${version},\n    "published": "${published ?? 'ÅÅÅÅ-MM-DD'}",\n    "sha256": "${sha}"${correction}\n` +
    `  og lag sammendraget av tallene for versjonen med «npm run digest» (commit data/digests/${year}-v${version}.json).`;
}

/**
 * Checks the year entry's publication fields against the responses file actually read.
 * `entry` is the raw year entry; `file` names it in messages.
 */
export function checkPublication(entry: Record<string, unknown> & { year: number }, actualSha: string, file: string, responsesFile: string): Publication {
  const { year } = entry;
  const problems: string[] = [];
  const version = entry.version;
  const published = entry.published;
  const sha = entry.sha256;
  const corrections = entry.corrections;
  if (version === undefined && sha === undefined) {
    throw new PublicationError(`${file}: årgangen mangler versjon og SHA-256 av svarfila.\n${recordHint(year, 1, actualSha, typeof published === 'string' ? published : null)}`);
  }
  if (!Number.isInteger(version) || (version as number) < 1) problems.push(`«version»: ventet et heltall ≥ 1, fant ${JSON.stringify(version)}`);
  if (typeof published !== 'string' || !ISO_DATE.test(published)) problems.push(`«published»: ventet datoen versjon 1 ble publisert (ÅÅÅÅ-MM-DD), fant ${JSON.stringify(published)}`);
  if (typeof sha !== 'string' || !/^[0-9a-f]{64}$/.test(sha)) problems.push(`«sha256»: ventet 64 heksadesimale tegn, fant ${JSON.stringify(sha)}`);
  if (!Array.isArray(corrections)) problems.push('«corrections»: ventet en liste (tom før første rettelse)');
  const list: Correction[] = [];
  if (Array.isArray(corrections)) {
    corrections.forEach((c: unknown, i: number) => {
      const r = (c ?? {}) as Record<string, unknown>;
      const where = `«corrections[${i}]»`;
      if (r.version !== i + 2) problems.push(`${where}.version: ventet ${i + 2} (rettelsene nummereres fra versjon 2), fant ${JSON.stringify(r.version)}`);
      if (typeof r.date !== 'string' || !ISO_DATE.test(r.date)) problems.push(`${where}.date: ventet ÅÅÅÅ-MM-DD, fant ${JSON.stringify(r.date)}`);
      else if (typeof published === 'string' && r.date < published) problems.push(`${where}.date ${r.date} er før «published» ${published}`);
      else if (list.length > 0 && r.date < list[list.length - 1].date) problems.push(`${where}.date ${r.date} er før forrige rettelse`);
      for (const k of ['what', 'why'] as const) {
        if (typeof r[k] !== 'string' || (r[k] as string).trim() === '') problems.push(`${where}.${k}: ventet en tekst (${k === 'what' ? 'hva som er rettet' : 'hvorfor'})`);
      }
      list.push({ version: r.version as number, date: r.date as string, what: String(r.what ?? ''), why: String(r.why ?? '') });
    });
    if (Number.isInteger(version) && list.length !== (version as number) - 1) {
      problems.push(`«version» ${version} krever ${(version as number) - 1} rettelse(r) i «corrections» (versjon 2 til ${version}), fant ${list.length}`);
    }
  }
  if (problems.length > 0) throw new PublicationError(`${file} kan ikke brukes:\n${problems.map((p) => `  ${file}: ${p}`).join('\n')}`);
  const p: Publication = { version: version as number, published: published as string, sha256: sha as string, corrections: list };
  if (p.sha256 !== actualSha) {
    throw new PublicationError(
      `Svarfila for ${year} (${responsesFile}) er endret siden versjon ${p.version} ble publisert:\n` +
      `  SHA-256 nå ${actualSha}, årgangen har ${p.sha256}.\n` +
      `  Publiserte tall endres ikke i stillhet. Er endringen en rettelse, registrer versjon ${p.version + 1} med en rettelsesnote (dato, hva, hvorfor).\n` +
      `${recordHint(year, p.version + 1, actualSha, p.published)}\n` +
      '  Var endringen ikke ment, legg tilbake fila som ble publisert.',
    );
  }
  return p;
}

/** The date the current version was published. */
export function versionDate(p: Publication): string {
  return p.corrections.length > 0 ? p.corrections[p.corrections.length - 1].date : p.published;
}

/**
 * Fields of a kommune's row that come from the register, not the survey: left out, so the digest
 * is of the survey figures only (and nothing committed is made from the reference data).
 */
const NOT_FIGURES = new Set(['kommunenavn', 'fylkesnummer', 'fylkesnavn', 'innbyggere', 'storrelse']);

function stable(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${stable(o[k])}`).join(',')}}`;
}

/** kommunenummer → short hash of the kommune's published figures. */
export function figureDigest(rows: readonly ({ kommunenummer: string } & Record<string, unknown>)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of [...rows].sort((a, b) => (a.kommunenummer < b.kommunenummer ? -1 : 1))) {
    const figures = Object.fromEntries(Object.entries(r).filter(([k]) => !NOT_FIGURES.has(k)));
    out[r.kommunenummer] = createHash('sha256').update(stable(figures)).digest('hex').slice(0, 16);
  }
  return out;
}

/** Kommuner whose figures differ between two digests (also those only in one of them), sorted. */
export function changedKommuner(before: Record<string, string>, after: Record<string, string>): string[] {
  const all = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...all].filter((k) => before[k] !== after[k]).sort();
}

export interface DigestFile {
  year: number;
  version: number;
  note: string;
  kommuner: Record<string, string>;
}

export const digestPath = (year: number, version: number) => `digests/${year}-v${version}.json`;

export function digestFile(year: number, version: number, kommuner: Record<string, string>): DigestFile {
  return {
    year, version,
    note: 'Sammendrag (SHA-256, 16 tegn) av hver kommunes publiserte tall i denne versjonen. Brukes til å vise hvilke kommuner en senere rettelse endret. Skrives av «npm run digest», endres aldri.',
    kommuner,
  };
}

/** What the site shows: each correction with the kommuner it changed. */
export interface YearPublication extends Publication {
  versionDate: string;
  changes: { version: number; kommuner: string[] }[];
}
