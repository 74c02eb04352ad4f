// Progressive enhancement: the header's «Finn kommune» link becomes a search field on every page.
// The index (/sok.json) and the ranking (js/kommunesok.js, typo-tolerant: «Stavnger» → Stavanger)
// are fetched the first time the field gets focus, so pages load nothing extra. Former kommuner
// (Finnøy) lead to today's. Enter opens the best hit only when it is the single best; two exact
// matches (Herøy) are listed and Enter says so instead of picking one.
const host = document.querySelector('[data-finn]');
if (host) {
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
  let rank = null;
  let loading = null;
  const load = () => {
    if (!loading) {
      // The index and the ranking (js/kommunesok.js, shared with the overview's list filter) together.
      const index = fetch(host.dataset.finn).then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))));
      loading = Promise.all([index, import('./kommunesok.js')])
        .then(([data, search]) => {
          items = [
            ...data.k.map(([name, nr, fylke, href]) => search.searchEntry({ name, nr, fylke, href })),
            ...data.f.map(([name, nr, fylke, note, href, year]) => search.searchEntry({ name, nr, fylke, href, note, year, former: true })),
          ];
          rank = search.rank;
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
    const hits = rank(items, q);
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
