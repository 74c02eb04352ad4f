// Site identity is data (issue 9 §3): who publishes, where, how to reach them, under which licence
// the tables are published, and the facts of the accessibility statement. `data/site.json` holds
// it; the demo builds with the committed file unedited, a build for publication must name a
// contact and a real address.
import { checkSite } from '../schema';

export const PLACEHOLDER_ORIGIN = 'https://digikommune.example';

export interface Contact {
  /** E-mail address, or */
  email?: string;
  /** the address of a contact form. */
  form?: string;
}

export interface Licence {
  id: string; // SPDX id, 'CC-BY-4.0'
  name: string;
  url: string;
  /** The credit line re-users must give. */
  credit: string;
}

export interface AccessibilityFacts {
  /** ISO date the statement was last reviewed by a person. */
  reviewed: string;
  /** Known deviations from WCAG 2.1 AA, in plain Norwegian; empty when none are known. */
  deviations: { what: string; criterion: string; plan: string; check?: string; path?: string }[];
  /** Where a reader complains when the publisher does not answer (uutilsynet). */
  complaint: { name: string; url: string };
}

export interface SiteIdentity {
  publisher: string;
  /** The site's name, as cited. */
  title: string;
  siteUrl: string;
  contact: Contact | null;
  licence: Licence;
  accessibility: AccessibilityFacts;
}

export class IdentityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Reads and checks `site.json` (src/lib/schema/site.ts); every problem names the file and the field. */
export function parseIdentity(text: string, file: string): SiteIdentity {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new IdentityError(`${file}: ugyldig JSON (${(e as Error).message})`);
  }
  const checked = checkSite(raw, file);
  if (!checked.ok) throw new IdentityError(`${file} kan ikke brukes:\n${checked.problems.map((p) => `  ${p.file}: ${p.message}`).join('\n')}`);
  return checked.value;
}

/**
 * A build for publication (`--site` or SITE_URL given) must say who answers and where it lives:
 * no contact, or the demo's placeholder origin, stops the build before anything is computed.
 * Returns the origin to build with.
 */
export function publicationOrigin(identity: SiteIdentity, site: string | undefined, file: string): string {
  if (site === undefined || site.trim() === '') return identity.siteUrl;
  const origin = site.trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+/.test(origin)) throw new IdentityError(`--site/SITE_URL: ventet en absolutt adresse (https://…), fant «${site}»`);
  if (origin === PLACEHOLDER_ORIGIN) {
    throw new IdentityError(`--site/SITE_URL er demoens plassholder ${PLACEHOLDER_ORIGIN}; oppgi nettstedets egen adresse.`);
  }
  if (!identity.contact) {
    throw new IdentityError(
      `Bygg for publisering (--site/SITE_URL ${origin}) krever et kontaktpunkt, men ${file} har «contact»: null.\n` +
      `  Sett «contact» i ${file}, f.eks. "contact": { "email": "digikommune@example.no" } eller { "form": "https://…/kontakt" },\n` +
      '  og gjerne «publisher» og «siteUrl». Uten --site/SITE_URL bygges demoen som før.',
    );
  }
  return origin;
}

/** `mailto:` or the form address: what a reader clicks to reach the publisher. */
export function contactHref(c: Contact): string {
  return c.email ? `mailto:${c.email}` : c.form!;
}

export function contactText(c: Contact): string {
  return c.email ?? c.form!;
}
