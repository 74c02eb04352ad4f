// The build manifest (/data/manifest.json): what was published, from which inputs, so a reader can
// verify it. Pure: the caller hands in file hashes.

export interface ManifestInput {
  path: string; // 'data/years/2021.json' or 'reference:registers/kommuner-2020.csv'
  role: string; // 'year' | 'survey' | 'structure' | 'responses' | 'register' | 'boundaries' | 'correspondence' | …
  sha256: string;
  bytes: number;
}

export interface ManifestYear {
  year: number;
  survey: string;
  structure: string;
  synthetic: boolean;
  dataDate: string;
  units: number;
  respondents: number;
  /** Version of the year's figures and the date it was published (issue 9 §5). */
  version: number;
  versionDate: string;
  files: string[]; // published downloads for this year, relative to the site root
}

export interface BuildManifest {
  name: string;
  version: string;
  generated: string;
  base: string;
  synthetic: boolean;
  inputs: ManifestInput[];
  surveys: { id: string; title: string; sha256: string }[];
  years: ManifestYear[];
  note: string;
}

export function buildManifest(m: Omit<BuildManifest, 'note'>): BuildManifest {
  const inputs = dedupe(m.inputs).sort((a, b) => cmp(a.path, b.path));
  return {
    name: m.name,
    version: m.version,
    generated: m.generated,
    base: m.base,
    synthetic: m.synthetic,
    inputs,
    surveys: [...m.surveys].sort((a, b) => cmp(a.id, b.id)),
    years: [...m.years].sort((a, b) => a.year - b.year),
    note:
      'SHA-256 av hver inndatafil bygget bruker. «generated» er datadato eller SOURCE_DATE_EPOCH, aldri byggetidspunktet.',
  };
}

function dedupe(inputs: ManifestInput[]): ManifestInput[] {
  const seen = new Map<string, ManifestInput>();
  for (const i of inputs) if (!seen.has(i.path)) seen.set(i.path, i);
  return [...seen.values()];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
