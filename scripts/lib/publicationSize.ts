// What a host counts of a built site (issue 17 §4): files, bytes of file content, the largest
// file, `_redirects` rules and meta-refresh redirect pages; and the verdict against the strictest
// free tiers' limits (scripts/budgets.json «publication»).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from './sitefiles';

export interface PublicationSize {
  files: number;
  bytes: number;
  largest: { file: string; bytes: number };
  /** Non-empty, non-comment lines of `_redirects` (0 when there is none). */
  redirectRules: number;
  /** HTML pages that only redirect (meta refresh). */
  redirectPages: number;
}

export interface PublicationBudget {
  maxFiles: number;
  maxBytes: number;
  maxFileBytes: number;
  maxRedirectRules: number;
}

export async function measurePublication(dir: string): Promise<PublicationSize> {
  const files = await listFiles(dir);
  const size: PublicationSize = { files: files.length, bytes: 0, largest: { file: '', bytes: 0 }, redirectRules: 0, redirectPages: 0 };
  for (const f of files) {
    const bytes = (await stat(join(dir, f))).size;
    size.bytes += bytes;
    if (bytes > size.largest.bytes) size.largest = { file: f, bytes };
    if (f.endsWith('.html') && bytes < 4096 && /http-equiv="?refresh/i.test(await readFile(join(dir, f), 'utf8'))) size.redirectPages++;
  }
  if (files.includes('_redirects')) {
    size.redirectRules = (await readFile(join(dir, '_redirects'), 'utf8')).split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#')).length;
  }
  return size;
}

export interface SizeCheck { name: string; value: number; limit: number; unit: string; ok: boolean }

export function checkPublication(label: string, s: PublicationSize, b: PublicationBudget): SizeCheck[] {
  const MB = 1_000_000;
  const MiB = 1024 * 1024;
  return [
    { name: `${label}: filer`, value: s.files, limit: b.maxFiles, unit: '' },
    { name: `${label}: bytes i alt`, value: s.bytes / MB, limit: b.maxBytes / MB, unit: 'MB' },
    { name: `${label}: største fil (${s.largest.file})`, value: s.largest.bytes / MiB, limit: b.maxFileBytes / MiB, unit: 'MiB' },
    { name: `${label}: regler i _redirects`, value: s.redirectRules, limit: b.maxRedirectRules, unit: '' },
  ].map((c) => ({ ...c, ok: c.value <= c.limit }));
}

export function describePublication(label: string, s: PublicationSize): string {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1).replace('.', ',')} MB`;
  return `  ${label.padEnd(22)} ${s.files} filer, ${mb(s.bytes)}, største fil ${s.largest.file} (${(s.largest.bytes / 1024).toFixed(0)} KB), ${s.redirectRules} regler i _redirects, ${s.redirectPages} videresendingssider`;
}
