import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PLAN,
  buildCorrespondence,
  downloadReference,
  kommuneCodes,
  parseJsonStat2,
  parseKlassChanges,
  parseKlassCodes,
  populationFromJsonStat,
  sumByDimension,
  type FetchLike,
  type ReferencePlan,
} from '../../src/lib/reference/download';
import { ReferenceDataError, ReferenceDownloadError, ReferenceOfflineError } from '../../src/lib/reference/errors';
import { downloadReferenceTo, ensureReference, readReferenceText, requireReferenceDir } from '../../src/lib/reference/node';
import { parseCorrespondence } from '../../src/lib/reference/correspondence';
import { parseRegister } from '../../src/lib/reference/register';
import type { RegisterRow } from '../../src/lib/types';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/reference');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const json = (name: string) => JSON.parse(fixture(name).toString('utf8'));
const hash = (s: string) => createHash('sha256').update(s).digest('hex');

const KLASS = 'https://klass.test/v1';
const STATBANK = 'https://statbank.test/07459/';
const GEO = (name: string) => `https://raw.test/${name}`;
const geoBody = (name: string) => `{"type":"Topology","note":"fake ${name}"}`;

/** The default plan with fake hosts, fake boundary files and counts that fit the small fixtures. */
const PLAN: ReferencePlan = {
  klassBase: KLASS,
  statbankTable: STATBANK,
  boundaries: DEFAULT_PLAN.boundaries.map((b) => ({ file: b.file, url: GEO(b.file), sha256: hash(geoBody(b.file)) })),
  registers: DEFAULT_PLAN.registers.map((r) => ({ ...r, expectedCount: { '2018-01-01': 3, '2020-01-01': 4, '2024-01-01': 5 }[r.date]! })),
  correspondences: DEFAULT_PLAN.correspondences,
};

interface Call {
  url: string;
  method: string;
  body?: string;
}

/** Serves the fixtures at the URLs the download asks for, like the real APIs would. */
function fakeFetch(calls: Call[] = [], override: (url: string) => Uint8Array | null = () => null): FetchLike {
  return async (url, init) => {
    calls.push({ url, method: init?.method ?? 'GET', body: init?.body });
    const ok = (body: Uint8Array | string) => {
      const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
      return { ok: true, status: 200, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
    };
    const o = override(url);
    if (o) return ok(o);
    if (url.startsWith('https://raw.test/')) return ok(geoBody(url.slice('https://raw.test/'.length)));
    const u = new URL(url);
    let m = /classifications\/(\d+)\/codesAt$/.exec(u.pathname);
    if (m) return ok(fixture(`klass-${m[1]}-codesAt-${u.searchParams.get('date')}.json`));
    m = /classifications\/131\/changes$/.exec(u.pathname);
    if (m) return ok(fixture(`klass-131-changes-${u.searchParams.get('from')}-${u.searchParams.get('to')}.json`));
    if (url === STATBANK && init?.method === 'POST') {
      const q = JSON.parse(init.body!);
      const year = q.query.find((x: { code: string }) => x.code === 'Tid').selection.values[0];
      return ok(fixture(`statbank-07459-${year}.json`));
    }
    return { ok: false, status: 404, statusText: 'Not Found', arrayBuffer: async () => new ArrayBuffer(0) };
  };
}

const H = 'kommunenummer,kommunenavn,fylkesnummer,fylkesnavn,innbyggere';

describe('KLASS parsing', () => {
  it('reads codesAt and keeps only kommuner (no Svalbard, no «Uoppgitt»)', () => {
    const codes = parseKlassCodes(json('klass-131-codesAt-2020-01-01.json'), 'u');
    expect(codes).toHaveLength(6);
    expect(kommuneCodes(codes).map((c) => c.code)).toEqual(['0301', '1507', '3001', '3025']);
    expect(codes[1]).toEqual({ code: '1507', name: 'Ålesund', level: '1' });
  });

  it('reads changes and names the URL when the shape is wrong', () => {
    const changes = parseKlassChanges(json('klass-131-changes-2020-01-01-2024-01-02.json'), 'u');
    expect(changes[2]).toEqual({ oldCode: '1507', oldName: 'Ålesund', newCode: '1508', newName: 'Ålesund', changeOccurred: '2024-01-01' });
    expect(() => parseKlassChanges({ changes: [] }, 'https://x/changes')).toThrow(/https:\/\/x\/changes.*codeChanges/);
    expect(() => parseKlassCodes({ codes: [{ name: 'Oslo' }] }, 'https://x/codes')).toThrow(/kode nr\. 1/);
  });
});

describe('JSON-stat 2', () => {
  it('sums over sex per region (value array, index object)', () => {
    const ds = parseJsonStat2(json('statbank-07459-2021.json'), 'u');
    expect(ds.id).toEqual(['Region', 'Kjonn', 'ContentsCode', 'Tid']);
    const pop = populationFromJsonStat(ds, 2021, 'u');
    expect(Object.fromEntries(pop)).toEqual({ '0301': 697010, '1507': 67100, '3001': 30900, '3025': 95100 });
  });

  it('reads a sparse value object, an index array and K- region codes', () => {
    const pop = populationFromJsonStat(parseJsonStat2(json('statbank-07459-2024.json'), 'u'), 2024, 'u');
    expect(Object.fromEntries(pop)).toEqual({ '0301': 717710, '1508': 58000, '1580': 9400, '3101': 31900, '3203': 98000 });
  });

  it('propagates a missing cell to null and fixes other dimensions by code', () => {
    const ds = parseJsonStat2(
      {
        id: ['Tid', 'Region'],
        size: [2, 2],
        dimension: { Tid: { category: { index: ['2023', '2024'] } }, Region: { category: { index: { '0301': 0, '1101': 1 } } } },
        value: [1, 2, 3, null],
      },
      'u',
    );
    expect(Object.fromEntries(sumByDimension(ds, 'Region', { Tid: '2023' }))).toEqual({ '0301': 1, '1101': 2 });
    expect(Object.fromEntries(sumByDimension(ds, 'Region', { Tid: '2024' }))).toEqual({ '0301': 3, '1101': null });
    expect(Object.fromEntries(sumByDimension(ds, 'Tid'))).toEqual({ '2023': 3, '2024': null });
  });

  it('rejects what is not JSON-stat 2', () => {
    expect(() => parseJsonStat2({ dataset: {} }, 'https://s/07459')).toThrow(/https:\/\/s\/07459.*JSON-stat/);
    expect(() => parseJsonStat2({ id: ['A'], size: [2], dimension: { A: { category: { index: ['x', 'y'] } } }, value: [1] }, 'u')).toThrow(/«value» har 1 tall, ventet 2/);
  });
});

describe('correspondence from KLASS changes', () => {
  const reg = (...nrs: [string, string][]): RegisterRow[] =>
    nrs.map(([nr, navn]) => ({ kommunenummer: nr, kommunenavn: navn, fylkesnummer: nr.slice(0, 2), fylkesnavn: 'F', innbyggere: null }));

  it('ignores changes outside (from, to] and follows chains', () => {
    const old = reg(['0301', 'Oslo'], ['1001', 'A']);
    const next = reg(['0301', 'Oslo'], ['4201', 'A']);
    const rows = buildCorrespondence(
      old,
      next,
      [
        { oldCode: '0301', oldName: 'Oslo', newCode: '4201', newName: 'X', changeOccurred: '2020-01-01' }, // the reform that made `old`
        { oldCode: '1001', oldName: 'A', newCode: '1002', newName: 'A', changeOccurred: '2022-01-01' },
        { oldCode: '1002', oldName: 'A', newCode: '4201', newName: 'A', changeOccurred: '2024-01-01' },
      ],
      '2020-01-01',
      '2024-01-01',
      'e.csv',
    );
    expect(rows.map((r) => [r.kommunenummer_2020, r.kommunenummer_2024, r.endring])).toEqual([
      ['0301', '0301', 'uendret'],
      ['1001', '4201', 'nytt_nummer'],
    ]);
  });

  it('marks a merger sammenslått and fails when a kommune cannot be followed', () => {
    const rows = buildCorrespondence(
      reg(['1001', 'A'], ['1002', 'B']),
      reg(['4201', 'AB']),
      [
        { oldCode: '1001', oldName: 'A', newCode: '4201', newName: 'AB', changeOccurred: '2024-01-01' },
        { oldCode: '1002', oldName: 'B', newCode: '4201', newName: 'AB', changeOccurred: '2024-01-01' },
      ],
      '2020-01-01',
      '2024-01-01',
      'e.csv',
    );
    expect(rows.map((r) => r.endring)).toEqual(['sammenslått', 'sammenslått']);
    expect(() => buildCorrespondence(reg(['1001', 'A']), reg(['4201', 'A']), [], '2020-01-01', '2024-01-01', 'e.csv')).toThrow(ReferenceDataError);
  });
});

describe('the whole download with a fake fetch', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'ref-download-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes registers and correspondence in the shared CSV format, boundaries byte for byte', async () => {
    const calls: Call[] = [];
    const out = path.join(tmp, 'ok', 'data', 'reference');
    const written = await downloadReferenceTo({ outDir: out, fetch: fakeFetch(calls), plan: PLAN });
    expect(written).toHaveLength(9);
    const read = (f: string) => readFileSync(path.join(out, f), 'utf8');

    expect(read('registers/kommuner-2018.csv')).toBe(`${H}\n0101,Halden,01,Østfold,\n0220,Asker,02,Akershus,\n0301,Oslo,03,Oslo,\n`);
    expect(read('registers/kommuner-2020.csv')).toBe(
      `${H}\n0301,Oslo,03,Oslo,697010\n1507,Ålesund,15,Møre og Romsdal,67100\n3001,Halden,30,Viken,30900\n3025,Asker,30,Viken,95100\n`,
    );
    expect(read('registers/kommuner-2024.csv')).toBe(
      `${H}\n0301,Oslo,03,Oslo,717710\n1508,Ålesund,15,Møre og Romsdal,58000\n1580,Haram,15,Møre og Romsdal,9400\n3101,Halden,31,Østfold,31900\n3203,Asker,32,Akershus,98000\n`,
    );
    expect(read('registers/endringer-2020-2024.csv')).toBe(
      [
        'kommunenummer_2020,kommunenavn_2020,kommunenummer_2024,kommunenavn_2024,endring',
        '0301,Oslo,0301,Oslo,uendret',
        '1507,Ålesund,1508,Ålesund,delt',
        '1507,Ålesund,1580,Haram,delt',
        '3001,Halden,3101,Halden,nytt_nummer',
        '3025,Asker,3203,Asker,nytt_nummer',
        '',
      ].join('\n'),
    );
    expect(read('geo/kommuner-2024.topojson')).toBe(geoBody('geo/kommuner-2024.topojson'));
    // What was written parses with the project's own readers.
    expect(parseRegister(read('registers/kommuner-2024.csv'), 'x')).toHaveLength(5);
    expect(parseCorrespondence(read('registers/endringer-2020-2024.csv'), 'x')).toHaveLength(5);
    const kilder = JSON.parse(read('kilder.json'));
    expect(kilder.files.find((f: { file: string }) => f.file === 'geo/fylker-2020.topojson').sha256).toBe(hash(geoBody('geo/fylker-2020.topojson')));

    // The APIs asked: KLASS codesAt per date (131 and 104), changes with `to` one day late, StatBank by POST.
    expect(calls.filter((c) => c.url.includes('/131/codesAt')).map((c) => c.url)).toEqual([
      `${KLASS}/classifications/131/codesAt?date=2018-01-01`,
      `${KLASS}/classifications/131/codesAt?date=2020-01-01`,
      `${KLASS}/classifications/131/codesAt?date=2024-01-01`,
    ]);
    expect(calls.some((c) => c.url === `${KLASS}/classifications/104/codesAt?date=2020-01-01`)).toBe(true);
    expect(calls.some((c) => c.url === `${KLASS}/classifications/131/changes?from=2020-01-01&to=2024-01-02`)).toBe(true);
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    const q = JSON.parse(posts[0].body!);
    expect(q.response.format).toBe('json-stat2');
    expect(q.query.find((x: { code: string }) => x.code === 'Region').selection.values).toEqual(['0301', '1507', '3001', '3025']);
    expect(readdirSync(path.dirname(out)).filter((n) => n.startsWith('.tmp'))).toEqual([]);
  });

  it('ensureReference downloads into the cache when nothing resolves, then resolves to it', async () => {
    const projectRoot = path.join(tmp, 'fresh', 'proj');
    const lines: string[] = [];
    const ref = await ensureReference({ projectRoot, env: {}, fetch: fakeFetch(), plan: PLAN, log: (l) => lines.push(l) });
    expect(ref).toEqual({ dir: path.join(projectRoot, 'data/reference'), source: 'cache' });
    expect(lines[0]).toMatch(/Fant ingen referansedata; laster ned/);
    expect(readReferenceText(ref, 'registers/kommuner-2020.csv')).toContain('3025,Asker,30,Viken,95100');
    // A second call finds the cache and fetches nothing.
    const calls: Call[] = [];
    expect(await ensureReference({ projectRoot, env: {}, fetch: fakeFetch(calls), plan: PLAN })).toEqual(ref);
    expect(calls).toEqual([]);
  });

  it('refuses a boundary file whose SHA-256 differs from the pin, and keeps nothing', async () => {
    const out = path.join(tmp, 'sha', 'data', 'reference');
    const tampered = (url: string) => (url.endsWith('fylker-2024.topojson') ? new TextEncoder().encode('{"tampered":true}') : null);
    const run = downloadReferenceTo({ outDir: out, fetch: fakeFetch([], tampered), plan: PLAN });
    await expect(run).rejects.toThrow(ReferenceDownloadError);
    await expect(downloadReferenceTo({ outDir: out, fetch: fakeFetch([], tampered), plan: PLAN })).rejects.toThrow(
      new RegExp(`fylker-2024\\.topojson.*${hash('{"tampered":true}')}.*ventet ${PLAN.boundaries[1].sha256}`),
    );
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.dirname(out)) ? readdirSync(path.dirname(out)) : []).toEqual([]);
  });

  it('offline: one clear message saying where to put the files, nothing written', async () => {
    const projectRoot = path.join(tmp, 'offline', 'proj');
    const offline: FetchLike = async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND data.ssb.no') });
    };
    const err = await ensureReference({ projectRoot, env: {}, fetch: offline, plan: PLAN, log: () => {} }).catch((e) => e);
    expect(err).toBeInstanceOf(ReferenceOfflineError);
    expect(err.message).toMatch(/^Ingen nettverkstilgang: fikk ikke kontakt med raw\.test \(getaddrinfo ENOTFOUND data\.ssb\.no\)/);
    expect(err.message).toContain('data/reference/');
    expect(err.message).toContain('registers/endringer-2020-2024.csv');
    expect(err.message).toContain('--reference <katalog>');
    expect(err.message).toContain('DIGIKOMMUNE_REFERENCE=<katalog>');
    expect(existsSync(path.join(projectRoot, 'data'))).toBe(false);
  });

  it('an HTTP error names the URL and status; a changed kommune count is refused', async () => {
    const notFound: FetchLike = async () => ({ ok: false, status: 503, statusText: 'Service Unavailable', arrayBuffer: async () => new ArrayBuffer(0) });
    await expect(downloadReference(notFound, PLAN)).rejects.toThrow(`Nedlasting feilet: ${GEO('geo/kommuner-2024.topojson')} svarte 503 Service Unavailable`);
    const wrongCount = { ...PLAN, registers: PLAN.registers.map((r) => ({ ...r, expectedCount: 357 })) };
    await expect(downloadReference(fakeFetch(), wrongCount)).rejects.toThrow(/KLASS 131 ga 3 kommuner per 2018-01-01, ventet 357/);
  });
});

describe('the pinned boundary files', () => {
  it('DEFAULT_PLAN points at the pinned commit and its SHA-256 match the resolved reference files', () => {
    const ref = requireReferenceDir();
    for (const b of DEFAULT_PLAN.boundaries) {
      expect(b.url).toContain('/robhop/fylker-og-kommuner/ae8782500090144c2b74d6bb2a89365a7ff2236d/');
      const bytes = readFileSync(path.join(ref.dir, b.file));
      expect(createHash('sha256').update(bytes).digest('hex'), b.file).toBe(b.sha256);
    }
  });
});
