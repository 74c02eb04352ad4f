// The build's publishing pieces on their own: swap, headers, redirects, manifest, generated date,
// downloads. The end-to-end behaviour is in the other files of tests/build.
import { describe, expect, it } from 'vitest';
import { memFs } from '../helpers/memfs';
import { recoverOutput, removeStaleTemps, swapIntoPlace, siblingTemp } from '../../scripts/lib/atomic';
import { CONTENT_SECURITY_POLICY, headersFile, redirectsFile } from '../../scripts/lib/headers';
import { buildManifest } from '../../scripts/lib/manifest';
import { generatedDate } from '../../scripts/lib/generated';
import { prepareDownloads, publishDownloads } from '../../scripts/lib/downloads';
import { EXCEL_CSV, writeCsv } from '../../src/lib/publish/csv';
import { PUBLISHED_INDICATOR_COLUMNS } from '../../src/lib/pipeline/kommune';
import { describeFailure, InputError, formatProblem } from '../../scripts/lib/errors';
import { parseHeadersFile } from '../helpers/server';

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe('atomic swap', () => {
  it('replaces the old output and removes it', async () => {
    const fx = memFs({ '/w/dist/index.html': 'old', '/w/dist/x.css': 'old', '/w/.tmp-dist-new-1/index.html': 'new' });
    await swapIntoPlace(fx, '/w/.tmp-dist-new-1', '/w/dist', '1');
    expect(text(fx.files.get('/w/dist/index.html'))).toBe('new');
    expect(fx.files.has('/w/dist/x.css')).toBe(false);
    expect([...fx.files.keys()].filter((k) => k.includes('.tmp-'))).toEqual([]);
  });

  it('works when there was no previous output', async () => {
    const fx = memFs({ '/w/.tmp-dist-new-1/index.html': 'new' });
    await swapIntoPlace(fx, '/w/.tmp-dist-new-1', '/w/dist', '1');
    expect(text(fx.files.get('/w/dist/index.html'))).toBe('new');
  });

  it('puts the previous output back when the new one cannot be moved into place', async () => {
    const fx = memFs({ '/w/dist/index.html': 'old', '/w/.tmp-dist-new-1/index.html': 'new' });
    fx.failOn('rename', (p) => p.includes('.tmp-dist-new'));
    await expect(swapIntoPlace(fx, '/w/.tmp-dist-new-1', '/w/dist', '1')).rejects.toThrow(/injected/);
    expect(text(fx.files.get('/w/dist/index.html'))).toBe('old');
  });

  it('removes temp dirs of killed builds, not those of live ones or other outputs', async () => {
    const fx = memFs({
      '/w/.tmp-dist-new-111-ab12/a': 'x',
      '/w/.tmp-dist-artefacts-222-cd34/b': 'x',
      '/w/.tmp-other-new-111-ab12/c': 'x',
      '/w/dist/index.html': 'keep',
    });
    const removed = await removeStaleTemps(fx, '/w/dist', (pid) => pid === 222);
    expect(removed).toEqual(['.tmp-dist-new-111-ab12']);
    expect(fx.files.has('/w/.tmp-dist-artefacts-222-cd34/b')).toBe(true);
    expect(fx.files.has('/w/.tmp-other-new-111-ab12/c')).toBe(true);
    expect(fx.files.has('/w/dist/index.html')).toBe(true);
  });

  it('never removes the old output of a killed build while the output path is empty', async () => {
    const fx = memFs({ '/w/.tmp-dist-old-111-ab12/index.html': 'old', '/w/.tmp-dist-new-111-ab12/index.html': 'unguarded' });
    expect(await removeStaleTemps(fx, '/w/dist', () => false)).toEqual(['.tmp-dist-new-111-ab12']);
    expect(fx.files.has('/w/.tmp-dist-old-111-ab12/index.html')).toBe(true);
  });

  it('brings back the old output of a killed build, never a new one (it was not guarded)', async () => {
    const fx = memFs({ '/w/.tmp-dist-new-111-ab12/index.html': 'unguarded', '/w/.tmp-dist-old-111-ab12/index.html': 'old' });
    const complete = async () => true;
    expect(await recoverOutput(fx, '/w/dist', complete, () => false)).toBe('.tmp-dist-old-111-ab12');
    expect(text(fx.files.get('/w/dist/index.html'))).toBe('old');
    // With the output back in place the remaining leftovers can go.
    expect(await removeStaleTemps(fx, '/w/dist', () => false)).toEqual(['.tmp-dist-new-111-ab12']);
  });

  it('leaves the output alone when it is in place, and a live build’s old output alone', async () => {
    const fx = memFs({ '/w/dist/index.html': 'current', '/w/.tmp-dist-old-222-ab12/index.html': 'old' });
    expect(await recoverOutput(fx, '/w/dist', async () => true, () => false)).toBeNull();
    const empty = memFs({ '/w/.tmp-dist-old-222-ab12/index.html': 'old' });
    expect(await recoverOutput(empty, '/w/dist', async () => true, (pid) => pid === 222)).toBeNull();
    expect(await recoverOutput(empty, '/w/dist', async () => false, () => false)).toBeNull();
  });

  it('keeps temp dirs beside the output so rename stays on one filesystem', () => {
    expect(siblingTemp('/a/b/dist', 'new', 'x')).toBe('/a/b/.tmp-dist-new-x');
  });
});

describe('_headers and _redirects', () => {
  it('ships the strict CSP and security headers for every path, long cache for hashed assets', () => {
    const rules = parseHeadersFile(headersFile('/'));
    const all = rules.find((r) => r.pattern === '/*')!;
    const h = Object.fromEntries(all.headers);
    expect(h['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    for (const d of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) {
      expect(h['Content-Security-Policy']).toContain(d);
    }
    expect(h['Content-Security-Policy']).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBeTruthy();
    const assets = Object.fromEntries(rules.find((r) => r.pattern === '/_astro/*')!.headers);
    expect(assets['Cache-Control']).toMatch(/max-age=31536000.*immutable/);
  });

  it('lets other sites frame /embed/ only: that rule detaches the general policy and sets one with frame-ancestors *', () => {
    const rules = parseHeadersFile(headersFile('/sub/'));
    const embed = rules.find((r) => r.pattern === '/sub/embed/*')!;
    expect(embed.headers.map(([k]) => k)).toEqual(['! Content-Security-Policy', 'Content-Security-Policy']);
    const csp = embed.headers[1][1];
    expect(csp).toContain('frame-ancestors *');
    expect(csp).not.toContain("frame-ancestors 'none'");
    expect(csp.replace('frame-ancestors *', '')).toBe(CONTENT_SECURITY_POLICY.replace("frame-ancestors 'none'", ''));
    // The general rule comes first, so the embed rule is the one a host applies last.
    expect(rules.findIndex((r) => r.pattern === '/sub/*')).toBeLessThan(rules.indexOf(embed));
  });

  it('no rule for /figur/ (figure files are made in the browser) and none relaxes the page policy', () => {
    const rules = parseHeadersFile(headersFile('/'));
    expect(rules.map((r) => r.pattern)).toEqual(['/*', '/_astro/*', '/data/*', '/embed/*']);
    for (const r of rules) for (const [, v] of r.headers) expect(v).not.toContain('unsafe-inline');
  });

  it('prefixes the base path', () => {
    const rules = parseHeadersFile(headersFile('/digikommune'));
    expect(rules.map((r) => r.pattern)).toContain('/digikommune/_astro/*');
    expect(rules.map((r) => r.pattern)).toContain('/digikommune/*');
  });

  it('writes sorted 301 redirects under the base', () => {
    const out = redirectsFile(
      [
        { from: '/kommune/3025-asker/', to: '/kommune/3203-asker/' },
        { from: '/kommune/1507-alesund/', to: '/kommune/1508-alesund/' },
      ],
      '/sub/',
    );
    expect(out.trim().split('\n')).toEqual([
      '/sub/kommune/1507-alesund/ /sub/kommune/1508-alesund/ 301',
      '/sub/kommune/3025-asker/ /sub/kommune/3203-asker/ 301',
    ]);
    expect(redirectsFile([], '/')).toBe('');
  });
});

describe('manifest and generated date', () => {
  it('takes the date from the data, or SOURCE_DATE_EPOCH, never the clock', () => {
    expect(generatedDate(['2021-06-30', '2024-06-30'], undefined)).toBe('2024-06-30');
    expect(generatedDate(['2021-06-30'], '1700000000')).toBe('2023-11-14');
    expect(() => generatedDate(['2021-06-30'], 'soon')).toThrow(/SOURCE_DATE_EPOCH/);
    expect(() => generatedDate([], undefined)).toThrow(/dataDate/);
  });

  it('sorts inputs and years and drops duplicate inputs', () => {
    const m = buildManifest({
      name: 'x', version: '1.0.0', generated: '2024-06-30', base: '/', synthetic: true,
      inputs: [
        { path: 'data/years/2024.json', role: 'year', sha256: 'b', bytes: 2 },
        { path: 'data/years/2021.json', role: 'year', sha256: 'a', bytes: 1 },
        { path: 'data/years/2021.json', role: 'year', sha256: 'a', bytes: 1 },
      ],
      surveys: [{ id: '2021', title: 't', sha256: 'c' }],
      years: [
        { year: 2024, survey: '2021', structure: '2024', synthetic: true, dataDate: '2024-06-30', units: 357, respondents: 300, version: 1, versionDate: '2024-06-30', files: [] },
        { year: 2021, survey: '2021', structure: '2020', synthetic: true, dataDate: '2021-06-30', units: 356, respondents: 290, version: 2, versionDate: '2021-09-01', files: [] },
      ],
    });
    expect(m.inputs.map((i) => i.path)).toEqual(['data/years/2021.json', 'data/years/2024.json']);
    expect(m.years.map((y) => y.year)).toEqual([2021, 2024]);
  });
});

describe('downloads', () => {
  it('writes Excel CSV with BOM, semicolons, CRLF and decimal commas', () => {
    const out = writeCsv(['a', 'b', 'c'], [[0.125, 3, 'x;y']], EXCEL_CSV);
    expect(out.startsWith('\uFEFF')).toBe(true);
    expect(out).toBe('\uFEFFa;b;c\r\n0,125;3;"x;y"\r\n');
  });

  it('publishes the indicator table with names, fylke, population and size class, plus Excel, JSON and a codebook', async () => {
    const contract = 'kommunenummer,svart\n0301,1\n';
    const oslo = { kommunenummer: '0301', svart: 1, prioritering: 4, kommunenavn: 'Oslo', fylkesnummer: '03', fylkesnavn: 'Oslo', innbyggere: 717710, storrelse: '50000+', kompetanse: 'A' };
    const fx = memFs({
      '/a/2021/indicators.csv': contract,
      '/a/2021/indicators.json': JSON.stringify([oslo]),
      '/a/2021/distributions.json': JSON.stringify([{ indicator: 'prioritering', share: 0.5 }]),
    });
    const sets = await prepareDownloads(fx, '/a', [2021]);
    const published = await publishDownloads(fx, '/a', '/o', sets);
    const [header, row] = text(fx.files.get('/o/data/2021/indicators.csv')).trim().split('\n');
    expect(header.split(',')).toEqual([...PUBLISHED_INDICATOR_COLUMNS]);
    expect(row.startsWith('0301,Oslo,03,Oslo,717710,50000+,1,')).toBe(true);
    expect(row.split(',')[header.split(',').indexOf('prioritering')]).toBe('4');
    expect(row.split(',')[header.split(',').indexOf('kompetanse')]).toBe('A');
    expect(text(fx.files.get('/o/data/2021/indicators-excel.csv'))).toContain('0301;Oslo;03;Oslo;717710;50000+;1;');
    expect(text(fx.files.get('/o/data/2021/distributions-excel.csv'))).toContain('prioritering;0,5');
    expect(text(fx.files.get('/o/data/2021/codebook.csv'))).toMatch(/indicators,kommunenummer,"Kommunenummer/);
    expect(fx.files.has('/o/data/2021/items.json')).toBe(false);
    expect(published.get('2021')).toContain('data/2021/indicators.json');
    const listed = JSON.parse(text(fx.files.get('/a/downloads.json')));
    expect(listed[0].files.find((f: { file: string }) => f.file === 'indicators.csv').bytes).toBe(fx.files.get('/o/data/2021/indicators.csv')!.length);
    expect(text(fx.files.get('/o/data/2021/codebook.csv'))).toMatch(/indicators,storrelse,"?Størrelsesklasse/);
  });
});

describe('failure messages', () => {
  it('lists input problems with file, line and column, without a stack trace', () => {
    const e = new InputError('Svarfila kan ikke brukes:', [
      { file: 'data/responses/2021.csv', line: 7, column: 'strategi', value: 'Kanskje', message: 'ventet Ja, Nei eller Vet ikke' },
    ]);
    const msg = describeFailure(e);
    expect(msg).toContain('data/responses/2021.csv:7: kolonne «strategi»: fant «Kanskje»; ventet Ja, Nei eller Vet ikke');
    // A message that already names column and value is not repeated.
    expect(formatProblem({ file: 'f.csv', line: 3, column: 'sky', value: 'X', message: 'kolonne «sky»: fant «X»; forventet Ja' })).toBe('f.csv:3: kolonne «sky»: fant «X»; forventet Ja');
    expect(msg).not.toMatch(/\n\s+at /);
    expect(formatProblem({ file: 'f.csv', message: 'tom' })).toBe('f.csv: tom');
  });
});
