// Progressive enhancement: the header's «Finn kommune» link becomes a search field on every page.
// The index (/sok.json) is fetched the first time the field gets focus, so pages load nothing extra.
// Ranking: exact name, name starts with the query, a word starts with it, name contains it, then
// names one or two typing slips away («Stavnger» → Stavanger). Former kommuner (Finnøy) lead to
// today's. Enter opens the best hit only when it is the single best; two exact matches (Herøy) are
// listed and Enter says so instead of picking one.
const host = document.querySelector('[data-finn]');
if (host) {
  const LETTERS = { æ: 'ae', ø: 'o', đ: 'd', ŋ: 'n', ŧ: 't' };
  const lower = (s) => s.toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim();
  const fold = (s) => lower(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[æøđŋŧ]/g, (c) => LETTERS[c]);
  // «Våler (Østfold)» is also «Våler»; «Kárášjohka - Karasjok» is also «Karasjok».
  const forms = (name) => {
    const plain = name.replace(/\s*\([^)]*\)\s*$/, '');
    return [...new Set([name, plain, ...plain.split(' - ')].map((f) => fold(f)).filter(Boolean))];
  };
  // Optimal string alignment distance, stopping early once it exceeds `max`.
  const distance = (a, b, max) => {
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
  };
  const slips = (q) => (q.length >= 8 ? 2 : q.length >= 4 ? 1 : 0);
  // 0 exact, 1 starts with, 2 a word starts with, 3 contains, 4 a slip away (whole name or its start).
  const tier = (names, q) => {
    if (names.some((n) => n === q)) return 0;
    if (names.some((n) => n.startsWith(q))) return 1;
    if (names.some((n) => n.split(/[\s-]+/).some((w) => w.startsWith(q)))) return 2;
    if (names.some((n) => n.includes(q))) return 3;
    // A slip away: 4.1 for one slip, 4.2 for two, so «Stavnger» puts Stavanger before Stange.
    const max = slips(q);
    if (max === 0) return -1;
    const d = Math.min(...names.map((n) => Math.min(distance(q, n, max), distance(q, n.slice(0, q.length), max))));
    return d <= max ? 4 + d / 10 : -1;
  };
  const collator = new Intl.Collator('nb');

  const form = document.createElement('form');
  form.className = 'finn';
  form.setAttribute('role', 'search');
  form.setAttribute('aria-label', 'Finn kommune');
  const label = document.createElement('label');
  label.htmlFor = 'finn-felt';
  label.textContent = 'Finn kommune';
  const input = document.createElement('input');
  input.id = 'finn-felt';
  input.type = 'search';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.placeholder = 'Navn eller nr.';
  input.setAttribute('aria-controls', 'finn-treff');
  input.setAttribute('aria-describedby', 'finn-status');
  const status = document.createElement('p');
  status.id = 'finn-status';
  status.className = 'finn-status';
  status.setAttribute('role', 'status');
  status.hidden = true;
  const results = document.createElement('ul');
  results.id = 'finn-treff';
  results.className = 'finn-treff';
  results.hidden = true;
  const panel = document.createElement('div');
  panel.className = 'finn-panel';
  panel.append(status, results);
  form.append(label, input, panel);
  host.replaceChildren(form);

  let items = null;
  let loading = null;
  const load = () => {
    if (!loading) {
      loading = fetch(host.dataset.finn)
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
        .then((data) => {
          const names = new Map();
          for (const [name] of data.k) {
            const plain = name.replace(/\s*\([^)]*\)\s*$/, '');
            names.set(plain, (names.get(plain) ?? 0) + 1);
          }
          items = [
            ...data.k.map(([name, nr, fylke, href]) => ({ name, nr, fylke, href, note: '', former: false, folded: forms(name) })),
            ...data.f.map(([name, nr, fylke, note, href, year]) => ({ name, nr, fylke, href, note, year, former: true, folded: forms(name) })),
          ];
          // The fylke is added once, and only where the name does not carry it already.
          for (const it of items) it.where = /\)\s*$/.test(it.name) ? '' : it.fylke;
          run();
        })
        .catch(() => {
          loading = null;
          show([], 'Søket kunne ikke lastes. Bruk listen over alle kommuner på oversikten.');
        });
    }
    return loading;
  };

  const rank = (q) => {
    const qFold = fold(q);
    if (/^\d+$/.test(qFold)) {
      return items.filter((it) => it.nr.startsWith(qFold))
        .map((it) => ({ it, t: it.nr === qFold ? 0 : 1 }))
        .sort((x, y) => x.t - y.t || Number(x.it.former) - Number(y.it.former) || x.it.nr.localeCompare(y.it.nr));
    }
    const hits = [];
    for (const it of items) {
      const t = tier(it.folded, qFold);
      if (t < 0) continue;
      // A renumbered kommune under its own name («Halden», 0101 → 3101) only adds noise to a name search.
      if (it.former && it.note.startsWith('nytt kommunenummer') && t > 0) continue;
      hits.push({ it, t });
    }
    hits.sort((x, y) => x.t - y.t || Number(x.it.former) - Number(y.it.former) || collator.compare(x.it.name, y.it.name) || x.it.nr.localeCompare(y.it.nr));
    return hits;
  };

  let current = [];
  const show = (hits, message) => {
    current = hits;
    results.replaceChildren(...hits.slice(0, 12).map(({ it }) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = it.href;
      a.textContent = it.name;
      li.append(a);
      const words = it.former ? ` – ${it.note}` : it.where ? ` (${it.where})` : '';
      if (words) {
        const span = document.createElement('span');
        span.className = 'finn-fylke';
        span.textContent = words;
        li.append(span);
      }
      return li;
    }));
    results.hidden = hits.length === 0;
    status.textContent = message;
    status.hidden = message === '';
  };

  const run = () => {
    const q = input.value.trim();
    if (q === '') {
      show([], '');
      return;
    }
    if (!items) {
      load();
      return;
    }
    const hits = rank(q);
    const n = hits.length;
    const fuzzy = n > 0 && hits[0].t >= 4;
    show(hits, n === 0 ? `Ingen treff på «${q}».`
      : fuzzy ? `Ingen kommune heter «${q}». Mente du ${hits[0].it.name}?`
      : n > 12 ? `${n} treff; de 12 første vises.`
      : `${n} treff.`);
  };

  input.addEventListener('focus', () => { load(); }, { once: true });
  input.addEventListener('input', run);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!items) return;
    const hits = current;
    if (hits.length === 0) {
      run();
      return;
    }
    const single = hits.length === 1 || hits[0].t < hits[1].t;
    if (single) {
      window.location.assign(hits[0].it.href);
      return;
    }
    const tied = hits.filter((h) => h.t === hits[0].t).length;
    status.textContent = `${tied === 2 ? 'To' : tied} kommuner passer like godt: velg en i listen.`;
    status.hidden = false;
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && !results.hidden) {
      e.preventDefault();
      results.querySelector('a')?.focus();
    } else if (e.key === 'Escape') {
      input.value = '';
      show([], '');
    }
  });
  results.addEventListener('keydown', (e) => {
    const links = [...results.querySelectorAll('a')];
    const i = links.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' && i < links.length - 1) { e.preventDefault(); links[i + 1].focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); (i === 0 ? input : links[i - 1]).focus(); }
    if (e.key === 'Escape') { input.focus(); }
  });
  // Clicking elsewhere closes the list; the text stays.
  document.addEventListener('click', (e) => {
    if (!form.contains(e.target)) { results.hidden = true; status.hidden = true; }
  });
  input.addEventListener('focus', () => { if (input.value.trim()) run(); });
}
