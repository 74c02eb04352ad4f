// ASCII slugs for stable, readable URLs (/kommune/0301-oslo/). Kommune names carry Norwegian and
// Sami letters; transliterate them explicitly rather than trusting Unicode decomposition, which
// leaves ø, æ, đ, ŋ and ŧ untouched.
const MAP: Record<string, string> = {
  æ: 'ae', ø: 'o', å: 'a', ä: 'a', ö: 'o', ü: 'u', é: 'e', è: 'e', ê: 'e',
  á: 'a', à: 'a', č: 'c', đ: 'd', ŋ: 'n', š: 's', ŧ: 't', ž: 'z', ï: 'i', í: 'i', ó: 'o', ú: 'u',
};

export function slugify(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  for (const ch of lower) {
    if (MAP[ch] !== undefined) out += MAP[ch];
    else if (/[a-z0-9]/.test(ch)) out += ch;
    else {
      // Remaining accented Latin letters: strip the diacritic; everything else separates words.
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += /^[a-z0-9]$/.test(base) ? base : '-';
    }
  }
  return out.replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** Longest name part of a slug: addresses stay short enough to read, type and cite. */
export const SLUG_NAME_MAX = 40;

/** The name part, cut at a word boundary when longer than `max` (the number keeps it unique). */
export function boundedSlug(text: string, max = SLUG_NAME_MAX): string {
  const full = slugify(text);
  if (full.length <= max) return full;
  const cut = full.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > 0 ? cut.slice(0, at) : full.slice(0, max)).replace(/-+$/, '');
}

/** `0301-oslo`: the number keeps the slug unique, the name keeps it readable. */
export function kommuneSlug(kommunenummer: string, kommunenavn: string): string {
  return `${kommunenummer}-${boundedSlug(kommunenavn)}`;
}

export function fylkeSlug(fylkesnummer: string, fylkesnavn: string): string {
  return `${fylkesnummer}-${boundedSlug(fylkesnavn)}`;
}
