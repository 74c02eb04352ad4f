// Snapshot comparison in the manner of Plot's own test suite: normalise, compare with the committed
// tests/snapshots/output/<name>.svg, write <name>-changed.svg beside it on a mismatch.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const OUTPUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'output');

/**
 * Rounds decimals to one place, renumbers ids in document order (id0, id1, …) everywhere they are
 * referenced, and puts each tag on its own line so a diff points at the changed element.
 */
export function normaliseSvg(svg: string): string {
  let out = svg.replace(/-?\d+\.\d+/g, (m) => {
    const r = Math.round(Number(m) * 10) / 10;
    return String(Object.is(r, -0) ? 0 : r);
  });
  const ids = [...new Set([...out.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]))];
  // Longest first, and only whole tokens, so «m-ukjent-legend» is not half-replaced by «m-ukjent».
  const renamed = new Map(ids.map((id, i) => [id, `id${i}`]));
  for (const id of [...ids].sort((a, b) => b.length - a.length)) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, 'g'), renamed.get(id)!);
  }
  return out.replace(/>\s*</g, '>\n<').trim() + '\n';
}

export interface SnapshotResult {
  ok: boolean;
  message: string;
}

export function compareSnapshot(
  name: string,
  svg: string,
  opts: { dir?: string; update?: boolean } = {},
): SnapshotResult {
  const dir = opts.dir ?? OUTPUT_DIR;
  const update = opts.update ?? process.env.UPDATE_SNAPSHOTS === '1';
  mkdirSync(dir, { recursive: true });
  const expectedFile = path.join(dir, `${name}.svg`);
  const changedFile = path.join(dir, `${name}-changed.svg`);
  const actual = normaliseSvg(svg);
  if (!existsSync(expectedFile)) {
    writeFileSync(expectedFile, actual);
    return update
      ? { ok: true, message: `wrote ${expectedFile}` }
      : { ok: false, message: `new snapshot written, commit it: ${expectedFile}` };
  }
  const expected = readFileSync(expectedFile, 'utf8');
  if (expected === actual) {
    rmSync(changedFile, { force: true });
    return { ok: true, message: 'unchanged' };
  }
  if (update) {
    writeFileSync(expectedFile, actual);
    rmSync(changedFile, { force: true });
    return { ok: true, message: `updated ${expectedFile}` };
  }
  writeFileSync(changedFile, actual);
  return { ok: false, message: `snapshot ${name} changed: compare ${changedFile} with ${expectedFile}` };
}
