// Input errors are the user's to fix: they print as a list of problems, never as a stack trace.
import type { Problem } from '../../src/lib/types';

export class InputError extends Error {
  readonly problems: Problem[];
  constructor(message: string, problems: Problem[] = []) {
    super(message);
    this.name = 'InputError';
    this.problems = problems;
  }
}

/**
 * `file:line: message`. The reader's messages already name the column, the value found and what
 * was expected; column and value are added only when the message does not mention them.
 */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line !== undefined ? String(p.line) : null].filter(Boolean).join(':');
  const column = p.column !== undefined && !p.message.includes(p.column) ? ` kolonne «${p.column}»:` : '';
  const found = p.value !== undefined && !p.message.includes(p.value) ? ` fant «${truncate(p.value, 60)}»;` : '';
  return `${where}:${column}${found} ${p.message}`;
}

export function formatProblems(problems: Problem[], limit = 50): string {
  const lines = problems.slice(0, limit).map((p) => `  ${formatProblem(p)}`);
  if (problems.length > limit) lines.push(`  … og ${problems.length - limit} problemer til`);
  return lines.join('\n');
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/** One line for the user: input errors with their problems; anything else with its message only. */
export function describeFailure(error: unknown): string {
  if (error instanceof InputError) {
    return error.problems.length > 0 ? `${error.message}\n${formatProblems(error.problems)}` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What kind of failure the user is looking at; null for a bug (no label). */
export function failureKind(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  // The network, not the user's files, failed: say so instead of blaming the input.
  if (error.name === 'ReferenceOfflineError' || error.name === 'ReferenceDownloadError') return 'nedlasting av referansedata';
  if (error instanceof InputError || /^(InputError|Reference\w*Error)$/.test(error.name)) return 'feil i inndata';
  if (error.name === 'PrivacyLeakError') return 'personvern';
  if (error.name === 'HostLimitError') return 'over vertens grense';
  return null;
}

/**
 * The first lines a failed build prints. Claims only what is true: «urørt» only when an earlier
 * output was in place (a fresh clone has none).
 */
export function buildFailureMessage(error: unknown, previous: boolean, out: string): string {
  const kind = failureKind(error);
  const state = previous ? `forrige versjon av ${out} er urørt` : `ingenting er skrevet til ${out}`;
  return `Bygget feilet${kind ? ` (${kind})` : ''}; ${state}.\n${describeFailure(error)}`;
}
