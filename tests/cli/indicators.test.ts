// The engine CLI end to end: once as the acceptance checks call it (a child process), the other
// runs through the same main() in this process (no tsx start per run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/indicators';

const ROOT = new URL('../..', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'tests/fixtures/pipeline');
const RESPONSES = join(FIXTURES, 'responses-2021.csv');
const REGISTER = join(FIXTURES, 'register.csv');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const work = mkdtempSync(join(tmpdir(), 'digikommune-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HEADER = 'kommunenummer,svart,strategi_antall,strategi_score,prosjekt_antall,prosjekt_score,prioritering,sky_antall,sky_score,innkjop_antall,innkjop_score,tjenester_poeng,tjenester_score,bruk,aktivitet,interne_antall,interne_score,kompetansehinder,rekruttert,kompetanse';

function run(script: string, args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
/** The real command in its own process. */
const spawned = (...args: string[]) => run('indicators.ts', args);
/** The command's main() in this process, with what it writes and its exit code. */
async function indicators(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function listing(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
}

describe('npm run indicators', () => {
  const out = join(work, 'ok');
  const ok = spawned('--responses', RESPONSES, '--survey', '2021', '--register', REGISTER, '--out', out);

  it('succeeds and writes the contract header exactly, one row per register kommune', () => {
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const csv = readFileSync(join(out, 'indicators.csv'), 'utf8');
    const lines = csv.split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1, -1).map((l) => l.slice(0, 6))).toEqual(
      ['1009,1', '1010,1', '1011,1', '1012,1', '1013,0', '9901,1', '9902,1', '9903,1', '9904,1', '9905,1', '9906,1', '9907,1', '9908,1', '9909,0'],
    );
    // 1012 by hand: strategi 13 → 4, prosjekter 8 → 3 → prioritering 4; aktivitet(bruk 3, tjenester 2) = 2
    expect(lines.find((l) => l.startsWith('1012,'))).toBe('1012,1,13,4,8,3,4,6,2,7,3,2,2,3,2,1,1,liten,0,C');
    for (const f of ['indicators-excel.csv', 'indicators.json', 'distributions.json', 'distributions.csv', 'items.json', 'items.csv']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    expect(readdirSync(work).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('no byte of free text or contact details reaches any output file', () => {
    const input = readFileSync(RESPONSES, 'utf8');
    expect(input).toContain('HEMMELIG kommentar'); // the fixture really carries them
    const all = Object.values(listing(out)).join('\n') + ok.stdout + ok.stderr;
    const asUtf8 = Buffer.from(all, 'latin1').toString('utf8');
    for (const secret of ['HEMMELIG', 'kari1@hemmelig.example', 'Kari Kontakt', '+47 999 00', '«privat»', 'Testkommune 3']) {
      expect(asUtf8.includes(secret), secret).toBe(false);
    }
  });

  it('without --register: the rows are the 12 respondents', async () => {
    const o = join(work, 'noreg');
    const r = await indicators('--responses', RESPONSES, '--survey', '2021', '--out', o);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(o, 'indicators.csv'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(13);
    expect(lines.slice(1).every((l) => l.split(',')[1] === '1')).toBe(true);
  });

  it('a Windows-1252, semicolon, CRLF export gives the same table', async () => {
    const utf8 = readFileSync(RESPONSES, 'utf8');
    expect(utf8).toMatch(/[æøå]/); // labels such as «I svært stor grad», «leverandører»
    const semicolon = utf8
      .split('\n')
      .filter((l) => l !== '')
      .map((line) => {
        // re-delimit: split on commas outside quotes, then join with ';' (quoting cells holding ';')
        const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '')).slice(0, -1);
        return cells.map((c) => (c.includes(';') && !c.startsWith('"') ? `"${c}"` : c)).join(';');
      })
      .join('\r\n');
    const cp1252 = Buffer.from([...semicolon].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code < 256) return code;
      if (ch === '«' || ch === '»') return code;
      throw new Error(`not in Windows-1252: ${ch}`);
    }));
    expect(cp1252.includes(0xf8)).toBe(true); // ø as one byte
    const file = join(work, 'export-1252.csv');
    writeFileSync(file, cp1252);
    const o = join(work, 'cp1252');
    const r = await indicators('--responses', file, '--survey', '2021', '--register', REGISTER, '--out', o);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(o, 'indicators.csv'), 'utf8')).toBe(readFileSync(join(out, 'indicators.csv'), 'utf8'));
  });

  it('a bad file exits non-zero, prints the problems and leaves --out absent', async () => {
    const bad = join(work, 'bad.csv');
    const [head, ...rest] = readFileSync(RESPONSES, 'utf8').split('\n');
    const cols = head.split(',');
    const i = cols.indexOf('sky');
    writeFileSync(bad, [cols.filter((_, k) => k !== i).join(','), ...rest.map((l) => l.split(',').filter((_, k) => k !== i).join(','))].join('\n'));
    const o = join(work, 'never');
    const r = await indicators('--responses', bad, '--survey', '2021', '--out', o);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('sky');
    expect(r.stderr).toContain('bad.csv');
    expect(existsSync(o)).toBe(false);
    expect(readdirSync(work).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('a bad file leaves an existing --out untouched', async () => {
    const o = join(work, 'existing');
    mkdirSync(o);
    writeFileSync(join(o, 'indicators.csv'), 'gammel\n');
    writeFileSync(join(o, 'annet.txt'), 'behold meg\n');
    const before = listing(o);
    const bad = join(work, 'unknown-label.csv');
    writeFileSync(bad, readFileSync(RESPONSES, 'utf8').replace('I svært liten grad', 'Litt grann'));
    const r = await indicators('--responses', bad, '--survey', '2021', '--out', o);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Litt grann');
    expect(listing(o)).toEqual(before);
  });

  it('a kommunenummer outside the register is rejected', async () => {
    const o = join(work, 'reg-miss');
    const small = join(work, 'small-register.csv');
    writeFileSync(small, readFileSync(REGISTER, 'utf8').split('\n').filter((l) => !l.startsWith('9903')).join('\n'));
    const r = await indicators('--responses', RESPONSES, '--survey', '2021', '--register', small, '--out', o);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('9903');
    expect(existsSync(o)).toBe(false);
  });

  it('an unknown option or a missing required option is an error and writes nothing', async () => {
    const o = join(work, 'opt');
    const r = await indicators('--responses', RESPONSES, '--survey', '2021', '--out', o, '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ukjent valg «--frobnicate»');
    expect(r.stderr).not.toMatch(/Unknown option/);
    expect((await indicators('--responses', RESPONSES, '--out', o)).code).not.toBe(0);
    expect(existsSync(o)).toBe(false);
  });

  it('an unknown survey form names the known ones', async () => {
    const r = await indicators('--responses', RESPONSES, '--survey', '1999', '--out', join(work, 'x'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2018');
    expect(r.stderr).toContain('2021');
  });

  it('--help explains every option', async () => {
    const r = await indicators('--help');
    expect(r.code).toBe(0);
    for (const opt of ['--responses', '--survey', '--register', '--encoding', '--out', '--help']) expect(r.stdout).toContain(opt);
  });
});

describe('npm run bins', () => {
  it('prints the median of the non-zero counts, beside the bins in force', () => {
    const r = run('bins.ts', ['--responses', RESPONSES, '--survey', '2021', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { key: string; median: number; nonZero: number; inForce: number[] }[];
    const by = Object.fromEntries(report.map((x) => [x.key, x]));
    // strategi counts of the fixture, non-zero: 5 6 9 10 12 13 13 14 → median (10 + 12) / 2 = 11
    expect(by.strategi.nonZero).toBe(8);
    expect(by.strategi.median).toBe(11);
    expect(by.strategi.inForce).toEqual([1, 6, 10, 13]);
    // prosjekter non-zero: 1 4 4 5 6 7 8 9 9 → median 6
    expect(by.prosjekter.median).toBe(6);
    const table = run('bins.ts', ['--responses', RESPONSES, '--survey', '2021']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('1–5 | 6–9 | 10–12 | 13–14');
  });
});
