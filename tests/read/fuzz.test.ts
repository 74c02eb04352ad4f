// Damaged exports must end in a valid table or clear problems: never an exception, never a hang.
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../src/lib/read/csv';
import { writeCsv } from '../../src/lib/publish/csv';
import { columnAnswerSets } from '../../src/lib/read/labels';
import { formatProblems, readResponses, type ReadOptions } from '../../src/lib/read/responses';
import { cp1252, kommuner, rng, survey2021, utf8, validTable } from './helpers';

const random = rng(20211);
const int = (n: number) => Math.floor(random() * n);
const pick = <T,>(xs: T[]): T => xs[int(xs.length)];

const base = validTable(kommuner.map((k) => k.kommunenummer), 5);
const header = [...base.header, 'kommentar_generelt', 'navn'];
const rows = base.rows.map((r, i) => [...r, i % 2 ? 'Fritekst; med «æøå»\nover to linjer' : '', kommuner[i].kommunenavn]);
const validText = (delimiter: ',' | ';' = ',', eol = '\n') => writeCsv(header, rows, { delimiter }).replace(/\n(?=\d{4}[,;]|$)/g, eol);

type Mutation = (bytes: Uint8Array) => Uint8Array;

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
const garbage = (n: number) => Uint8Array.from({ length: n }, () => int(256));
const removeWhere = (bytes: Uint8Array, which: number[], rate: number) =>
  bytes.filter((b) => !(which.includes(b) && random() < rate));
const replaceCell = (value: string) => {
  const r = rows.map((row) => [...row]);
  r[int(r.length)][int(header.length)] = value;
  return r;
};

const mutations: Record<string, Mutation> = {
  truncate: (b) => b.subarray(0, int(b.length + 1)),
  binaryGarbage: () => garbage(int(4096)),
  garbageInserted: (b) => {
    const at = int(b.length + 1);
    return concat(b.subarray(0, at), garbage(1 + int(64)), b.subarray(at));
  },
  bytesFlipped: (b) => {
    const out = b.slice();
    for (let k = 0; k < 1 + int(20); k++) out[int(out.length)] = int(256);
    return out;
  },
  nulBytes: (b) => b.map((x) => (random() < 0.01 ? 0 : x)),
  utf16: () => {
    const text = validText();
    const out = new Uint8Array(2 + text.length * 2);
    out[0] = 0xff;
    out[1] = 0xfe;
    for (let i = 0; i < text.length; i++) out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    return out;
  },
  cp1252: () => cp1252(validText(';', '\r\n')),
  cp1252WithBom: () => concat(new Uint8Array([0xef, 0xbb, 0xbf]), cp1252(validText(';'))),
  brokenUtf8Tail: (b) => concat(b, new Uint8Array([0xc3])),
  hugeField: () => utf8(writeCsv(header, replaceCell('x'.repeat(1_000_000)))),
  hugeQuotedField: () => utf8(writeCsv(header, replaceCell(`"${'ab;c\n'.repeat(200_000)}`))),
  hugeUnquoted: () => utf8(`${validText()}${'y'.repeat(1_000_000)}`),
  unbalancedQuote: (b) => {
    const at = int(b.length + 1);
    return concat(b.subarray(0, at), utf8('"'), b.subarray(at));
  },
  quotesOnly: () => utf8('"'.repeat(1 + int(50))),
  duplicatedHeader: () => {
    const h = [...header];
    h[int(h.length)] = pick(header);
    return utf8(writeCsv(h, rows));
  },
  emptyFile: () => new Uint8Array(0),
  headerOnly: () => utf8(writeCsv(header, [], { delimiter: pick([',', ';']) })),
  newlinesOnly: () => utf8(pick(['\n', '\r\n', '\r', ' \n\t\n', ';;;\n,,,\n']).repeat(1 + int(100))),
  delimitersDeleted: (b) => removeWhere(b, [0x2c, 0x3b], random() * 0.2),
  newlinesDeleted: (b) => removeWhere(b, [0x0a, 0x0d], random() * 0.5),
  linesDuplicated: () => {
    const lines = validText().split('\n');
    lines.splice(1 + int(lines.length - 1), 0, lines[1 + int(lines.length - 2)]);
    return utf8(lines.join('\n'));
  },
  linesShuffled: () => {
    const lines = validText().split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    return utf8(lines.join('\n'));
  },
  manyGarbageRows: () => {
    const lines = [header.join(',')];
    for (let i = 0; i < 2000; i++) lines.push(Array.from({ length: header.length }, () => String(int(100))).join(','));
    return utf8(lines.join('\n'));
  },
  delimitersOnly: () => utf8(`${pick([',', ';']).repeat(500_000 + int(500_000))}\n1\n`),
  wideGarbageHeader: () => utf8(`${Array.from({ length: 5000 }, (_, i) => `k${i}`).join(';')}\n1;2\n`),
};

const names = Object.keys(mutations);
const small = names.filter((n) => !n.startsWith('huge'));
const canonical = new Map<string, Set<string>>();
for (const [column, set] of columnAnswerSets(survey2021)) canonical.set(column, new Set(survey2021.answerSets[set]));

function makeCase(i: number): { name: string; bytes: Uint8Array; options: ReadOptions } {
  const start = utf8(validText(pick([',', ';']), pick(['\n', '\r\n'])));
  // Run every mutation at least once in turn, then random chains of one to three.
  // Megabyte cases are few so the whole file stays fast (reading speed is the engine benchmark's job).
  const chain = i < names.length ? [names[i]] : Array.from({ length: 1 + int(3) }, () => pick(random() < 0.05 ? names : small));
  let bytes: Uint8Array = start;
  for (const m of chain) bytes = mutations[m](bytes);
  const options: ReadOptions = {
    file: `fuzz-${i}.csv`,
    survey: survey2021,
    register: random() < 0.5 ? kommuner : null,
    encoding: pick(['auto', 'auto', 'utf-8', 'windows-1252'] as const),
    maxProblems: pick([undefined, 1, 5, 50]),
  };
  return { name: chain.join('+'), bytes, options };
}

describe('reader fuzz', () => {
  it('returns a valid table or clear problems for 400 damaged files', () => {
    const failures: string[] = [];
    let okCount = 0;
    let problemCount = 0;
    const seenNames = new Set<string>();
    const samples: Record<string, string> = {};
    for (let i = 0; i < 400; i++) {
      const { name, bytes, options } = makeCase(i);
      seenNames.add(name);
      let result;
      try {
        result = readResponses(bytes, options);
      } catch (err) {
        failures.push(`${i} ${name}: threw ${String(err)}`);
        continue;
      }
      if (!result.ok && !samples[name]) samples[name] = result.problems[0].message.slice(0, 150);
      if (result.ok) {
        okCount++;
        if (result.rows.length === 0) failures.push(`${i} ${name}: ok without rows`);
        for (const row of result.rows) {
          if (!/^\d{4}$/.test(row.kommunenummer)) failures.push(`${i} ${name}: kommunenummer ${row.kommunenummer}`);
          for (const [key, value] of Object.entries(row)) {
            if (key === 'kommunenummer') continue;
            const allowed = canonical.get(key);
            if (!allowed) failures.push(`${i} ${name}: unknown column ${key} in a row`);
            else if (value !== null && !allowed.has(value)) failures.push(`${i} ${name}: non-canonical ${key}=${value}`);
          }
        }
      } else {
        problemCount++;
        const problems = result.problems;
        if (problems.length === 0) failures.push(`${i} ${name}: failure without problems`);
        if (problems.length > (options.maxProblems ?? 50) + 1) failures.push(`${i} ${name}: ${problems.length} problems`);
        for (const p of problems) {
          if (typeof p.message !== 'string' || p.message.trim() === '') failures.push(`${i} ${name}: empty message`);
          if (/[\r\n]/.test(p.message)) failures.push(`${i} ${name}: multi-line message ${JSON.stringify(p.message)}`);
          if (p.message.length > 2000) failures.push(`${i} ${name}: message of ${p.message.length} chars`);
          // The reader's last-resort catch means a bug slipped through; the fuzz must never reach it.
          if (p.message.startsWith('kunne ikke lese filen')) failures.push(`${i} ${name}: internal error ${p.message}`);
          if (p.file !== options.file) failures.push(`${i} ${name}: problem without the file name`);
        }
        if (formatProblems(problems).split('\n').length !== problems.length) failures.push(`${i} ${name}: format lines`);
      }
    }
    if (process.env.FUZZ_STATS) console.log({ okCount, problemCount, samples });
    expect(failures).toEqual([]);
    // The corpus really exercises both outcomes and every mutation.
    expect(okCount).toBeGreaterThan(10);
    expect(problemCount).toBeGreaterThan(200);
    for (const n of names) expect(seenNames.has(n)).toBe(true);
  });

  it('parseCsv throws nothing but CsvSyntaxError on damaged text', () => {
    const others: string[] = [];
    for (let i = 0; i < 120; i++) {
      const { bytes } = makeCase(1000 + i);
      const text = new TextDecoder().decode(bytes);
      try {
        const parsed = parseCsv(text);
        for (const r of parsed.records) if (!(r.line >= 1) || r.fields.length === 0) others.push(`${i}: bad record`);
      } catch (err) {
        if (!(err instanceof CsvSyntaxError)) others.push(`${i}: ${String(err)}`);
        else if (!(err.line >= 1 && err.column >= 1)) others.push(`${i}: position ${err.line}:${err.column}`);
      }
    }
    expect(others).toEqual([]);
  });
});
