// `_headers` and `_redirects` in the Netlify / Cloudflare Pages format.

// The policies and `_headers` live with the host profiles (src/lib/publish/): one source for every
// host's configuration. Re-exported here for the callers that know them by this module.
export { CONTENT_SECURITY_POLICY, EMBED_CONTENT_SECURITY_POLICY } from '../../src/lib/publish/policies';
export { headersFile } from '../../src/lib/publish/profiles';

export interface Redirect {
  from: string; // path without base, e.g. '/kommune/3025-asker/'
  to: string;
  status?: number;
}

export function redirectsFile(redirects: Redirect[], base: string): string {
  const b = normaliseBaseOf(base);
  const join = (p: string) => b + p.replace(/^\//, '');
  const lines = [...redirects]
    .sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0))
    .map((r) => `${join(r.from)} ${join(r.to)} ${r.status ?? 301}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export { normaliseBase } from '../../src/lib/publish/profiles';
import { normaliseBase as normaliseBaseOf } from '../../src/lib/publish/profiles';
