// A tiny synthetic survey year, hand-made for the build's trust tests: a register whose names and
// fylke names carry markup, quotes and ampersands; a boundary file that lacks one kommune and has
// one extra; responses with free-text, contact and time-use columns holding unique markers that
// must never reach the site. Nothing here is derived from real reference data.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { columnAnswerSets, requiredColumns } from '../../src/lib/read/labels';
import type { SurveyDefinition } from '../../src/lib/types';
import { ROOT } from './site';

export interface FixtureKommune {
  kommunenummer: string;
  kommunenavn: string;
  fylkesnummer: string;
  fylkesnavn: string;
  innbyggere: number;
  /** Square in lon/lat: [west, south]; side 0.5°. null = no shape in the boundary file. */
  at: [number, number] | null;
  answers: boolean;
}

export const FYLKE_A = 'Prøvefylke <b>A</b> & «B»';
export const FYLKE_B = "Fylke 'Q' \"R\"";

export const FIXTURE_KOMMUNER: FixtureKommune[] = [
  { kommunenummer: '9101', kommunenavn: '<script>alert("x")</script>', fylkesnummer: '91', fylkesnavn: FYLKE_A, innbyggere: 1200, at: [10, 60], answers: true },
  { kommunenummer: '9102', kommunenavn: 'Ås & "Bø" \'Ø\'', fylkesnummer: '91', fylkesnavn: FYLKE_A, innbyggere: 5400, at: [10.5, 60], answers: true },
  { kommunenummer: '9103', kommunenavn: 'Vanlig', fylkesnummer: '91', fylkesnavn: FYLKE_A, innbyggere: 31000, at: [10, 60.5], answers: true },
  { kommunenummer: '9104', kommunenavn: 'Utenkart', fylkesnummer: '91', fylkesnavn: FYLKE_A, innbyggere: 800, at: null, answers: true },
  { kommunenummer: '9201', kommunenavn: 'Fjell <i>kursiv</i> &amp; co', fylkesnummer: '92', fylkesnavn: FYLKE_B, innbyggere: 2500, at: [11, 60], answers: false },
];
/** In the boundary file but not in the register. */
export const EXTRA_SHAPE = { kommunenummer: '9199', navn: 'Ekstraflate' };

/** Labels from the survey definition carrying markup, quotes and ampersands (must render as text). */
export const HOSTILE_LABELS = {
  prioritering1: 'Grad én <em>lav</em> & "litt" \'strategi\'',
  strategiItem: 'Område <script>alert("omr")</script> & co',
};

/** Values that must never appear in any byte of the built site. */
export const SECRETS = {
  kommentar: 'HEMMELIG-KOMMENTAR-Zq81',
  kommentar_2: 'FRITEKST-MERKE-Vb52',
  kontakt_navn: 'Kari Hemmeligsen-Qx',
  kontakt_telefon: '+47 912 34 567',
  kontakt_epost: 'kari.q9@hemmelig.example',
  tidsbruk_minutter: 'TIDSBRUK-Wq3',
  ukjent_kolonne: 'UKJENT-EKSTRA-Pp2',
};

const square = ([w, s]: [number, number]) => [[w, s], [w, s + 0.5], [w + 0.5, s + 0.5], [w + 0.5, s], [w, s]]; // clockwise

function topology(object: string, shapes: { ring: number[][]; properties: Record<string, string> }[]) {
  return {
    type: 'Topology',
    objects: {
      [object]: {
        type: 'GeometryCollection',
        geometries: shapes.map((s, i) => ({ type: 'Polygon', arcs: [[i]], properties: s.properties })),
      },
    },
    arcs: shapes.map((s) => s.ring),
  };
}

function csvCell(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export interface FixtureOptions {
  /** Replace one response cell: e.g. an answer outside the answer set. */
  badCell?: { kommunenummer: string; column: string; value: string };
  /** Point the structure at a boundary file that does not exist. */
  missingBoundary?: boolean;
  /** Other values for the never-published columns (e.g. ordinary words that also occur on pages). */
  secretValues?: Partial<Record<keyof typeof SECRETS, string>>;
  /** Other names for some kommuner (kommunenummer → name), in the register and boundary file. */
  names?: Record<string, string>;
  /**
   * An earlier year (2021) on an earlier structure in which one kommune had another number
   * (RENUMBERED), so the site has a development page and an old-number redirect.
   */
  history?: boolean;
}

/** With `history`: the kommune that had another number in the earlier structure. */
export const RENUMBERED = { from: '9105', to: '9103' };

let written = 0;

/** Writes `<dir>/data/…` and `<dir>/reference/…`; returns the CLI args that build it. */
export async function writeFixture(dir: string, options: FixtureOptions = {}): Promise<string[]> {
  const data = join(dir, 'data');
  const ref = join(dir, 'reference');
  // Written beside and renamed into place: the shared base-path fixture's input is rewritten by
  // every file that asks for it, possibly while another process's build reads it.
  const put = async (path: string, content: string) => {
    await mkdir(dirname(path), { recursive: true });
    const tmp = join(dirname(path), `.tmp-${process.pid}-${++written}`); // skipped by inputHash, no data file's name
    await writeFile(tmp, content);
    await rename(tmp, path);
  };
  const survey = JSON.parse(await readFile(join(ROOT, 'data', 'surveys', '2021.json'), 'utf8')) as SurveyDefinition;
  survey.grades.prioritering.labels[1] = HOSTILE_LABELS.prioritering1;
  const firstItem = Object.keys(survey.simple.strategi.items)[0];
  survey.simple.strategi.items[firstItem] = HOSTILE_LABELS.strategiItem;
  await put(join(data, 'surveys', '2021.json'), JSON.stringify(survey, null, 1));
  await put(join(data, 'site.json'), await readFile(join(ROOT, 'data', 'site.json'), 'utf8'));
  await put(
    join(data, 'years', '2024.json'),
    JSON.stringify({ year: 2024, survey: '2021', structure: 'fx', responses: 'responses/fx.csv', synthetic: true, dataDate: '2024-06-30' }),
  );
  await put(
    join(data, 'structures', 'fx.json'),
    JSON.stringify({
      id: 'fx',
      label: 'Testinndeling',
      register: 'registers/kommuner-fx.csv',
      kommuneBoundaries: { file: options.missingBoundary ? 'geo/finnes-ikke.topojson' : 'geo/kommuner-fx.topojson', object: 'Kommuner', idProperty: 'kommunenummer', nameProperty: 'navn' },
      fylkeBoundaries: { file: 'geo/fylker-fx.topojson', object: 'Fylker', idProperty: 'fylkesnummer', nameProperty: 'navn' },
      populationNote: 'Oppdiktet folketall',
      ...(options.history ? { previous: { structure: 'fx-old', correspondence: 'registers/endringer-fx.csv' } } : {}),
    }),
  );
  const header = 'kommunenummer,kommunenavn,fylkesnummer,fylkesnavn,innbyggere';
  const nameOf = (k: FixtureKommune) => options.names?.[k.kommunenummer] ?? k.kommunenavn;
  const regRows = FIXTURE_KOMMUNER.map((k) => [k.kommunenummer, nameOf(k), k.fylkesnummer, k.fylkesnavn, String(k.innbyggere)].map(csvCell).join(','));
  await put(join(ref, 'registers', 'kommuner-fx.csv'), `${header}\n${regRows.join('\n')}\n`);

  const kShapes = FIXTURE_KOMMUNER.filter((k) => k.at).map((k) => ({ ring: square(k.at!), properties: { kommunenummer: k.kommunenummer, navn: nameOf(k) } }));
  kShapes.push({ ring: square([10.5, 60.5]), properties: { kommunenummer: EXTRA_SHAPE.kommunenummer, navn: EXTRA_SHAPE.navn } });
  await put(join(ref, 'geo', 'kommuner-fx.topojson'), JSON.stringify(topology('Kommuner', kShapes)));
  await put(
    join(ref, 'geo', 'fylker-fx.topojson'),
    JSON.stringify(
      topology('Fylker', [
        { ring: [[10, 60], [10, 61], [11, 61], [11, 60], [10, 60]], properties: { fylkesnummer: '91', navn: 'A' } },
        { ring: square([11, 60]), properties: { fylkesnummer: '92', navn: 'B' } },
      ]),
    ),
  );

  // Responses: every required column, answers cycling through each column's answer set (gates open).
  const sets = columnAnswerSets(survey);
  const gates = new Set(Object.keys(survey.gates));
  const columns = requiredColumns(survey).filter((c) => c !== 'kommunenummer');
  const secretColumns = Object.keys(SECRETS) as (keyof typeof SECRETS)[];
  const lines = [['kommunenummer', ...columns, ...secretColumns].join(',')];
  FIXTURE_KOMMUNER.filter((k) => k.answers).forEach((k, row) => {
    const cells = columns.map((c, i) => {
      const labels = survey.answerSets[sets.get(c) ?? ''] ?? ['Ja'];
      if (gates.has(c)) return labels[0];
      return labels[(i + row) % labels.length];
    });
    if (options.badCell && options.badCell.kommunenummer === k.kommunenummer) {
      cells[columns.indexOf(options.badCell.column)] = options.badCell.value;
    }
    lines.push([k.kommunenummer, ...cells, ...secretColumns.map((s) => options.secretValues?.[s] ?? SECRETS[s])].map(csvCell).join(','));
  });
  const responses = `${lines.join('\r\n')}\r\n`;
  await put(join(data, 'responses', 'fx.csv'), responses);
  if (options.history) await writeHistory(put, data, ref, nameOf, header, responses);
  // Version 1 of the figures, computed from exactly this file (issue 9 §5).
  await put(
    join(data, 'years', '2024.json'),
    JSON.stringify({
      year: 2024, survey: '2021', structure: 'fx', responses: 'responses/fx.csv', synthetic: true, dataDate: '2024-06-30',
      version: 1, published: '2024-06-30', sha256: createHash('sha256').update(responses).digest('hex'), corrections: [],
    }),
  );
  return ['--data', data, '--reference', ref, '--no-download'];
}

/** The earlier year: the same kommuner and answers, RENUMBERED.to under its old number. */
async function writeHistory(
  put: (path: string, content: string) => Promise<void>,
  data: string,
  ref: string,
  nameOf: (k: FixtureKommune) => string,
  header: string,
  responses: string,
): Promise<void> {
  const oldNr = (nr: string) => (nr === RENUMBERED.to ? RENUMBERED.from : nr);
  const rows = FIXTURE_KOMMUNER.map((k) => [oldNr(k.kommunenummer), nameOf(k), k.fylkesnummer, k.fylkesnavn, String(k.innbyggere)].map(csvCell).join(','));
  await put(join(ref, 'registers', 'kommuner-fx-old.csv'), `${header}\n${rows.join('\n')}\n`);
  const pairs = FIXTURE_KOMMUNER.map((k) =>
    [oldNr(k.kommunenummer), nameOf(k), k.kommunenummer, nameOf(k), oldNr(k.kommunenummer) === k.kommunenummer ? 'uendret' : 'nytt_nummer'].map(csvCell).join(','),
  );
  await put(join(ref, 'registers', 'endringer-fx.csv'), `kommunenummer_2020,kommunenavn_2020,kommunenummer_2024,kommunenavn_2024,endring\n${pairs.join('\n')}\n`);
  await put(
    join(data, 'structures', 'fx-old.json'),
    JSON.stringify({ id: 'fx-old', label: 'Tidligere testinndeling', register: 'registers/kommuner-fx-old.csv', kommuneBoundaries: null, fylkeBoundaries: null, populationNote: 'Oppdiktet folketall' }),
  );
  const oldResponses = responses.split('\r\n').map((line) => (line.startsWith(`${RENUMBERED.to},`) ? RENUMBERED.from + line.slice(4) : line)).join('\r\n');
  await put(join(data, 'responses', 'fx-old.csv'), oldResponses);
  await put(
    join(data, 'years', '2021.json'),
    JSON.stringify({
      year: 2021, survey: '2021', structure: 'fx-old', responses: 'responses/fx-old.csv', synthetic: true, dataDate: '2021-06-30',
      version: 1, published: '2021-06-30', sha256: createHash('sha256').update(oldResponses).digest('hex'), corrections: [],
    }),
  );
}
