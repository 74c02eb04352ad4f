// Progressive enhancement: form[data-table-filter] (hidden without JavaScript) filters the rows of
// the table it names by the rows' data-* attributes, one select per attribute. The filter lives in
// the query string (?fylke=46&prioritering=4), so a filtered view can be shared and reloaded.
// While a filter is set, the table's download links (p[data-table-downloads]) give the rows shown,
// in the order shown: the published file with the other lines left out, columns unchanged.
// The published files, fetched once per link when a filter is first set.
const files = new Map();
const fetchText = (href) => {
  // Decoded keeping a byte-order mark: the Excel file needs it to read UTF-8.
  const decode = (buf) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
  if (!files.has(href)) files.set(href, fetch(href).then((r) => (r.ok ? r.arrayBuffer().then(decode) : Promise.reject(new Error(String(r.status))))));
  return files.get(href);
};

// One CSV line's fields (RFC 4180 quoting); enough to find the kommunenummer column.
function fields(line, sep) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}

// The file's header (and a BOM or «sep=» line before it) kept, then the lines of the given
// kommuner in the given order. Null when the file has no kommunenummer column.
function subset(text, nrs) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  let h = 0;
  while (h < lines.length && !/kommunenummer/.test(lines[h])) h++;
  if (h === lines.length) return null;
  const header = lines[h].replace(/^\uFEFF/, '');
  const sep = [';', ',', '\t'].find((s) => fields(header, s).includes('kommunenummer'));
  if (!sep) return null;
  const col = fields(header, sep).indexOf('kommunenummer');
  const byNr = new Map();
  for (const line of lines.slice(h + 1)) {
    if (line === '') continue;
    const nr = fields(line, sep)[col];
    if (!byNr.has(nr)) byNr.set(nr, []);
    byNr.get(nr).push(line);
  }
  const body = nrs.flatMap((nr) => byNr.get(nr) ?? []);
  return [...lines.slice(0, h + 1), ...body].join(eol) + eol;
}

const blobs = new WeakMap();
let generation = 0;

async function followRows(downloads, table, filtered) {
  const run = ++generation;
  const links = [...downloads.querySelectorAll('a[data-csv]')];
  const scope = downloads.querySelector('.table-downloads-scope');
  for (const a of links) {
    a.dataset.href ??= a.getAttribute('href');
    a.dataset.name ??= a.getAttribute('download') || a.dataset.href.split('/').pop();
  }
  const restore = () => {
    for (const a of links) {
      if (blobs.has(a)) URL.revokeObjectURL(blobs.get(a));
      blobs.delete(a);
      a.setAttribute('href', a.dataset.href);
      a.setAttribute('download', '');
    }
    if (scope) scope.textContent = '';
  };
  if (!filtered) return restore();
  const nrs = [...table.tBodies[0].rows].filter((r) => !r.hidden).map((r) => r.dataset.nr);
  try {
    const texts = await Promise.all(links.map((a) => fetchText(a.dataset.href)));
    if (run !== generation) return;
    const parts = texts.map((t) => subset(t, nrs));
    if (parts.some((p) => p === null)) return restore();
    links.forEach((a, i) => {
      if (blobs.has(a)) URL.revokeObjectURL(blobs.get(a));
      const url = URL.createObjectURL(new Blob([parts[i]], { type: 'text/csv;charset=utf-8' }));
      blobs.set(a, url);
      a.setAttribute('href', url);
      a.setAttribute('download', a.dataset.name.replace(/\.csv$/, '-utvalg.csv'));
    });
    if (scope) scope.textContent = nrs.length === 1 ? ' (bare den ene kommunen som vises)' : ` (bare de ${nrs.length} kommunene som vises, i samme rekkefølge)`;
  } catch {
    // The full file is still a true download; say nothing we could not do.
    if (run === generation) restore();
  }
}

for (const form of document.querySelectorAll('form[data-table-filter]')) {
  const table = document.getElementById(form.dataset.tableFilter);
  if (!table) continue;
  const selects = [...form.querySelectorAll('select[name]')];
  const status = form.querySelector('[role="status"]');
  const rows = [...table.tBodies[0].rows];
  const downloads = document.querySelector(`[data-table-downloads="${table.id}"]`);

  const apply = () => {
    const wanted = selects.filter((s) => s.value !== '').map((s) => [s.name, s.value]);
    let shown = 0;
    for (const row of rows) {
      const hit = wanted.every(([name, value]) => row.dataset[name] === value);
      row.hidden = !hit;
      if (hit) shown++;
    }
    if (status) status.textContent = `Viser ${shown} av ${rows.length} ${rows.length === 1 ? 'kommune' : 'kommuner'}`;
    const params = new URLSearchParams(location.search);
    for (const s of selects) {
      if (s.value === '') params.delete(s.name);
      else params.set(s.name, s.value);
    }
    const query = params.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    if (downloads) followRows(downloads, table, wanted.length > 0);
  };

  // Take the filter from the address; a value the select does not offer is ignored.
  const params = new URLSearchParams(location.search);
  for (const s of selects) {
    const v = params.get(s.name);
    if (v !== null && [...s.options].some((o) => o.value === v)) s.value = v;
  }
  form.hidden = false;
  table.addEventListener('tablesort', () => {
    if (downloads) followRows(downloads, table, selects.some((s) => s.value !== ''));
  });
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  // «Vis alle» clears the selects here rather than leaving it to the browser's reset, which runs after
  // the event: filtering in the same task means the table is whole when the click has been handled.
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    for (const s of selects) s.value = '';
    apply();
  });
  apply();
}
