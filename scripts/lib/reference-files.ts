// The edge of the reference data: where it is (file system, environment, working directory) and
// reading it. Everything decided about it (resolution order, parsing, coverage) is delegated to the
// pure modules in src/lib/reference/. Used by the scripts (build, indicators, reference, demo) and tests.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BoundaryFileRef, CorrespondenceRow, RegisterRow, StructureEntry } from '../../src/lib/types';
import { checkCoverage, parseCorrespondence } from '../../src/lib/reference/correspondence';
import { ReferenceDataError, ReferenceMissingError } from '../../src/lib/reference/errors';
import { parseRegister } from '../../src/lib/reference/register';
import {
  REFERENCE_CACHE,
  REFERENCE_ENV,
  SOURCE_LABEL,
  howToGetReference,
  resolveReference,
  type ResolvedReference,
} from '../../src/lib/reference/resolve';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

export interface ReferenceOptions {
  /** Value of `--reference <dir>`, if given. */
  reference?: string | null;
  /** Environment to read DIGIKOMMUNE_REFERENCE from; defaults to process.env. */
  env?: Record<string, string | undefined>;
  projectRoot?: string;
  cwd?: string;
}

export function resolveReferenceDir(opts: ReferenceOptions = {}): ResolvedReference | null {
  const projectRoot = opts.projectRoot ?? PROJECT_ROOT;
  return resolveReference({
    option: opts.reference ?? null,
    env: (opts.env ?? process.env)[REFERENCE_ENV] ?? null,
    projectRoot,
    cwd: opts.cwd ?? process.cwd(),
    exists: existsSync,
  });
}

function noReferenceMessage(projectRoot: string): string {
  return [
    'Fant ingen referansedata (kommuneregistre og kartgrenser).',
    `Så etter: --reference, ${REFERENCE_ENV}, ${path.join(projectRoot, REFERENCE_CACHE)}/ og ${path.resolve(projectRoot, '..', 'shared')}/.`,
    howToGetReference(),
  ].join('\n');
}

/** Like resolveReferenceDir, but throws ReferenceMissingError with what to do when nothing resolves. */
export function requireReferenceDir(opts: ReferenceOptions = {}): ResolvedReference {
  const r = resolveReferenceDir(opts);
  if (!r) throw new ReferenceMissingError(noReferenceMessage(opts.projectRoot ?? PROJECT_ROOT));
  return r;
}

/** Absolute path of a file in the reference directory; throws naming the path when it is missing. */
export function referencePath(ref: ResolvedReference, relative: string): string {
  const p = path.resolve(ref.dir, relative);
  if (!existsSync(p)) {
    throw new ReferenceMissingError(
      `Referansefilen ${p} finnes ikke (referansekatalog ${ref.dir}, fra ${SOURCE_LABEL[ref.source]}).\n${howToGetReference()}`,
      p,
    );
  }
  return p;
}

export function readReferenceText(ref: ResolvedReference, relative: string): string {
  return readFileSync(referencePath(ref, relative), 'utf8');
}

export function loadRegister(ref: ResolvedReference, relative: string): RegisterRow[] {
  return parseRegister(readReferenceText(ref, relative), referencePath(ref, relative));
}

export function loadCorrespondence(ref: ResolvedReference, relative: string): CorrespondenceRow[] {
  return parseCorrespondence(readReferenceText(ref, relative), referencePath(ref, relative));
}

// ------------------------------------------------------------------ structures

export interface BoundaryFile extends BoundaryFileRef {
  /** Absolute path of the TopoJSON file. */
  path: string;
}

export interface LoadedStructure {
  structure: StructureEntry;
  reference: ResolvedReference;
  registerFile: string;
  register: RegisterRow[];
  kommuneBoundaries: BoundaryFile | null;
  fylkeBoundaries: BoundaryFile | null;
  /** Set when the structure names a previous one; the correspondence is checked for coverage. */
  previous: {
    structure: StructureEntry;
    registerFile: string;
    register: RegisterRow[];
    correspondenceFile: string;
    correspondence: CorrespondenceRow[];
  } | null;
}

export function readStructureEntry(id: string, dataDir = path.join(PROJECT_ROOT, 'data')): StructureEntry {
  const file = path.join(dataDir, 'structures', `${id}.json`);
  if (!existsSync(file)) throw new ReferenceMissingError(`Kommuneinndelingen «${id}» finnes ikke: ${file} mangler.`, file);
  const entry = JSON.parse(readFileSync(file, 'utf8')) as StructureEntry;
  if (entry.id !== id) throw new Error(`${file}: id er «${entry.id}», ventet «${id}»`);
  return entry;
}

function boundary(ref: ResolvedReference, b: BoundaryFileRef | null): BoundaryFile | null {
  return b ? { ...b, path: referencePath(ref, b.file) } : null;
}

/**
 * Everything a structure needs from the reference directory, checked: the register, the boundary
 * file paths, and (if `previous` is set) the previous register and the correspondence, whose
 * coverage of both registers is verified.
 */
export function loadStructure(
  id: string,
  opts: ReferenceOptions & { dataDir?: string; resolved?: ResolvedReference } = {},
): LoadedStructure {
  const ref = opts.resolved ?? requireReferenceDir(opts);
  const structure = readStructureEntry(id, opts.dataDir);
  const registerFile = referencePath(ref, structure.register);
  const register = loadRegister(ref, structure.register);
  let previous: LoadedStructure['previous'] = null;
  if (structure.previous) {
    const prev = readStructureEntry(structure.previous.structure, opts.dataDir);
    const prevRegister = loadRegister(ref, prev.register);
    const correspondenceFile = referencePath(ref, structure.previous.correspondence);
    const correspondence = loadCorrespondence(ref, structure.previous.correspondence);
    const problems = checkCoverage(correspondence, prevRegister, register, correspondenceFile);
    if (problems.length > 0) {
      throw new ReferenceDataError(problems, `Korrespondansen ${correspondenceFile} passer ikke til registrene ${prev.id} og ${id}:`);
    }
    previous = {
      structure: prev,
      registerFile: referencePath(ref, prev.register),
      register: prevRegister,
      correspondenceFile,
      correspondence,
    };
  }
  return {
    structure,
    reference: ref,
    registerFile,
    register,
    kommuneBoundaries: boundary(ref, structure.kommuneBoundaries),
    fylkeBoundaries: boundary(ref, structure.fylkeBoundaries),
    previous,
  };
}

/** Parsed TopoJSON of a boundary file (as loaded by loadStructure). */
export function readBoundary(b: BoundaryFile): unknown {
  return JSON.parse(readFileSync(b.path, 'utf8'));
}
