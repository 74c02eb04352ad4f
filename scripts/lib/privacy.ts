// A last line of defence: before anything is published, the build scans every output file for the
// values of never-published columns (free text, contacts, time use) found in the raw input. The
// reader already drops those columns; this guard makes a leak anywhere later a failed build
// instead of a publication. Matching is on a normalised form (entities decoded, case and
// punctuation ignored) so escaping or reformatting cannot hide a value.

export interface Secret {
  value: string;
  column: string;
  file: string;
  line: number;
}

/** Values shorter than this (normalised) are too common to tell a leak from chance (e.g. «Ja»). */
export const MIN_SECRET_LENGTH = 8;

// Letters HTML may spell as entities; every other named entity is punctuation or space here.
const LETTER_ENTITIES: Record<string, string> = {
  aelig: 'æ', oslash: 'ø', aring: 'å', auml: 'ä', ouml: 'ö', uuml: 'ü', eacute: 'é', egrave: 'è', aacute: 'á',
};

export function normalise(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      const k = e.toLowerCase();
      if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
      if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
      return LETTER_ENTITIES[k] ?? '';
    })
    .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@]+/gu, '');
}

/** Values worth guarding: long enough after normalising, each distinct value once. */
export function guardedSecrets(secrets: Secret[]): (Secret & { key: string })[] {
  const seen = new Set<string>();
  const out: (Secret & { key: string })[] = [];
  for (const s of secrets) {
    const key = normalise(s.value);
    if (key.length < MIN_SECRET_LENGTH || seen.has(key)) continue;
    seen.add(key);
    out.push({ ...s, key });
  }
  return out;
}

/**
 * Finds any guarded value in `text`. A rolling hash over windows of MIN_SECRET_LENGTH characters
 * finds candidates in one pass, however many values are guarded; candidates are then compared.
 */
export function makeScanner(secrets: Secret[]): (text: string) => (Secret & { key: string }) | null {
  const guarded = guardedSecrets(secrets);
  const K = MIN_SECRET_LENGTH;
  const B = 257;
  let bk = 1; // B^(K-1) mod 2^32
  for (let i = 1; i < K; i++) bk = Math.imul(bk, B) >>> 0;
  const hashOf = (s: string, from: number) => {
    let h = 0;
    for (let i = from; i < from + K; i++) h = (Math.imul(h, B) + s.charCodeAt(i)) >>> 0;
    return h;
  };
  const byPrefix = new Map<number, (Secret & { key: string })[]>();
  for (const g of guarded) {
    const h = hashOf(g.key, 0);
    const list = byPrefix.get(h);
    if (list) list.push(g);
    else byPrefix.set(h, [g]);
  }
  return (raw: string) => {
    if (guarded.length === 0) return null;
    const t = normalise(raw);
    if (t.length < K) return null;
    let h = hashOf(t, 0);
    for (let i = 0; ; i++) {
      const candidates = byPrefix.get(h);
      if (candidates) for (const c of candidates) if (t.startsWith(c.key, i)) return c;
      if (i + K >= t.length) return null;
      h = (Math.imul((h - Math.imul(t.charCodeAt(i), bk)) >>> 0, B) + t.charCodeAt(i + K)) >>> 0;
    }
  };
}

const TEXT_FILE = /\.(html|json|csv|svg|js|mjs|css|xml|txt|md|webmanifest|map)$|^_headers$|^_redirects$/;

export function isTextOutput(file: string): boolean {
  return TEXT_FILE.test(file.split('/').pop() ?? file);
}
