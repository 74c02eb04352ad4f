// /sammenlign/: reads the chosen kommuner from the address (?k=0301,4601 or ?k=0301&k=4601), fetches
// each kommune's own JSON (written by the pipeline) and lays them out side by side: the latest
// year's grades and scores, then every survey year. Nothing is computed here but the layout.
const form = document.getElementById('sammenlign-valg');
const out = document.getElementById('sammenligning');
const status = document.getElementById('sammenlign-status');
const MAX = 4;
const UNKNOWN = '..';

if (form && out && status) {
  const labels = JSON.parse(form.dataset.labels || '{}');
  const dataDir = form.dataset.data || '/data/kommune/';
  const inputs = [...form.querySelectorAll('input[name="k"]')];
  const choices = document.getElementById('sammenlign-valgt');
  const options = [...document.querySelectorAll('#kommunevalg option')].map((o) => ({
    nr: o.dataset.nr, value: o.value, href: o.dataset.href, fylke: o.dataset.fylke, name: o.value.replace(/\s*\(\d{4}\)$/, ''),
  }));
  const byNr = new Map(options.map((o) => [o.nr, o]));
  const fold = (s) => s.trim().toLocaleLowerCase('nb');
  // «Kautokeino» finds «Guovdageaidnu – Kautokeino» (each form of a name in several languages
  // counts), and «Herøy» both «Herøy (Møre og Romsdal)» and «Herøy (Nordland)».
  const nameForms = (name) => {
    const base = name.replace(/\s*\([^)]*\)$/, '');
    return [...new Set([name, base, ...base.split(/\s+[–-]\s+/)].map(fold))];
  };

  // Former kommuner (merged, split, renumbered) from the header search's index, fetched when needed.
  let former = null;
  const formerIndex = () => {
    former ??= fetch(form.dataset.sok || '/sok.json').then((r) => (r.ok ? r.json() : { f: [] })).then((d) => d.f ?? []).catch(() => []);
    return former;
  };
  const formerOf = async (nr, text) => {
    const entries = await formerIndex();
    const hit = entries.find(([name, n]) => (nr ? n === nr : nameForms(name).includes(fold(text))));
    const today = hit ? /\/kommune\/(\d{4})-/.exec(hit[4])?.[1] : undefined;
    return today && byNr.has(today) ? { name: hit[0], nr: hit[1], what: hit[3], today } : null;
  };

  // What each typed text means: today's kommunenummer, a choice between kommuner of the same name,
  // or today's kommune for a former one (with a note saying so). Unknown text is kept to be named.
  const interpret = async (texts) => {
    const nrs = [];
    const notes = [];
    const ambiguous = [];
    for (const [index, raw] of texts.entries()) {
      const t = raw.trim();
      if (t === '') continue;
      const nr = /(?:^|\()(\d{4})\)?$/.exec(t)?.[1];
      if (nr && byNr.has(nr)) {
        nrs.push(nr);
        continue;
      }
      if (!nr) {
        const hits = options.filter((o) => fold(o.value) === fold(t) || nameForms(o.name).includes(fold(t)));
        if (hits.length === 1) {
          nrs.push(hits[0].nr);
          continue;
        }
        if (hits.length > 1) {
          ambiguous.push({ index, text: t, hits });
          continue;
        }
      }
      const was = await formerOf(nr, t);
      if (was) {
        nrs.push(was.today);
        notes.push(`${was.name} (${was.nr}) – ${was.what}. Viser ${byNr.get(was.today).name} (${was.today}) i stedet.`);
        continue;
      }
      nrs.push(nr ?? t);
    }
    return { nrs, notes, ambiguous };
  };

  // Two kommuner share the name: the reader picks, nothing is chosen silently.
  const offerChoice = ({ index, text, hits }) => {
    status.textContent = `«${text}» passer til ${hits.length} kommuner. Velg hvilken:`;
    const buttons = hits.map((h) => {
      // The name may already say where («Herøy (Nordland)»): then the fylke is not said twice.
      const b = el('button', { type: 'button', text: /\)$/.test(h.name) ? h.value : `${h.name} (${h.fylke}, ${h.nr})` });
      b.addEventListener('click', () => {
        inputs[index].value = h.value;
        choices.replaceChildren();
        form.requestSubmit();
      });
      return b;
    });
    choices.replaceChildren(el('div', { class: 'compare-choice', role: 'group', 'aria-label': `Kommuner som heter ${text}` }, ...buttons));
    buttons[0].focus();
  };

  const fromAddress = () => new URLSearchParams(location.search).getAll('k')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');

  const el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c);
    return e;
  };

  const gradeText = (def, v) => (v === null || v === undefined ? UNKNOWN : `Grad ${v}${def?.labels?.[v] ? ` – ${def.labels[v]}` : ''}`);
  const scoreText = (score, antall) => (score === null || score === undefined ? UNKNOWN : `${score} av 4${antall === null || antall === undefined ? '' : ` (${antall})`}`);
  const kompetanseText = (v) => (v === null || v === undefined ? UNKNOWN : `Kategori ${v}${labels.kompetanse?.categories?.[v] ? ` – ${labels.kompetanse.categories[v]}` : ''}`);
  const yesNo = (v) => (v === null || v === undefined ? UNKNOWN : v === 1 ? 'Ja' : 'Nei');
  const number = (v) => (v === null || v === undefined ? UNKNOWN : new Intl.NumberFormat('nb-NO').format(v));
  const unknownWhy = (row) => (row.svart === 0 ? 'svarte ikke' : 'mangler svar');

  const headRow = (files, first) => el('tr', {}, el('th', { scope: 'col', text: first }), ...files.map((f) => {
    const o = byNr.get(f.kommunenummer);
    return el('th', { scope: 'col' }, o?.href ? el('a', { href: o.href, text: f.kommunenavn }) : f.kommunenavn);
  }));

  const latestTable = (files, year) => {
    const rowOf = (f) => f.rows.filter((r) => r.year === year)[0] ?? null;
    const lines = [
      ['Fylke', (r) => r.fylkesnavn],
      ['Størrelse', (r) => (r.storrelse ? `${labels.storrelse?.[r.storrelse] ?? r.storrelse} innbyggere` : UNKNOWN)],
      ['Innbyggere', (r) => number(r.innbyggere)],
      ['Svarte på undersøkelsen', (r) => yesNo(r.svart)],
      [labels.prioritering?.title ?? 'Digital prioritering', (r) => (r.svart === 0 ? `${UNKNOWN} (svarte ikke)` : gradeText(labels.prioritering, r.prioritering)), 'theme'],
      [labels.simple?.strategi ?? 'Strategi', (r) => scoreText(r.strategi_score, r.strategi_antall)],
      [labels.simple?.prosjekter ?? 'IKT-prosjekter', (r) => scoreText(r.prosjekt_score, r.prosjekt_antall)],
      [labels.aktivitet?.title ?? 'Digital aktivitet', (r) => (r.svart === 0 ? `${UNKNOWN} (svarte ikke)` : gradeText(labels.aktivitet, r.aktivitet)), 'theme'],
      [labels.bruk?.title ?? 'Bruk av digitale tjenester', (r) => gradeText(labels.bruk, r.bruk)],
      [labels.simple?.sky ?? 'Skytjenester', (r) => scoreText(r.sky_score, r.sky_antall)],
      [labels.simple?.innkjop ?? 'Digitale innkjøp', (r) => scoreText(r.innkjop_score, r.innkjop_antall)],
      [labels.tjenester ?? 'Digitalt tjenestetilbud', (r) => scoreText(r.tjenester_score, r.tjenester_poeng)],
      [labels.kompetanse?.title ?? 'Digital kompetanse', (r) => (r.svart === 0 ? `${UNKNOWN} (svarte ikke)` : kompetanseText(r.kompetanse)), 'theme'],
      [labels.simple?.interne ?? 'Interne IKT-funksjoner', (r) => scoreText(r.interne_score, r.interne_antall)],
      ['Manglende kompetanse som hinder', (r) => r.kompetansehinder ?? UNKNOWN],
      ['Prøvde å rekruttere IKT-spesialister', (r) => yesNo(r.rekruttert)],
    ];
    const body = el('tbody');
    for (const [title, cell, kind] of lines) {
      body.append(el('tr', { class: kind === 'theme' ? 'theme-row' : undefined },
        el('th', { scope: 'row', text: title }),
        ...files.map((f) => {
          const r = rowOf(f);
          return el('td', { text: r ? cell(r) : UNKNOWN });
        })));
    }
    return el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `Kommunene side om side, ${year}` },
      el('table', { id: 'sammenlign-aar' },
        el('caption', { text: `Gradene og poengene i ${year}. Poeng 0–4 med antallet de bygger på i parentes. «${UNKNOWN}» = ukjent.` }),
        el('thead', {}, headRow(files, 'Tema')),
        body));
  };

  const overTimeTable = (files, years) => {
    let incomparable = false;
    const themes = [
      ['prioritering', labels.prioritering?.title ?? 'Digital prioritering', (v) => `grad ${v}`],
      ['aktivitet', labels.aktivitet?.title ?? 'Digital aktivitet', (v) => `grad ${v}`],
      ['kompetanse', 'Digital kompetanse', (v) => `kategori ${v}`],
    ];
    const body = el('tbody');
    for (const [key, title, fmt] of themes) {
      for (const year of years) {
        body.append(el('tr', {},
          el('th', { scope: 'row', text: `${title} ${year}` }),
          ...files.map((f) => {
            const rows = f.rows.filter((r) => r.year === year);
            if (rows.length === 0) return el('td', { text: UNKNOWN });
            const text = rows.map((r) => {
              const v = r[key];
              const base = v === null || v === undefined ? `${UNKNOWN} (${unknownWhy(r)})` : fmt(v);
              // A merged year has one value per former kommune: each names whose it is.
              const owned = rows.length > 1 ? `${r.kommunenavn_opprinnelig} (${r.kommunenummer_opprinnelig}): ${base}` : base;
              if (r.sammenlignbar === 1) return owned;
              incomparable = true;
              return `${owned} *`;
            }).join(' / ');
            return el('td', { text });
          })));
      }
    }
    const box = el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Kommunene over tid' },
      el('table', { id: 'sammenlign-over-tid' },
        el('caption', { text: `Gradene i hvert undersøkelsesår (${years.join(', ')}).` }),
        el('thead', {}, headRow(files, 'Tema og år')),
        body));
    const notes = [box];
    if (incomparable) notes.push(el('p', { class: 'note', text: '* Tallet gjelder et annet område enn dagens kommune (før en deling eller sammenslåing) og er ikke direkte sammenlignbart.' }));
    const oldNames = files.flatMap((f) => f.rows.filter((r) => r.kommunenummer_opprinnelig !== f.kommunenummer || r.kommunenavn_opprinnelig !== f.kommunenavn)
      .map((r) => `${f.kommunenavn} ${r.year}: tallene gjelder ${r.kommunenavn_opprinnelig} (${r.kommunenummer_opprinnelig})`));
    if (oldNames.length > 0) notes.push(el('ul', { class: 'note' }, ...[...new Set(oldNames)].map((t) => el('li', { text: t }))));
    return notes;
  };

  // Below 45rem site.css (table.compare) shows each row as a block: the row's name on top, then one
  // line per kommune named from data-label, so four kommuner fit at 320 px with no column squeezed.
  // The explicit roles keep it a table for screen readers when CSS changes its display.
  const forPhones = (table, files) => {
    table.classList.add('compare');
    table.setAttribute('role', 'table');
    for (const group of [table.tHead, ...table.tBodies]) group?.setAttribute('role', 'rowgroup');
    for (const row of table.rows) {
      row.setAttribute('role', 'row');
      [...row.cells].forEach((cell, i) => {
        if (cell.tagName === 'TD') {
          cell.setAttribute('role', 'cell');
          cell.dataset.label = files[i - 1]?.kommunenavn ?? '';
        } else cell.setAttribute('role', cell.scope === 'col' ? 'columnheader' : 'rowheader');
      });
    }
  };

  const render = async (nrs) => {
    out.replaceChildren();
    if (nrs.length === 0) {
      status.textContent = 'Velg kommuner over, eller åpne siden fra en kommuneside.';
      return;
    }
    status.textContent = 'Henter tallene …';
    const unknown = nrs.filter((nr) => !byNr.has(nr));
    const known = nrs.filter((nr) => byNr.has(nr));
    const files = [];
    for (const nr of known) {
      try {
        const res = await fetch(`${dataDir}${nr}.json`);
        if (!res.ok) throw new Error(String(res.status));
        files.push(await res.json());
      } catch {
        unknown.push(nr);
      }
    }
    const problems = unknown.length ? ` Fant ingen kommune for ${unknown.map((u) => `«${u}»`).join(', ')} i dagens kommuneinndeling.` : '';
    if (files.length === 0) {
      status.textContent = `Ingen kommuner å vise.${problems}`;
      return;
    }
    const years = [...new Set(files.flatMap((f) => f.rows.map((r) => r.year)))].sort((a, b) => a - b);
    const latest = labels.year ?? years[years.length - 1];
    const demo = files.some((f) => f.demodata);
    out.append(
      el('h2', { id: 'side-om-side', text: `${files.map((f) => f.kommunenavn).join(', ')} i ${latest}` }),
      latestTable(files, latest),
      el('h2', { id: 'over-tid', text: 'Over tid' }),
      ...overTimeTable(files, years),
      el('p', { class: 'muted', text: `Tallene er fra filene for hver kommune (oppdatert ${files[0].oppdatert}; versjon per år: ${Object.entries(files[0].versjoner ?? {}).map(([y, v]) => `${y}: ${v}`).join(', ')})${demo ? ', syntetiske demodata – ikke SSBs statistikk' : ''}.` }),
    );
    for (const table of out.querySelectorAll('table')) forPhones(table, files);
    status.textContent = `Viser ${files.length} ${files.length === 1 ? 'kommune' : 'kommuner'}.${problems}`;
  };

  const choose = (nrs, { push, notes = [] }) => {
    choices.replaceChildren();
    const unique = [...new Set(nrs)];
    const shown = unique.slice(0, MAX);
    inputs.forEach((input, i) => {
      input.value = shown[i] ? (byNr.get(shown[i])?.value ?? shown[i]) : '';
    });
    const query = shown.length ? `?k=${shown.map(encodeURIComponent).join(',')}` : '';
    const url = `${location.pathname}${query}${location.hash}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    render(shown).then(() => {
      if (unique.length > MAX) status.textContent += ` Bare de ${MAX} første vises.`;
      if (notes.length) status.textContent += ` ${notes.join(' ')}`;
    });
  };

  // Typed in the form or given in the address: the same reading of names and numbers.
  const start = async (texts, { push }) => {
    const { nrs, notes, ambiguous } = await interpret(texts);
    if (ambiguous.length > 0) {
      texts.slice(0, MAX).forEach((t, i) => { if (inputs[i]) inputs[i].value = t; });
      offerChoice(ambiguous[0]);
      return;
    }
    choose(nrs, { push, notes });
  };

  form.hidden = false;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    start(inputs.map((i) => i.value), { push: true });
  });
  window.addEventListener('popstate', () => start(fromAddress(), { push: false }));
  start(fromAddress(), { push: false });
}
