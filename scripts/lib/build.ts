// The whole build as one function with its side effects passed in:
// reference → years (read, compute, map) → artefacts (temp) → multi-year → Astro (temp)
// → downloads, manifest, the host profile's files (checked against the host's limits) → atomic
// swap into the output directory, and the host's configuration into `<out>-config` beside it.
// Any failure removes the temp directories and leaves the previous output untouched; a crash
// (no chance to clean up) is repaired by the next build before it starts (see atomic.ts).
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { BuildEffects } from './effects';
import { noFault, recoverOutput, removeStaleTemps, swapIntoPlace, siblingTemp, type Fault } from './atomic';
import { ASTRO_LEFTOVERS, renderWithAstro, type RenderSite } from './astro';
import { normaliseBase, type Redirect } from './headers';
import { checkOutput as checkHostLimits, cannotLine, writeProfile, RULES_FILE } from './hosting';
import { configDirName } from '../../src/lib/publish/profiles';
import type { HostName } from '../../src/lib/publish/hostLimits';
import { DYNAMIC_REDIRECTS } from '../../src/lib/publish/dynamicRedirects';
import type { LimitCheck, OutputMeasure } from '../../src/lib/publish/checkLimits';
import { buildManifest } from './manifest';
import { runEngine, type EngineResult } from './engine';
import { prepareDownloads, publishDownloads, type DownloadSet } from './downloads';
import { dataPackage, type PackageCsv } from './datapackage';
import { publishKommuneFiles } from './kommuneFiles';
import { generatedDate } from './generated';
import { InputError } from './errors';
import { parseIdentity, PLACEHOLDER_ORIGIN, publicationOrigin, type SiteIdentity } from '../../src/lib/publication/identity';
import { numberRedirects, type NumberRedirect } from '../../src/lib/publication/numberRedirects';
import { isTextOutput } from './sitefiles';
import { prepareCards, publishCards, type PublishedCards } from './cards/stage';
import { drawPngs } from './cards/draw';
import { drawingsFolder } from './drawings';

export interface BuildOptions {
  /** Project root: package.json, data/ (unless dataDir), the Astro site (unless siteRoot). */
  root: string;
  out: string;
  dataDir?: string;
  reference?: string | null;
  base?: string;
  site?: string;
  siteRoot?: string;
  sourceDateEpoch?: string;
  /** Keep a copy of the artefacts here (for `astro dev`); replaced atomically like the output. */
  artefactsOut?: string | null;
  /** Fetch reference data when none is found (default true). */
  download?: boolean;
  /**
   * Where drawn share cards are kept between builds, and under `tegninger/` the shared chart drawings
   * (scripts/lib/drawings.ts); default node_modules/.cache/digikommune-kort; null: none, all drawn.
   */
  cardCache?: string | null;
  /** The host profile (issue 17): which host files to write and whose limits to check. Default 'any'. */
  host?: HostName;
}

export interface BuildTimings {
  engineMs: number;
  pagesMs: number;
  /** How long the build waited for the share cards after the pages were done (they are drawn meanwhile). */
  cardsWaitMs: number;
  totalMs: number;
}

export interface BuildResult {
  out: string;
  timings: BuildTimings;
  engine: EngineResult;
  cards: PublishedCards & { drawn: number };
  host: { name: HostName; configDir: string; measure: OutputMeasure; checks: LimitCheck[] };
}

/** What `npm run build -- --report <file>` writes: enough for the bench to measure a build it ran as a child. */
export interface BuildReport {
  timings: BuildTimings;
  cards: { count: number; bytes: number; maxBytes: number; drawn: number };
}

export const buildReport = (r: BuildResult): BuildReport => ({
  timings: r.timings,
  cards: { count: r.cards.count, bytes: r.cards.bytes, maxBytes: r.cards.maxBytes, drawn: r.cards.drawn },
});

export interface BuildStages {
  renderSite: RenderSite;
  now: () => number; // monotonic ms, for timings only (never written to the output)
  /** Called at each named step; a test's fault makes the build die there (DIGIKOMMUNE_FAULT_AT). */
  fault: Fault;
  /** Draws the share cards (the crash tests, which never look at them, skip the drawing). */
  drawPngs: typeof drawPngs;
}

const defaultStages: BuildStages = { renderSite: renderWithAstro, now: () => performance.now(), fault: noFault, drawPngs };

/**
 * What a failed build may truthfully say about the output path. Filled in as the build goes, so
 * the caller can read it after an error: `previous` is true once an earlier complete output is
 * known to be in place (and stays true, since nothing before the atomic swap touches it).
 */
export interface BuildStatus {
  previous: boolean;
}

export async function runBuild(
  options: BuildOptions,
  fx: BuildEffects,
  stages: Partial<BuildStages> = {},
  status: BuildStatus = { previous: false },
): Promise<BuildResult> {
  const { renderSite, now, fault, drawPngs: draw } = { ...defaultStages, ...stages };
  const t0 = now();
  const root = resolve(options.root);
  const out = resolve(root, options.out);
  const base = normaliseBase(options.base);
  const unique = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const tmpArtefacts = siblingTemp(out, 'artefacts', unique);
  const tmpOut = siblingTemp(out, 'new', unique);
  const siteRoot = resolve(root, options.siteRoot ?? '.');
  const tmpCache = siblingTemp(join(siteRoot, 'astro'), 'cache', unique);
  // Astro's own output stays inside the project (see astro.ts); it is moved beside `out` afterwards.
  const astroOut = siblingTemp(join(siteRoot, 'astro'), 'out', unique);
  const host = options.host ?? 'any';
  // The host's configuration is never published: it lives beside the output, replaced with it.
  const configOut = join(dirname(out), configDirName(basename(out)));
  const tmpConfig = siblingTemp(configOut, 'new', unique);

  checkProtected(out, [root, siteRoot, resolve(root, options.dataDir ?? 'data')]);
  await fx.mkdir(dirname(out));
  const keep = options.artefactsOut ? resolve(root, options.artefactsOut) : null;
  // First repair what a crashed build left: the previous output back in place, then the clutter.
  for (const target of keep ? [out, keep] : [out]) {
    const restored = await recoverOutput(fx, target, (dir) => isEarlierBuild(fx, dir, target === keep));
    if (restored) fx.log(`Hentet tilbake forrige versjon av ${target} fra et avbrutt bygg (${restored})`);
  }
  await checkOutput(fx, out);
  await checkConfigDir(fx, configOut);
  status.previous = await fx.exists(out);
  const stale = [out, configOut, join(siteRoot, 'astro'), ...(keep ? [keep] : [])];
  for (const target of stale) for (const name of await removeStaleTemps(fx, target)) fx.log(`Fjernet rester av et avbrutt bygg: ${name}`);

  // 0. Who publishes (data/site.json): a build for publication without a contact or with the
  // demo's placeholder origin stops here, before anything is computed.
  const identityFile = join(resolve(root, options.dataDir ?? 'data'), 'site.json');
  if (!(await fx.exists(identityFile))) {
    throw new InputError(`Fant ikke ${identityFile}: nettstedets identitet (utgiver, adresse, kontakt, lisens). Kopier data/site.json fra prosjektet og tilpass den.`);
  }
  const identity = parseIdentity(new TextDecoder().decode(await fx.readFile(identityFile)), displayData(root, identityFile));
  const publication = options.site !== undefined && options.site.trim() !== '';
  const site = publicationOrigin(identity, options.site, displayData(root, identityFile));

  try {
    // 1. Engine: every year's tables and maps, plus the multi-year tables, into the temp artefact dir.
    const engine = await runEngine(
      {
        root,
        dataDir: resolve(root, options.dataDir ?? 'data'),
        reference: options.reference ?? null,
        artefactDir: tmpArtefacts,
        sourceDateEpoch: options.sourceDateEpoch,
        download: options.download ?? true,
      },
      fx,
    );
    await fx.writeFile(join(tmpArtefacts, 'identity.json'), `${JSON.stringify({ ...identity, siteUrl: site }, null, 1)}\n`);
    const downloads = await prepareDownloads(fx, tmpArtefacts, engine.years.map((y) => y.year));
    fault('engine');
    const cards = await prepareCards(fx, tmpArtefacts);
    const t1 = now();

    // 2. Pages, while worker threads draw the share cards. Figure files (SVG, PNG, CSV) are made
    // in the reader's browser from the figure on the page (public/js/figur.js and, loaded at the first click, figurfil.js; issue 17 §4).
    fx.log(`Bygger sidene med Astro (base ${base}) og tegner ${cards.svgs.length} delingskort …`);
    const cardCache = options.cardCache === undefined ? join(root, 'node_modules', '.cache', 'digikommune-kort') : options.cardCache;
    // The chart drawings are kept with the cards (and, like them, not without a cache).
    const drawings = cardCache === null ? null : await drawingsFolder(fx, siteRoot, cardCache);
    const drawing = draw(fx, [{ svgs: cards.svgs, kind: 'card', cacheDir: cardCache, onDisk: true }]);
    // The SVGs are the drawing's now (10 MB for the demo): not held here while the pages render.
    cards.svgs = [];
    drawing.done.catch(() => {}); // awaited below; a failure meanwhile must not go unhandled
    try {
      await fx.mkdir(astroOut);
      await renderSite({
        siteRoot,
        artefactDir: tmpArtefacts,
        outDir: astroOut,
        base,
        site,
        cacheDir: tmpCache,
        drawings,
      });
      for (const leftover of ASTRO_LEFTOVERS) await fx.rm(join(astroOut, leftover));
      await fx.rename(astroOut, tmpOut);
      if (!(await fx.exists(join(tmpOut, 'index.html')))) {
        throw new Error('Astro laget ingen forside (index.html): bygget er ufullstendig');
      }
      // Inside the try: a failure here must also stop the card workers.
      fault('pages');
    } catch (e) {
      drawing.cancel();
      throw e;
    }
    const t2 = now();
    const [drawn] = await drawing.done;
    const publishedCards = { ...(await publishCards(fx, tmpOut, cards.entries, drawn.pngs, drawn.files)), drawn: drawn.drawn };
    const t2c = now();

    // 3. Downloads, manifest, host files.
    const published = await publishDownloads(fx, tmpArtefacts, tmpOut, downloads);
    await publishKommuneFiles(fx, tmpArtefacts, tmpOut);
    const generated = generatedDate(engine.years.map((y) => y.dataDate), options.sourceDateEpoch);
    const pkg = JSON.parse(new TextDecoder().decode(await fx.readFile(join(root, 'package.json')))) as { name: string; version: string };
    const manifest = buildManifest({
      name: pkg.name,
      version: pkg.version,
      generated,
      base,
      synthetic: engine.years.some((y) => y.synthetic),
      inputs: engine.inputs,
      surveys: engine.surveys,
      years: engine.years.map((y) => ({ ...y, files: published.get(String(y.year)) ?? [] })),
    });
    await fx.mkdir(join(tmpOut, 'data'));
    await fx.writeFile(join(tmpOut, 'data', 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await fx.writeFile(join(tmpOut, 'data', 'datapackage.json'), `${JSON.stringify(await packageOf(fx, tmpArtefacts, downloads, identity, site, generated, engine), null, 2)}\n`);
    const redirects = await readRedirects(fx, tmpArtefacts);
    const byNumber = await readNumberRedirects(fx, tmpArtefacts, engine.years.map((y) => y.year), redirects);
    const fixed = [...redirects, ...byNumber].map((r) => ({ from: r.from, to: r.to, status: ('status' in r && r.status) || 301 }));
    const profile = await writeProfile(fx, tmpOut, tmpConfig, host, { base, fixed, dynamic: DYNAMIC_REDIRECTS });

    // 4. (The privacy guard ran in the engine: see privacy.ts.) Modes independent of the umask.
    await fx.normaliseModes(tmpOut);
    if (publication) await guardPlaceholder(fx, tmpOut);
    fault('guard');
    // Within the host's limits, or nothing is published.
    const { measure, checks, warning } = await checkHostLimits(tmpOut, profile);
    if (warning) fx.log(warning);
    const cannot = cannotLine(profile);
    if (cannot) fx.log(cannot);

    // 5. Publish.
    await swapIntoPlace(fx, tmpOut, out, unique, fault);
    await fx.normaliseModes(tmpConfig);
    await swapIntoPlace(fx, tmpConfig, configOut, unique);
    if (keep) {
      await fx.mkdir(dirname(keep));
      await fx.normaliseModes(tmpArtefacts);
      fault('artefacts');
      await swapIntoPlace(fx, tmpArtefacts, keep, unique);
    }
    const t3 = now();
    fx.log(`Ferdig: ${out} (${engine.years.map((y) => y.year).join(', ')})`);
    return { out, engine, cards: publishedCards, host: { name: host, configDir: configOut, measure, checks }, timings: { engineMs: t1 - t0, pagesMs: t2 - t1, cardsWaitMs: t2c - t2, totalMs: t3 - t0 } };
  } finally {
    await fx.rm(tmpOut);
    await fx.rm(tmpConfig);
    await fx.rm(astroOut);
    await fx.rm(tmpArtefacts);
    await fx.rm(tmpCache);
  }
}

// Re-exported for callers that catch it from the build.
export { PrivacyLeakError } from './privacy';

async function packageOf(fx: BuildEffects, artefactDir: string, sets: DownloadSet[], identity: SiteIdentity, site: string, generated: string, engine: EngineResult) {
  const decoder = new TextDecoder();
  const info = JSON.parse(decoder.decode(await fx.readFile(join(artefactDir, 'site.json')))) as { years: { year: number; surveyName?: string }[] };
  const titles = new Map(engine.surveys.map((s) => [s.id, s.title]));
  const csvs: PackageCsv[] = [];
  for (const set of sets) {
    for (const f of set.files.filter((x) => x.format === 'csv')) {
      csvs.push({ path: `${set.dir}/${f.file}`, table: f.table, dir: set.dir, title: f.title, sha256: f.sha256, bytes: f.bytes, text: decoder.decode(await fx.readFile(join(artefactDir, 'downloads', set.dir, f.file))) });
    }
  }
  return dataPackage({
    identity, siteUrl: site, generated, csvs,
    years: engine.years.map((y) => ({ year: y.year, version: y.version, versionDate: y.versionDate, synthetic: y.synthetic, surveyName: info.years.find((s) => s.year === y.year)?.surveyName ?? titles.get(y.survey) ?? y.survey })),
  });
}

/** A build for publication must not point readers (or search engines) at the demo's origin. */
async function guardPlaceholder(fx: BuildEffects, dir: string): Promise<void> {
  const decoder = new TextDecoder();
  for (const file of await fx.listFiles(dir)) {
    if (!isTextOutput(file)) continue;
    if (decoder.decode(await fx.readFile(join(dir, file))).includes(PLACEHOLDER_ORIGIN)) {
      throw new Error(`${file} inneholder demoens plassholderadresse ${PLACEHOLDER_ORIGIN} i et bygg for publisering. Ingenting er publisert.`);
    }
  }
}

function displayData(root: string, file: string): string {
  const rel = relative(root, file);
  return rel.startsWith('..') ? file : rel.split(sep).join('/');
}

/** The output directory is replaced wholesale, so it must not hold the project or its inputs. */
function checkProtected(out: string, protectedDirs: string[]): void {
  for (const dir of protectedDirs) {
    if (dir === out || dir.startsWith(out + sep)) {
      throw new InputError(`--out ${out} ville erstatte ${dir}; velg en egen katalog for nettstedet (f.eks. dist)`);
    }
  }
}

/** A site (or artefact directory) an earlier build published, which a new build may replace. */
async function isEarlierBuild(fx: BuildEffects, dir: string, artefacts = false): Promise<boolean> {
  if (artefacts) return fx.exists(join(dir, 'site.json'));
  const names = await fx.readdir(dir);
  return names.length === 0 || (await fx.exists(join(dir, 'data', 'manifest.json'))) || (names.includes('index.html') && names.includes('_astro'));
}

/** An existing output directory is only replaced when it is empty or looks like an earlier build. */
async function checkOutput(fx: BuildEffects, out: string): Promise<void> {
  if (!(await fx.exists(out))) return;
  if (!(await isEarlierBuild(fx, out))) {
    throw new InputError(`--out ${out} finnes og ser ikke ut som et tidligere bygg av nettstedet; den erstattes ikke. Velg en annen katalog eller tøm den.`);
  }
}

/** The configuration folder beside the output is replaced wholesale: only when it is ours. */
async function checkConfigDir(fx: BuildEffects, dir: string): Promise<void> {
  if (!(await fx.exists(dir))) return;
  const names = await fx.readdir(dir);
  if (names.length > 0 && !names.includes(RULES_FILE)) {
    throw new InputError(`${dir} finnes og er ikke vertskonfigurasjonen fra et tidligere bygg; den erstattes ikke. Flytt den eller velg en annen --out.`);
  }
}

/** `/kommune/<nr>/` and `/<year>/kommune/<nr>/` → the page (the site writes the same as static pages). */
async function readNumberRedirects(fx: BuildEffects, artefactDir: string, years: number[], moved: Redirect[]): Promise<NumberRedirect[]> {
  const read = async <T>(rel: string) => JSON.parse(new TextDecoder().decode(await fx.readFile(join(artefactDir, rel)))) as T;
  const perYear = [];
  for (const year of years) perYear.push({ year, kommuner: await read<{ kommunenummer: string; kommunenavn: string }[]>(`${year}/indicators.json`) });
  const movedRows = (moved as (Redirect & { kommunenummer_fra?: string; kommunenavn_til?: string })[])
    .filter((r) => r.kommunenummer_fra && r.kommunenavn_til)
    .map((r) => ({ kommunenummer_fra: r.kommunenummer_fra!, to: r.to, kommunenavn_til: r.kommunenavn_til! }));
  return numberRedirects({ latest: Math.max(...years), years: perYear, moved: movedRows });
}

async function readRedirects(fx: BuildEffects, artefactDir: string): Promise<Redirect[]> {
  const file = join(artefactDir, 'redirects.json');
  if (!(await fx.exists(file))) return [];
  return JSON.parse(new TextDecoder().decode(await fx.readFile(file))) as Redirect[];
}
