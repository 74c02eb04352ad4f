// Errors of the reference data (registers, correspondences, boundaries). Messages are Norwegian
// because they reach the user of `npm run build` / `npm run reference` directly.
import type { Problem } from '../types';

/** How many problems one message lists; the rest are counted, not printed. */
export const PROBLEM_CAP = 20;

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line !== undefined ? `linje ${p.line}` : null, p.column ? `kolonne ${p.column}` : null]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}`;
}

/** A reference file exists but its content is wrong. Carries every problem found (capped in the message). */
export class ReferenceDataError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], intro?: string) {
    const shown = problems.slice(0, PROBLEM_CAP).map((p) => `  - ${formatProblem(p)}`);
    if (problems.length > PROBLEM_CAP) shown.push(`  … og ${problems.length - PROBLEM_CAP} problemer til`);
    const head = intro ?? (problems.length === 1 ? 'Feil i referansedata:' : `${problems.length} feil i referansedata:`);
    super([head, ...shown].join('\n'));
    this.name = 'ReferenceDataError';
    this.problems = problems;
  }
}

/** No reference directory, or a file missing in it. The message says how to get the data. */
export class ReferenceMissingError extends Error {
  readonly path: string | null;
  constructor(message: string, path: string | null = null) {
    super(message);
    this.name = 'ReferenceMissingError';
    this.path = path;
  }
}

/** The download could not reach the network at all. */
export class ReferenceOfflineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceOfflineError';
  }
}

/** A download reached the server but got something unusable (HTTP error, wrong checksum, bad JSON). */
export class ReferenceDownloadError extends Error {
  readonly url: string;
  /** HTTP status when the server answered with an error, else null. */
  readonly status: number | null;
  constructor(message: string, url: string, status: number | null = null) {
    super(message);
    this.name = 'ReferenceDownloadError';
    this.url = url;
    this.status = status;
  }
}
