import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from './linkcheck';

/** relative path → SHA-256 of every file under `root`. */
export async function treeHashes(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of await listFiles(root)) out.set(f, createHash('sha256').update(await readFile(join(root, f))).digest('hex'));
  return out;
}
