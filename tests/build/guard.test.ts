// The build's privacy guard checks structure, not values: ordinary comments and contacts that
// happen to read like the site's own words never stop a build, while a column that should never
// be published and still got past the reader always does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertPublishable, PrivacyLeakError } from '../../scripts/lib/privacy';
import { runBuild } from '../../scripts/lib/build';
import { nodeEffects } from '../../scripts/lib/effects';
import type { RenderSite } from '../../scripts/lib/astro';
import { readResponses } from '../../src/lib/read/responses';
import type { SurveyDefinition } from '../../src/lib/types';
import { SECRETS, writeFixture } from '../helpers/fixture';
import { ROOT } from '../helpers/site';

let tmp: string;
let survey: SurveyDefinition;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'digikommune-guard-'));
  survey = JSON.parse(await readFile(join(ROOT, 'data', 'surveys', '2021.json'), 'utf8')) as SurveyDefinition;
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('structural guard', () => {
  it('lets through what the reader keeps from a file full of comments and contacts', async () => {
    await writeFixture(join(tmp, 'unit'));
    const file = join(tmp, 'unit', 'data', 'responses', 'fx.csv');
    const result = readResponses(await readFile(file), { file: 'fx.csv', survey });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(() => assertPublishable(result.columns, result.rows, survey, 'fx.csv')).not.toThrow();
    // The values themselves are gone, not just hidden.
    const kept = JSON.stringify(result.rows);
    for (const secret of Object.values(SECRETS)) expect(kept).not.toContain(secret);
  });

  it('stops on a never-published column that got past the reader, naming the column, never a value', () => {
    const rows = [{ kommunenummer: '0301', kommentar: 'Hemmelig' }];
    const error = (() => {
      try {
        assertPublishable(['kommunenummer', 'kommentar'], rows, survey, 'svar.csv');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PrivacyLeakError);
    expect((error as Error).message).toMatch(/«kommentar».*svar\.csv/);
    expect((error as Error).message).not.toContain('Hemmelig');
  });

  it('stops on contact and unknown columns even when a definition forgets its neverPublished list', () => {
    const bare = { ...survey, neverPublished: { prefixes: [], columns: [], note: '' } };
    expect(() => assertPublishable(['kommunenummer', 'kontakt_navn'], [], bare, 'f.csv')).toThrow(PrivacyLeakError);
    expect(() => assertPublishable(['kommunenummer', 'fritt_felt'], [], bare, 'f.csv')).toThrow(/fritt_felt/);
    // A row carrying a key the column list does not name is a leak too.
    expect(() => assertPublishable(['kommunenummer'], [{ kommunenummer: '0301', kontakt_epost: 'x@y.no' }], bare, 'f.csv')).toThrow(/kontakt_epost/);
  });

  it('the reader drops comment and contact columns even for a definition without a neverPublished list', () => {
    const bare = { ...survey, neverPublished: { prefixes: [], columns: [], note: '' } };
    const header = ['kommunenummer', 'kommentar_x', 'kontakt_navn', 'tidsbruk'];
    const text = `${header.join(',')}\n0301,Sjekk dette,Kari,12\n`;
    const result = readResponses(new TextEncoder().encode(text), { file: 'f.csv', survey: bare });
    // The file lacks the answer columns, so it fails, but not because of the dropped ones.
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(JSON.stringify(result.problems)).not.toMatch(/Sjekk dette|Kari/);
  });
});

describe('guard in the build', () => {
  const page = (body: string): RenderSite => async ({ outDir }) => {
    await writeFile(join(outDir, 'index.html'), `<!doctype html><html lang="nb"><title>t</title><p>${body}</p></html>`);
  };

  it('ordinary comments and contacts that also occur on the pages never stop a build', async () => {
    const args = await writeFixture(join(tmp, 'ordinary'), {
      secretValues: { kommentar: 'Ikke relevant', kommentar_2: 'Informasjonssikkerhet', kontakt_navn: 'Kristian Sand' },
    });
    const data = args[args.indexOf('--data') + 1];
    const reference = args[args.indexOf('--reference') + 1];
    const out = join(tmp, 'ordinary-site');
    await runBuild(
      { root: ROOT, out, dataDir: data, reference, download: false },
      nodeEffects(() => {}),
      // Legitimate page text: an answer label, an item about security, a kommune name.
      { renderSite: page('Ikke relevant · Informasjonssikkerhet · Kristiansand kommune') },
    );
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('Kristiansand');
  });
});
