// The whole download: boundaries from pinned upstream files (checked against SHA-256), registers
// and correspondences from SSB's open APIs (KLASS and StatBank). Pure apart from the injected
// HTTP context: the result is a map of file contents; writing them is the caller's job, so nothing
// is written unless every file arrived and checked out.
import type { RegisterRow } from '../types';
import { buildCorrespondence, buildRegister } from './build';
import { formatCorrespondence } from './correspondence';
import { ReferenceDownloadError } from './errors';
import { sha256 } from './hash';
import { get, getJson, type HttpContext } from './http';
import { populationFromJsonStat, parseJsonStat2, populationQuery, populationQueryV0 } from './jsonstat';
import { exclusiveTo, fylkeCodes, kommuneCodes, parseKlassChanges, parseKlassCodes } from './klass';
import { DEFAULT_PLAN, type ReferencePlan } from './plan';
import { formatRegister } from './register';

/** Which StatBank API answered a population query. */
export type StatbankApi = 'pxwebapi-v2' | 'v0';

export interface SourceRecord {
  file: string;
  urls: string[];
  sha256: string;
  /** For registers with population: the StatBank API that answered. */
  statbankApi?: StatbankApi;
}

export interface DownloadResult {
  /** Path relative to the reference directory → file bytes (kilder.json included). */
  files: Map<string, Uint8Array>;
  /** Provenance per file (also written as `kilder.json`). */
  sources: SourceRecord[];
  /** KLASS rows skipped (null codes) and similar remarks, also in `kilder.json`. */
  notes: string[];
}

export const KILDER_FILE = 'kilder.json';

/**
 * Population of `kommuner` on 1 January `year` from table 07459: PxWebApi 2 first; v0 only when v2
 * answers 404 or 410 (the old API lives on without an end date, the new one is what SSB documents).
 */
async function population(ctx: HttpContext, plan: ReferencePlan, kommuner: string[], year: number) {
  const post = (body: string) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  try {
    const json = await getJson(ctx, plan.statbankTable, post(populationQuery(kommuner, year)));
    const values = populationFromJsonStat(parseJsonStat2(json, plan.statbankTable), year, plan.statbankTable);
    return { values, url: plan.statbankTable, api: 'pxwebapi-v2' as StatbankApi };
  } catch (e) {
    if (!(e instanceof ReferenceDownloadError) || (e.status !== 404 && e.status !== 410)) throw e;
    ctx.log(`  PxWebApi 2 svarte ${e.status}; bruker v0 (${plan.statbankTableV0})`);
    const json = await getJson(ctx, plan.statbankTableV0, post(populationQueryV0(kommuner, year)));
    const values = populationFromJsonStat(parseJsonStat2(json, plan.statbankTableV0), year, plan.statbankTableV0);
    return { values, url: plan.statbankTableV0, api: 'v0' as StatbankApi };
  }
}

export async function downloadReference(ctx: HttpContext, plan: ReferencePlan = DEFAULT_PLAN): Promise<DownloadResult> {
  const files = new Map<string, Uint8Array>();
  const records = new Map<string, Omit<SourceRecord, 'sha256' | 'file'>>();
  const notes: string[] = [];
  const enc = new TextEncoder();

  for (const b of plan.boundaries) {
    const bytes = await get(ctx, b.url);
    const actual = sha256(bytes);
    if (actual !== b.sha256) {
      throw new ReferenceDownloadError(
        `Sjekksummen stemmer ikke for ${b.file} (${b.url}): fikk SHA-256 ${actual}, ventet ${b.sha256}. Ingenting er lagret.`,
        b.url,
      );
    }
    files.set(b.file, bytes);
    records.set(b.file, { urls: [b.url] });
  }

  const registers = new Map<string, RegisterRow[]>();
  const dates = new Map<string, string>();
  for (const r of plan.registers) {
    const kUrl = `${plan.klassBase}/classifications/131/codesAt?date=${r.date}`;
    const fUrl = `${plan.klassBase}/classifications/104/codesAt?date=${r.date}`;
    const kommuner = kommuneCodes(parseKlassCodes(await getJson(ctx, kUrl), kUrl));
    if (kommuner.length !== r.expectedCount) {
      throw new ReferenceDownloadError(`KLASS 131 ga ${kommuner.length} kommuner per ${r.date}, ventet ${r.expectedCount} (${kUrl})`, kUrl);
    }
    const fylker = fylkeCodes(parseKlassCodes(await getJson(ctx, fUrl), fUrl));
    const record: Omit<SourceRecord, 'sha256' | 'file'> = { urls: [kUrl, fUrl] };
    let values: Map<string, number | null> | null = null;
    if (r.populationYear !== null) {
      const p = await population(ctx, plan, kommuner.map((k) => k.code), r.populationYear);
      values = p.values;
      record.urls.push(`${p.url} (Tid=${r.populationYear})`);
      record.statbankApi = p.api;
    }
    const rows = buildRegister(kommuner, fylker, values, r.file);
    registers.set(r.file, rows);
    dates.set(r.file, r.date);
    files.set(r.file, enc.encode(formatRegister(rows)));
    records.set(r.file, record);
  }

  for (const c of plan.correspondences) {
    const oldRows = registers.get(c.oldRegister);
    const newRows = registers.get(c.newRegister);
    if (!oldRows || !newRows) throw new Error(`Planen for ${c.file} viser til registre som ikke lastes ned`);
    const from = dates.get(c.oldRegister)!;
    const to = dates.get(c.newRegister)!;
    const url = `${plan.klassBase}/classifications/131/changes?from=${from}&to=${exclusiveTo(to)}`;
    const { changes, skipped } = parseKlassChanges(await getJson(ctx, url), url);
    for (const note of skipped) {
      ctx.log(`  ${note}`);
      notes.push(`${c.file}: ${note}`);
    }
    const rows = buildCorrespondence(oldRows, newRows, changes, from, to, c.file);
    files.set(c.file, enc.encode(formatCorrespondence(rows, { old: from.slice(0, 4), new: to.slice(0, 4) })));
    records.set(c.file, { urls: [url] });
  }

  const sources = [...files.keys()].sort().map((file) => ({ file, ...records.get(file)!, sha256: sha256(files.get(file)!) }));
  const kilder = { note: 'Kilder for referansedataene i denne katalogen (skrevet av npm run reference).', files: sources, notes };
  files.set(KILDER_FILE, enc.encode(JSON.stringify(kilder, null, 2) + '\n'));
  return { files, sources, notes };
}
