// The reference lock on disk: reading `data/reference.lock.json`, hashing the files of a reference
// directory, and what the build does when they differ (stop for data it found by itself, warn for
// a directory the user chose). The comparison itself is the pure src/lib/reference/lock.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from '../../src/lib/reference/hash';
import {
  LOCK_FILE,
  ReferenceLockError,
  compareWithLock,
  describeDifference,
  formatLock,
  parseLock,
  type LockDifference,
  type ReferenceLock,
} from '../../src/lib/reference/lock';
import { SOURCE_LABEL, type ResolvedReference } from '../../src/lib/reference/resolve';

export function lockPath(projectRoot: string): string {
  return path.join(projectRoot, LOCK_FILE);
}

/** The committed lock, or null when the project has none. */
export function readLock(projectRoot: string): ReferenceLock | null {
  const p = lockPath(projectRoot);
  return existsSync(p) ? parseLock(readFileSync(p, 'utf8'), p) : null;
}

export function writeLock(projectRoot: string, hashes: Record<string, string>): string {
  const p = lockPath(projectRoot);
  writeFileSync(p, formatLock(hashes));
  return p;
}

/** SHA-256 of each named file under `dir` (null for a missing one). */
export function hashFiles(dir: string, files: readonly string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const f of files) {
    const p = path.join(dir, f);
    out[f] = existsSync(p) ? sha256(readFileSync(p)) : null;
  }
  return out;
}

/** The lock's files in `dir` that are missing or differ from their locked SHA-256. */
export function lockDifferences(lock: ReferenceLock, dir: string): LockDifference[] {
  return compareWithLock(lock, hashFiles(dir, Object.keys(lock.files)));
}

export interface LockCheck {
  /** Files that differ from the lock (only ever non-empty for an explicit --reference / DIGIKOMMUNE_REFERENCE). */
  differences: LockDifference[];
}

/**
 * Reference data the build found by itself (download, the data/reference/ cache, ../shared/) must
 * match the lock: the build stops naming each file that differs. A directory the user chose
 * (--reference, DIGIKOMMUNE_REFERENCE) is used as given, with a warning listing the differences;
 * the manifest records the hashes of the files actually read.
 */
export function checkReferenceLock(ref: ResolvedReference, projectRoot: string, log: (line: string) => void): LockCheck {
  const lock = readLock(projectRoot);
  const explicit = ref.source === 'option' || ref.source === 'env';
  if (!lock) {
    if (explicit) {
      log(`Advarsel: ${LOCK_FILE} mangler; referansedataene i ${ref.dir} kan ikke kontrolleres.`);
      return { differences: [] };
    }
    throw new ReferenceLockError(`${lockPath(projectRoot)} mangler: referansedataene i ${ref.dir} kan ikke kontrolleres. Lag den med \`npm run reference -- --update\`.`);
  }
  const differences = lockDifferences(lock, ref.dir);
  if (differences.length === 0) return { differences };
  const lines = differences.map((d) => `  - ${describeDifference(d)}`);
  if (explicit) {
    log(
      [
        `Advarsel: referansedataene fra ${SOURCE_LABEL[ref.source]} (${ref.dir}) avviker fra ${LOCK_FILE} i ${differences.length} fil(er):`,
        ...lines,
        '  Bygget bruker dem likevel (eget valg); manifest.json viser SHA-256 for filene som ble lest.',
      ].join('\n'),
    );
    return { differences };
  }
  const first = differences[0].file;
  throw new ReferenceLockError(
    [
      `Referansefilen ${path.join(ref.dir, first)} (fra ${SOURCE_LABEL[ref.source]}) stemmer ikke med ${LOCK_FILE}:`,
      ...lines,
      `Bygget stopper så samme commit ikke gir ulike tall på ulike maskiner. Hent riktige filer med \`npm run reference\`,`,
      'oppdater låsen bevisst med `npm run reference -- --update`, eller bruk filene med --reference <katalog> (gir en advarsel).',
    ].join('\n'),
    differences,
  );
}
