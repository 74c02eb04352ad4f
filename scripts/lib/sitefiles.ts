import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every file under `root`, relative with '/' separators, in sorted order. */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string) {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) await walk(p);
      else out.push(relative(root, p).split(sep).join('/'));
    }
  }
  await walk(root);
  return out;
}

/** The site path a file is served at ('kommune/x/index.html' → '/kommune/x/'). */
export function pagePath(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

const TEXT_FILE = /\.(html|json|csv|svg|js|mjs|css|xml|txt|md|webmanifest|map)$|^_headers$|^_redirects$/;

/** Files of the built site that are text (worth scanning for a string). */
export function isTextOutput(file: string): boolean {
  return TEXT_FILE.test(file.split('/').pop() ?? file);
}
