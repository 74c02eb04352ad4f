// The engine half of the build: reference data → every year's tables and map → multi-year tables,
// written as artefacts (the site's only input). Reading and computing are the pure modules of
// src/lib; this file wires the steps, each in its own module: inputs (confined, hashed),
// definitions (schemas, before any data), one year (engine-year), maps (engine-map).
import { join } from 'node:path';
import type { RegisterRow, YearSummary } from '../../src/lib/types';
import { parseRegister } from '../../src/lib/reference/register';
import { stripBidiControls, withPlainNames } from '../../src/lib/format/bidi';
import { parseCorrespondence } from '../../src/lib/reference/correspondence';
import { REFERENCE_ENV } from '../../src/lib/reference/resolve';
import type { MapGeometry } from '../../src/draw/map/prepare';
import { kommuneDataArtefacts, overTime, overTimeArtefacts, type KommuneDataMeta, type StructureLink } from '../../src/lib/pipeline/overTime';
import type { BuildEffects } from './effects';
import { decodeText } from './effects';
import type { ManifestInput, ManifestYear } from './manifest';
import { generatedDate } from './generated';
import { ensureReferenceDir } from './reference';
import { confinedPath, inputReader } from './engine-inputs';
import { loadDefinitions } from './engine-definitions';
import { prepareMap, type MapCoverage } from './engine-map';
import { runYear } from './engine-year';

export type { MapCoverage } from './engine-map';

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

export interface EngineResult {
  years: EngineYear[];
  inputs: ManifestInput[];
  surveys: { id: string; title: string; sha256: string }[];
  referenceDir: string;
  coverage: Map<number, MapCoverage | null>;
}

export const CREDITS = {
  kartgrunnlag: 'Kartgrunnlag: Kartverket (CC BY 4.0)',
  registre: 'Kommuneinndeling og folketall: Statistisk sentralbyrå (SSB), KLASS 131 og statistikkbanktabell 07459',
  undersokelse: 'Undersøkelsen «Bruk av IKT i offentlig sektor» / «Digitalisering og IKT i offentlig sektor», SSB',
};

const json = (v: unknown) => `${JSON.stringify(v, null, 1)}\n`;

export async function runEngine(o: EngineOptions, fx: BuildEffects): Promise<EngineResult> {
  let referenceDir: string | null = null;
  const input = inputReader(fx, o.dataDir, () => referenceDir);

  // 1. Year entries, survey definitions, structures: checked before anything else is read.
  const { entries, entryFiles, surveys, structures } = await loadDefinitions(fx, o.dataDir, input);

  // 2. Reference data (registers, boundaries, correspondences).
  const refDir = await ensureReferenceDir(
    { option: o.reference, env: process.env[REFERENCE_ENV] ?? null, root: o.root, download: o.download },
    fx,
  );
  referenceDir = refDir;
  fx.log(`Referansedata: ${refDir}`);
  const structureFile = (id: string) => `data/structures/${id}.json`;

  // 3. Every year.
  const registers = new Map<string, RegisterRow[]>();
  const maps = new Map<string, MapGeometry | null>();
  const years: EngineYear[] = [];
  const summaries: YearSummary[] = [];
  const coverage = new Map<number, MapCoverage | null>();
  const overTimeYears: Parameters<typeof overTime>[0]['years'] = [];
  await fx.mkdir(o.artefactDir);
  for (const entry of entries) {
    fx.log(`År ${entry.year}: skjema ${entry.survey}, inndeling ${entry.structure}`);
    const survey = surveys.get(entry.survey)!.def;
    const structure = structures.get(entry.structure)!;
    let register = registers.get(structure.id);
    if (!register) {
      const path = confinedPath(refDir, structure.register, structureFile(structure.id), 'register');
      register = withPlainNames(parseRegister(decodeText(await input.read(path, 'register', `kommuneregisteret for ${structure.label}`)), input.display(path)));
      registers.set(structure.id, register);
    }
    if (!maps.has(structure.id)) maps.set(structure.id, await prepareMap(structure, refDir, input, structureFile(structure.id)));
    const { computed, coverage: cover, publication } = await runYear(
      { entry, entryFile: entryFiles.get(entry.year)!, survey, structure, register, geometry: maps.get(structure.id) ?? null },
      o,
      input,
      fx,
    );
    coverage.set(entry.year, cover);
    const y: EngineYear = {
      year: entry.year,
      survey: entry.survey,
      structure: entry.structure,
      synthetic: entry.synthetic,
      dataDate: entry.dataDate,
      units: register.length,
      respondents: computed.summary.respondents,
      version: publication.version,
      versionDate: publication.versionDate,
    };
    years.push(y);
    summaries.push({ ...y, ...(entry.surveyName ? { surveyName: entry.surveyName } : {}) });
    overTimeYears.push({ year: entry.year, structure: entry.structure, indicators: computed.indicators, survey, items: computed.items });
  }

  // 4. Development over time: the correspondences between the structures in use.
  const links: StructureLink[] = [];
  for (const s of structures.values()) {
    if (!s.previous || !structures.has(s.previous.structure)) continue;
    const path = confinedPath(refDir, s.previous.correspondence, structureFile(s.id), 'previous.correspondence');
    const rows = parseCorrespondence(decodeText(await input.read(path, 'correspondence', `korrespondansen ${s.previous.structure}→${s.id}`)), input.display(path));
    const plain = rows.map((r) => ({ ...r, kommunenavn_2020: stripBidiControls(r.kommunenavn_2020), kommunenavn_2024: stripBidiControls(r.kommunenavn_2024) }));
    links.push({ from: s.previous.structure, to: s.id, rows: plain });
  }
  const generated = generatedDate(years.map((y) => y.dataDate), o.sourceDateEpoch);
  const development = overTime({ years: overTimeYears, links });
  const kommuneMeta: KommuneDataMeta = {
    oppdatert: generated,
    years: Object.fromEntries(entries.map((e) => {
      const y = years.find((x) => x.year === e.year)!;
      return [e.year, { skjema: e.survey, demodata: e.synthetic, versjon: y.version, publisert: y.versionDate }];
    })),
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

  // 5. What the site says about itself.
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
    inputs: input.inputs,
    surveys: [...surveys.entries()].map(([id, s]) => ({ id, title: s.def.title, sha256: s.sha })),
    referenceDir: refDir,
    coverage,
  };
}
