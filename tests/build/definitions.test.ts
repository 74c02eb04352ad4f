// Year entries, structures and survey definitions are checked against one schema each before any
// data is read: errors name the file and the field, and no path may leave its directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEngine } from '../../scripts/lib/engine';
import { runBuild } from '../../scripts/lib/build';
import { nodeEffects, type BuildEffects } from '../../scripts/lib/effects';
import { describeFailure } from '../../scripts/lib/errors';
import { checkStructure, checkSurvey, checkYearEntry } from '../../src/lib/schema';
import { writeFixture } from '../helpers/fixture';
import { ROOT } from '../helpers/site';

const GOOD_YEAR = { year: 2024, survey: '2021', structure: 'fx', responses: 'responses/fx.csv', synthetic: true, dataDate: '2024-06-30' };
const messages = (r: { ok: boolean; problems?: { message: string }[] }) => (r.ok ? '' : r.problems!.map((p) => p.message).join('\n'));

describe('year entry schema', () => {
  it('accepts the demo entries and extra fields of the publication workflow', async () => {
    for (const y of ['2021', '2024']) {
      const entry = JSON.parse(await readFile(join(ROOT, 'data', 'years', `${y}.json`), 'utf8'));
      expect(messages(checkYearEntry(entry, `${y}.json`))).toBe('');
    }
    expect(checkYearEntry({ ...GOOD_YEAR, version: 2, corrections: [] }, 'x.json').ok).toBe(true);
  });

  it.each([
    [{ year: 99999 }, /«year».*høyst/],
    [{ year: -5 }, /«year».*minst/],
    [{ year: 2024.5 }, /«year».*heltall/],
    [{ year: undefined }, /«year».*mangler/],
    [{ dataDate: '2024-13-45' }, /«dataDate».*ikke en dato/],
    [{ dataDate: '30.06.2024' }, /«dataDate».*ÅÅÅÅ-MM-DD/],
    [{ responses: '../../../../etc/passwd' }, /«responses».*«\.\.»/],
    [{ responses: '/etc/passwd' }, /«responses».*relativ/],
    [{ survey: '../2021' }, /«survey»/],
    [{ synthetic: 'ja' }, /«synthetic»/],
  ])('rejects %j', (change, expected) => {
    const r = checkYearEntry({ ...GOOD_YEAR, ...change }, 'data/years/2024.json');
    expect(r.ok).toBe(false);
    expect(messages(r)).toMatch(expected);
    if (!r.ok) expect(r.problems.every((p) => p.file === 'data/years/2024.json')).toBe(true);
  });
});

describe('structure and survey schemas', () => {
  it('accept the shipped definitions', async () => {
    for (const id of ['2018', '2021']) {
      expect(messages(checkSurvey(JSON.parse(await readFile(join(ROOT, 'data', 'surveys', `${id}.json`), 'utf8')), id))).toBe('');
    }
    for (const id of ['2020', '2024']) {
      expect(messages(checkStructure(JSON.parse(await readFile(join(ROOT, 'data', 'structures', `${id}.json`), 'utf8')), id))).toBe('');
    }
  });

  it('name the field of a broken survey definition', async () => {
    const def = JSON.parse(await readFile(join(ROOT, 'data', 'surveys', '2021.json'), 'utf8'));
    const shape = structuredClone(def);
    delete shape.simple.sky.bins;
    expect(messages(checkSurvey(shape, 'data/surveys/2021.json'))).toMatch(/«simple\.sky\.bins»: mangler/);
    // Names that point elsewhere are checked once the shape is right.
    def.simple.strategi.counts = ['Kanskje'];
    def.optional.kontakt_navn = { question: 'x', text: 'x', answers: 'jaNei' };
    const text = messages(checkSurvey(def, 'data/surveys/2021.json'));
    expect(text).toMatch(/«simple\.strategi\.counts\[0\]».*«Kanskje»/);
    expect(text).toMatch(/«optional\.kontakt_navn».*aldri publiseres/);
  });

  it('keep structure paths inside the reference directory', () => {
    const s = { id: 'x', label: 'X', register: '../../etc/passwd', kommuneBoundaries: null, fylkeBoundaries: null, populationNote: '' };
    expect(messages(checkStructure(s, 'x.json'))).toMatch(/«register»/);
  });
});

describe('in the build', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'digikommune-defs-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  /** The engine on a fixture changed by `edit`, recording every file it reads. */
  async function engineOn(name: string, edit: (data: string) => Promise<void>) {
    const args = await writeFixture(join(tmp, name));
    const data = args[args.indexOf('--data') + 1];
    const reference = args[args.indexOf('--reference') + 1];
    await edit(data);
    const reads: string[] = [];
    const base = nodeEffects(() => {});
    const fx: BuildEffects = { ...base, readFile: (p) => (reads.push(p), base.readFile(p)) };
    const error = await runEngine({ root: ROOT, dataDir: data, reference, artefactDir: join(tmp, name, 'out'), download: false }, fx).then(
      () => null,
      (e: unknown) => e,
    );
    return { error, reads, reference, text: error ? describeFailure(error) : '' };
  }

  it('a path out of the data directory is refused before any file but the year entries is read', async () => {
    const r = await engineOn('escape', async (data) => {
      await writeFile(join(data, 'years', '2024.json'), JSON.stringify({ ...GOOD_YEAR, responses: '../../../../etc/passwd' }));
    });
    expect(r.text).toMatch(/data\/years\/2024\.json.*«responses»/);
    expect(r.reads.some((p) => p.includes('passwd'))).toBe(false);
    expect(r.reads.some((p) => p.startsWith(r.reference))).toBe(false);
    expect(r.reads.some((p) => p.endsWith('.csv'))).toBe(false);
  });

  it('a survey definition without sky.bins stops the build naming file and field, not with a TypeError', async () => {
    const r = await engineOn('nobins', async (data) => {
      const path = join(data, 'surveys', '2021.json');
      const def = JSON.parse(await readFile(path, 'utf8'));
      delete def.simple.sky.bins;
      await writeFile(path, JSON.stringify(def));
    });
    expect(r.text).toMatch(/data\/surveys\/2021\.json.*«simple\.sky\.bins»/);
    expect(r.text).not.toMatch(/Cannot read properties/);
    expect(r.reads.some((p) => p.endsWith('.csv'))).toBe(false);
  });

  it('every broken year entry is listed in one run; two files for one year are refused', async () => {
    const r = await engineOn('years', async (data) => {
      await writeFile(join(data, 'years', '2023.json'), JSON.stringify({ ...GOOD_YEAR, year: 2023.5, dataDate: '2023-02-30' }));
      await writeFile(join(data, 'years', 'kopi.json'), JSON.stringify(GOOD_YEAR));
    });
    expect(r.text).toMatch(/data\/years\/2023\.json.*«year»/);
    expect(r.text).toMatch(/data\/years\/2023\.json.*«dataDate»/);
    expect(r.text).toMatch(/«year»: 2024 står også i/);
  });

  it('the manifest names inputs relative to the data and reference directories, wherever they are', async () => {
    const args = await writeFixture(join(tmp, 'manifest'));
    const out = join(tmp, 'manifest-site');
    await runBuild(
      { root: ROOT, out, dataDir: args[args.indexOf('--data') + 1], reference: args[args.indexOf('--reference') + 1], download: false },
      nodeEffects(() => {}),
      { renderSite: async ({ outDir }) => writeFile(join(outDir, 'index.html'), '<p>ok</p>') },
    );
    const manifest = JSON.parse(await readFile(join(out, 'data', 'manifest.json'), 'utf8')) as { inputs: { path: string }[] };
    const paths = manifest.inputs.map((i) => i.path);
    expect(paths).toContain('data/responses/fx.csv');
    expect(paths).toContain('reference:registers/kommuner-fx.csv');
    for (const p of paths) expect(p).toMatch(/^(data\/|reference:)/);
    expect(JSON.stringify(manifest)).not.toContain(tmp);
  });
});
