// Progressive enhancement: a search field above the kommune list (the list works without it).
// While a query is typed the grouped list gives way to one ranked list: exact name first, then names
// that start with the query, then names with a word that does, then names that merely contain it.
// Enter opens the first entry, so «Hå» opens Hå and not Haugesund.
const host = document.querySelector('[data-kommunesok]');
const list = document.getElementById('kommuneliste');
if (host && list) {
  // Folding lets «tromso» find Tromsø and «karasjok» Kárášjohka; ø, æ and Sami letters do not
  // decompose under NFD, so they are mapped by hand.
  const LETTERS = { æ: 'ae', ø: 'o', đ: 'd', ŋ: 'n', ŧ: 't' };
  const lower = (s) => s.toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim();
  const fold = (s) => lower(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[æøđŋŧ]/g, (c) => LETTERS[c]);
  // «Våler (Østfold)» is also «Våler»; «Kárášjohka - Karasjok» is also «Karasjok».
  const forms = (name) => {
    const plain = name.replace(/\s*\([^)]*\)\s*$/, '');
    return [...new Set([name, plain, ...plain.split(' - ')].map((f) => f.trim()).filter(Boolean))];
  };
  // 0 exact, 1 a name form starts with q, 2 a word starts with q, 3 contains q, -1 no match.
  const tier = (names, q) => {
    if (names.some((n) => n === q)) return 0;
    if (names.some((n) => n.startsWith(q))) return 1;
    if (names.some((n) => n.split(/[\s-]+/).some((w) => w.startsWith(q)))) return 2;
    if (names.some((n) => n.includes(q))) return 3;
    return -1;
  };
  const collator = new Intl.Collator('nb');

  const label = document.createElement('label');
  label.className = 'search-field';
  label.textContent = 'Søk etter kommune (navn eller kommunenummer)';
  const input = document.createElement('input');
  input.type = 'search';
  input.autocomplete = 'off';
  input.setAttribute('aria-controls', 'kommunetreff');
  input.setAttribute('aria-describedby', 'kommunesok-hjelp');
  label.append(input);
  const help = document.createElement('p');
  help.id = 'kommunesok-hjelp';
  help.className = 'search-help';
  help.textContent = 'Enter åpner det første treffet.';
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  const results = document.createElement('ol');
  results.id = 'kommunetreff';
  results.className = 'search-results';
  results.hidden = true;
  host.append(label, help, status, results);

  const items = [...list.querySelectorAll('li')].map((li) => {
    const a = li.querySelector('a');
    const name = (a?.textContent || '').trim();
    const fylke = li.closest('[data-fylke]')?.querySelector('h3')?.textContent?.trim() || '';
    const raw = forms(name).map(lower);
    return { a, name, fylke, nr: li.dataset.kommunenummer || '', raw, folded: raw.map(fold) };
  });

  const rank = (q) => {
    const qRaw = lower(q);
    const qFold = fold(q);
    // Digits alone search the kommunenummer («0301» or «03» finds Oslo); anything else the names.
    if (/^\d+$/.test(qRaw)) {
      return items.filter((it) => it.nr.startsWith(qRaw)).sort((x, y) => (x.nr === qRaw ? 0 : 1) - (y.nr === qRaw ? 0 : 1) || x.nr.localeCompare(y.nr));
    }
    const hits = [];
    for (const it of items) {
      const t = tier(it.folded, qFold);
      if (t < 0) continue;
      // Among equal tiers the spelling as typed wins: «Bø» before anything that only folds to «bo».
      const exactSpelling = tier(it.raw, qRaw) === t ? 0 : 1;
      hits.push({ it, key: [t, exactSpelling] });
    }
    hits.sort((x, y) => x.key[0] - y.key[0] || x.key[1] - y.key[1] || collator.compare(x.it.name, y.it.name) || x.it.nr.localeCompare(y.it.nr));
    return hits.map((h) => h.it);
  };

  let current = [];
  input.addEventListener('input', () => {
    const q = input.value.trim();
    if (q === '') {
      current = [];
      results.replaceChildren();
      results.hidden = true;
      list.hidden = false;
      status.textContent = '';
      return;
    }
    current = rank(q);
    results.replaceChildren(...current.map((it) => {
      const li = document.createElement('li');
      li.dataset.kommunenummer = it.nr;
      const link = document.createElement('a');
      link.href = it.a.getAttribute('href');
      link.textContent = it.name;
      const where = document.createElement('span');
      where.className = 'search-fylke';
      where.textContent = ` (${it.fylke})`;
      li.append(link, where);
      return li;
    }));
    results.hidden = false;
    list.hidden = true;
    const n = current.length;
    status.textContent = n === 0 ? 'Ingen kommuner passer' : `${n} ${n === 1 ? 'kommune passer' : 'kommuner passer'}`;
  });
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    const first = results.querySelector('a');
    if (first) {
      e.preventDefault();
      first.click();
    }
  });
}
