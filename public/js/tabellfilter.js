// Progressive enhancement: form[data-table-filter] (hidden without JavaScript) filters the rows of
// the table it names by the rows' data-* attributes, one select per attribute. The filter lives in
// the query string (?fylke=46&prioritering=4), so a filtered view can be shared and reloaded.
for (const form of document.querySelectorAll('form[data-table-filter]')) {
  const table = document.getElementById(form.dataset.tableFilter);
  if (!table) continue;
  const selects = [...form.querySelectorAll('select[name]')];
  const status = form.querySelector('[role="status"]');
  const rows = [...table.tBodies[0].rows];

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
  };

  // Take the filter from the address; a value the select does not offer is ignored.
  const params = new URLSearchParams(location.search);
  for (const s of selects) {
    const v = params.get(s.name);
    if (v !== null && [...s.options].some((o) => o.value === v)) s.value = v;
  }
  form.hidden = false;
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
