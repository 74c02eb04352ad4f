// The engine half of the build: reference data → every year's tables and map → multi-year tables,
// written as artefacts (the site's only input). Reading and computing are the pure modules of
// src/lib; this file only wires them to the effects and collects what the manifest must record.
import { join, relative } from 'node:path';
import type { Problem, RegisterRow, StructureEntry, SurveyDefinition, YearEntry, YearSummary } from '../../src/lib/types';
import { readResponses } from '../../src/lib/read/responses';
import { parseRegister } from '../../src/lib/reference/register';
import { parseCorrespondence } from '../../src/lib/reference/correspondence';
import { REFERENCE_ENV } from '../../src/lib/reference/resolve';
import { prepareMapGeometry, type MapGeometry } from '../../src/map/prepare';
import { kommuneDataArtefacts, overTime, overTimeArtefacts, type KommuneDataMeta, type StructureLink } from '../../src/lib/pipeline/overTime';
import { computeYear, writeArtefacts } from '../../src/lib/pipeline/artefacts';
import type { BuildEffects } from './effects';
import { decodeText } from './effects';
import { InputError } from './errors';
import { sha256 } from './hash';
import type { ManifestInput, ManifestYear } from './manifest';
import { generatedDate } from './generated';
import type { Secret } from './privacy';
import { decodeBytes } from '../../src/lib/read/decode';
import { parseCsv } from '../../src/lib/read/csv';
import { neverPublishedTest } from '../../src/lib/read/labels';
import { ensureReferenceDir } from './reference';
import {
  changedKommuner, checkPublication, digestFile, digestPath, figureDigest, versionDate,
  type DigestFile, type Publication, type YearPublication,
} from '../../src/lib/publication/versions';

export interface EngineOptions {
  root: string;
  dataDir: string;
  reference: string | null;
  artefactDir: string;
  sourceDateEpoch?: string;
  download: boolean;
  /** 'write' records missing per-version digests in <dataDir>/digests/ (npm run digest); never overwrites. */
  digests?: 'check' | 'write';
}

/** A year as the manifest records it, before the site build adds its published files. */
export type EngineYear = Omit<ManifestYear, 'files'>;

export interface MapCoverage {
  /** Kommuner of the register with no shape in the boundary file: listed, not drawn. */
  missing: { kommunenummer: string; kommunenavn: string }[];
  /** Shapes in the boundary file for numbers not in the register: left off the map. */
  extra: string[];
}

export interface EngineResult {
  years: EngineYear[];
  inputs: ManifestInput[];
  surveys: { id: string; title: string; sha256: string }[];
  referenceDir: string;
  coverage: Map<number, MapCoverage | null>;
  /** Values of never-published columns in the raw input, for the build's privacy guard. */
  secrets: Secret[];
}

export const CREDITS = {
  kartgrunnlag: 'Kartgrunnlag: Kartverket (CC BY 4.0)',
  registre: 'Kommuneinndeling og folketall: Statistisk sentralbyrå (SSB), KLASS 131 og statistikkbanktabell 07459',
  undersokelse: 'Undersøkelsen «Bruk av IKT i offentlig sektor» / «Digitalisering og IKT i offentlig sektor», SSB',
};

const json = (v: unknown) => `${JSON.stringify(v, null, 1)}\n`;

export async function runEngine(o: EngineOptions, fx: BuildEffects): Promise<EngineResult> {
  const inputs: ManifestInput[] = [];
  const read = async (path: string, role: string, label: string): Promise<Uint8Array> => {
    if (!(await fx.exists(path))) throw new InputError(`Fant ikke ${label}: ${path}`);
    const bytes = await fx.readFile(path);
    inputs.push({ path: displayPath(path), role, sha256: sha256(bytes), bytes: bytes.length });
    return bytes;
  };
  const displayPath = (path: string) => {
    const ref = relative(referenceDir, path);
    if (referenceDir && !ref.startsWith('..')) return `reference:${ref.split('\\').join('/')}`;
    const rel = relative(o.root, path);
    // Inputs outside the project (a fixture, a user's own data dir) are named by their full path.
    return rel.startsWith('..') ? path : rel.split('\\').join('/');
  };
  const readJson = async <T>(path: string, role: string, label: string): Promise<T> => {
    const text = decodeText(await read(path, role, label));
    try {
      return JSON.parse(text) as T;
    } catch (e) {
      throw new InputError(`${displayPath(path)}: ugyldig JSON (${(e as Error).message})`);
    }
  };

  // Reference data (registers, boundaries, correspondences).
  const referenceDir = await ensureReferenceDir(
    { option: o.reference, env: process.env[REFERENCE_ENV] ?? null, root: o.root, download: o.download },
    fx,
  );
  fx.log(`Referansedata: ${referenceDir}`);

  const yearsDir = join(o.dataDir, 'years');
  const yearFiles = (await fx.readdir(yearsDir)).filter((f) => f.endsWith('.json'));
  if (yearFiles.length === 0) throw new InputError(`Ingen årganger i ${yearsDir} (ventet <år>.json)`);

  const surveys = new Map<string, { def: SurveyDefinition; sha: string }>();
  const structures = new Map<string, StructureEntry>();
  const registers = new Map<string, RegisterRow[]>();
  const maps = new Map<string, MapGeometry | null>();
  const years: EngineYear[] = [];
  const summaries: YearSummary[] = [];
  const coverage = new Map<number, MapCoverage | null>();
  const overTimeYears: Parameters<typeof overTime>[0]['years'] = [];
  const secrets: Secret[] = [];

  await fx.mkdir(o.artefactDir);
  const entries: YearEntry[] = [];
  const entryFile = new Map<number, string>();
  for (const file of yearFiles) {
    const e = await readJson<YearEntry>(join(yearsDir, file), 'year', 'årgangen');
    entries.push(e);
    entryFile.set(e.year, displayPath(join(yearsDir, file)));
  }
  entries.sort((a, b) => a.year - b.year);

  for (const entry of entries) {
    fx.log(`År ${entry.year}: skjema ${entry.survey}, inndeling ${entry.structure}`);
    let survey = surveys.get(entry.survey);
    if (!survey) {
      const path = join(o.dataDir, 'surveys', `${entry.survey}.json`);
      const def = await readJson<SurveyDefinition>(path, 'survey', `skjemadefinisjonen ${entry.survey}`);
      survey = { def, sha: inputs[inputs.length - 1].sha256 };
      surveys.set(entry.survey, survey);
    }
    let structure = structures.get(entry.structure);
    if (!structure) {
      structure = await readJson<StructureEntry>(join(o.dataDir, 'structures', `${entry.structure}.json`), 'structure', `inndelingen ${entry.structure}`);
      structures.set(entry.structure, structure);
    }
    let register = registers.get(structure.id);
    if (!register) {
      const path = join(referenceDir, structure.register);
      register = parseRegister(decodeText(await read(path, 'register', `kommuneregisteret for ${structure.label}`)), displayPath(path));
      registers.set(structure.id, register);
    }

    const responsesPath = join(o.dataDir, entry.responses);
    const bytes = await read(responsesPath, 'responses', `svarfila for ${entry.year}`);
    // Nothing is revised silently: the file must be the one the recorded version was computed from.
    const publication = checkPublication(entry as unknown as Record<string, unknown> & { year: number }, sha256(bytes), entryFile.get(entry.year)!, displayPath(responsesPath));
    const result = readResponses(bytes, { file: displayPath(responsesPath), survey: survey.def, register });
    if (!result.ok) throw new InputError(`Svarfila for ${entry.year} kan ikke brukes:`, result.problems as Problem[]);
    for (const note of result.notes) fx.log(`  ${note}`);
    secrets.push(...neverPublishedValues(bytes, survey.def, displayPath(responsesPath)));

    const computed = computeYear({ survey: survey.def, rows: result.rows, columns: result.columns, register, year: entry.year, entry, structure });
    const yearDir = join(o.artefactDir, String(entry.year));
    await fx.mkdir(yearDir);
    await writeArtefacts(computed, yearDir, (rel: string, content: string) => fx.writeFile(join(yearDir, rel), content));
    const yearPublication = await publicationOf(entry.year, publication, figureDigest(computed.indicators as unknown as ({ kommunenummer: string } & Record<string, unknown>)[]), o, fx);
    await fx.writeFile(join(yearDir, 'publication.json'), json(yearPublication));

    // Map geometry, once per structure.
    if (!maps.has(structure.id)) maps.set(structure.id, await prepareMap(structure, referenceDir, read));
    const geometry = maps.get(structure.id) ?? null;
    let cover: MapCoverage | null = null;
    if (geometry) {
      const inRegister = new Set(register.map((r) => r.kommunenummer));
      const drawn = new Set(geometry.kommuner.map((k) => k.kommunenummer));
      cover = {
        missing: register.filter((r) => !drawn.has(r.kommunenummer)).map((r) => ({ kommunenummer: r.kommunenummer, kommunenavn: r.kommunenavn })),
        extra: geometry.kommuner.filter((k) => !inRegister.has(k.kommunenummer)).map((k) => k.kommunenummer),
      };
      if (cover.missing.length > 0) fx.log(`  Grensefila mangler ${cover.missing.length} kommune(r): ${cover.missing.map((m) => m.kommunenummer).join(', ')} (listes, tegnes ikke)`);
      if (cover.extra.length > 0) fx.log(`  Grensefila har ${cover.extra.length} kommune(r) som ikke er i registeret: ${cover.extra.join(', ')} (utelatt fra kartet)`);
      const drawnGeometry: MapGeometry = { ...geometry, kommuner: geometry.kommuner.filter((k) => inRegister.has(k.kommunenummer)) };
      await fx.writeFile(join(yearDir, 'map.json'), `${JSON.stringify(drawnGeometry)}\n`);
      await fx.writeFile(join(yearDir, 'map-coverage.json'), json(cover));
    }
    coverage.set(entry.year, cover);

    const respondents = computed.summary.respondents;
    const y: EngineYear = {
      year: entry.year,
      survey: entry.survey,
      structure: entry.structure,
      synthetic: entry.synthetic,
      dataDate: entry.dataDate,
      units: register.length,
      respondents,
      version: yearPublication.version,
      versionDate: yearPublication.versionDate,
    };
    years.push(y);
    summaries.push({ ...y, ...(entry.surveyName ? { surveyName: entry.surveyName } : {}) });
    overTimeYears.push({ year: entry.year, structure: entry.structure, indicators: computed.indicators, survey: survey.def, items: computed.items });
  }

  // Development over time: the correspondences between the structures in use.
  const links: StructureLink[] = [];
  for (const s of structures.values()) {
    if (!s.previous || !structures.has(s.previous.structure)) continue;
    const path = join(referenceDir, s.previous.correspondence);
    const rows = parseCorrespondence(decodeText(await read(path, 'correspondence', `korrespondansen ${s.previous.structure}→${s.id}`)), displayPath(path));
    links.push({ from: s.previous.structure, to: s.id, rows });
  }
  const generated = generatedDate(years.map((y) => y.dataDate), o.sourceDateEpoch);
  const development = overTime({ years: overTimeYears, links });
  const kommuneMeta: KommuneDataMeta = {
    versjon: generated,
    years: Object.fromEntries(entries.map((e) => [e.year, { skjema: e.survey, demodata: e.synthetic }])),
  };
  const files = { ...overTimeArtefacts(development), ...kommuneDataArtefacts(development.model, kommuneMeta) };
  const dirs = new Set<string>();
  for (const rel of Object.keys(files).sort()) {
    const path = join(o.artefactDir, rel);
    const dir = join(path, '..');
    if (!dirs.has(dir)) await fx.mkdir(dir);
    dirs.add(dir);
    await fx.writeFile(path, files[rel]);
  }

  const latest = Math.max(...years.map((y) => y.year));
  await fx.writeFile(
    join(o.artefactDir, 'site.json'),
    json({
      years: summaries,
      latest,
      synthetic: years.some((y) => y.synthetic),
      generated,
      reference: {
        ...CREDITS,
        structures: [...structures.values()].map((s) => ({ id: s.id, label: s.label, populationNote: s.populationNote })),
      },
    }),
  );

  return {
    years,
    inputs,
    surveys: [...surveys.entries()].map(([id, s]) => ({ id, title: s.def.title, sha256: s.sha })),
    referenceDir,
    coverage,
    secrets,
  };
}

/**
 * The year's versions with the kommuner each correction changed, from the committed digests of the
 * earlier versions and the figures just computed.
 */
async function publicationOf(year: number, p: Publication, digest: Record<string, string>, o: EngineOptions, fx: BuildEffects): Promise<YearPublication> {
  const read = async (version: number): Promise<Record<string, string> | null> => {
    const path = join(o.dataDir, digestPath(year, version));
    if (!(await fx.exists(path))) return null;
    return (JSON.parse(decodeText(await fx.readFile(path))) as DigestFile).kommuner;
  };
  const own = await read(p.version);
  if (!own && o.digests === 'write') {
    await fx.mkdir(join(o.dataDir, 'digests'));
    await fx.writeFile(join(o.dataDir, digestPath(year, p.version)), `${JSON.stringify(digestFile(year, p.version, digest), null, 1)}\n`);
    fx.log(`  Skrev ${digestPath(year, p.version)}: commit den sammen med årgangen.`);
  } else if (!own) {
    fx.log(`  Merk: data/${digestPath(year, p.version)} mangler. Kjør «npm run digest» og commit fila, ellers kan en senere rettelse ikke vise hvilke kommuner den endret.`);
  } else {
    const differ = changedKommuner(own, digest);
    if (differ.length > 0) {
      fx.log(`  Advarsel: tallene for ${differ.length} kommune(r) (${differ.slice(0, 5).join(', ')}${differ.length > 5 ? ' …' : ''}) er ikke de som ble publisert i versjon ${p.version} (data/${digestPath(year, p.version)}). Er det en rettelse, registrer en ny versjon.`);
    }
  }
  const changes: YearPublication['changes'] = [];
  for (const c of p.corrections) {
    const before = await read(c.version - 1);
    const after = c.version === p.version ? digest : await read(c.version);
    if (!before || !after) {
      throw new InputError(`Rettelsen til versjon ${c.version} av ${year}: mangler data/${digestPath(year, before ? c.version : c.version - 1)}, så bygget kan ikke vise hvilke kommuner som ble endret. Hent fila fra git-historikken (den ble laget da versjonen ble publisert).`);
    }
    changes.push({ version: c.version, kommuner: changedKommuner(before, after) });
  }
  return { ...p, versionDate: versionDate(p), changes };
}

/** The raw values of the columns the survey definition says are never published. */
function neverPublishedValues(bytes: Uint8Array, survey: SurveyDefinition, file: string): Secret[] {
  const test = neverPublishedTest(survey);
  let parsed;
  try {
    parsed = parseCsv(decodeBytes(bytes).text);
  } catch {
    return []; // the reader accepted the file, so this cannot happen; nothing to guard then
  }
  const columns = parsed.header.map((h, i) => ({ h, i })).filter(({ h }) => test(h));
  const out: Secret[] = [];
  for (const r of parsed.records) {
    for (const { h, i } of columns) {
      const value = r.fields[i]?.trim();
      if (value) out.push({ value, column: h.trim(), file, line: r.line });
    }
  }
  return out;
}

async function prepareMap(
  structure: StructureEntry,
  referenceDir: string,
  read: (path: string, role: string, label: string) => Promise<Uint8Array>,
): Promise<MapGeometry | null> {
  const k = structure.kommuneBoundaries;
  const f = structure.fylkeBoundaries;
  if (!k || !f) return null;
  const parse = (bytes: Uint8Array, file: string) => {
    try {
      return JSON.parse(decodeText(bytes));
    } catch (e) {
      throw new InputError(`Grensefila ${file} er ikke gyldig JSON: ${(e as Error).message}`);
    }
  };
  const kommuner = parse(await read(join(referenceDir, k.file), 'boundaries', `grensefila ${k.file}`), k.file);
  const fylker = parse(await read(join(referenceDir, f.file), 'boundaries', `grensefila ${f.file}`), f.file);
  try {
    return prepareMapGeometry({
      kommuner,
      kommuneObject: k.object,
      idProperty: k.idProperty,
      nameProperty: k.nameProperty,
      fylker,
      fylkeObject: f.object,
      fylkeIdProperty: f.idProperty,
    });
  } catch (e) {
    throw new InputError(`Kunne ikke tegne kartet for ${structure.label} (${k.file}): ${(e as Error).message}`);
  }
}

