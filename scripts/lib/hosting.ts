// The build's host step: write the chosen profile's files (site root and the configuration folder
// beside it), measure the result and refuse it when it crosses one of the host's limits. Runs on
// the temporary output, before the swap, so a refused build leaves the previous output untouched.
import { readdir, readFile, stat } from 'node:fs/promises';
import { forEachLimited } from './limited';
import type { DynamicRedirect, StaticRedirect } from '../../src/lib/publish/redirectRules';
import { join } from 'node:path';
import type { BuildEffects } from './effects';
import { checkLimits, limitFailureMessage, type LimitCheck, type OutputMeasure } from '../../src/lib/publish/checkLimits';
import { HOST_LIMITS, HOST_NAMES, SOFT_FOR_ANY, type HostName } from '../../src/lib/publish/hostLimits';
import { renderProfile, type ProfileInput, type ProfileOutput } from '../../src/lib/publish/profiles';

/** The neutral rules the profile rendered, beside its configuration (the preview serves by them). */
export const RULES_FILE = 'digikommune-rules.json';

/** What a build rendered its profile from: enough to render (and preview) any other profile. */
export interface BuiltRules {
  host: HostName;
  base: string;
  /** Files the profile wrote into the site root. */
  site: string[];
  redirects: StaticRedirect[];
  dynamic: DynamicRedirect[];
}

export async function readBuiltRules(configDir: string): Promise<BuiltRules | null> {
  try {
    return JSON.parse(await readFile(join(configDir, RULES_FILE), 'utf8')) as BuiltRules;
  } catch {
    return null;
  }
}

export async function writeProfile(fx: BuildEffects, siteDir: string, configDir: string, host: HostName, input: ProfileInput): Promise<ProfileOutput> {
  const profile = renderProfile(host, input);
  for (const [name, text] of Object.entries(profile.site)) await fx.writeFile(join(siteDir, name), text);
  await fx.mkdir(configDir);
  for (const [name, text] of Object.entries(profile.beside)) await fx.writeFile(join(configDir, name), text);
  const rules: BuiltRules = { host, base: input.base, site: Object.keys(profile.site), redirects: [...input.fixed], dynamic: [...input.dynamic] };
  await fx.writeFile(join(configDir, RULES_FILE), `${JSON.stringify(rules, null, 1)}\n`);
  return profile;
}

/** Files and bytes under `dir` (the site root as the host receives it). */
export async function measureTree(dir: string): Promise<Pick<OutputMeasure, 'files' | 'bytes' | 'largest'>> {
  let files = 0;
  let bytes = 0;
  let largest = { path: '', bytes: 0 };
  // Sums, and the largest file by size then path: the same whatever order the files come in.
  async function walk(d: string, rel: string) {
    await forEachLimited(await readdir(d, { withFileTypes: true }), async (e) => {
      const p = join(d, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(p, r);
      else if (e.isFile()) {
        const size = (await stat(p)).size;
        files++;
        bytes += size;
        if (size > largest.bytes || (size === largest.bytes && r < largest.path)) largest = { path: r, bytes: size };
      }
    });
  }
  await walk(dir, '');
  return { files, bytes, largest };
}

export async function measureOutput(siteDir: string, profile: ProfileOutput): Promise<OutputMeasure> {
  return profileMeasure(await measureTree(siteDir), profile);
}

/** What a host's limits are checked against: the tree's size plus the profile's own rules and files. */
export function profileMeasure(tree: Pick<OutputMeasure, 'files' | 'bytes' | 'largest'>, profile: ProfileOutput): OutputMeasure {
  const redirects = profile.site._redirects ?? '';
  const csp = Object.values({ ...profile.site, ...profile.beside })
    .flatMap((t) => t.match(/default-src[^"\n]*/g) ?? [])
    .reduce((n, s) => Math.max(n, s.length), 0);
  return {
    ...tree,
    staticRules: profile.counts.staticRules,
    dynamicRules: profile.counts.dynamicRules,
    headerRules: profile.counts.headerRules,
    redirectsFileBytes: Buffer.byteLength(redirects),
    redirectLineChars: redirects.split('\n').reduce((n, l) => Math.max(n, l.length), 0),
    configBytes: Buffer.byteLength(profile.site['staticwebapp.config.json'] ?? ''),
    functionBytes: Buffer.byteLength(profile.beside['cloudfront-function.js'] ?? ''),
    headerValueChars: csp,
  };
}

/** A host limit crossed: the build stops before the swap (see errors.ts failureKind). */
export class HostLimitError extends Error {
  constructor(message: string, readonly checks: LimitCheck[]) {
    super(message);
    this.name = 'HostLimitError';
  }
}

/** Which limits stop the build and which (the default profile's size limits) only warn. */
export function judgeLimits(host: HostName, measure: OutputMeasure): { checks: LimitCheck[]; failed: LimitCheck[]; warning: string | null } {
  const checks = checkLimits(host, measure);
  const soft = (c: LimitCheck) => host === 'any' && SOFT_FOR_ANY.includes(c.key);
  const warned = checks.filter((c) => !c.ok && soft(c));
  return { checks, failed: checks.filter((c) => !c.ok && !soft(c)), warning: warned.length > 0 ? softLimitWarning(warned) : null };
}

/** Throws a HostLimitError naming every limit crossed; returns the checks when all are within. */
export async function checkOutput(siteDir: string, profile: ProfileOutput): Promise<{ measure: OutputMeasure; checks: LimitCheck[]; warning: string | null }> {
  const measure = await measureOutput(siteDir, profile);
  const { checks, failed, warning } = judgeLimits(profile.host, measure);
  if (failed.length > 0) throw new HostLimitError(limitFailureMessage(profile.host, failed, measure.largest.path), failed);
  return { measure, checks, warning };
}

/** The default build over a free plan's size: which hosts it no longer fits, and what to do. */
function softLimitWarning(warned: LimitCheck[]): string {
  const what = warned.map((c) => `${c.label} ${c.value.toLocaleString('nb-NO')} > ${c.limit.toLocaleString('nb-NO')}`).join(', ');
  const hosts = HOST_NAMES.filter((h) => h !== 'any' && warned.some((c) => (HOST_LIMITS[h].limits[c.key]?.value ?? Infinity) < c.value)).map((h) => HOST_LIMITS[h].title);
  return `Advarsel: bygget passer ikke lenger på ${hosts.join(', ')} (${what}). Bygg med --host <vert> for verten dere bruker; da stopper bygget over vertens grenser.`;
}

/** The one line a build prints about what its host cannot do (nothing when it can do it all). */
export function cannotLine(profile: ProfileOutput): string | null {
  if (profile.cannot.length === 0) return null;
  return `Merk (--host ${profile.host}, ${HOST_LIMITS[profile.host].title}): ${profile.cannot.join("; ")} (se README, «Hosting»).`;
}
