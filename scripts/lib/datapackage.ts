// /data/datapackage.json: the downloads as a Frictionless Tabular Data Package (name, title,
// licence, sources, version, and a Table Schema for every CSV with the codebook's descriptions),
// so open-data tools read the files as they are. Pure: the caller hands in the CSV texts.
import { parseCsv } from '../../src/lib/read/csv';
import type { SiteIdentity } from '../../src/lib/publication/identity';
import { COLUMN_TEXT } from './downloads';

/** Columns the over-time tables add; the per-year columns are described in COLUMN_TEXT. */
const OVER_TIME_TEXT: Record<string, string> = {
  year: 'Undersøkelsesår',
  kommunenummer_fra: 'Kommunenummer året før (flere adskilt med mellomrom når kommunen er slått sammen)',
  kommunenummer_gjeldende: 'Kommunenummer i dagens kommuneinndeling',
  kommunenavn_gjeldende: 'Kommunenavn i dagens kommuneinndeling',
  endring: 'Hvordan kommunen henger sammen med dagens: uendret, nytt_nummer, delt eller sammenslått',
  etterfolgere: 'Dagens kommunenummer for området (flere adskilt med mellomrom når kommunen er delt)',
  in_all_years: '1 = spørsmålet er med alle årene, 0 = ikke',
  tabell: 'Tabellen kolonnen hører til',
  kolonne: 'Kolonnenavnet',
  beskrivelse: 'Hva kolonnen betyr',
};
const CHANGE_SUFFIX: Record<string, string> = {
  fra: 'året før',
  til: 'siste år',
  diff: 'nivåer flyttet på 0 < 1 < {2, 3} < 4 (negativ = ned, 0 for samme grad og for 2 ↔ 3)',
  endring: 'retning: opp, ned, samme eller annen_type (mellom grad 2 og 3), eller ikke_sammenlignbar',
  grunn: 'hvorfor endringen ikke kan beregnes, når den ikke kan det',
};

export function describeColumn(column: string): string | undefined {
  if (COLUMN_TEXT[column]) return COLUMN_TEXT[column];
  if (OVER_TIME_TEXT[column]) return OVER_TIME_TEXT[column];
  const m = /^([a-z]+)_(fra|til|diff|endring|grunn)$/.exec(column);
  if (m && COLUMN_TEXT[m[1]]) return `${COLUMN_TEXT[m[1]]}: ${CHANGE_SUFFIX[m[2]]}`;
  return undefined;
}

/** Identifiers stay text (leading zeros); only plain decimal columns become numbers. */
const IDENTIFIER = /(nummer|groupKey|etterfolgere|^value$|^item$)/;

function fieldType(column: string, values: string[]): 'integer' | 'number' | 'string' {
  if (IDENTIFIER.test(column)) return 'string';
  const present = values.filter((v) => v !== '');
  if (present.length === 0) return 'string';
  if (present.every((v) => /^-?(0|[1-9]\d*)$/.test(v))) return 'integer';
  if (present.every((v) => /^-?(0|[1-9]\d*)(\.\d+)?$/.test(v))) return 'number';
  return 'string';
}

export interface PackageCsv {
  /** Path relative to /data/ ('2024/indicators.csv'). */
  path: string;
  table: string;
  dir: string; // '2024' or 'utvikling'
  title: string;
  text: string;
  sha256: string;
  bytes: number;
}

export interface PackageYear { year: number; version: number; versionDate: string; surveyName: string; synthetic: boolean }

export function dataPackage(o: { identity: SiteIdentity; siteUrl: string; generated: string; years: PackageYear[]; csvs: PackageCsv[] }) {
  const missing: string[] = [];
  const resources = o.csvs.map((c) => {
    const parsed = parseCsv(c.text);
    const fields = parsed.header.map((name, i) => {
      const description = describeColumn(name);
      if (!description) missing.push(`${c.path}: ${name}`);
      return { name, type: fieldType(name, parsed.records.map((r) => r.fields[i] ?? '')), description: description ?? '' };
    });
    const year = /^\d{4}$/.test(c.dir) ? o.years.find((y) => String(y.year) === c.dir) : undefined;
    return {
      profile: 'tabular-data-resource',
      name: `${c.table}-${c.dir}`.toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
      path: c.path,
      title: year ? `${c.title} ${year.year}` : c.title,
      ...(year ? { description: `Versjon ${year.version} av tallene for ${year.year}, publisert ${year.versionDate}.`, version: String(year.version) } : {}),
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: c.bytes,
      hash: `sha256:${c.sha256}`,
      dialect: { delimiter: ',', doubleQuote: true, header: true },
      schema: { fields, missingValues: [''] },
    };
  });
  if (missing.length > 0) throw new Error(`datapackage.json: kolonner uten beskrivelse i kodeboken: ${missing.join('; ')}`);
  const who = o.identity;
  return {
    profile: 'tabular-data-package',
    name: 'digikommune',
    title: `${who.title}: indikatorer for digitalisering i kommunene`,
    description: `Indikatorene digital prioritering, digital aktivitet og digital kompetanse per kommune, beregnet etter SSBs metode (Rapporter 2019/14).${o.years.some((y) => y.synthetic) ? ' Tallene er syntetiske demodata, ikke SSBs statistikk.' : ''} Versjon per år: ${o.years.map((y) => `${y.year} v${y.version}`).join(', ')}.`,
    // One version string for the whole package: each year's version, so any correction changes it.
    version: o.years.map((y) => `${y.year}.${y.version}`).join('+'),
    homepage: new URL('data/', o.siteUrl.endsWith('/') ? o.siteUrl : `${o.siteUrl}/`).href,
    created: `${o.generated}T00:00:00Z`,
    licenses: [{ name: who.licence.id, path: who.licence.url, title: who.licence.name }],
    contributors: [{ title: who.publisher, role: 'publisher' }],
    sources: [
      ...o.years.map((y) => ({ title: y.synthetic ? `Syntetiske demodata etter skjemaet til SSBs «${y.surveyName}» ${y.year}` : `Statistisk sentralbyrå (SSB): «${y.surveyName}» ${y.year}` })),
      { title: 'Kommuneinndeling og folketall: Statistisk sentralbyrå (SSB), KLASS 131 og statistikkbanktabell 07459', path: 'https://data.ssb.no/api/klass/v1/classifications/131' },
    ],
    keywords: ['digitalisering', 'kommuner', 'IKT', 'SSB'],
    resources,
  };
}
