// Survey export bytes → validated response rows, or every problem found (up to a cap).

import type { CodedColumn, Problem, RegisterRow, ResponseColumns, ResponseRow, SurveyDefinition } from '../types';
import { responseRows } from './responseColumns';
import { CsvSyntaxError, detectDelimiter, scanCsvSpans, type Delimiter, type FieldSpans } from './csv';
import { decodeBytes, type EncodingChoice } from './decode';
import { lineBreaks, plainUtf8Start, readPlainRows, utf8Labels, utf8Text, UnitType, type Utf8Labels } from './plain';
import { codeArray, codedResponses } from './responseColumns';
import { lineEndHint, rowLengthDetail, separatorHint } from './hints';
import {
  columnAnswerSets,
  describeAnswerSet,
  labelMatcher,
  MISSING_MARKERS,
  neverPublishedTest,
  normaliseLabel,
  requiredColumns,
  type LabelMatcher,
} from './labels';

export interface ReadOptions {
  /** Name shown in problems (path as the user typed it). */
  file: string;
  survey: SurveyDefinition;
  /** Kommune register in effect; when given, every kommunenummer must be in it. */
  register?: RegisterRow[] | null;
  encoding?: EncodingChoice;
  /** Problems reported before the rest are summarised in one «… og N flere» problem. Default 50. */
  maxProblems?: number;
}

export interface ReadSuccess {
  ok: true;
  /**
   * The answers, one array per kept column, one cell per kommune in file order: `kommunenummer`
   * (4 chars) and every known survey column present in the file (`columns`), valued with the
   * canonical label or null for blank. Known columns absent from the file are absent here too (so
   * «not asked» ≠ «blank»). The engine reads these; no object per row is built.
   */
  responses: ResponseColumns;
  /** The same as row objects, built on first use (for callers that look at a few kommuner). */
  readonly rows: ResponseRow[];
  /** `kommunenummer` followed by the known survey columns present, in file order. */
  columns: string[];
  encoding: string;
  delimiter: string;
  /** Norwegian notes about what was dropped or detected (never containing dropped values). */
  notes: string[];
}

export interface ReadFailure {
  ok: false;
  problems: Problem[];
}

export type ReadResult = ReadSuccess | ReadFailure;

export class InputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** One line per problem: `file:line: message`; the message names column, value and what is allowed. */
export function formatProblems(problems: Problem[]): string {
  return problems
    .map((p) => `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`)
    .join('\n');
}

const KOMMUNE_TYPES = new Set(['', 'kommune']);
const OTHER_UNIT_TYPES = new Set(['fylkeskommune', 'stat']);
const KOMMUNENUMMER = /^[0-9]{4}$/;
const SHORT_NUMBER = /^[0-9]{1,3}$/;
const MAX_SHOWN = 60;
/** Names joined by «, », cut with «… og N til» before `max` characters: one problem stays one readable line. */
function namesWithin(names: readonly string[], max: number): string {
  let text = '';
  for (let i = 0; i < names.length; i++) {
    const next = i === 0 ? names[i] : `${text}, ${names[i]}`;
    if (next.length > max) return `${text} … og ${names.length - i} til`;
    text = next;
  }
  return text;
}

const SEP_LINE = /^(\uFEFF?)"?sep=([;,])"?[ \t]*(?=\r|\n)/i;

/** A nudge when an unknown answer looks like the file was decoded with the wrong encoding. */
function encodingHint(raw: string): string {
  if (raw.includes('\uFFFD')) return ' (teksten er ikke gyldig UTF-8: prøv tegnkoding windows-1252)';
  if (/Ã[\u0080-\u00bf]/.test(raw)) return ' (ser ut som UTF-8 lest som Windows-1252: prøv tegnkoding utf-8)';
  return '';
}

/** A value safe to put in a one-line message: control characters escaped, long values cut. */
export function displayValue(value: string): string {
  let v = value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN) : value;
  // eslint-disable-next-line no-control-regex
  v = v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return value.length > MAX_SHOWN ? `${v}… (${value.length} tegn)` : v;
}

class ProblemList {
  readonly items: Problem[] = [];
  extra = 0;
  constructor(
    readonly file: string,
    readonly max: number,
  ) {}
  add(p: Omit<Problem, 'file'>): void {
    if (this.items.length < this.max) this.items.push({ file: this.file, ...p });
    else this.extra++;
  }
  /** Like add, but builds the problem only while under the cap (a broken 100 000-row file stays cheap). */
  report(make: () => Omit<Problem, 'file'>): void {
    if (this.items.length < this.max) this.items.push({ file: this.file, ...make() });
    else this.extra++;
  }
  get count(): number {
    return this.items.length + this.extra;
  }
  result(): Problem[] {
    if (this.extra === 0) return this.items;
    return [
      ...this.items,
      { file: this.file, message: `… og ${this.extra} flere problemer (bare de ${this.max} første er vist)` },
    ];
  }
}

function spanStrings(spans: FieldSpans): string[] {
  const out = new Array<string>(spans.count);
  for (let k = 0; k < spans.count; k++) out[k] = spans.text.slice(spans.start[k], spans.end[k]);
  return out;
}

/** A read result whose `rows` are made from the columns only when someone asks for them. */
function success(responses: ResponseColumns, rest: Omit<ReadSuccess, 'ok' | 'responses' | 'rows'>): ReadSuccess {
  let rows: ResponseRow[] | null = null;
  return {
    ok: true,
    responses,
    get rows() {
      return (rows ??= responseRows(responses));
    },
    ...rest,
  };
}

/** Reads a survey export. Never throws: any failure comes back as `{ ok: false, problems }`. */
export function readResponses(bytes: Uint8Array, options: ReadOptions): ReadResult {
  const file = options.file;
  try {
    return readUnsafe(bytes, options);
  } catch (err) {
    // A bug or an unforeseen input must still end as one clear message, never a stack trace.
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, problems: [{ file, message: `kunne ikke lese filen: ${displayValue(why)}` }] };
  }
}

/** Like readResponses, but throws InputError with every problem instead of returning them. */
export function readResponsesOrThrow(bytes: Uint8Array, options: ReadOptions): ReadSuccess {
  const result = readResponses(bytes, options);
  if (!result.ok) throw new InputError(result.problems);
  return result;
}

function readUnsafe(bytes: Uint8Array, options: ReadOptions): ReadResult {
  const { file, survey } = options;
  const max = Math.max(1, options.maxProblems ?? 50);
  const problems = new ProblemList(file, max);
  const fail = (): ReadFailure => ({ ok: false, problems: problems.result() });

  if (bytes.length === 0) {
    problems.add({ message: 'filen er tom (0 byte); forventet en overskriftslinje og én rad per kommune' });
    return fail();
  }

  const plain = plainUtf8Start(bytes, options.encoding ?? 'auto');
  if (plain !== null) {
    const fast = readPlain(bytes, plain, options);
    if (fast !== null) return fast;
  }

  const decoded = decodeBytes(bytes, options.encoding ?? 'auto');
  // Excel's «sep=;» first line names the delimiter; blank it out (keeping the line break, so line
  // numbers in problems still match the file) and use what it says.
  let text = decoded.text;
  const sep = SEP_LINE.exec(text);
  if (sep) text = sep[1] + text.slice(sep[0].length);
  const delimiter: Delimiter = sep
    ? (sep[2] as Delimiter)
    : detectDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

  let body: BodyReader | null = null;
  let headerSeen = false;
  let records = 0;
  try {
    // Rows are checked while the scan runs, against the text itself: a field becomes a string of
    // its own only when it is not a canonical label (or is kommunenummer, enhetstype, or wrong).
    scanCsvSpans(
      text,
      (spans, line) => {
        if (!headerSeen) {
          headerSeen = true;
          body = readHeader(spanStrings(spans), line, survey, problems, delimiter, options.register ?? null, () => lineEndHint(text));
          return body !== null;
        }
        records++;
        body!.record(spans, line);
      },
      { delimiter },
    );
  } catch (err) {
    if (!(err instanceof CsvSyntaxError)) throw err;
    problems.add({ line: err.line, message: `tegn ${err.column}: ${err.reason}` });
    return fail();
  }

  if (!headerSeen) {
    problems.add({ message: 'filen har ikke noe innhold (bare blanke linjer); forventet en overskriftslinje og én rad per kommune' });
    return fail();
  }
  if (body === null) return fail();
  const reader: BodyReader = body;
  if (records === 0) {
    problems.add({ message: `filen har bare overskriftslinjen og ingen datarader; forventet én rad per kommune${lineEndHint(text)}` });
    return fail();
  }
  if (problems.count === 0 && reader.length === 0) {
    problems.add({
      message: `filen har ingen kommuner: alle ${reader.otherUnits} rader har enhetstype fylkeskommune eller stat; forventet minst én kommune`,
    });
  }
  if (problems.count > 0) return fail();

  return success(reader.responses(), {
    columns: reader.columns, encoding: decoded.encoding, delimiter, notes: readNotes(reader, decoded.encoding, decoded.bom, delimiter),
  });
}

/** The notes of a successful read. */
function readNotes(reader: BodyReader, encoding: string, bom: boolean, delimiter: string): string[] {
  const notes: string[] = [];
  notes.push(`Tegnkoding: ${encoding}${bom ? ' med BOM' : ''}; skilletegn «${delimiter}».`);
  if (reader.otherUnits > 0) notes.push(`${reader.otherUnits} rader med enhetstype fylkeskommune eller stat er utelatt (de er ikke kommuner).`);
  if (reader.neverPublished > 0) {
    notes.push(`${reader.neverPublished} kolonner med fritekst, kontaktopplysninger eller tidsbruk er forkastet ved innlesing.`);
  }
  if (reader.unknown.length > 0) {
    const shown = reader.unknown.slice(0, 20).map(displayValue).join(', ');
    notes.push(`${reader.unknown.length} ukjente kolonner er ignorert: ${shown}${reader.unknown.length > 20 ? ', …' : ''}.`);
  }
  return notes;
}

/** Checks the header's names; a BodyReader for the records, or null with the problems in `list`. */
function readHeader(
  raw: string[], headerLine: number, s: SurveyDefinition, list: ProblemList, delimiter: string,
  register: RegisterRow[] | null, lineEnds: () => string,
): BodyReader | null {
  const header = raw.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
  const firstIndex = new Map<string, number>();
  const known = columnAnswerSets(s);
  const hidden = neverPublishedTest(s);
  header.forEach((name, i) => {
    // Only columns the reader uses must be unique; repeated ignored columns (two «kommentar»,
    // Excel's empty trailing columns) are dropped anyway and cannot make an answer ambiguous.
    const used = name === 'kommunenummer' || name === 'enhetstype' || (known.has(name) && !hidden(name));
    if (!used) return;
    const first = firstIndex.get(name);
    if (first === undefined) firstIndex.set(name, i);
    else
      list.add({
        line: headerLine,
        column: name,
        message: `kolonne «${displayValue(name)}» står to ganger i overskriften (kolonne ${first + 1} og ${i + 1}); hver kolonne kan bare forekomme én gang`,
      });
  });
  const missing = requiredColumns(s).filter((c) => !firstIndex.has(c));
  if (missing.length > 0) {
    list.add({ line: headerLine, message: `mangler ${missing.length} påkrevde kolonner: ${namesWithin(missing, 1500)}${separatorHint(raw) || lineEnds()}` });
  }
  if (list.count > 0) return null;
  return new BodyReader(header, firstIndex, s, list, delimiter, register);
}

/**
 * The fast path (plain.ts) for valid UTF-8 from byte `start`: the header is the first line, without
 * quotes or «sep=»; null wherever the text reader must read the file instead.
 */
function readPlain(bytes: Uint8Array, start: number, options: ReadOptions): ReadSuccess | null {
  let lineEnd = start;
  while (lineEnd < bytes.length && bytes[lineEnd] !== 10 && bytes[lineEnd] !== 13) lineEnd++;
  const headerText = utf8Text(bytes, start, lineEnd);
  if (headerText.includes('"') || SEP_LINE.test(`${headerText}\n`)) return null;
  // detectDelimiter reads past the first line only when it has neither delimiter.
  if (!headerText.includes(',') && !headerText.includes(';')) return null;
  const delimiter = detectDelimiter(headerText);
  const raw = headerText.split(delimiter);
  if (raw.every((h) => h.trim() === '')) return null;
  const problems = new ProblemList(options.file, 1);
  const reader = readHeader(raw, 1, options.survey, problems, delimiter, options.register ?? null, () => '');
  if (reader === null) return null;
  const from = lineEnd < bytes.length && bytes[lineEnd] === 13 && bytes[lineEnd + 1] === 10 ? lineEnd + 2 : lineEnd + 1;
  if (!reader.readPlain(bytes, from)) return null;
  return success(reader.responses(), {
    columns: reader.columns, encoding: 'utf-8', delimiter, notes: readNotes(reader, 'utf-8', start > 0, delimiter),
  });
}

/** A column of the fast path passed 255 labels (only labels its answer set lacks can do that). */
class WideColumn extends Error {}

/** Converts and checks data records once the header is known to be sound. */
class BodyReader {
  readonly columns: string[];
  /** kommunenummer and each kept column's codes, filled while no problem has been found. */
  private readonly kommuner: string[] = [];
  private codes: (Uint8Array | Uint16Array)[];
  /** Each kept column's labels ([null, ...its answer set]) and their codes, shared per answer set. */
  private readonly labels: (string | null)[][];
  private readonly codeOf: Map<string, number>[];
  private capacity = 0;
  length = 0;
  readonly unknown: string[] = [];
  neverPublished = 0;
  otherUnits = 0;
  private readonly kept: { index: number; name: string; match: LabelMatcher; answerSet: string }[] = [];
  private readonly width: number;
  private readonly header: string[];
  private readonly kommuneIndex: number;
  private readonly typeIndex: number | undefined;
  private readonly registerSet: Set<string> | null;
  private readonly seen = new Map<string, number>();
  private readonly allowedText = new Map<string, string>();
  private readonly values: (string | null)[];

  constructor(
    header: string[],
    firstIndex: Map<string, number>,
    private readonly survey: SurveyDefinition,
    private readonly problems: ProblemList,
    private readonly delimiter: string,
    register: RegisterRow[] | null,
  ) {
    this.width = header.length;
    this.header = header;
    this.kommuneIndex = firstIndex.get('kommunenummer')!;
    this.typeIndex = firstIndex.get('enhetstype');
    this.registerSet = register ? new Set(register.map((r) => r.kommunenummer)) : null;

    // Only known survey columns are kept: free text, contacts and unknowns never get past here.
    const known = columnAnswerSets(survey);
    const matchers = new Map<string, LabelMatcher>();
    const unknownSeen = new Set<string>();
    const hidden = neverPublishedTest(survey);
    header.forEach((name, index) => {
      if (name === 'kommunenummer' || name === 'enhetstype') return;
      if (hidden(name)) {
        this.neverPublished++;
        return;
      }
      const answerSet = known.get(name);
      if (answerSet === undefined) {
        if (name !== '' && name !== 'orgnr' && name !== 'navn' && !unknownSeen.has(name)) {
          unknownSeen.add(name);
          this.unknown.push(name);
        }
        return;
      }
      let match = matchers.get(answerSet);
      if (!match) {
        match = labelMatcher(survey, answerSet);
        matchers.set(answerSet, match);
      }
      this.kept.push({ index, name, match, answerSet });
    });
    this.columns = ['kommunenummer', ...this.kept.map((k) => k.name)];
    this.values = new Array(this.columns.length).fill(null);
    const labelsOf = new Map<string, { labels: (string | null)[]; codeOf: Map<string, number> }>();
    for (const k of this.kept) {
      if (labelsOf.has(k.answerSet)) continue;
      const labels = [null, ...survey.answerSets[k.answerSet]];
      labelsOf.set(k.answerSet, { labels, codeOf: new Map(labels.map((l, c) => [l as string, c])) });
    }
    this.labels = this.kept.map((k) => labelsOf.get(k.answerSet)!.labels);
    this.codeOf = this.kept.map((k) => labelsOf.get(k.answerSet)!.codeOf);
    this.codes = this.kept.map(() => new Uint8Array(0));
  }

  /** The code of a canonical label in kept column c (a label the answer set lacks gets a code of its own). */
  private codeFor(c: number, label: string): number {
    let code = this.codeOf[c].get(label);
    if (code === undefined) {
      code = this.labels[c].push(label) - 1;
      this.codeOf[c].set(label, code);
      if (code === 0x100) this.reserve(this.capacity, true);
    }
    return code;
  }

  /** Room for `rows` rows in every code array (`wider`: after a column passed 255 labels). */
  private reserve(rows: number, wider = false): void {
    if (rows <= this.capacity && !wider) return;
    const capacity = Math.max(rows, this.capacity);
    this.codes = this.codes.map((old, c) => {
      const codes = codeArray(this.labels[c].length, capacity);
      codes.set(old);
      return codes;
    });
    this.capacity = capacity;
  }

  /** Reads every record of a plain UTF-8 file from byte `from`; false when the text reader must. */
  readPlain(bytes: Uint8Array, from: number): boolean {
    const slot = new Int32Array(this.width).fill(-1);
    const labels: (Utf8Labels | null)[] = [null];
    const match: (LabelMatcher | null)[] = [null];
    const byAnswerSet = new Map<string, Utf8Labels>();
    this.kept.forEach((k, c) => {
      slot[k.index] = c + 1;
      let set = byAnswerSet.get(k.answerSet);
      if (!set) byAnswerSet.set(k.answerSet, (set = utf8Labels(this.labels[c])));
      labels.push(set);
      match.push(k.match);
    });
    this.reserve(lineBreaks(bytes, from) + 1);
    const types = new Map<string, UnitType>();
    const unitType = (raw: string): UnitType => {
      let t = types.get(raw);
      if (t === undefined) {
        const type = normaliseLabel(raw);
        t = OTHER_UNIT_TYPES.has(type) ? UnitType.Other : KOMMUNE_TYPES.has(type) || MISSING_MARKERS.has(type) ? UnitType.Kommune : UnitType.Invalid;
        if (types.size < 1000) types.set(raw, t);
      }
      return t;
    };
    // A column can pass 255 labels only through labels the answer set lacks; the text reader handles that.
    const codeOf = (to: number, label: string) => {
      const code = this.codeFor(to - 1, label);
      if (code > 0xff) throw new WideColumn();
      return code;
    };
    let read;
    try {
      read = readPlainRows(bytes, from, this.delimiter, {
        width: this.width, kommuneIndex: this.kommuneIndex, typeIndex: this.typeIndex ?? -1, slot, labels, match, codeOf, unitType, register: this.registerSet,
      }, this.kommuner, [null, ...this.codes]);
    } catch (err) {
      if (err instanceof WideColumn) return false;
      throw err;
    }
    if (read === null || read.records === 0 || read.length === 0) return false;
    this.length = read.length;
    this.otherUnits = read.otherUnits;
    return true;
  }

  responses(): ResponseColumns {
    const coded: Record<string, CodedColumn> = {};
    this.kept.forEach((k, c) => (coded[k.name] = { labels: this.labels[c], codes: this.codes[c].subarray(0, this.length) }));
    return codedResponses(this.columns, this.kommuner, coded, this.length);
  }

  private allowed(answerSet: string): string {
    let text = this.allowedText.get(answerSet);
    if (text === undefined) {
      text = describeAnswerSet(this.survey, answerSet);
      this.allowedText.set(answerSet, text);
    }
    return text;
  }

  record(spans: FieldSpans, line: number): void {
    const problems = this.problems;
    const count = spans.count;
    if (count !== this.width) {
      problems.report(() => ({
        line,
        column: this.header[Math.min(count, this.width - 1)],
        message: `raden har ${count} felt, men overskriften har ${this.width} kolonner (skilletegn «${this.delimiter}»)${rowLengthDetail(count, this.header)}; sjekk skilletegn og anførselstegn`,
      }));
      return;
    }
    const { text, start, end } = spans;
    const field = (k: number) => text.slice(start[k], end[k]);

    if (this.typeIndex !== undefined) {
      const raw = field(this.typeIndex);
      const type = normaliseLabel(raw);
      if (OTHER_UNIT_TYPES.has(type)) {
        this.otherUnits++;
        return;
      }
      if (!KOMMUNE_TYPES.has(type) && !MISSING_MARKERS.has(type)) {
        problems.report(() => ({
          line,
          column: 'enhetstype',
          value: raw,
          message: `kolonne «enhetstype»: fant «${displayValue(raw)}»; forventet «kommune», «fylkeskommune», «stat» eller tomt felt (= kommune)`,
        }));
        return;
      }
    }

    const before = problems.count;
    const rawNumber = field(this.kommuneIndex);
    const kommunenummer = rawNumber.trim();
    if (!KOMMUNENUMMER.test(kommunenummer)) {
      problems.report(() => {
        const hint = SHORT_NUMBER.test(kommunenummer)
          ? ` (mistet ledende null? skriv «${kommunenummer.padStart(4, '0')}», og eksporter kolonnen som tekst)`
          : '';
        return {
          line,
          column: 'kommunenummer',
          value: rawNumber,
          message:
            kommunenummer === ''
              ? 'kolonne «kommunenummer»: feltet er tomt; forventet et firesifret kommunenummer med ledende null, f.eks. «0301»'
              : `kolonne «kommunenummer»: fant «${displayValue(rawNumber)}»; forventet nøyaktig 4 sifre med ledende null, f.eks. «0301»${hint}`,
        };
      });
    } else {
      const earlier = this.seen.get(kommunenummer);
      if (earlier !== undefined) {
        problems.report(() => ({
          line,
          column: 'kommunenummer',
          value: kommunenummer,
          message: `kolonne «kommunenummer»: «${kommunenummer}» står også på linje ${earlier}; hver kommune kan bare svare én gang (linje ${earlier} og ${line})`,
        }));
      } else {
        this.seen.set(kommunenummer, line);
      }
      if (this.registerSet && !this.registerSet.has(kommunenummer)) {
        problems.report(() => ({
          line,
          column: 'kommunenummer',
          value: kommunenummer,
          message: `kolonne «kommunenummer»: «${kommunenummer}» finnes ikke i kommuneregisteret som gjelder for året (${this.registerSet!.size} kommuner)`,
        }));
      }
    }

    const values = this.values;
    const kept = this.kept;
    values[0] = kommunenummer;
    for (let c = 0; c < kept.length; c++) {
      const col = kept[c];
      const value = col.match.span(text, start[col.index], end[col.index]);
      if (value === undefined) {
        const raw = field(col.index);
        problems.report(() => ({
          line,
          column: col.name,
          value: raw,
          message: `kolonne «${col.name}»: fant «${displayValue(raw)}»; forventet ${this.allowed(col.answerSet)}${encodingHint(raw)}`,
        }));
        continue;
      }
      values[c + 1] = value;
    }
    // Once anything is wrong the result is a failure; keeping answers would only cost memory.
    if (problems.count === 0 && before === 0) {
      if (this.length === this.capacity) this.reserve(Math.max(64, this.capacity * 2));
      this.kommuner.push(kommunenummer);
      for (let c = 0; c < kept.length; c++) {
        const v = values[c + 1];
        const code = v === null ? 0 : this.codeFor(c, v);
        this.codes[c][this.length] = code;
      }
      this.length++;
    }
  }
}
