// File edges shared by the engine CLIs (indicators, bins): resolve and read the survey definition,
// the register and the responses. Everything is read and checked before anything is written.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem, RegisterRow, SurveyDefinition } from '../../src/lib/types';
import { readResponses, formatProblems, type ReadSuccess } from '../../src/lib/read/responses';
import type { EncodingChoice } from '../../src/lib/read/decode';
import { readRegister } from '../../src/lib/read/register';
import { parseSurveyDefinition } from '../../src/lib/pipeline/survey';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SURVEY_DIR = join(ROOT, 'data', 'surveys');

/** A failure the user can fix: printed as the problems, exit code 1, no stack trace. */
export class CliInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
  }
}

/**
 * A path as the user typed it, resolved against the directory they typed it in: `npm run` starts
 * scripts in the package root and leaves the caller's directory in INIT_CWD.
 */
export function userPath(p: string): string {
  // Only our own npm script's INIT_CWD: one inherited from an outer `npm test` names another directory.
  const viaNpmRun = ['indicators', 'bins'].includes(process.env.npm_lifecycle_event ?? '');
  return resolve((viaNpmRun && process.env.INIT_CWD) || process.cwd(), p);
}

export const ENCODINGS: readonly EncodingChoice[] = ['auto', 'utf-8', 'windows-1252'];

function readBytes(path: string, what: string): Uint8Array {
  const full = userPath(path);
  if (!existsSync(full)) throw new CliInputError([{ file: path, message: `fant ikke ${what}` }]);
  try {
    return readFileSync(full);
  } catch (e) {
    throw new CliInputError([{ file: path, message: `kunne ikke lese ${what}: ${(e as Error).message}` }]);
  }
}

export function knownSurveys(): string[] {
  try {
    return readdirSync(SURVEY_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  } catch {
    return [];
  }
}

/** `--survey 2021` → data/surveys/2021.json; anything else is a path to a definition file. */
export function loadSurvey(arg: string): SurveyDefinition {
  const builtIn = join(SURVEY_DIR, `${arg}.json`);
  const isId = /^[\w-]+$/.test(arg) && !arg.endsWith('json');
  const path = isId && existsSync(builtIn) ? builtIn : arg;
  if (isId && !existsSync(builtIn) && !existsSync(userPath(arg))) {
    throw new CliInputError([{ file: arg, message: `ukjent skjema «${arg}»; kjente skjema: ${knownSurveys().join(', ')} (eller oppgi stien til en skjemadefinisjon i JSON)` }]);
  }
  const parsed = parseSurveyDefinition(new TextDecoder().decode(readBytes(path, 'skjemadefinisjonen')), path);
  if (!parsed.ok) throw new CliInputError(parsed.problems);
  return parsed.survey;
}

/** The reference format, read as forgivingly as an export (encoding, `;`, only kommunenummer required). */
export function loadRegister(path: string): RegisterRow[] {
  const result = readRegister(readBytes(path, 'kommuneregisteret'), path);
  if (!result.ok) throw new CliInputError(result.problems);
  return result.rows;
}

/** The reader's result: `responses` column by column, `rows` built only if asked for. */
export type LoadedResponses = Pick<ReadSuccess, 'responses' | 'rows' | 'columns' | 'notes'>;

export function loadResponses(path: string, survey: SurveyDefinition, register: RegisterRow[] | null, encoding: EncodingChoice): LoadedResponses {
  const result = readResponses(readBytes(path, 'svarfila'), { file: path, survey, register, encoding });
  if (!result.ok) throw new CliInputError(result.problems);
  return result;
}

export function parseEncoding(value: string | undefined): EncodingChoice {
  const v = (value ?? 'auto').toLowerCase();
  if (v === 'utf8') return 'utf-8';
  if (v === 'cp1252' || v === 'latin1') return 'windows-1252';
  if (!(ENCODINGS as readonly string[]).includes(v)) {
    throw new CliInputError([{ file: '--encoding', value: value, message: `ukjent tegnkoding «${value}»; bruk ${ENCODINGS.join(', ')}` }]);
  }
  return v as EncodingChoice;
}
