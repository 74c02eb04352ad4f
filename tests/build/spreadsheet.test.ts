// Formula injection: no text cell of an Excel download may start a formula (OWASP: prefix «'»).
// Every Excel writer is checked with hostile names, numbers stay numbers, and a build with such
// kommune names publishes neutralised Excel files while the plain CSV and JSON keep the names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spreadsheetText } from '../../src/lib/format/spreadsheet';
import { formatCsv } from '../../src/lib/pipeline/csv';
import { EXCEL_CSV, writeCsv } from '../../src/lib/publish/csv';
import { changesTable, distributionTable, tableExcelCsv } from '../../src/lib/pipeline/overTime/tableCsv';
import { longTableExcelCsv, type LongRow } from '../../src/lib/pipeline/overTime/longTable';
import type { ChangeRow } from '../../src/lib/pipeline/overTime/changes';
import { runBuild } from '../../scripts/lib/build';
import { nodeEffects } from '../../scripts/lib/effects';
import { parseCsv } from '../../src/lib/read/csv';
import { writeFixture } from '../helpers/fixture';
import { ROOT } from '../helpers/site';

const HOSTILE = ['=HYPERLINK("http://x.example","klikk")', '+47 1234', '-2+3', '@SUM(A1)', '\tTab', '\rCR'];

/** Cells of a `;` Excel CSV (BOM and CRLF as written). */
const cells = (text: string) => parseCsv(text.replace(/^\uFEFF/, ''), { delimiter: ';' });

describe('spreadsheetText', () => {
  it('prefixes text a spreadsheet would run, and only that', () => {
    for (const h of HOSTILE) expect(spreadsheetText(h)).toBe(`'${h}`);
    for (const ok of ['Oslo', 'Ås', '', ' =ikke først', 'a=b', "'allerede"]) expect(spreadsheetText(ok)).toBe(ok);
  });
});

describe('every Excel writer', () => {
  it('writeCsv with EXCEL_CSV (the /data/ downloads): hostile text prefixed, negative numbers untouched', () => {
    const out = cells(writeCsv(['navn', 'tall'], HOSTILE.map((h, i) => [h, -i - 0.5]), EXCEL_CSV));
    expect(out.records.map((r) => r.fields[0])).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(out.records.map((r) => r.fields[1])).toEqual(HOSTILE.map((_, i) => `-${i},5`));
  });

  it('pipeline formatCsv with spreadsheet: prefixed; without: the contract CSV keeps the text', () => {
    const rows = HOSTILE.map((h) => ({ navn: h, tall: -1 }));
    const excel = cells(formatCsv(['navn', 'tall'], rows, { delimiter: ';', spreadsheet: true }));
    expect(excel.records.map((r) => r.fields)).toEqual(HOSTILE.map((h) => [`'${h}`, '-1']));
    const plain = parseCsv(formatCsv(['navn', 'tall'], rows));
    expect(plain.records.map((r) => r.fields[0])).toEqual(HOSTILE);
  });

  it('over-time endringer and fordeling (Excel): hostile names prefixed, diffs stay numbers', () => {
    const theme = { from: 3, to: 1, diff: -2, change: 'ned', reason: null } as unknown as ChangeRow['prioritering'];
    const rows: ChangeRow[] = HOSTILE.map((h, i) => ({ kommunenummer: `91${String(i).padStart(2, '0')}`, kommunenavn: h, kommunenummer_fra: [], prioritering: theme, aktivitet: theme }));
    const out = cells(tableExcelCsv(changesTable(rows)));
    const name = out.header.indexOf('kommunenavn');
    const diff = out.header.indexOf('prioritering_diff');
    expect(out.records.map((r) => r.fields[name])).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(out.records.map((r) => r.fields[diff])).toEqual(HOSTILE.map(() => '-2'));
    const dist = cells(tableExcelCsv(distributionTable([{ year: 2024, indicator: 'prioritering', value: '-', count: 1, denominator: 4, share: 0.25, units: 5 } as never])));
    expect(dist.records[0].fields).toEqual(['2024', 'prioritering', "'-", '1', '4', '0,25', '5']);
  });

  it('over-time kommuner-over-tid (Excel): hostile names prefixed', () => {
    const row = (h: string) => ({ year: 2024, kommunenummer: '9101', kommunenavn: h, fylkesnummer: '91', kommunenummer_gjeldende: '9101', kommunenavn_gjeldende: h, endring: 'uendret', etterfolgere: '9101' }) as unknown as LongRow;
    const out = cells(longTableExcelCsv(HOSTILE.map(row)));
    const name = out.header.indexOf('kommunenavn');
    expect(out.records.map((r) => r.fields[name])).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(out.records.map((r) => r.fields[0])).toEqual(HOSTILE.map(() => '2024'));
  });
});

describe('a build with formula-like kommune names', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'digikommune-excel-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('publishes Excel CSVs with the names neutralised and the JSON with the names as they are', async () => {
    const names = { '9101': HOSTILE[0], '9102': '-Minus', '9103': '@Krøll' };
    const args = await writeFixture(join(tmp, 'in'), { names });
    const out = join(tmp, 'site');
    await runBuild(
      { root: ROOT, out, dataDir: args[args.indexOf('--data') + 1], reference: args[args.indexOf('--reference') + 1], download: false },
      nodeEffects(() => {}),
      { renderSite: async ({ outDir }) => writeFile(join(outDir, 'index.html'), '<p>ok</p>') },
    );
    const excel = cells(await readFile(join(out, 'data', '2024', 'indicators-excel.csv'), 'utf8'));
    const col = excel.header.indexOf('kommunenavn');
    expect(col).toBeGreaterThanOrEqual(0);
    const published = new Map(excel.records.map((r) => [r.fields[excel.header.indexOf('kommunenummer')], r.fields[col]]));
    for (const [nr, name] of Object.entries(names)) expect(published.get(nr)).toBe(`'${name}`);
    const json = JSON.parse(await readFile(join(out, 'data', '2024', 'indicators.json'), 'utf8')) as { kommunenummer: string; kommunenavn: string }[];
    expect(json.find((k) => k.kommunenummer === '9102')?.kommunenavn).toBe('-Minus');
    const long = cells(await readFile(join(out, 'data', 'utvikling', 'kommuner-over-tid-excel.csv'), 'utf8'));
    const longName = long.header.indexOf('kommunenavn');
    expect(long.records.map((r) => r.fields[longName])).toContain(`'${HOSTILE[0]}`);
    for (const r of long.records) expect(r.fields[longName]).not.toMatch(/^[=+\-@\t\r]/);
  });
});
