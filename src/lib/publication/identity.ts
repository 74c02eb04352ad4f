// Site identity is data (issue 9 §3): who publishes, where, how to reach them, under which licence
// the tables are published, and the facts of the accessibility statement. `data/site.json` holds
// it; the demo builds with the committed file unedited, a build for publication must name a
// contact and a real address.

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads and checks `site.json`; every problem is named with the field and what was expected. */
export function parseIdentity(text: string, file: string): SiteIdentity {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new IdentityError(`${file}: ugyldig JSON (${(e as Error).message})`);
  }
  const problems: string[] = [];
  const o = (raw ?? {}) as Record<string, unknown>;
  const str = (v: unknown, field: string) => {
    if (typeof v !== 'string' || v.trim() === '') problems.push(`«${field}»: ventet en tekst, fant ${JSON.stringify(v)}`);
    return typeof v === 'string' ? v : '';
  };
  const publisher = str(o.publisher, 'publisher');
  const title = str(o.title, 'title');
  const siteUrl = str(o.siteUrl, 'siteUrl');
  if (siteUrl && !/^https?:\/\/[^/\s]+/.test(siteUrl)) problems.push(`«siteUrl»: ventet en absolutt adresse (https://…), fant «${siteUrl}»`);
  let contact: Contact | null = null;
  if (o.contact !== null && o.contact !== undefined) {
    const c = o.contact as Record<string, unknown>;
    const email = typeof c.email === 'string' && c.email.trim() !== '' ? c.email.trim() : undefined;
    const form = typeof c.form === 'string' && c.form.trim() !== '' ? c.form.trim() : undefined;
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) problems.push(`«contact.email»: ventet en e-postadresse, fant «${email}»`);
    if (form && !/^https:\/\//.test(form)) problems.push(`«contact.form»: ventet en https-adresse, fant «${form}»`);
    if (!email && !form) problems.push('«contact»: ventet «email» eller «form» (eller null i demoen)');
    contact = { ...(email ? { email } : {}), ...(form ? { form } : {}) };
  }
  const l = (o.licence ?? {}) as Record<string, unknown>;
  const licence: Licence = { id: str(l.id, 'licence.id'), name: str(l.name, 'licence.name'), url: str(l.url, 'licence.url'), credit: str(l.credit, 'licence.credit') };
  const a = (o.accessibility ?? {}) as Record<string, unknown>;
  const reviewed = str(a.reviewed, 'accessibility.reviewed');
  if (reviewed && !ISO_DATE.test(reviewed)) problems.push(`«accessibility.reviewed»: ventet ÅÅÅÅ-MM-DD, fant «${reviewed}»`);
  const deviations = Array.isArray(a.deviations) ? a.deviations.map((d, i) => {
    const r = (d ?? {}) as Record<string, unknown>;
    // `check` and `path` tie a deviation to the browser test that finds it (accessibility-checks.json).
    return {
      what: str(r.what, `accessibility.deviations[${i}].what`), criterion: str(r.criterion, `accessibility.deviations[${i}].criterion`), plan: str(r.plan, `accessibility.deviations[${i}].plan`),
      ...(typeof r.check === 'string' ? { check: r.check } : {}), ...(typeof r.path === 'string' ? { path: r.path } : {}),
    };
  }) : (problems.push('«accessibility.deviations»: ventet en liste (tom når ingen avvik er kjent)'), []);
  const c = (a.complaint ?? {}) as Record<string, unknown>;
  const complaint = { name: str(c.name, 'accessibility.complaint.name'), url: str(c.url, 'accessibility.complaint.url') };
  if (problems.length > 0) throw new IdentityError(`${file} kan ikke brukes:\n${problems.map((p) => `  ${file}: ${p}`).join('\n')}`);
  return { publisher, title, siteUrl: siteUrl.replace(/\/+$/, ''), contact, licence, accessibility: { reviewed, deviations, complaint } };
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
