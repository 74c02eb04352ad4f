// Nothing revised silently, and a publication build names its publisher (issue 9 §3, §5), on the
// small fixture: a changed responses file without a new version stops the build; a recorded
// correction shows «Rettet» on exactly the kommuner whose figures changed; a build for publication
// refuses to start without a contact and never contains the placeholder origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runBuildCli } from '../helpers/site';
import { writeFixture } from '../helpers/fixture';
import { listFiles } from '../helpers/linkcheck';
import { isTextOutput } from '../../scripts/lib/sitefiles';
import { PLACEHOLDER_ORIGIN } from '../../src/lib/publication/identity';

const ORIGIN = 'https://kommunetall.example.no';
let tmp: string;
let args: string[];
let data: string;
let responses: string;

function runDigest(dataDir: string, ref: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'digest.ts'), '--data', dataDir, '--reference', ref], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

/** The fixture's responses with the answers of the first two respondents swapped. */
function swapFirstTwo(csv: string): string {
  const lines = csv.split('\r\n');
  const [a, b] = [lines[1], lines[2]];
  const nr = (l: string) => l.slice(0, l.indexOf(','));
  const rest = (l: string) => l.slice(l.indexOf(','));
  lines[1] = nr(a) + rest(b);
  lines[2] = nr(b) + rest(a);
  return lines.join('\r\n');
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'digikommune-corrections-'));
  args = await writeFixture(join(tmp, 'input'));
  data = args[args.indexOf('--data') + 1];
  responses = await readFile(join(data, 'responses', 'fx.csv'), 'utf8');
  const d = await runDigest(data, args[args.indexOf('--reference') + 1]);
  expect(d.code, d.out).toBe(0);
  expect(existsSync(join(data, 'digests', '2024-v1.json'))).toBe(true);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('a build for publication', () => {
  it('refuses to start without a contact, saying where to add one', async () => {
    const out = join(tmp, 'no-contact');
    const r = await runBuildCli(['--out', out, ...args, '--site', ORIGIN]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/krever et kontaktpunkt[\s\S]*site\.json[\s\S]*"contact"/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('changed responses', () => {
  it('without a new version stop the build with instructions, and nothing is written', async () => {
    await writeFile(join(data, 'responses', 'fx.csv'), swapFirstTwo(responses));
    const out = join(tmp, 'silent');
    const r = await runBuildCli(['--out', out, ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/er endret siden versjon 1[\s\S]*"version": 2[\s\S]*"corrections"[\s\S]*"what"[\s\S]*"why"/);
    expect(r.stderr).toContain(sha(swapFirstTwo(responses)));
    expect(existsSync(out)).toBe(false);
  });

  describe('with a recorded correction, built for publication', () => {
    let site: string;
    let changed: string[];
    beforeAll(async () => {
      const corrected = swapFirstTwo(responses);
      await writeFile(join(data, 'responses', 'fx.csv'), corrected);
      const entryFile = join(data, 'years', '2024.json');
      const entry = JSON.parse(await readFile(entryFile, 'utf8'));
      await writeFile(entryFile, JSON.stringify({
        ...entry, version: 2, sha256: sha(corrected),
        corrections: [{ version: 2, date: '2024-09-01', what: 'Svarene til to kommuner var byttet om.', why: 'Feil ved innlesing.' }],
      }));
      const identityFile = join(data, 'site.json');
      const identity = JSON.parse(await readFile(identityFile, 'utf8'));
      await writeFile(identityFile, JSON.stringify({ ...identity, publisher: 'Testkontoret', contact: { email: 'kontakt@kommunetall.example.no' } }));
      site = join(tmp, 'site');
      const r = await runBuildCli(['--out', site, ...args, '--site', ORIGIN]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const log = await readFile(join(site, 'endringslogg', 'index.html'), 'utf8');
      changed = /Tallene endret seg for \d+ kommuner?: ([\d, ]+)\./.exec(log)?.[1].split(', ') ?? [];
    });

    it('lists the correction in /endringslogg/ and the feed, newest first', async () => {
      const log = await readFile(join(site, 'endringslogg', 'index.html'), 'utf8');
      expect(log.indexOf('id="rettet-2024-v2"')).toBeGreaterThan(-1);
      expect(log.indexOf('id="rettet-2024-v2"')).toBeLessThan(log.indexOf('id="publisert-2024"'));
      expect(log).toContain('Svarene til to kommuner var byttet om.');
      expect(await readFile(join(site, 'feed.xml'), 'utf8')).toContain(`${ORIGIN}/endringslogg/#rettet-2024-v2`);
    });

    it('says «Rettet» on the overview and on exactly the kommuner whose figures changed', async () => {
      expect(changed.length).toBeGreaterThan(0);
      expect(await readFile(join(site, '2024', 'index.html'), 'utf8')).toContain('Rettet 1. september 2024');
      const pages = (await listFiles(site)).filter((f) => /^2024\/kommune\/\d{4}-[^/]+\/index\.html$/.test(f));
      expect(pages.length).toBeGreaterThan(changed.length);
      for (const page of pages) {
        const nr = /kommune\/(\d{4})-/.exec(page)![1];
        const text = await readFile(join(site, page), 'utf8');
        expect(text.includes('Rettet 1. september 2024'), page).toBe(changed.includes(nr));
      }
    });

    it('cites version 2 with its date, and the manifest and data package carry it', async () => {
      const page = (await listFiles(site)).find((f) => f.startsWith(`2024/kommune/${changed[0]}-`))!;
      expect(await readFile(join(site, page), 'utf8')).toMatch(new RegExp(`Testkontoret \\(2024\\)\\. [^<]*versjon 2, publisert 1\\. september 2024\\. ${ORIGIN}/2024/kommune/${changed[0]}-`));
      const manifest = JSON.parse(await readFile(join(site, 'data', 'manifest.json'), 'utf8'));
      expect(manifest.years[0]).toMatchObject({ year: 2024, version: 2, versionDate: '2024-09-01' });
      expect(JSON.parse(await readFile(join(site, 'data', 'datapackage.json'), 'utf8')).version).toBe('2024.2');
    });

    it('never contains the placeholder origin, and names the contact in every footer', async () => {
      const hits: string[] = [];
      for (const f of await listFiles(site)) {
        if (!isTextOutput(f)) continue;
        const text = await readFile(join(site, f), 'utf8');
        if (text.includes(PLACEHOLDER_ORIGIN)) hits.push(f);
      }
      expect(hits).toEqual([]);
      expect(await readFile(join(site, 'index.html'), 'utf8')).toMatch(/<link rel="canonical" href="https:\/\/kommunetall\.example\.no\/"/);
      expect(await readFile(join(site, 'tilgjengelighet', 'index.html'), 'utf8')).toContain('mailto:kontakt@kommunetall.example.no');
    });
  });
});
