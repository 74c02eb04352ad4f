// Survey export bytes → validated response rows, or every problem found (up to a cap).

import type { Problem, RegisterRow, ResponseColumns, ResponseRow, SurveyDefinition } from '../types';
import { responseRows } from './responseColumns';
import { CsvSyntaxError, detectDelimiter, scanCsvSpans, type Delimiter, type FieldSpans } from './csv';
import { decodeBytes, type EncodingChoice } from './decode';
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
          body = readHeader(spanStrings(spans), line, survey, problems);
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

  const notes: string[] = [];
  notes.push(`Tegnkoding: ${decoded.encoding}${decoded.bom ? ' med BOM' : ''}; skilletegn «${delimiter}».`);
  if (reader.otherUnits > 0) notes.push(`${reader.otherUnits} rader med enhetstype fylkeskommune eller stat er utelatt (de er ikke kommuner).`);
  if (reader.neverPublished > 0) {
    notes.push(`${reader.neverPublished} kolonner med fritekst, kontaktopplysninger eller tidsbruk er forkastet ved innlesing.`);
  }
  if (reader.unknown.length > 0) {
    const shown = reader.unknown.slice(0, 20).map(displayValue).join(', ');
    notes.push(`${reader.unknown.length} ukjente kolonner er ignorert: ${shown}${reader.unknown.length > 20 ? ', …' : ''}.`);
  }

  return success(reader.responses(), { columns: reader.columns, encoding: decoded.encoding, delimiter, notes });

  // ---- helpers that close over options (function declarations are hoisted)

  function readHeader(raw: string[], headerLine: number, s: SurveyDefinition, list: ProblemList): BodyReader | null {
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
      list.add({ line: headerLine, message: `mangler ${missing.length} påkrevde kolonner: ${namesWithin(missing, 1500)}${separatorHint(raw) || lineEndHint(text)}` });
    }
    if (list.count > 0) return null;
    return new BodyReader(header, firstIndex, s, list, delimiter, options.register ?? null);
  }
}

/** Converts and checks data records once the header is known to be sound. */
class BodyReader {
  readonly columns: string[];
  /** One array per kept column (kommunenummer first), filled while no problem has been found. */
  private readonly data: (string | null)[][];
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
    this.data = this.columns.map(() => []);
  }

  responses(): ResponseColumns {
    const values: Record<string, (string | null)[]> = {};
    this.columns.forEach((name, c) => (values[name] = this.data[c]));
    return { names: this.columns, values, length: this.length };
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
      const data = this.data;
      for (let c = 0; c < values.length; c++) data[c].push(values[c]);
      this.length++;
    }
  }
}
