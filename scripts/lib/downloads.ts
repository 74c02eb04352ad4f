// The published downloads (/data/<year>/…): every table as UTF-8 CSV, as `;`-CSV with a BOM and
// decimal commas that Norwegian Excel opens directly, and as JSON, plus a codebook. Prepared into
// the artefact dir before the pages are built (so /data/ can list them with sizes), and copied into
// the output afterwards.
import { join } from 'node:path';
import { EXCEL_CSV, writeCsv } from '../../src/lib/publish/csv';
import { PUBLISHED_INDICATOR_COLUMNS } from '../../src/lib/pipeline/kommune';
import { DISTRIBUTION_CODEBOOK, INDICATOR_CODEBOOK, ITEM_CODEBOOK, RESPONSE_RATE_CODEBOOK } from '../../src/site/codebook';
import type { BuildEffects } from './effects';
import { decodeText } from './effects';
import { sha256 } from './hash';

export interface DownloadFile {
  file: string; // file name inside data/<year>/ (or data/utvikling/)
  table: string; // 'indicators' | 'distributions' | 'items' | 'codebook' | …
  format: 'csv' | 'excel-csv' | 'json';
  title: string; // Norwegian
  bytes: number;
  sha256: string;
}

export interface DownloadSet {
  dir: string; // '2021' or 'utvikling'
  files: DownloadFile[];
}

type Cell = string | number | null | undefined;
type Row = Record<string, unknown>;

export const TABLES: { table: string; title: string; columns?: readonly string[] }[] = [
  { table: 'indicators', title: 'Indikatorer per kommune', columns: PUBLISHED_INDICATOR_COLUMNS },
  { table: 'distributions', title: 'Fordeling av karakterer og kategorier (nasjon, fylke, størrelse)' },
  { table: 'items', title: 'Svarfordeling per spørsmål' },
  { table: 'response-rates', title: 'Svarandel (landet, fylke, størrelse)' },
];

function columnsOf(rows: Row[], preferred?: readonly string[]): string[] {
  if (preferred) return [...preferred];
  const seen: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!seen.includes(k)) seen.push(k);
  return seen;
}

function cellsOf(rows: Row[], columns: string[]): Cell[][] {
  return rows.map((r) =>
    columns.map((c) => {
      const v = r[c];
      if (v === null || v === undefined) return null;
      if (typeof v === 'number' || typeof v === 'string') return v;
      if (typeof v === 'boolean') return v ? 1 : 0;
      return JSON.stringify(v);
    }),
  );
}

export const COLUMN_TEXT: Record<string, string> = {
  kommunenummer: 'Kommunenummer (4 siffer, med ledende null), i årets kommuneinndeling',
  svart: '1 = svarte på undersøkelsen, 0 = svarte ikke',
  kommunenavn: 'Kommunens navn (SSBs register)',
  fylkesnummer: 'Fylkesnummer (2 siffer)',
  fylkesnavn: 'Fylkets navn',
  innbyggere: 'Folketall 1. januar (registeret)',
  storrelse: 'Størrelsesklasse etter folketall',
  strategi_antall: 'Antall områder omtalt i IKT-/digitaliseringsstrategien',
  strategi_score: 'Score 0–4 for strategi',
  prosjekt_antall: 'Antall områder IKT-prosjektene forventes å påvirke',
  prosjekt_score: 'Score 0–4 for prosjekter',
  prioritering: 'Digital prioritering, grad 0–4',
  sky_antall: 'Antall områder forberedt for skytjenester',
  sky_score: 'Score 0–4 for sky',
  innkjop_antall: 'Antall innkjøpsaktiviteter gjort digitalt',
  innkjop_score: 'Score 0–4 for innkjøp',
  tjenester_poeng: 'Poeng 0–14 for digitale tjenester',
  tjenester_score: 'Score 0–4 for tjenester',
  bruk: 'Bruk av digitale tjenester, grad 0–4 (mellomledd)',
  aktivitet: 'Digital aktivitet, grad 0–4',
  interne_antall: 'Antall IKT-funksjoner utført hovedsakelig internt',
  interne_score: 'Score 0–4 for interne funksjoner',
  kompetansehinder: 'Manglende kompetanse som hinder: liten, middels eller stor',
  rekruttert: '1 = forsøkte å rekruttere IKT-spesialister siste 12 måneder, 0 = nei',
  kompetanse: 'Digital kompetanse, kategori A–D (ikke en skala)',
  rekrutteringsvansker: '1 = hadde rekrutteringsvansker, 0 = nei',
  indicator: 'Indikator (kolonnenavn i indikatortabellen)',
  group: 'Sammenligningsgruppe: nasjon, fylke eller storrelse',
  groupKey: 'Gruppens nøkkel (norge, fylkesnummer eller størrelsesklasse)',
  groupLabel: 'Gruppens navn',
  value: 'Verdi (grad, score, kategori) eller «ukjent»',
  count: 'Antall enheter med verdien',
  denominator: 'Antall enheter med kjent verdi i gruppen (nevneren)',
  share: 'Andel = count / denominator; tom når nevneren er under 3 eller verdien er ukjent',
  units: 'Alle enheter i gruppen i registeret',
  block: 'Spørsmålsblokk',
  item: 'Spørsmål (kolonnenavn i undersøkelsen)',
  label: 'Spørsmålets tekst',
  among: 'Hvem andelen er regnet blant',
  answer: 'Svaralternativ',
  respondents: 'Antall kommuner i gruppen som svarte',
};

// The site's codebook (/data/) is the authority where it has a table's columns; COLUMN_TEXT fills in.
const TABLE_CODEBOOKS: Record<string, Record<string, string>> = {
  indicators: INDICATOR_CODEBOOK, distributions: DISTRIBUTION_CODEBOOK, items: ITEM_CODEBOOK,
  'response-rates': RESPONSE_RATE_CODEBOOK,
};

export function codebookRows(tables: { table: string; columns: string[] }[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const t of tables) for (const c of t.columns) rows.push([t.table, c, TABLE_CODEBOOKS[t.table]?.[c] ?? COLUMN_TEXT[c] ?? '']);
  return rows;
}

async function readJsonIf(fx: BuildEffects, path: string): Promise<Row[] | null> {
  if (!(await fx.exists(path))) return null;
  return JSON.parse(decodeText(await fx.readFile(path))) as Row[];
}

async function put(fx: BuildEffects, dir: string, set: DownloadFile[], entry: Omit<DownloadFile, 'bytes' | 'sha256'>, content: string | Uint8Array) {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  await fx.writeFile(join(dir, entry.file), bytes);
  set.push({ ...entry, bytes: bytes.length, sha256: sha256(bytes) });
}

/**
 * Writes `<artefactDir>/downloads/<year>/…` for every year and `downloads.json` listing them.
 * The indicator CSVs carry the register's columns beside the contract's (PUBLISHED_INDICATOR_COLUMNS).
 */
export async function prepareDownloads(fx: BuildEffects, artefactDir: string, years: number[]): Promise<DownloadSet[]> {
  const sets: DownloadSet[] = [];
  for (const year of years) {
    const src = join(artefactDir, String(year));
    const dir = join(artefactDir, 'downloads', String(year));
    await fx.mkdir(dir);
    const files: DownloadFile[] = [];
    const described: { table: string; columns: string[] }[] = [];
    for (const t of TABLES) {
      const rows = await readJsonIf(fx, join(src, `${t.table}.json`));
      if (rows === null) continue;
      // Both CSVs name their columns (the indicator table: number, names, fylke, population and size
      // class first); the JSON is the artefact as the site reads it.
      const columns = columnsOf(rows, t.columns);
      const artefactCsv = join(src, `${t.table}.csv`);
      const csv = !t.columns && (await fx.exists(artefactCsv)) ? await fx.readFile(artefactCsv) : writeCsv(columns, cellsOf(rows, columns));
      await put(fx, dir, files, { file: `${t.table}.csv`, table: t.table, format: 'csv', title: t.title }, csv);
      await put(fx, dir, files, { file: `${t.table}-excel.csv`, table: t.table, format: 'excel-csv', title: `${t.title} (Excel)` }, writeCsv(columns, cellsOf(rows, columns), EXCEL_CSV));
      await put(fx, dir, files, { file: `${t.table}.json`, table: t.table, format: 'json', title: t.title }, `${JSON.stringify(rows, null, 1)}\n`);
      described.push({ table: t.table, columns });
    }
    await put(fx, dir, files, { file: 'codebook.csv', table: 'codebook', format: 'csv', title: 'Kodebok: hva hver kolonne betyr' }, writeCsv(['tabell', 'kolonne', 'beskrivelse'], codebookRows(described)));
    sets.push({ dir: String(year), files });
  }
  // Multi-year tables (issue #6) are written by the over-time stage as ready-made files.
  const overTime = join(artefactDir, 'utvikling');
  if (await fx.exists(overTime)) {
    const files: DownloadFile[] = [];
    const dir = join(artefactDir, 'downloads', 'utvikling');
    await fx.mkdir(dir);
    for (const name of await fx.readdir(overTime)) {
      if (!/\.(csv|json)$/.test(name)) continue;
      const bytes = await fx.readFile(join(overTime, name));
      const format = name.endsWith('.json') ? 'json' : /excel/.test(name) ? 'excel-csv' : 'csv';
      await put(fx, dir, files, { file: name, table: name.replace(/(-excel)?\.(csv|json)$/, ''), format, title: 'Utvikling over tid' }, bytes);
    }
    if (files.length > 0) sets.push({ dir: 'utvikling', files });
  }
  await fx.writeFile(join(artefactDir, 'downloads.json'), `${JSON.stringify(sets, null, 1)}\n`);
  return sets;
}

/** Copies the prepared downloads into `<out>/data/`. Returns the published paths per set. */
export async function publishDownloads(fx: BuildEffects, artefactDir: string, out: string, sets: DownloadSet[]): Promise<Map<string, string[]>> {
  const published = new Map<string, string[]>();
  for (const set of sets) {
    const dir = join(out, 'data', set.dir);
    await fx.mkdir(dir);
    for (const f of set.files) await fx.writeFile(join(dir, f.file), await fx.readFile(join(artefactDir, 'downloads', set.dir, f.file)));
    published.set(set.dir, set.files.map((f) => `data/${set.dir}/${f.file}`));
  }
  return published;
}
