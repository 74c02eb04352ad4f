import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCorrespondence } from '../../src/lib/reference/build';
import { downloadReference } from '../../src/lib/reference/download';
import { get, httpContext, retryDelay, type FetchLike, type FetchResponseLike } from '../../src/lib/reference/http';
import { parseJsonStat2, populationFromJsonStat, sumByDimension } from '../../src/lib/reference/jsonstat';
import { exclusiveTo, kommuneCodes, parseKlassChanges, parseKlassCodes } from '../../src/lib/reference/klass';
import { ReferenceLockError, formatLock } from '../../src/lib/reference/lock';
import { DEFAULT_PLAN, type ReferencePlan } from '../../src/lib/reference/plan';
import { ReferenceDataError, ReferenceDownloadError, ReferenceOfflineError } from '../../src/lib/reference/errors';
import { readReferenceText, requireReferenceDir } from '../../scripts/lib/reference-files';
import { downloadReferenceTo, ensureReference } from '../../scripts/lib/reference-download';
import { parseCorrespondence } from '../../src/lib/reference/correspondence';
import { parseRegister } from '../../src/lib/reference/register';
import type { RegisterRow } from '../../src/lib/types';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/reference');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const json = (name: string) => JSON.parse(fixture(name).toString('utf8'));
const hash = (s: string) => createHash('sha256').update(s).digest('hex');

const KLASS = 'https://klass.test/v1';
const STATBANK = 'https://statbank.test/api/pxwebapi/v2/tables/07459/data?lang=no&outputFormat=json-stat2';
const STATBANK_V0 = 'https://statbank.test/api/v0/no/table/07459/';
const GEO = (name: string) => `https://raw.test/${name}`;
const geoBody = (name: string) => `{"type":"Topology","note":"fake ${name}"}`;

/** The default plan with fake hosts, fake boundary files and counts that fit the small fixtures. */
const PLAN: ReferencePlan = {
  klassBase: KLASS,
  statbankTable: STATBANK,
  statbankTableV0: STATBANK_V0,
  boundaries: DEFAULT_PLAN.boundaries.map((b) => ({ file: b.file, url: GEO(b.file), sha256: hash(geoBody(b.file)) })),
  registers: DEFAULT_PLAN.registers.map((r) => ({ ...r, expectedCount: ({ '2018-01-01': 5, '2020-01-01': 4, '2024-01-01': 5 } as Record<string, number>)[r.date] })),
  correspondences: DEFAULT_PLAN.correspondences,
};

interface Call {
  url: string;
  method: string;
  body?: string;
}

type Answer = { status: number; body: Uint8Array | string; headers?: Record<string, string> };

function respond(a: Answer): FetchResponseLike {
  const bytes = typeof a.body === 'string' ? new TextEncoder().encode(a.body) : a.body;
  const headers = new Map(Object.entries(a.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    ok: a.status >= 200 && a.status < 300,
    status: a.status,
    statusText: ({ 200: 'OK', 404: 'Not Found', 429: 'Too Many Requests', 503: 'Service Unavailable' } as Record<number, string>)[a.status] ?? '',
    headers: { get: (n: string) => headers.get(n.toLowerCase()) ?? null },
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
}

/**
 * Serves the fixtures at the URLs the download asks for, like the real APIs would. `override` may
 * answer first (an error, a changed file); it sees how many times the URL was asked before.
 */
function fakeFetch(calls: Call[] = [], override: (url: string, nth: number, init?: { method?: string; body?: string }) => Answer | null = () => null): FetchLike {
  const seen = new Map<string, number>();
  return async (url, init) => {
    calls.push({ url, method: init?.method ?? 'GET', body: init?.body });
    const nth = seen.get(url) ?? 0;
    seen.set(url, nth + 1);
    const o = override(url, nth, init);
    if (o) return respond(o);
    const ok = (body: Uint8Array | string) => respond({ status: 200, body });
    if (url.startsWith('https://raw.test/')) return ok(geoBody(url.slice('https://raw.test/'.length)));
    const u = new URL(url);
    let m = /classifications\/(\d+)\/codesAt$/.exec(u.pathname);
    if (m) return ok(fixture(`klass-${m[1]}-codesAt-${u.searchParams.get('date')}.json`));
    m = /classifications\/131\/changes$/.exec(u.pathname);
    if (m) return ok(fixture(`klass-131-changes-${u.searchParams.get('from')}-${u.searchParams.get('to')}.json`));
    if (url === STATBANK && init?.method === 'POST') {
      const q = JSON.parse(init.body!);
      const year = q.selection.find((x: { variableCode: string }) => x.variableCode === 'Tid').valueCodes[0];
      return ok(fixture(`statbank-07459-${year}.json`));
    }
    if (url === STATBANK_V0 && init?.method === 'POST') {
      const q = JSON.parse(init.body!);
      const year = q.query.find((x: { code: string }) => x.code === 'Tid').selection.values[0];
      return ok(fixture(`statbank-07459-${year}.json`));
    }
    return respond({ status: 404, body: 'Not Found' });
  };
}

/** A temporary project root with a lock holding `hashes` (or none). */
function projectWithLock(dir: string, hashes: Record<string, string> | null): string {
  mkdirSync(path.join(dir, 'data'), { recursive: true });
  if (hashes) writeFileSync(path.join(dir, 'data', 'reference.lock.json'), formatLock(hashes));
  return dir;
}

/** The lock that matches what the fake APIs serve, from one download. */
async function fixtureLock(): Promise<Record<string, string>> {
  const r = await downloadReference(httpContext(fakeFetch()), PLAN);
  return Object.fromEntries(r.sources.map((x) => [x.file, x.sha256]));
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
    const { changes, skipped } = parseKlassChanges(json('klass-131-changes-2020-01-01-2024-01-02.json'), 'u');
    expect(skipped).toEqual([]);
    expect(changes[2]).toEqual({ oldCode: '1507', oldName: 'Ålesund', newCode: '1508', newName: 'Ålesund', changeOccurred: '2024-01-01' });
    expect(() => parseKlassChanges({ changes: [] }, 'https://x/changes')).toThrow(/https:\/\/x\/changes.*codeChanges/);
    expect(() => parseKlassCodes({ codes: [{ name: 'Oslo' }] }, 'https://x/codes')).toThrow(/https:\/\/x\/codes: felt «codes\[0\]\.code»: mangler; forventet tekst/);
    expect(() => parseKlassCodes({ kodes: [] }, 'u')).toThrow(/felt «codes»: mangler; forventet en liste/);
    expect(() => parseKlassChanges({ codeChanges: [{ oldCode: 1504, newCode: '1507', changeOccurred: '2020-01-01' }] }, 'u')).toThrow(/felt «codeChanges\[0\]\.oldCode»: fant et tall; forventet tekst/);
  });

  it('skips a change whose oldCode or newCode is null, with a note, instead of throwing', () => {
    const { changes, skipped } = parseKlassChanges(json('klass-131-changes-2018-01-01-2020-01-02.json'), 'u');
    expect(changes.map((c) => `${c.oldCode}>${c.newCode}`)).toEqual(['0709>0712', '0101>3001', '0220>3025', '1504>1507', '1534>1507']);
    expect(skipped).toEqual(['KLASS-endring nr. 6 (2019-01-01) hoppet over: oldCode er null (5061 Rindal ble opprettet)']);
    const ended = parseKlassChanges({ codeChanges: [{ oldCode: '1850', oldName: 'Tysfjord', newCode: null, newName: null, changeOccurred: '2020-01-01' }] }, 'u');
    expect(ended.skipped).toEqual(['KLASS-endring nr. 1 (2020-01-01) hoppet over: newCode er null (1850 Tysfjord opphørte)']);
  });

  it('`to` is exclusive: the query for a structure starting on a date asks one day later', () => {
    expect(exclusiveTo('2024-01-01')).toBe('2024-01-02');
    expect(exclusiveTo('2020-01-01')).toBe('2020-01-02');
    expect(exclusiveTo('2019-12-31')).toBe('2020-01-01');
  });
});

describe('retry timing (Retry-After and backoff)', () => {
  it('takes Retry-After in seconds or as an HTTP date, else backs off 2 s, 4 s, 8 s, capped at 2 minutes', () => {
    expect(retryDelay('7', 0, 0)).toBe(7000);
    const now = Date.parse('2025-11-01T12:00:00Z');
    expect(retryDelay('Sat, 01 Nov 2025 12:00:30 GMT', 0, now)).toBe(30_000);
    expect(retryDelay(null, 0, now)).toBe(2000);
    expect(retryDelay(null, 2, now)).toBe(8000);
    expect(retryDelay('garbage', 1, now)).toBe(4000);
    expect(retryDelay('3600', 0, now)).toBe(120_000);
    expect(retryDelay(null, 10, now)).toBe(120_000);
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

  it('a `where` code the dataset lacks is an error, not an empty sum', () => {
    const ds = parseJsonStat2(
      { id: ['Tid', 'Region'], size: [1, 1], dimension: { Tid: { category: { index: ['2023'] } }, Region: { category: { index: ['0301'] } } }, value: [5] },
      'u',
    );
    expect(() => sumByDimension(ds, 'Region', { Tid: '2024' })).toThrow(/dimensjonen Tid har ingen kategori 2024 \(har 2023\)/);
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

  it('writes registers and correspondences in the shared CSV format, boundaries byte for byte, one progress line per request', async () => {
    const calls: Call[] = [];
    const lines: string[] = [];
    const root = projectWithLock(path.join(tmp, 'ok'), await fixtureLock());
    const out = path.join(root, 'data', 'reference');
    const done = await downloadReferenceTo({ outDir: out, fetch: fakeFetch(calls), plan: PLAN, projectRoot: root, log: (l) => lines.push(l) });
    expect(done.written).toHaveLength(10);
    expect(done.differences).toEqual([]);
    expect(done.lockWritten).toBeNull();
    const read = (f: string) => readFileSync(path.join(out, f), 'utf8');

    expect(read('registers/kommuner-2018.csv')).toBe(
      `${H}\n0101,Halden,01,Østfold,31037\n0220,Asker,02,Akershus,61523\n0301,Oslo,03,Oslo,673469\n1504,Ålesund,15,Møre og Romsdal,47772\n1534,Haram,15,Møre og Romsdal,9221\n`,
    );
    expect(read('registers/kommuner-2020.csv')).toBe(
      `${H}\n0301,Oslo,03,Oslo,697010\n1507,Ålesund,15,Møre og Romsdal,67100\n3001,Halden,30,Viken,30900\n3025,Asker,30,Viken,95100\n`,
    );
    expect(read('registers/kommuner-2024.csv')).toBe(
      `${H}\n0301,Oslo,03,Oslo,717710\n1508,Ålesund,15,Møre og Romsdal,58000\n1580,Haram,15,Møre og Romsdal,9400\n3101,Halden,31,Østfold,31900\n3203,Asker,32,Akershus,98000\n`,
    );
    expect(read('registers/endringer-2018-2020.csv')).toBe(
      [
        'kommunenummer_2018,kommunenavn_2018,kommunenummer_2020,kommunenavn_2020,endring',
        '0101,Halden,3001,Halden,nytt_nummer',
        '0220,Asker,3025,Asker,nytt_nummer',
        '0301,Oslo,0301,Oslo,uendret',
        '1504,Ålesund,1507,Ålesund,sammenslått',
        '1534,Haram,1507,Ålesund,sammenslått',
        '',
      ].join('\n'),
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
    // What was written parses with the project's own readers (both correspondence headers).
    expect(parseRegister(read('registers/kommuner-2024.csv'), 'x')).toHaveLength(5);
    expect(parseCorrespondence(read('registers/endringer-2020-2024.csv'), 'x')).toHaveLength(5);
    expect(parseCorrespondence(read('registers/endringer-2018-2020.csv'), 'x').map((r) => r.kommunenummer_2020)).toEqual(['0101', '0220', '0301', '1504', '1534']);
    const kilder = JSON.parse(read('kilder.json'));
    expect(kilder.files.find((f: { file: string }) => f.file === 'geo/fylker-2020.topojson').sha256).toBe(hash(geoBody('geo/fylker-2020.topojson')));
    // Which StatBank API answered is recorded; so is the skipped null-code change.
    const reg2024 = kilder.files.find((f: { file: string }) => f.file === 'registers/kommuner-2024.csv');
    expect(reg2024.statbankApi).toBe('pxwebapi-v2');
    expect(reg2024.urls).toContain(`${STATBANK} (Tid=2024)`);
    expect(kilder.notes).toEqual(['registers/endringer-2018-2020.csv: KLASS-endring nr. 6 (2019-01-01) hoppet over: oldCode er null (5061 Rindal ble opprettet)']);

    // The APIs asked: KLASS codesAt per date (131 and 104), changes with `to` one day late, StatBank v2 by POST.
    expect(calls.filter((c) => c.url.includes('/131/codesAt')).map((c) => c.url)).toEqual([
      `${KLASS}/classifications/131/codesAt?date=2018-01-01`,
      `${KLASS}/classifications/131/codesAt?date=2020-01-01`,
      `${KLASS}/classifications/131/codesAt?date=2024-01-01`,
    ]);
    expect(calls.some((c) => c.url === `${KLASS}/classifications/104/codesAt?date=2020-01-01`)).toBe(true);
    expect(calls.filter((c) => c.url.includes('/changes')).map((c) => c.url)).toEqual([
      `${KLASS}/classifications/131/changes?from=2018-01-01&to=2020-01-02`,
      `${KLASS}/classifications/131/changes?from=2020-01-01&to=2024-01-02`,
    ]);
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts.map((p) => p.url)).toEqual([STATBANK, STATBANK, STATBANK]);
    // The body of SSB's PxWebApi 2 guide: Region, ContentsCode Personer1, Tid; sex and age left out.
    expect(JSON.parse(posts[1].body!)).toEqual({
      selection: [
        { variableCode: 'Region', valueCodes: ['0301', '1507', '3001', '3025'] },
        { variableCode: 'ContentsCode', valueCodes: ['Personer1'] },
        { variableCode: 'Tid', valueCodes: ['2021'] },
      ],
    });
    // One progress line per request (plus the note about the skipped KLASS row).
    const progress = lines.filter((l) => l.includes(' → '));
    expect(progress).toHaveLength(calls.length);
    expect(progress).toContain(`  POST ${STATBANK} → 200 OK (1 kB)`);
    expect(lines.filter((l) => !l.includes(' → '))).toEqual(['  KLASS-endring nr. 6 (2019-01-01) hoppet over: oldCode er null (5061 Rindal ble opprettet)']);
    expect(readdirSync(path.dirname(out)).filter((n) => n.startsWith('.tmp'))).toEqual([]);
  });

  it('retries a 429 after its Retry-After and a 503 with backoff, without waiting in the test', async () => {
    const slept: number[] = [];
    const lines: string[] = [];
    const busy = (url: string, nth: number): Answer | null => {
      if (url === STATBANK && nth === 0) return { status: 429, body: '{"title":"Too Many Requests","status":429}', headers: { 'Retry-After': '7' } };
      if (url.endsWith('/104/codesAt?date=2024-01-01') && nth < 2) return { status: 503, body: '' };
      return null;
    };
    const ctx = httpContext(fakeFetch([], busy), { sleep: async (ms) => void slept.push(ms), log: (l) => lines.push(l) });
    const r = await downloadReference(ctx, PLAN);
    expect(new TextDecoder().decode(r.files.get('registers/kommuner-2024.csv'))).toContain('1580,Haram,15,Møre og Romsdal,9400');
    expect(slept).toEqual([7000, 2000, 4000]);
    expect(lines).toContain(`  POST ${STATBANK} → 429 Too Many Requests; prøver igjen om 7 s (forsøk 2 av 5)`);
    expect(lines).toContain(`  GET ${KLASS}/classifications/104/codesAt?date=2024-01-01 → 503 Service Unavailable; prøver igjen om 4 s (forsøk 3 av 5)`);
    // A server that stays busy: five attempts, then the error names the URL and status.
    const always = httpContext(fakeFetch([], (url) => (url === STATBANK ? { status: 503, body: '' } : null)), { sleep: async () => {} });
    await expect(downloadReference(always, PLAN)).rejects.toThrow(`Nedlasting feilet: ${STATBANK} svarte 503 Service Unavailable`);
  });

  it('falls back to v0 when PxWebApi 2 answers 404, and records which API answered', async () => {
    const calls: Call[] = [];
    const gone = (url: string): Answer | null => (url === STATBANK ? { status: 404, body: fixture('pxwebapi2-404.json') } : null);
    const lines: string[] = [];
    const r = await downloadReference(httpContext(fakeFetch(calls, gone), { log: (l) => lines.push(l) }), PLAN);
    const kilder = JSON.parse(new TextDecoder().decode(r.files.get('kilder.json')));
    const reg2021 = kilder.files.find((f: { file: string }) => f.file === 'registers/kommuner-2020.csv');
    expect(reg2021.statbankApi).toBe('v0');
    expect(reg2021.urls).toContain(`${STATBANK_V0} (Tid=2021)`);
    expect(new TextDecoder().decode(r.files.get('registers/kommuner-2020.csv'))).toContain('3025,Asker,30,Viken,95100');
    const v0 = calls.filter((c) => c.url === STATBANK_V0);
    expect(v0).toHaveLength(3);
    expect(JSON.parse(v0[0].body!).response).toEqual({ format: 'json-stat2' });
    expect(lines).toContain(`  PxWebApi 2 svarte 404; bruker v0 (${STATBANK_V0})`);
    // A 404 from v0 as well is an error naming v0's URL; other v2 errors never fall back.
    const both = (url: string): Answer | null =>
      url === STATBANK ? { status: 410, body: '' } : url === STATBANK_V0 ? { status: 404, body: readFileSync(path.join(FIXTURES, 'statbank-v0-404.txt')) } : null;
    await expect(downloadReference(httpContext(fakeFetch([], both)), PLAN)).rejects.toThrow(`Nedlasting feilet: ${STATBANK_V0} svarte 404 Not Found`);
    const forbidden = (url: string): Answer | null => (url === STATBANK ? { status: 403, body: '' } : null);
    const calls403: Call[] = [];
    await expect(downloadReference(httpContext(fakeFetch(calls403, forbidden)), PLAN)).rejects.toThrow(`${STATBANK} svarte 403`);
    expect(calls403.some((c) => c.url === STATBANK_V0)).toBe(false);
  });

  it('a download that differs from the lock writes nothing and summarises the difference; --update writes files and lock', async () => {
    const lock = await fixtureLock();
    const root = projectWithLock(path.join(tmp, 'lock'), lock);
    const out = path.join(root, 'data', 'reference');
    await downloadReferenceTo({ outDir: out, fetch: fakeFetch(), plan: PLAN, projectRoot: root });
    const before = readFileSync(path.join(out, 'registers/kommuner-2024.csv'), 'utf8');
    // SSB renames a kommune, revises a population, adds a kommune.
    const changed = (url: string): Answer | null => {
      if (url.endsWith('/131/codesAt?date=2024-01-01')) {
        const j = json('klass-131-codesAt-2024-01-01.json');
        j.codes = j.codes.map((c: { code: string; name: string }) => (c.code === '1580' ? { ...c, name: 'Haram (ny)' } : c));
        return { status: 200, body: JSON.stringify(j) };
      }
      if (url === STATBANK) return null;
      return null;
    };
    const revised = (url: string, _nth: number, init?: { body?: string }): Answer | null => {
      const c = changed(url);
      if (c) return c;
      if (url === STATBANK && init?.body?.includes('"2024"')) {
        const j = json('statbank-07459-2024.json');
        j.value['0'] = 717711;
        return { status: 200, body: JSON.stringify(j) };
      }
      return null;
    };
    const err = await downloadReferenceTo({ outDir: out, fetch: fakeFetch([], revised), plan: PLAN, projectRoot: root }).catch((e) => e);
    expect(err).toBeInstanceOf(ReferenceLockError);
    expect(err.message).toMatch(/^Nedlastingen avviker fra data\/reference\.lock\.json i 2 fil\(er\); ingenting er skrevet\./);
    expect(err.message).toContain(`registers/kommuner-2024.csv: SHA-256 `);
    expect(err.message).toContain('1 navn endret: 1507→1580 «Haram» → «Haram (ny)»');
    expect(err.message).toContain('1 navn endret: 1580 «Haram» → «Haram (ny)»');
    expect(err.message).toContain('1 folketall endret: 0301 717710 → 717711');
    expect(err.message).toContain('npm run reference -- --update');
    expect(readFileSync(path.join(out, 'registers/kommuner-2024.csv'), 'utf8')).toBe(before);
    expect(JSON.parse(readFileSync(path.join(root, 'data/reference.lock.json'), 'utf8')).files).toEqual(lock);

    const lines: string[] = [];
    const done = await downloadReferenceTo({ outDir: out, fetch: fakeFetch([], revised), plan: PLAN, projectRoot: root, update: true, log: (l) => lines.push(l) });
    expect(done.differences.map((d) => d.file)).toEqual(['registers/endringer-2020-2024.csv', 'registers/kommuner-2024.csv']);
    const after = readFileSync(path.join(out, 'registers/kommuner-2024.csv'), 'utf8');
    expect(after).toContain('1580,Haram (ny),15,Møre og Romsdal,9400');
    const newLock = JSON.parse(readFileSync(path.join(root, 'data/reference.lock.json'), 'utf8')).files;
    expect(newLock['registers/kommuner-2024.csv']).toBe(hash(after));
    expect(newLock['registers/kommuner-2020.csv']).toBe(lock['registers/kommuner-2020.csv']);
    expect(lines).toContain('Oppdaterte data/reference.lock.json (2 fil(er) endret):');
    expect(lines).toContain('      1 navn endret: 1580 «Haram» → «Haram (ny)»');
  });

  it('ensureReference downloads into the cache when nothing resolves, then resolves to it', async () => {
    const projectRoot = projectWithLock(path.join(tmp, 'fresh', 'proj'), await fixtureLock());
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

  it('ensureReference on a fresh clone refuses a download that differs from the committed lock', async () => {
    const lock = await fixtureLock();
    const projectRoot = projectWithLock(path.join(tmp, 'fresh-other', 'proj'), { ...lock, 'registers/kommuner-2018.csv': '0'.repeat(64) });
    const err = await ensureReference({ projectRoot, env: {}, fetch: fakeFetch(), plan: PLAN, log: () => {} }).catch((e) => e);
    expect(err).toBeInstanceOf(ReferenceLockError);
    expect(err.message).toContain(`registers/kommuner-2018.csv: SHA-256 ${lock['registers/kommuner-2018.csv']}, låst ${'0'.repeat(64)}`);
    expect(existsSync(path.join(projectRoot, 'data', 'reference'))).toBe(false);
  });

  it('refuses a boundary file whose SHA-256 differs from the pin, and keeps nothing', async () => {
    const root = projectWithLock(path.join(tmp, 'sha'), await fixtureLock());
    const out = path.join(root, 'data', 'reference');
    const tampered = (url: string): Answer | null => (url.endsWith('fylker-2024.topojson') ? { status: 200, body: '{"tampered":true}' } : null);
    const run = downloadReferenceTo({ outDir: out, fetch: fakeFetch([], tampered), plan: PLAN, projectRoot: root });
    await expect(run).rejects.toThrow(ReferenceDownloadError);
    await expect(downloadReferenceTo({ outDir: out, fetch: fakeFetch([], tampered), plan: PLAN, projectRoot: root })).rejects.toThrow(
      new RegExp(`fylker-2024\\.topojson.*${hash('{"tampered":true}')}.*ventet ${PLAN.boundaries[1].sha256}`),
    );
    expect(existsSync(out)).toBe(false);
  });

  it('offline: one clear message saying where to put the files, nothing written', async () => {
    const projectRoot = path.join(tmp, 'offline', 'proj');
    const offline: FetchLike = async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND data.ssb.no') });
    };
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const err = await ensureReference({ projectRoot, env: {}, fetch: offline, plan: PLAN, log: () => {}, sleep }).catch((e) => e);
    // A network failure is retried with backoff before the machine is called offline.
    expect(waits).toEqual([2000, 4000, 8000, 16000]);
    expect(err).toBeInstanceOf(ReferenceOfflineError);
    expect(err.message).toMatch(/^Ingen nettverkstilgang: fikk ikke kontakt med raw\.test \(getaddrinfo ENOTFOUND data\.ssb\.no\)/);
    expect(err.message).toContain('data/reference/');
    expect(err.message).toContain('registers/endringer-2018-2020.csv');
    expect(err.message).toContain('--reference <katalog>');
    expect(err.message).toContain('DIGIKOMMUNE_REFERENCE=<katalog>');
    expect(existsSync(path.join(projectRoot, 'data'))).toBe(false);
  });

  it('an HTTP error names the URL and status; a changed kommune count is refused', async () => {
    const notFound: FetchLike = async () => respond({ status: 404, body: '' });
    await expect(downloadReference(httpContext(notFound), PLAN)).rejects.toThrow(`Nedlasting feilet: ${GEO('geo/kommuner-2024.topojson')} svarte 404 Not Found`);
    const wrongCount = { ...PLAN, registers: PLAN.registers.map((r) => ({ ...r, expectedCount: 357 })) };
    await expect(downloadReference(httpContext(fakeFetch()), wrongCount)).rejects.toThrow(/KLASS 131 ga 5 kommuner per 2018-01-01, ventet 357/);
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

describe('timeouts and retries against a local server', () => {
  // Real HTTP on 127.0.0.1; the timeout's timer and the backoff's sleep are injected, so nothing
  // here waits for a clock: a «hanging» server is one that never answers, and the test's timer
  // decides at once that the request took too long.
  const servers: import('node:http').Server[] = [];
  afterAll(() => servers.forEach((s) => {
    s.closeAllConnections();
    s.close();
  }));
  async function serve(handler: (n: number, res: import('node:http').ServerResponse) => void): Promise<string> {
    const { createServer } = await import('node:http');
    let n = 0;
    const server = createServer((req, res) => handler(++n, res));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as import('node:net').AddressInfo;
    return `http://127.0.0.1:${address.port}/fil`;
  }
  const fetchImpl = globalThis.fetch as unknown as FetchLike;
  const at = (fire: (call: number) => boolean) => {
    let call = 0;
    return () => {
      const now = fire(++call);
      return { elapsed: now ? Promise.resolve() : new Promise<void>(() => {}), cancel: () => {} };
    };
  };

  it('a request that gets no answer is abandoned and retried; the second answer is used', async () => {
    let arrived = () => {};
    const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
    const url = await serve((n, res) => {
      if (n === 1) return arrived(); // never answers
      res.end('svar');
    });
    const waits: number[] = [];
    const lines: string[] = [];
    // The first request «takes too long» once the server holds it; the second has all the time it needs.
    let call = 0;
    const timer = () => ({ elapsed: ++call === 1 ? firstArrived : new Promise<void>(() => {}), cancel: () => {} });
    const ctx = httpContext(fetchImpl, { sleep: async (ms) => void waits.push(ms), log: (l) => lines.push(l), timer });
    expect(new TextDecoder().decode(await get(ctx, url))).toBe('svar');
    expect(waits).toEqual([2000]);
    expect(lines[0]).toMatch(/fikk ikke svar på 60 s; prøver igjen om 2 s \(forsøk 2 av 5\)/);
  });

  it('a server that drops every connection ends as offline after every attempt, with backoff between', async () => {
    let hits = 0;
    const url = await serve((_, res) => {
      hits++;
      res.socket?.destroy();
    });
    const waits: number[] = [];
    const ctx = httpContext(fetchImpl, { sleep: async (ms) => void waits.push(ms), attempts: 3, timer: at(() => false) });
    await expect(get(ctx, url)).rejects.toBeInstanceOf(ReferenceOfflineError);
    expect(hits).toBe(3);
    expect(waits).toEqual([2000, 4000]);
  });

  it('a server that never answers at all ends as offline, naming the timeout', async () => {
    const url = await serve(() => {});
    const ctx = httpContext(fetchImpl, { sleep: async () => {}, attempts: 2, timeoutMs: 30_000, timer: at(() => true) });
    await expect(get(ctx, url)).rejects.toThrow(/fikk ikke kontakt med 127\.0\.0\.1:\d+ \(fikk ikke svar på 30 s\)/);
  });
});
