// The kommune search both search fields use: the header's (js/finn.js, every page, which loads
// it when a reader first focuses the field, so a page that is only read never fetches it) and the
// overview's list filter (js/sok.js, which imports it).
//
// Ranking: exact name, a name form that starts with the query, a word that does, a name that
// contains it, then names one or two typing slips away («Stavnger» → Stavanger, before Stange).
// Among equal ranks the spelling as typed wins («Bø» before what only folds to «bo»), then today's
// kommuner before former ones, then the name. Digits alone search the kommunenummer.

// Folding lets «tromso» find Tromsø and «karasjok» Kárášjohka; ø, æ and Sami letters do not
// decompose under NFD, so they are mapped by hand.
const LETTERS = { æ: 'ae', ø: 'o', đ: 'd', ŋ: 'n', ŧ: 't' };
const lower = (s) => s.toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim();
const fold = (s) => lower(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[æøđŋŧ]/g, (c) => LETTERS[c]);

/** «Våler (Østfold)» is also «Våler»; «Kárášjohka - Karasjok» is also «Karasjok». */
function forms(name) {
  const plain = name.replace(/\s*\([^)]*\)\s*$/, '');
  return [...new Set([name, plain, ...plain.split(' - ')].map(lower).filter(Boolean))];
}

/** A searchable kommune: `name` and `nr`, plus whatever the caller shows (fylke, href, note, former). */
export function searchEntry(fields) {
  const raw = forms(fields.name);
  return { ...fields, former: Boolean(fields.former), note: fields.note ?? '', raw, folded: raw.map(fold) };
}

// Optimal string alignment distance, stopping early once it exceeds `max`.
function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = null;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

const slips = (q) => (q.length >= 8 ? 2 : q.length >= 4 ? 1 : 0);

// 0 exact, 1 a name form starts with q, 2 a word starts with q, 3 contains q, 4.1 or 4.2 one or
// two slips away (whole name or its start), -1 no match.
function tier(names, q, fuzzy) {
  if (names.some((n) => n === q)) return 0;
  if (names.some((n) => n.startsWith(q))) return 1;
  if (names.some((n) => n.split(/[\s-]+/).some((w) => w.startsWith(q)))) return 2;
  if (names.some((n) => n.includes(q))) return 3;
  const max = fuzzy ? slips(q) : 0;
  if (max === 0) return -1;
  const d = Math.min(...names.map((n) => Math.min(distance(q, n, max), distance(q, n.slice(0, q.length), max))));
  return d <= max ? 4 + d / 10 : -1;
}

const collator = new Intl.Collator('nb');

/** The entries that match `query`, best first, each as { it, t } with its rank t (0 is exact; 4 and above a slip away). */
export function rank(items, query) {
  const qRaw = lower(query);
  const qFold = fold(query);
  if (qFold === '') return [];
  if (/^\d+$/.test(qFold)) {
    return items.filter((it) => it.nr.startsWith(qFold))
      .map((it) => ({ it, t: it.nr === qFold ? 0 : 1 }))
      .sort((x, y) => x.t - y.t || Number(x.it.former) - Number(y.it.former) || x.it.nr.localeCompare(y.it.nr));
  }
  const hits = [];
  for (const it of items) {
    const t = tier(it.folded, qFold, true);
    if (t < 0) continue;
    // A renumbered kommune under its own name («Halden», 0101 → 3101) only adds noise to a name search.
    if (it.former && it.note.startsWith('nytt kommunenummer') && t > 0) continue;
    hits.push({ it, t, spelling: tier(it.raw, qRaw, false) === t ? 0 : 1 });
  }
  hits.sort((x, y) => x.t - y.t || x.spelling - y.spelling || Number(x.it.former) - Number(y.it.former) || collator.compare(x.it.name, y.it.name) || x.it.nr.localeCompare(y.it.nr));
  return hits.map(({ it, t }) => ({ it, t }));
}
