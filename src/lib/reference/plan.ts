// What the reference download fetches from where. Data, not code: a new structure or
// correspondence is one more entry here (and in data/structures/).
export interface BoundaryDownload {
  file: string; // relative to the reference directory
  url: string;
  sha256: string;
}

export interface RegisterDownload {
  file: string;
  /** KLASS `codesAt` date: the structure in force on that day. */
  date: string;
  /** Population 1 January of this year (StatBank 07459); null = no population column. */
  populationYear: number | null;
  /** Kommuner the structure has; a different count from the API means something changed upstream. */
  expectedCount: number;
}

export interface CorrespondenceDownload {
  file: string;
  oldRegister: string; // `file` of a RegisterDownload
  newRegister: string;
}

export interface ReferencePlan {
  klassBase: string;
  /** PxWebApi 2 data endpoint of table 07459 (POST, `outputFormat=json-stat2`). */
  statbankTable: string;
  /** PxWebApi v0 endpoint of the same table, asked only when v2 answers 404 or 410. */
  statbankTableV0: string;
  boundaries: BoundaryDownload[];
  registers: RegisterDownload[];
  correspondences: CorrespondenceDownload[];
}

/** robhop/fylker-og-kommuner at this commit holds Kartverket's boundaries (CC BY 4.0); see ../shared/geo/README.md. */
export const BOUNDARY_COMMIT = 'ae8782500090144c2b74d6bb2a89365a7ff2236d';
const RAW = `https://raw.githubusercontent.com/robhop/fylker-og-kommuner/${BOUNDARY_COMMIT}`;

export const DEFAULT_PLAN: ReferencePlan = {
  klassBase: 'https://data.ssb.no/api/klass/v1',
  // SSB's user guide documents only PxWebApi 2 since October 2025 (at most 800 000 cells per query,
  // 30 queries per minute per IP); v0 lives on without an end date and is the fallback.
  statbankTable: 'https://data.ssb.no/api/pxwebapi/v2/tables/07459/data?lang=no&outputFormat=json-stat2',
  statbankTableV0: 'https://data.ssb.no/api/v0/no/table/07459/',
  boundaries: [
    { file: 'geo/kommuner-2024.topojson', url: `${RAW}/Kommuner-S.topojson`, sha256: 'fb0a8aab4d2988cfda7912d4c046c63aa8071ed94556ad20960f74702cf0e6c7' },
    { file: 'geo/fylker-2024.topojson', url: `${RAW}/Fylker-S.topojson`, sha256: '3047ac649c3e63724251ab12f6b97719f0770b67954cb7f7e4531808bb7cf866' },
    { file: 'geo/kommuner-2020.topojson', url: `${RAW}/2020/Kommuner-small.topojson`, sha256: 'dcfb1839ad0d5e63f452418d649607ccbe6551f3b4b572af3f5548739dfb1236' },
    { file: 'geo/fylker-2020.topojson', url: `${RAW}/2020/Fylker-small.topojson`, sha256: '35a7e8b0973cad350424109d91cd20c2be141c361e2f1668b26d16b9de862714' },
  ],
  registers: [
    { file: 'registers/kommuner-2018.csv', date: '2018-01-01', populationYear: 2018, expectedCount: 422 },
    // The 2020–23 structure is used for the 2021 survey, so its population is that of 1 January 2021.
    { file: 'registers/kommuner-2020.csv', date: '2020-01-01', populationYear: 2021, expectedCount: 356 },
    { file: 'registers/kommuner-2024.csv', date: '2024-01-01', populationYear: 2024, expectedCount: 357 },
  ],
  correspondences: [
    { file: 'registers/endringer-2018-2020.csv', oldRegister: 'registers/kommuner-2018.csv', newRegister: 'registers/kommuner-2020.csv' },
    { file: 'registers/endringer-2020-2024.csv', oldRegister: 'registers/kommuner-2020.csv', newRegister: 'registers/kommuner-2024.csv' },
  ],
};
